package org.schoolcollab.funding;

import java.util.List;

/** Where funding records are kept, in their community's name, each written once. */
public interface FundingStore {
    /** Stores it unless a record with the same key exists; true when this call stored it. */
    boolean recordIfAbsent(FundingRecord record);

    List<FundingRecord> forCommunity(String communityId);
}
