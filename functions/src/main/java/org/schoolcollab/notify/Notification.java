package org.schoolcollab.notify;

import java.time.Instant;

/**
 * A notification is a record before it is a mail: one per source record and kind, so a replayed stream
 * record finds it and sends nothing again.
 */
public record Notification(String sourcePk, String kind, String recipient, String subject, String body,
                           Status status, Instant createdAt, String messageId, Instant sentAt) {
    public enum Status { PENDING, SENT }

    public static Notification pending(String sourcePk, String kind, String recipient, String subject, String body,
                                       Instant createdAt) {
        return new Notification(sourcePk, kind, recipient, subject, body, Status.PENDING, createdAt, null, null);
    }
}
