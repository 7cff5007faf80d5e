package org.schoolcollab.testsupport.fakes;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationLogStore;
import org.schoolcollab.notify.NotificationStore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Notifications in memory, one per source and kind as the table keeps them, and the log read from them: every one
 * for staff, a recipient's own (compared case-insensitively) for anyone else, newest first.
 */
public final class InMemoryNotifications implements NotificationStore, NotificationLogStore {
    private final Map<String, Notification> notifications = new LinkedHashMap<>();

    private static String key(String sourcePk, String kind) {
        return sourcePk + "/" + kind;
    }

    @Override
    public synchronized Notification createIfAbsent(Notification n) {
        return notifications.computeIfAbsent(key(n.sourcePk(), n.kind()), k -> n);
    }

    @Override
    public synchronized Optional<Notification> find(String sourcePk, String kind) {
        return Optional.ofNullable(notifications.get(key(sourcePk, kind)));
    }

    @Override
    public synchronized void markSent(String sourcePk, String kind, String messageId, Instant sentAt) {
        Notification n = notifications.get(key(sourcePk, kind));
        if (n == null) {
            throw new IllegalStateException("no notification " + key(sourcePk, kind));
        }
        notifications.put(key(sourcePk, kind), new Notification(n.sourcePk(), n.kind(), n.recipient(), n.subject(),
                n.body(), Notification.Status.SENT, n.createdAt(), messageId, sentAt, n.eoiId(), n.communityId()));
    }

    @Override
    public synchronized Page<Notification> all(Optional<String> communityId, PageRequest page) {
        return page("all", notifications.values().stream().toList(), communityId, page);
    }

    @Override
    public synchronized Page<Notification> sentTo(String address, Optional<String> communityId, PageRequest page) {
        String to = address.strip().toLowerCase(Locale.ROOT);
        return page("to#" + to, notifications.values().stream()
                .filter(n -> n.recipient().strip().toLowerCase(Locale.ROOT).equals(to)).toList(), communityId, page);
    }

    private static Page<Notification> page(String list, List<Notification> found, Optional<String> communityId,
                                           PageRequest page) {
        List<Notification> about = found.stream()
                .filter(n -> communityId.map(c -> c.equals(n.communityId())).orElse(true)).toList();
        return Pages.backwards(list, about, InMemoryNotifications::logSortKey, Pages.Reading.LOOK_AHEAD, page);
    }

    /** Both logs' sort key as the adapter writes it: fixed-width time, then the item's key; read newest first. */
    private static String logSortKey(Notification n) {
        return Pages.sortable(n.createdAt()) + "#" + n.sourcePk() + "#NOTIFICATION#" + n.kind();
    }

    public synchronized List<Notification> all() {
        return List.copyOf(notifications.values());
    }
}
