package org.schoolcollab.plan;

/**
 * AWAITING_UPLOAD when registered; RECEIVED once the stored file passed its checks, REJECTED when it did not.
 * ENDORSED and CHANGES_REQUESTED are set by the review of a RECEIVED plan.
 */
public enum PlanStatus {
    AWAITING_UPLOAD, RECEIVED, REJECTED, ENDORSED, CHANGES_REQUESTED;

    /** Its file passed the checks and is the plan's document (RECEIVED or a later review status). */
    public boolean hasDocument() {
        return this != AWAITING_UPLOAD && this != REJECTED;
    }
}
