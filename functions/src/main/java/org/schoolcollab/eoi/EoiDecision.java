package org.schoolcollab.eoi;

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
}
