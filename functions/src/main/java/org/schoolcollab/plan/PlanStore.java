package org.schoolcollab.plan;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where a community's plan versions are kept, with the verdict on each one's file. */
public interface PlanStore {
    /**
     * Stores a new plan with the community's next version number (1, 2, 3, ...), allocated in the same write:
     * of two registrations at once each gets its own number. Returns the plan with its version.
     */
    Plan register(Plan plan);

    Optional<Plan> find(String communityId, String planId);

    /** The community's plans, by version. */
    List<Plan> list(String communityId);

    /** The community's plans, newest version first, each with staff's review once they decided it. */
    List<PlanWithReview> listWithReviews(String communityId);

    /** AWAITING_UPLOAD to RECEIVED, naming the checked object; false if the plan was no longer AWAITING_UPLOAD. */
    boolean markReceived(String communityId, String planId, Instant at, StoredObject checked);

    /** AWAITING_UPLOAD to REJECTED with the reason; false if the plan was no longer AWAITING_UPLOAD. */
    boolean markRejected(String communityId, String planId, String reason, Instant at, StoredObject checked);

    /** Records that a REJECTED plan's file was moved out of the plans prefix, to this key. */
    void markMoved(String communityId, String planId, String rejectedObjectKey);
}
