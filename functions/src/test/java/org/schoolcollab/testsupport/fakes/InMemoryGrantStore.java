package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.grant.Grant;
import org.schoolcollab.grant.GrantStore;

import java.util.ArrayList;
import java.util.List;

/** Grants in memory: written once each, never changed. */
public final class InMemoryGrantStore implements GrantStore {
    private final List<Grant> grants = new ArrayList<>();

    @Override
    public synchronized void create(Grant grant) {
        if (grants.stream().anyMatch(g -> g.id().equals(grant.id()))) {
            throw new IllegalStateException("grant " + grant.id() + " exists already");
        }
        grants.add(grant);
    }

    public synchronized List<Grant> all() {
        return List.copyOf(grants);
    }
}
