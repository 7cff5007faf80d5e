package org.schoolcollab.funding;

import java.time.Instant;
import java.util.List;

/** Where funding records are kept, in their community's name, each written once. */
public interface FundingStore {
    /** Stores it unless a record with the same key exists; true when this call stored it. */
    boolean recordIfAbsent(FundingRecord record);

    List<FundingRecord> forCommunity(String communityId);

    /** A programme's records created from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    List<FundingRecord> forProgramme(String programme, Instant from, Instant to);
}
