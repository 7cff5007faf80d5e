package org.schoolcollab.community;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;

import java.time.Instant;
import java.util.Optional;

/** Where communities are kept once an approval has formed them. */
public interface CommunityStore {
    Optional<Community> find(String id);

    /** A programme's communities, oldest first, optionally only those in one status. */
    Page<Community> list(Programme programme, Optional<CommunityStatus> status, PageRequest page);

    /** FORMING to ENDORSED; doing it again changes nothing, and a CLOSED community stays closed. */
    void markEndorsed(String communityId, Instant at);
}
