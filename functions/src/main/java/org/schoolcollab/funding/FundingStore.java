package org.schoolcollab.funding;

import java.util.List;

public interface FundingStore {
    /** Stores it unless a record with the same key exists; true when this call stored it. */
    boolean recordIfAbsent(FundingRecord record);

    List<FundingRecord> forCommunity(String communityId);
}
