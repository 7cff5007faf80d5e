package org.schoolcollab.funding;

import java.time.Instant;

/**
 * A stored funding line: which community, which record caused it (a decision, a grant), when. Its key is
 * derived from the cause, the kind and the recipient, so a replayed cause finds it already there.
 */
public record FundingRecord(String communityId, String programme, String sourceId, FundingLine line, Instant createdAt) {
    public String key() {
        return "FUNDING#" + line.kind() + "#" + sourceId + "#"
                + (line.recipientSchoolNumber() == null ? "COMMUNITY" : line.recipientSchoolNumber());
    }
}
