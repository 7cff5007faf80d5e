package org.schoolcollab.grant;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Ids;
import org.schoolcollab.kernel.Rejection;

import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Staff award a grant to a community. The purposes a programme accepts and its currency come from its funding
 * policy document; the amount is decimal, positive, at most two decimals, never a float.
 */
public final class GrantService {
    private final CommunityService communities;
    private final GrantStore store;
    private final FundingPolicies policies;
    private final Clock clock;
    private final Supplier<String> ids;

    public GrantService(CommunityService communities, GrantStore store, FundingPolicies policies, Clock clock) {
        this(communities, store, policies, clock, Ids.RANDOM);
    }

    public GrantService(CommunityService communities, GrantStore store, FundingPolicies policies, Clock clock,
                        Supplier<String> ids) {
        this.communities = communities;
        this.store = store;
        this.policies = policies;
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Records the grant (its funding record follows from the stream). The award is read (by {@code read}) against the
     * community's rules once the community is known and its programme is known to award grants at all.
     */
    public Grant award(Actor actor, String communityId, Function<GrantRules, AwardGrant> read) {
        actor.requireStaff();
        Community community = communities.get(actor, communityId);
        FundingPolicy policy = policies.forProgramme(community.programme().id());
        List<String> purposes = policy.grantPurposes();
        if (purposes.isEmpty()) {
            throw Rejection.notApplicable("no-grants", "This programme awards no grants",
                    "the " + policy.policyId() + " funding policy (version " + policy.version()
                            + ") names no grant purposes, so no grant can be recorded for this community");
        }
        AwardGrant award = read.apply(new GrantRules(community, purposes, policy.currency()));
        Grant grant = new Grant(ids.get(), community.id(), community.programme(), award.purpose(), award.amount(),
                award.description(), actor.sub(), actor.email(), clock.instant(), community.name(), community.contact());
        store.create(grant);
        return grant;
    }
}
