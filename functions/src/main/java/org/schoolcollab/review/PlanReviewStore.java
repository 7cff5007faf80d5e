package org.schoolcollab.review;

import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;

import java.util.Optional;

/** Where staff's decisions on plan versions are recorded, with the plan's status. */
public interface PlanReviewStore {
    Optional<Plan> findPlan(String communityId, String planId);

    /**
     * Moves the plan from RECEIVED to the decided status and writes the decision record, in one transaction.
     *
     * @throws NotReceivedException when the plan is no longer RECEIVED (decided first by someone else)
     */
    void recordDecision(PlanDecision decision);

    final class NotReceivedException extends RuntimeException {
        public NotReceivedException() {
            super("the plan is no longer RECEIVED");
        }
    }
}
