package org.schoolcollab.notify;

import java.time.Instant;
import java.util.Optional;

/** Where notifications are recorded before they are mailed: one per source record and kind. */
public interface NotificationStore {
    /** Stores it unless one exists for the same source and kind; returns the stored one either way. */
    Notification createIfAbsent(Notification notification);

    Optional<Notification> find(String sourcePk, String kind);

    void markSent(String sourcePk, String kind, String messageId, Instant sentAt);
}
