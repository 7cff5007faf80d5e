package org.schoolcollab.plan;

import java.time.Instant;

/**
 * Staff's decision on a received plan version as its community's plan list shows it: read from the decision record
 * (review.PlanDecision, written once). {@code decision} is ENDORSED or CHANGES_REQUESTED; {@code comments} and
 * {@code leaderSchoolNumber} are null when the decision gave none.
 */
public record PlanReview(String planId, String decision, String comments, String leaderSchoolNumber,
                         Instant decidedAt) {}
