package org.schoolcollab.review;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.funding.ReleasedRole;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.funding.RoleFunding;
import org.schoolcollab.funding.RoleRelease;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Staff record the roles of a community whose plan was endorsed before its roles were recorded (endorsed before
 * endorsements carried the allocation): once, with the leader's school named at the latest endorsement. Like an
 * endorsement's, the record is checked here so its release never stalls, and its insert on the stream releases them.
 */
public final class RoleAllocationService {
    private final CommunityService communities;
    private final PlanStore plans;
    private final RolesStore roles;
    private final FundingPolicies policies;
    private final Clock clock;

    public RoleAllocationService(CommunityService communities, PlanStore plans, RolesStore roles,
                                 FundingPolicies policies, Clock clock) {
        this.communities = communities;
        this.plans = plans;
        this.roles = roles;
        this.policies = policies;
        this.clock = clock;
    }

    public RolesRecorded record(Actor actor, String communityId, Function<Community, RoleAllocation> read) {
        actor.requireStaff();
        Community community = communities.get(actor, communityId);
        FundingPolicy policy = policies.forProgramme(community.programme().id());
        if (!RoleFunding.rolesApply(policy)) {
            throw Rejection.notApplicable("no-roles-in-programme", "This programme has no roles to record",
                    "a " + community.programme().id() + " community has no community leader, across-school or "
                            + "within-school roles; its funding is awarded as grants");
        }
        PlanDecision endorsement = latestEndorsement(community).orElseThrow(() -> Rejection.conflict("not-endorsed",
                "The plan is not endorsed yet", "a community's roles are recorded when its plan is endorsed: "
                        + "give the allocation with the endorsement", Map.of()));
        RoleAllocation allocation = read.apply(community);
        if (roles.find(community.id()).isPresent()) {
            throw alreadyRecorded();
        }
        if (!community.hasMember(endorsement.leaderSchoolNumber())) {
            throw Rejection.conflict("leader-not-a-member", "The leader's school has left the community",
                    "school " + endorsement.leaderSchoolNumber() + ", named as the leader's school at the endorsement "
                            + "of plan version " + endorsement.planVersion() + ", is no longer a member", Map.of());
        }
        RolesRecorded recorded = new RolesRecorded(community.id(), community.programme(), community.name(),
                community.contact(), community.members(), endorsement.leaderSchoolNumber(), Optional.of(allocation),
                endorsement.planId(), actor.sub(), actor.email(), clock.instant());
        RoleRelease.check(policy, recorded, "");
        try {
            roles.record(recorded);
        } catch (RolesStore.AlreadyRecordedException e) {
            throw alreadyRecorded();
        }
        return recorded;
    }

    /** What recorded roles release, as the policy computes it now (a pure function of the record). */
    public List<ReleasedRole> releases(RolesRecorded recorded) {
        return RoleFunding.forEndorsement(policies.forProgramme(recorded.programme().id()), recorded.endorsed(),
                recorded.allocation());
    }

    private Optional<PlanDecision> latestEndorsement(Community community) {
        return plans.listWithReviews(community.id()).stream() // newest version first
                .flatMap(p -> p.review().stream())
                .filter(PlanDecision::endorsed)
                .findFirst();
    }

    static Rejection alreadyRecorded() {
        return Rejection.conflict("roles-already-recorded", "The community's roles are recorded already",
                "a community's roles are recorded once, and were; its funding page lists them", Map.of());
    }
}
