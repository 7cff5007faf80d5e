package org.schoolcollab.visit;

import java.time.LocalDate;
import java.util.Objects;

/** Staff record a challenge visit to a cluster: the day, the action plan version it reviewed, what it found. */
public record RecordChallengeVisit(LocalDate visitDate, String planId, VisitOutcome outcome, String notes) {
    public static final int MAX_NOTES = 4_000;

    public RecordChallengeVisit {
        Objects.requireNonNull(visitDate, "visitDate");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(outcome, "outcome");
    }
}
