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

    /** A new application, as it is first recorded: submitted now by this user, with no community yet. */
    public static ExpressionOfInterest submitted(String id, EoiApplication application, String bySub, String byEmail,
                                                 Instant at) {
        return new ExpressionOfInterest(id, application, EoiStatus.SUBMITTED, bySub, byEmail, at,
                List.of(new HistoryEntry(at, EoiStatus.SUBMITTED.name(), bySub)));
    }

    /** The application as it was when first recorded (the answer to its submission), whatever happened since. */
    public ExpressionOfInterest asFirstRecorded() {
        return new ExpressionOfInterest(id, application, EoiStatus.valueOf(history.getFirst().event()), submittedBySub,
                submittedByEmail, submittedAt, history.subList(0, 1), null);
    }

    /** A new application: no community yet. */
    public ExpressionOfInterest(String id, EoiApplication application, EoiStatus status, String submittedBySub,
                                String submittedByEmail, Instant submittedAt, List<HistoryEntry> history) {
        this(id, application, status, submittedBySub, submittedByEmail, submittedAt, history, null);
    }

    /**
     * One thing that happened to it. A decision's entry also says what was decided: the wave an approval named (when
     * it named one) and the reason (always on a decline, since the contact is emailed it; on an approval when one
     * was given). Both are null on other entries and on decisions recorded before entries carried them.
     */
    public record HistoryEntry(Instant at, String event, String by, String wave, String reason) {
        /** An entry that is not a decision (SUBMITTED), or an old decision entry. */
        public HistoryEntry(Instant at, String event, String by) {
            this(at, event, by, null, null);
        }
    }

    /** Whether a school user may see it: they belong to one of its schools. */
    public boolean includesSchool(String schoolNumber) {
        return application.schoolNumbers().contains(schoolNumber);
    }
}
