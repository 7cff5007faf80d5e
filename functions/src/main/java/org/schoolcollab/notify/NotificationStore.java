package org.schoolcollab.notify;

import java.time.Instant;
import java.util.Optional;

public interface NotificationStore {
    /** Stores it unless one exists for the same source and kind; returns the stored one either way. */
    Notification createIfAbsent(Notification notification);

    Optional<Notification> find(String sourcePk, String kind);

    void markSent(String sourcePk, String kind, String messageId, Instant sentAt);
}
