package org.schoolcollab.notify.adapters;

import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * Notifications sit in their source record's partition: pk = source pk, sk = NOTIFICATION#kind. Each is also in
 * the notification log: gsi1 (gsi1pk = NOTIFICATIONS, every notification, for staff) and gsi2 (gsi2pk =
 * NOTIFY_TO#&lt;lower-cased recipient&gt;, a user's own), both sorted by {@link #logSortKey}.
 */
public final class DynamoNotificationStore implements NotificationStore {
    public static final String TYPE = "NOTIFICATION";
    /** gsi1pk of every notification: the staff log. */
    public static final String LOG_PK = "NOTIFICATIONS";
    /** gsi2pk prefix of a recipient's own log. */
    public static final String RECIPIENT_PK_PREFIX = "NOTIFY_TO#";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoNotificationStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String sourcePk, String kind) {
        return Map.of(Keys.PK, str(sourcePk), Keys.SK, str(TYPE + "#" + kind));
    }

    @Override
    public Notification createIfAbsent(Notification n) {
        Map<String, AttributeValue> item = new HashMap<>(key(n.sourcePk(), n.kind()));
        item.put(Keys.TYPE, str(TYPE));
        item.put("kind", str(n.kind()));
        item.put("sourcePk", str(n.sourcePk()));
        item.put("recipient", str(n.recipient()));
        item.put("subject", str(n.subject()));
        item.put("body", str(n.body()));
        item.put("status", str(n.status().name()));
        item.put("createdAt", str(n.createdAt().toString()));
        Items.putIfPresent(item, "eoiId", n.eoiId());
        Items.putIfPresent(item, "communityId", n.communityId());
        String logSk = logSortKey(n);
        item.put(Keys.GSI1_PK, str(LOG_PK));
        item.put(Keys.GSI1_SK, str(logSk));
        item.put(Keys.GSI2_PK, str(recipientPk(n.recipient())));
        item.put(Keys.GSI2_SK, str(logSk));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk)")
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            return n;
        } catch (ConditionalCheckFailedException e) {
            return e.hasItem() ? fromItem(e.item()) : find(n.sourcePk(), n.kind()).orElseThrow(() -> e);
        }
    }

    @Override
    public Optional<Notification> find(String sourcePk, String kind) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(sourcePk, kind)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void markSent(String sourcePk, String kind, String messageId, Instant sentAt) {
        dynamo.updateItem(b -> b.tableName(table).key(key(sourcePk, kind))
                .conditionExpression("attribute_exists(pk)")
                .updateExpression("SET #status = :sent, messageId = :mid, sentAt = :at")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":sent", str(Notification.Status.SENT.name()),
                        ":mid", str(messageId), ":at", str(sentAt.toString()))));
    }

    /** The sort key of both logs: created time (fixed width), then the item's own key, unique per notification. */
    public static String logSortKey(Notification n) {
        return Keys.sortable(n.createdAt()) + "#" + n.sourcePk() + "#" + TYPE + "#" + n.kind();
    }

    /** gsi2pk of the log of notifications sent to this address (case-insensitive: lower-cased). */
    public static String recipientPk(String address) {
        return RECIPIENT_PK_PREFIX + address.strip().toLowerCase(Locale.ROOT);
    }

    static Notification fromItem(Map<String, AttributeValue> item) {
        return new Notification(Items.s(item, "sourcePk"), Items.s(item, "kind"), Items.s(item, "recipient"),
                Items.s(item, "subject"), Items.s(item, "body"),
                Notification.Status.valueOf(Items.s(item, "status")), Instant.parse(Items.s(item, "createdAt")),
                Items.optS(item, "messageId").orElse(null),
                Items.optS(item, "sentAt").map(Instant::parse).orElse(null),
                Items.optS(item, "eoiId").orElse(null), Items.optS(item, "communityId").orElse(null));
    }
}
