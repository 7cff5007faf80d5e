package org.schoolcollab.review;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;

import java.time.Clock;
import java.util.Map;
import java.util.function.Function;

/**
 * Staff endorse a received kahui-ako plan or ask for changes. Endorsement names the school that employs the
 * community leader (the leader's allowance depends on its type). Only a RECEIVED plan can be decided, once.
 */
public final class PlanReviewService {
    private final CommunityService communities;
    private final PlanReviewStore store;
    private final Clock clock;

    public PlanReviewService(CommunityService communities, PlanReviewStore store, Clock clock) {
        this.communities = communities;
        this.store = store;
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
        PlanDecision decision = new PlanDecision(community.id(), plan.planId(), plan.version(), community.programme(),
                command.decision(), command.comments(), command.leaderSchoolNumber(), actor.sub(), actor.email(),
                clock.instant(), community.name(), community.contact(), community.members());
        try {
            store.recordDecision(decision);
        } catch (PlanReviewStore.NotReceivedException e) {
            throw notDecidable(null);
        }
        return decision;
    }

    private static Rejection notDecidable(PlanStatus status) {
        return Rejection.conflict("plan-not-received", "Plan cannot be decided",
                "only a RECEIVED plan can be endorsed or sent back, once"
                        + (status == null ? " (it was decided just now by someone else)" : " (this one is " + status + ")"),
                Map.of());
    }
}
