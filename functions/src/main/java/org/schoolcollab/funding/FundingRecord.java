package org.schoolcollab.funding;

import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A stored funding line: which community, which record caused it (a decision, a grant), when, and the school year it
 * pays for (the year it was made in, or for a yearly allowance the year it is for). Its key is
 * derived from the cause, the kind and the recipient, so a replayed cause finds it already there.
 */
public record FundingRecord(String communityId, String programme, String sourceId, FundingLine line, Instant createdAt,
                            int year) {
    /** The source of a released role: "ROLES#" + the role's key (LEADER, ACROSS_SCHOOL#2, ...). */
    public static final String ROLE_SOURCE = "ROLES#";

    /** A record for the school year it was made in, where the programme's schools are. */
    public FundingRecord(String communityId, String programme, String sourceId, FundingLine line, Instant createdAt) {
        this(communityId, programme, sourceId, line, createdAt, Programme.byId(programme)
                .map(p -> p.schoolYear(createdAt)).orElseGet(() -> createdAt.atZone(ZoneOffset.UTC).getYear()));
    }

    public static FundingRecord role(String communityId, String programme, String roleKey, FundingLine line, Instant at) {
        return new FundingRecord(communityId, programme, ROLE_SOURCE + roleKey, line, at);
    }

    public String key() {
        // A role is released once per community, whichever school's staff fills it: its key is the role alone.
        if (sourceId.startsWith(ROLE_SOURCE)) {
            return "FUNDING#" + line.kind() + "#" + sourceId;
        }
        return "FUNDING#" + line.kind() + "#" + sourceId + "#"
                + (line.recipientSchoolNumber() == null ? "COMMUNITY" : line.recipientSchoolNumber());
    }
}
