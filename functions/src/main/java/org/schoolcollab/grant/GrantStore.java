package org.schoolcollab.grant;

public interface GrantStore {
    /** Writes the grant record; it is never updated afterwards. */
    void create(Grant grant);
}
