package org.schoolcollab.community;

import org.schoolcollab.common.Page;
import org.schoolcollab.eoi.Programme;

import java.util.Optional;

public interface CommunityStore {
    Optional<Community> find(String id);

    /** A programme's communities, oldest first, optionally only those in one status. */
    Page<Community> list(Programme programme, Optional<CommunityStatus> status, int limit, Optional<String> nextToken);
}
