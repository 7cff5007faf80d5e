package org.schoolcollab.review;

import org.schoolcollab.plan.PlanDecision;

import java.util.Objects;

/**
 * Staff's decision on a received plan version: endorse it (naming the member school that employs the community
 * leader, whose allowance depends on its type) or ask for changes (saying what to change).
 */
public record DecidePlan(PlanDecision.Outcome decision, String comments, String leaderSchoolNumber) {
    public static final int MAX_COMMENTS = 4_000;

    public DecidePlan {
        Objects.requireNonNull(decision, "decision");
    }
}
