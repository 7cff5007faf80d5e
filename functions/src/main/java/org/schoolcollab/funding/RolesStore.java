package org.schoolcollab.funding;

import java.util.Optional;

/** Where each community's roles are recorded, once: the record whose insert releases them. */
public interface RolesStore {
    Optional<RolesRecorded> find(String communityId);

    /**
     * Records them unless the community's roles were recorded before.
     *
     * @throws AlreadyRecordedException when they were (by an endorsement, or by staff a moment ago)
     */
    void record(RolesRecorded roles);

    final class AlreadyRecordedException extends RuntimeException {
        public AlreadyRecordedException() {
            super("the community's roles are recorded already");
        }
    }
}
