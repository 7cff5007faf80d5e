package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Funding records in memory, keyed as the DynamoDB store keys them: by community and the record's own key, and a
 * community's listed in the order of that key, as the store's Query of the partition returns them.
 */
public final class InMemoryFundingStore implements FundingStore {
    private final Map<String, FundingRecord> records = new LinkedHashMap<>();

    @Override
    public synchronized boolean recordIfAbsent(FundingRecord record) {
        return records.putIfAbsent(record.communityId() + "|" + record.key(), record) == null;
    }

    @Override
    public synchronized List<FundingRecord> forCommunity(String communityId) {
        return records.values().stream().filter(r -> r.communityId().equals(communityId))
                .sorted(Comparator.comparing(FundingRecord::key)).toList();
    }

    @Override
    public synchronized List<FundingRecord> forProgramme(String programme, Instant from, Instant to) {
        return records.values().stream().filter(r -> r.programme().equals(programme))
                .filter(r -> !r.createdAt().isBefore(from) && r.createdAt().isBefore(to))
                .sorted(Comparator.comparing(FundingRecord::createdAt).thenComparing(FundingRecord::communityId)
                        .thenComparing(FundingRecord::key)).toList();
    }

    public synchronized List<FundingRecord> all() {
        return new ArrayList<>(records.values());
    }
}
