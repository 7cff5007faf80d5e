package org.schoolcollab.notify;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;

import java.util.Optional;

/** The notification log, newest first, a page at a time (opaque tokens; a token of another list is refused). */
public interface NotificationLogStore {
    /** Every notification (the staff log); only those about one community when given. */
    Page<Notification> all(Optional<String> communityId, PageRequest page);

    /** The notifications sent to this address, compared case-insensitively; only one community's when given. */
    Page<Notification> sentTo(String address, Optional<String> communityId, PageRequest page);
}
