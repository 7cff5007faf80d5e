package org.schoolcollab.community;

import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;

import java.time.Instant;
import java.util.List;

/**
 * The programme office's decision on an application: an immutable record. It carries what the reactions to it
 * need (contact, schools, programme), so a stream consumer never reads the application back.
 */
public record EoiDecision(String eoiId, Outcome decision, String wave, String reason, String decidedBySub,
                          String decidedByEmail, Instant decidedAt, String communityId, Programme programme,
                          String communityName, Contact contact, List<School> schools) {
    public enum Outcome { APPROVED, DECLINED }

    public EoiDecision {
        schools = List.copyOf(schools);
    }

    public boolean approved() {
        return decision == Outcome.APPROVED;
    }

    /** The status it moves the application to. */
    public EoiStatus status() {
        return approved() ? EoiStatus.APPROVED : EoiStatus.DECLINED;
    }

    /**
     * The entry it adds to the application's history: its outcome, who made it and when, the approval's wave and the
     * reason (always on a decline; on an approval when one was given).
     */
    public ExpressionOfInterest.HistoryEntry historyEntry() {
        return new ExpressionOfInterest.HistoryEntry(decidedAt, status().name(), decidedBySub,
                approved() ? wave : null, reason);
    }
}
