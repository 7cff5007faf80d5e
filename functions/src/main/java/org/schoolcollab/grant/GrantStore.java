package org.schoolcollab.grant;

/** Where awarded grants are recorded. */
public interface GrantStore {
    /** Writes the grant record; it is never updated afterwards. */
    void create(Grant grant);
}
