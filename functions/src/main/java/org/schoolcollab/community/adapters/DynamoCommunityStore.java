package org.schoolcollab.community.adapters;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.community.CommunityStore;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.PageTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.schoolcollab.kernel.adapters.Items.str;

/** Communities in their own partitions (pk COMMUNITY#id), listed by programme from gsi1. */
public final class DynamoCommunityStore implements CommunityStore {
    private static final Set<String> LIST_KEYS = Set.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCommunityStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** FORMING to ENDORSED; doing it again changes nothing, and a CLOSED community stays closed. */
    @Override
    public void markEndorsed(String communityId, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table).key(CommunityItemMapper.key(communityId))
                    .conditionExpression("#status = :forming")
                    .updateExpression("SET #status = :endorsed, endorsedAt = :at")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(":forming", str(CommunityStatus.FORMING.name()),
                            ":endorsed", str(CommunityStatus.ENDORSED.name()), ":at", str(at.toString()))));
        } catch (ConditionalCheckFailedException alreadyMoved) {
            // ENDORSED already (a replay, a later version) or CLOSED: nothing to do
        }
    }

    @Override
    public Optional<Community> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(CommunityItemMapper.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CommunityItemMapper.fromItem(item));
    }

    /**
     * A programme's communities, oldest first. A status filter is a FilterExpression, so DynamoDB may evaluate
     * items it does not return: the query is repeated from where it stopped until the page is full or the list
     * ends, and the token is where the last query stopped.
     */
    @Override
    public Page<Community> list(Programme programme, Optional<CommunityStatus> status, PageRequest page) {
        int limit = page.limit();
        Optional<String> nextToken = page.nextToken();
        String listPk = CommunityItemMapper.listPk(programme);
        Map<String, AttributeValue> start = nextToken.map(t -> {
            Map<String, AttributeValue> key = PageTokens.decode(t, LIST_KEYS);
            if (!listPk.equals(key.get(Keys.GSI1_PK).s())) {
                throw Rejection.invalid("nextToken", "belongs to another list");
            }
            return key;
        }).orElse(null);
        List<Community> items = new ArrayList<>();
        Map<String, AttributeValue> lastKey;
        do {
            Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI1_PK));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", str(listPk)));
            QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                    .keyConditionExpression("#pk = :pk").scanIndexForward(true).limit(limit - items.size())
                    .exclusiveStartKey(start);
            status.ifPresent(s -> {
                query.filterExpression("#status = :status");
                names.put("#status", "status");
                values.put(":status", str(s.name()));
            });
            QueryResponse response = dynamo.query(query.expressionAttributeNames(names)
                    .expressionAttributeValues(values).build());
            response.items().forEach(i -> items.add(CommunityItemMapper.fromItem(i)));
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            start = lastKey;
        } while (lastKey != null && items.size() < limit);
        return new Page<>(items, PageTokens.encode(lastKey));
    }
}
