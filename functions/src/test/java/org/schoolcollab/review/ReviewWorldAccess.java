package org.schoolcollab.review;

import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.testsupport.MutableClock;

/** Opens ReviewWorld to tests in other packages (the handler tests). */
public final class ReviewWorldAccess {
    private ReviewWorldAccess() {}

    public static String community(String table, MutableClock clock, String programme, String communityId, String... schools) {
        return ReviewWorld.community(table, clock, programme, communityId, schools);
    }

    public static void plan(String table, MutableClock clock, String communityId, String planId, int version, PlanStatus status) {
        ReviewWorld.plan(table, clock, communityId, planId, version, status);
    }
}
