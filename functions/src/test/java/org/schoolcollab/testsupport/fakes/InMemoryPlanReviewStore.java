package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.review.PlanReviewStore;

import java.util.Optional;

/** Plan decisions in memory, over the plans they decide: RECEIVED to the decided status with its record, once. */
public final class InMemoryPlanReviewStore implements PlanReviewStore {
    private final InMemoryPlanStore plans;

    public InMemoryPlanReviewStore(InMemoryPlanStore plans) {
        this.plans = plans;
    }

    @Override
    public Optional<Plan> findPlan(String communityId, String planId) {
        return plans.find(communityId, planId);
    }

    @Override
    public void recordDecision(PlanDecision decision) {
        PlanStatus to = decision.decision() == PlanDecision.Outcome.ENDORSED
                ? PlanStatus.ENDORSED : PlanStatus.CHANGES_REQUESTED;
        if (!plans.decide(decision, to)) {
            throw new NotReceivedException();
        }
    }
}
