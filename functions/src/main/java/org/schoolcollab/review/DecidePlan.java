package org.schoolcollab.review;

import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.plan.PlanDecision;

import java.util.Objects;
import java.util.Optional;

/**
 * Staff's decision on a received plan version: endorse it (naming the member school that employs the community
 * leader, whose allowance depends on its type) or ask for changes (saying what to change). An endorsement carries the
 * roles the Ministry's staffing system generated, where the policy cannot count them itself.
 */
public record DecidePlan(PlanDecision.Outcome decision, String comments, String leaderSchoolNumber,
                         Optional<RoleAllocation> roleAllocation) {
    public static final int MAX_COMMENTS = 4_000;

    public DecidePlan {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(roleAllocation, "roleAllocation");
    }
}
