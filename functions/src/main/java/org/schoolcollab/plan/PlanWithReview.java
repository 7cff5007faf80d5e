package org.schoolcollab.plan;

import java.util.Optional;

/** A plan version and, once staff decided it, their decision: one entry of a community's plan list. */
public record PlanWithReview(Plan plan, Optional<PlanDecision> review) {}
