package org.schoolcollab.notify.adapters;

import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.PageTokens;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationLogStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * The notification log from the table's indexes (written by {@link DynamoNotificationStore#createIfAbsent}):
 * gsi1 (gsi1pk = NOTIFICATIONS) holds every notification, gsi2 (gsi2pk = NOTIFY_TO#&lt;address&gt;) each
 * recipient's; both sorted by creation time, read backwards. A community filter is a FilterExpression, so a page
 * is filled from several queries when it skips items, up to {@link #MAX_QUERIES} per request. A token is the key
 * of the last item returned, so a page never ends in the middle of what DynamoDB read.
 */
public final class DynamoNotificationLogStore implements NotificationLogStore {
    /** Queries one request may make to fill a filtered page; past that the page is returned short, with a token. */
    static final int MAX_QUERIES = 10;
    /** Items one filtered query reads (DynamoDB's Limit counts items before the filter). */
    static final int FILTERED_QUERY_LIMIT = 100;

    private final DynamoDbClient dynamo;
    private final String table;
    private final int maxQueries;

    public DynamoNotificationLogStore(DynamoDbClient dynamo, String table) {
        this(dynamo, table, MAX_QUERIES);
    }

    /** With another budget of queries per request (tests). */
    DynamoNotificationLogStore(DynamoDbClient dynamo, String table, int maxQueries) {
        this.dynamo = dynamo;
        this.table = table;
        this.maxQueries = maxQueries;
    }

    @Override
    public Page<Notification> all(Optional<String> communityId, PageRequest page) {
        return page(Keys.GSI1, Keys.GSI1_PK, Keys.GSI1_SK, DynamoNotificationStore.LOG_PK, communityId, page.limit(),
                page.nextToken());
    }

    @Override
    public Page<Notification> sentTo(String address, Optional<String> communityId, PageRequest page) {
        return page(Keys.GSI2, Keys.GSI2_PK, Keys.GSI2_SK, DynamoNotificationStore.recipientPk(address), communityId,
                page.limit(), page.nextToken());
    }

    private Page<Notification> page(String index, String pkName, String skName, String pkValue,
                                    Optional<String> communityId, int limit, Optional<String> nextToken) {
        Set<String> keyNames = Set.of(Keys.PK, Keys.SK, pkName, skName);
        Map<String, AttributeValue> start = nextToken.map(t -> {
            Map<String, AttributeValue> key = PageTokens.decode(t, keyNames);
            if (!pkValue.equals(key.get(pkName).s())) {
                throw Rejection.invalid("nextToken", "belongs to another list");
            }
            return key;
        }).orElse(null);

        Map<String, String> names = new HashMap<>(Map.of("#pk", pkName));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", str(pkValue)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression("#pk = :pk").scanIndexForward(false)
                // One more than the page: when it comes back, there is a next page; when not, the page is the last.
                .limit(communityId.isPresent() ? Math.max(limit + 1, FILTERED_QUERY_LIMIT) : limit + 1);
        communityId.ifPresent(c -> {
            query.filterExpression("#community = :community");
            names.put("#community", "communityId");
            values.put(":community", str(c));
        });
        query.expressionAttributeNames(names).expressionAttributeValues(values);

        List<Notification> items = new ArrayList<>();
        for (int queries = 0; queries < maxQueries; queries++) {
            QueryResponse response = dynamo.query(query.exclusiveStartKey(start).build());
            Map<String, AttributeValue> lastKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : Map.of();
            List<Map<String, AttributeValue>> found = response.items();
            for (int i = 0; i < found.size(); i++) {
                items.add(DynamoNotificationStore.fromItem(found.get(i)));
                if (items.size() == limit) {
                    boolean more = i < found.size() - 1 || !lastKey.isEmpty();
                    return new Page<>(items, more ? PageTokens.encode(keyOf(found.get(i), keyNames)) : Optional.empty());
                }
            }
            if (lastKey.isEmpty()) {
                return new Page<>(items, Optional.empty());
            }
            start = lastKey;
        }
        return new Page<>(items, PageTokens.encode(start));
    }

    private static Map<String, AttributeValue> keyOf(Map<String, AttributeValue> item, Set<String> keyNames) {
        Map<String, AttributeValue> key = new HashMap<>();
        keyNames.forEach(k -> key.put(k, item.get(k)));
        return key;
    }
}
