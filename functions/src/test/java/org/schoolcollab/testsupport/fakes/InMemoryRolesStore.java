package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each community's roles in memory, recorded once, as the DynamoDB store's conditional put does. */
public final class InMemoryRolesStore implements RolesStore {
    private final Map<String, RolesRecorded> byCommunity = new LinkedHashMap<>();

    @Override
    public synchronized Optional<RolesRecorded> find(String communityId) {
        return Optional.ofNullable(byCommunity.get(communityId));
    }

    @Override
    public synchronized void record(RolesRecorded roles) {
        if (byCommunity.putIfAbsent(roles.communityId(), roles) != null) {
            throw new AlreadyRecordedException();
        }
    }

    /** Every record, in the order written: what the stream would deliver. */
    public synchronized List<RolesRecorded> all() {
        return new ArrayList<>(byCommunity.values());
    }
}
