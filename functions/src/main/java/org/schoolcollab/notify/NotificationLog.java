package org.schoolcollab.notify;

import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;

import java.util.Optional;

/**
 * Reading the notification log: staff read every notification (optionally one community's); any other signed-in
 * user reads the notifications sent to their own address. Newest first, paginated like the other lists.
 */
public final class NotificationLog {
    private final NotificationLogStore store;

    public NotificationLog(NotificationLogStore store) {
        this.store = store;
    }

    /**
     * Staff read the log; anyone else reads their own mail, so needs an email the identity provider verified (the
     * actor's email is blank when it did not): without one there is no log of theirs to read.
     */
    public static void requireMayRead(Actor actor) {
        if (!actor.isStaff() && actor.email().isBlank()) {
            throw Rejection.forbidden("your notifications are those sent to your verified email address, "
                    + "and this token carries none");
        }
    }

    public Page<Notification> list(Actor actor, Optional<String> communityId, PageRequest page) {
        requireMayRead(actor);
        return actor.isStaff() ? store.all(communityId, page) : store.sentTo(actor.email(), communityId, page);
    }
}
