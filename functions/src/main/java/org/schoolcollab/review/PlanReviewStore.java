package org.schoolcollab.review;

import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;

import java.util.Optional;

/** Where staff's decisions on plan versions are recorded, with the plan's status. */
public interface PlanReviewStore {
    Optional<Plan> findPlan(String communityId, String planId);

    /**
     * Moves the plan from RECEIVED to the decided status and writes the decision record and, where the endorsement
     * records them, the community's roles: in one transaction, so nothing is half-written.
     *
     * @throws NotReceivedException when the plan is no longer RECEIVED (decided first by someone else)
     * @throws RolesStore.AlreadyRecordedException when the community's roles were recorded a moment before
     */
    void recordDecision(PlanDecision decision, Optional<RolesRecorded> roles);

    final class NotReceivedException extends RuntimeException {
        public NotReceivedException() {
            super("the plan is no longer RECEIVED");
        }
    }
}
