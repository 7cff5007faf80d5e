package org.schoolcollab.community;

import org.schoolcollab.api.ApiException;
import org.schoolcollab.common.Keys;
import org.schoolcollab.common.Page;
import org.schoolcollab.common.PageTokens;
import org.schoolcollab.eoi.Programme;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.schoolcollab.common.Items.str;

public final class DynamoCommunityStore implements CommunityStore {
    private static final Set<String> LIST_KEYS = Set.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoCommunityStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Community> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(CommunityItemMapper.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(CommunityItemMapper.fromItem(item));
    }

    @Override
    public Page<Community> list(Programme programme, Optional<CommunityStatus> status, int limit,
                                Optional<String> nextToken) {
        String listPk = CommunityItemMapper.listPk(programme);
        Map<String, String> names = new HashMap<>(Map.of("#pk", Keys.GSI1_PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", str(listPk)));
        String condition = "#pk = :pk";
        if (status.isPresent()) {
            condition += " AND begins_with(#sk, :status)";
            names.put("#sk", Keys.GSI1_SK);
            values.put(":status", str(status.get().name() + "#"));
        }
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(Keys.GSI1)
                .keyConditionExpression(condition).expressionAttributeNames(names).expressionAttributeValues(values)
                .scanIndexForward(true).limit(limit);
        nextToken.ifPresent(t -> {
            Map<String, AttributeValue> start = PageTokens.decode(t, LIST_KEYS);
            if (!listPk.equals(start.get(Keys.GSI1_PK).s())
                    || status.map(v -> !start.get(Keys.GSI1_SK).s().startsWith(v.name() + "#")).orElse(false)) {
                throw ApiException.badRequest("nextToken", "belongs to another list");
            }
            query.exclusiveStartKey(start);
        });
        QueryResponse response = dynamo.query(query.build());
        return new Page<>(response.items().stream().map(CommunityItemMapper::fromItem).toList(),
                PageTokens.encode(response.lastEvaluatedKey()));
    }
}
