package org.schoolcollab.notify;

import java.time.Instant;

/**
 * A notification is a record before it is a mail: one per source record and kind, so a replayed stream
 * record finds it and sends nothing again. {@code eoiId} and {@code communityId} say what it is about where the
 * notifier knows (null otherwise); staff filter the notification log by community.
 */
public record Notification(String sourcePk, String kind, String recipient, String subject, String body,
                           Status status, Instant createdAt, String messageId, Instant sentAt,
                           String eoiId, String communityId) {
    public enum Status { PENDING, SENT }

    /** Without the application and community it is about. */
    public Notification(String sourcePk, String kind, String recipient, String subject, String body,
                        Status status, Instant createdAt, String messageId, Instant sentAt) {
        this(sourcePk, kind, recipient, subject, body, status, createdAt, messageId, sentAt, null, null);
    }

    /** The source of notifications about an application: its record's key, which the log shows as "source". */
    public static String aboutApplication(String eoiId) {
        return "EOI#" + eoiId;
    }

    /** The source of notifications about a community (its grants, plans, visits): its record's key. */
    public static String aboutCommunity(String communityId) {
        return "COMMUNITY#" + communityId;
    }

    public static Notification pending(String sourcePk, String kind, String recipient, String subject, String body,
                                       Instant createdAt) {
        return new Notification(sourcePk, kind, recipient, subject, body, Status.PENDING, createdAt, null, null);
    }

    /** The same notification, about this application (null: none known). */
    public Notification withEoiId(String eoiId) {
        return new Notification(sourcePk, kind, recipient, subject, body, status, createdAt, messageId, sentAt,
                eoiId, communityId);
    }

    /** The same notification, about this community (null: none known); the staff log filters on it. */
    public Notification withCommunityId(String communityId) {
        return new Notification(sourcePk, kind, recipient, subject, body, status, createdAt, messageId, sentAt,
                eoiId, communityId);
    }
}
