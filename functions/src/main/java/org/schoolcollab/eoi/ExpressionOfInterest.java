package org.schoolcollab.eoi;

import java.time.Instant;
import java.util.List;

/**
 * A stored application. The submitter comes from the verified token, never from the body; communityId is set
 * once an approval has formed the community.
 */
public record ExpressionOfInterest(String id, EoiApplication application, EoiStatus status,
                                   String submittedBySub, String submittedByEmail, Instant submittedAt,
                                   List<HistoryEntry> history, String communityId) {
    public ExpressionOfInterest {
        history = List.copyOf(history);
    }

    /** A new application: no community yet. */
    public ExpressionOfInterest(String id, EoiApplication application, EoiStatus status, String submittedBySub,
                                String submittedByEmail, Instant submittedAt, List<HistoryEntry> history) {
        this(id, application, status, submittedBySub, submittedByEmail, submittedAt, history, null);
    }

    public record HistoryEntry(Instant at, String event, String by) {}

    /** Whether a school user may see it: they belong to one of its schools. */
    public boolean includesSchool(String schoolNumber) {
        return application.schoolNumbers().contains(schoolNumber);
    }
}
