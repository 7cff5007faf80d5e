package org.schoolcollab.notify;

import java.time.Clock;

/** Sends a notification at most once per source record and kind: recorded first, sent, then marked SENT. */
public final class NotificationDelivery {
    private final NotificationStore store;
    private final MailSender mail;
    private final Clock clock;

    public NotificationDelivery(NotificationStore store, MailSender mail, Clock clock) {
        this.store = store;
        this.mail = mail;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Notification deliverOnce(Notification wanted) {
        Notification stored = store.createIfAbsent(wanted);
        if (stored.status() == Notification.Status.SENT) {
            return stored;
        }
        // PENDING: new, or a send that failed or was never confirmed. Send, then record it.
        String messageId = mail.send(new Mail(stored.recipient(), stored.subject(), stored.body()));
        store.markSent(stored.sourcePk(), stored.kind(), messageId, clock.instant());
        return store.find(stored.sourcePk(), stored.kind()).orElseThrow();
    }
}
