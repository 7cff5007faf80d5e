package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.community.CommunityStore;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Communities in memory: listed by programme oldest first; FORMING becomes ENDORSED once, CLOSED stays closed. */
public final class InMemoryCommunityStore implements CommunityStore {
    private final Map<String, Community> communities = new LinkedHashMap<>();
    private final Map<String, Instant> endorsedAt = new LinkedHashMap<>();

    @Override
    public synchronized Optional<Community> find(String id) {
        return Optional.ofNullable(communities.get(id));
    }

    @Override
    public synchronized Page<Community> list(Programme programme, Optional<CommunityStatus> status, PageRequest page) {
        List<Community> listed = communities.values().stream().filter(c -> c.programme() == programme)
                .filter(c -> status.map(s -> s == c.status()).orElse(true)).toList();
        return Pages.forwards("communities#" + programme.id(), listed, InMemoryCommunityStore::key, Pages.Reading.QUERY,
                page);
    }

    @Override
    public synchronized void markEndorsed(String communityId, Instant at) {
        Community c = communities.get(communityId);
        if (c != null && c.status() == CommunityStatus.FORMING) {
            communities.put(communityId, new Community(c.id(), c.programme(), c.name(), c.region(), c.contact(),
                    c.members(), CommunityStatus.ENDORSED, c.eoiId(), c.wave(), c.formedAt()));
            endorsedAt.put(communityId, at);
        }
    }

    /** A community as if an approval had formed it (for tests that start from one). */
    public synchronized void put(Community community) {
        communities.put(community.id(), community);
    }

    public synchronized Optional<Instant> endorsedAt(String communityId) {
        return Optional.ofNullable(endorsedAt.get(communityId));
    }

    public synchronized List<Community> all() {
        return List.copyOf(communities.values());
    }

    /** The list's sort key (gsi1sk) as the adapter writes it: fixed-width time, then the id. */
    private static String key(Community c) {
        return Pages.sortable(c.formedAt()) + "#" + c.id();
    }
}
