package org.schoolcollab.review;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.funding.RoleFunding;
import org.schoolcollab.funding.RoleRelease;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Staff endorse a received kahui-ako plan or ask for changes. Endorsement names the school that employs the
 * community leader (the leader's allowance depends on its type) and, the first time, records the community's roles
 * (the allocation the Ministry's staffing system generated, unless the policy counts them itself): checked here, so
 * that their release never stalls, and written with the decision in one transaction. Only a RECEIVED plan can be
 * decided, once.
 */
public final class PlanReviewService {
    private final CommunityService communities;
    private final PlanReviewStore store;
    private final RolesStore roles;
    private final FundingPolicies policies;
    private final Clock clock;

    public PlanReviewService(CommunityService communities, PlanReviewStore store, RolesStore roles,
                             FundingPolicies policies, Clock clock) {
        this.communities = communities;
        this.store = store;
        this.roles = roles;
        this.policies = policies;
        this.clock = clock;
    }

    /**
     * Decides the plan. The decision is read (by {@code read}) once the community is known to be a kahui-ako one, so
     * its members can be checked against the leader's school.
     */
    public PlanDecision decide(Actor actor, String communityId, String planId, Function<Community, DecidePlan> read) {
        actor.requireStaff();
        Community community = communities.get(actor, communityId);
        if (community.programme() != Programme.KAHUI_AKO) {
            throw Rejection.notApplicable("reviewed-by-visits", "Plans of this programme are reviewed by visits",
                    "a " + community.programme().id() + " action plan is reviewed through challenge visits "
                            + "(POST /communities/{id}/challenge-visits), not endorsed");
        }
        DecidePlan command = read.apply(community);
        Plan plan = store.findPlan(community.id(), planId)
                .orElseThrow(() -> Rejection.notFound("no plan " + planId + " in community " + community.id()));
        if (plan.status() != PlanStatus.RECEIVED) {
            throw notDecidable(plan.status());
        }
        var now = clock.instant();
        Optional<RolesRecorded> recorded = command.decision() == PlanDecision.Outcome.ENDORSED
                ? rolesToRecord(actor, community, plan, command, now) : Optional.empty();
        PlanDecision decision = new PlanDecision(community.id(), plan.planId(), plan.version(), community.programme(),
                command.decision(), command.comments(), command.leaderSchoolNumber(), actor.sub(), actor.email(),
                now, community.name(), community.contact(), community.members(), recorded.isPresent());
        try {
            store.recordDecision(decision, recorded);
        } catch (PlanReviewStore.NotReceivedException e) {
            throw notDecidable(null);
        } catch (RolesStore.AlreadyRecordedException e) {
            throw RoleAllocationService.alreadyRecorded();
        }
        return decision;
    }

    /**
     * The roles this endorsement records: none where the programme has no roles or they were recorded before (by an
     * earlier endorsement, or by staff for a community endorsed before roles were recorded); a 409 where an
     * allocation is given for roles already recorded, since it would change nothing.
     */
    private Optional<RolesRecorded> rolesToRecord(Actor actor, Community community, Plan plan, DecidePlan command,
                                                  Instant now) {
        FundingPolicy policy = policies.forProgramme(community.programme().id());
        if (!RoleFunding.rolesApply(policy)) {
            return Optional.empty();
        }
        if (roles.find(community.id()).isPresent()) {
            if (command.roleAllocation().isPresent()) {
                throw RoleAllocationService.alreadyRecorded();
            }
            return Optional.empty();
        }
        RolesRecorded recorded = new RolesRecorded(community.id(), community.programme(), community.name(),
                community.contact(), community.members(), command.leaderSchoolNumber(), command.roleAllocation(),
                plan.planId(), actor.sub(), actor.email(), now);
        RoleRelease.check(policy, recorded, "roleAllocation");
        return Optional.of(recorded);
    }

    private static Rejection notDecidable(PlanStatus status) {
        return Rejection.conflict("plan-not-received", "Plan cannot be decided",
                "only a RECEIVED plan can be endorsed or sent back, once"
                        + (status == null ? " (it was decided just now by someone else)" : " (this one is " + status + ")"),
                Map.of());
    }
}
