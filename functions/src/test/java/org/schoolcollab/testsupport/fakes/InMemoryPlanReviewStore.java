package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.review.PlanReviewStore;

import java.util.Optional;

/**
 * Plan decisions in memory, over the plans they decide: RECEIVED to the decided status with its record, once, and
 * the roles an endorsement records with it.
 */
public final class InMemoryPlanReviewStore implements PlanReviewStore {
    private final InMemoryPlanStore plans;
    private final InMemoryRolesStore roles;

    public InMemoryPlanReviewStore(InMemoryPlanStore plans, InMemoryRolesStore roles) {
        this.plans = plans;
        this.roles = roles;
    }

    @Override
    public Optional<Plan> findPlan(String communityId, String planId) {
        return plans.find(communityId, planId);
    }

    @Override
    public void recordDecision(PlanDecision decision, Optional<RolesRecorded> recorded) {
        PlanStatus to = decision.decision() == PlanDecision.Outcome.ENDORSED
                ? PlanStatus.ENDORSED : PlanStatus.CHANGES_REQUESTED;
        synchronized (roles) { // all or nothing, as the transaction: the roles are checked before the plan moves
            if (recorded.isPresent() && roles.find(decision.communityId()).isPresent()) {
                throw new RolesStore.AlreadyRecordedException();
            }
            if (!plans.decide(decision, to)) {
                throw new NotReceivedException();
            }
            recorded.ifPresent(roles::record);
        }
    }
}
