package org.schoolcollab.visit;

/** What a visit needs of a plan item (pk COMMUNITY#id, sk PLAN#planId): its version number and status. */
public record PlanVersion(String planId, int version, String status) {
    /** Registered but never uploaded, or its file failed the checks: there is no plan document to review. */
    public boolean hasDocument() {
        return !status.equals("AWAITING_UPLOAD") && !status.equals("REJECTED");
    }
}
