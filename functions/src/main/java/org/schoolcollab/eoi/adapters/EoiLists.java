package org.schoolcollab.eoi.adapters;

import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.PageTokens;
import org.schoolcollab.kernel.adapters.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.schoolcollab.kernel.adapters.Items.str;

/** The two lists of applications: a status's review queue (gsi1) and a school's own (its index items). */
final class EoiLists {
    private static final Set<String> QUEUE_KEYS = Set.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);
    private static final Set<String> SCHOOL_LIST_KEYS = Set.of(Keys.PK, Keys.SK);
    /** Rounds of BatchGetItem for the keys DynamoDB left unprocessed (throttling) before the read fails. */
    static final int MAX_BATCH_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    EoiLists(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Oldest first. */
    Page<ExpressionOfInterest> byStatus(EoiStatus status, PageRequest page) {
        String queuePk = EoiItemMapper.queuePk(status);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", str(queuePk)))
                .scanIndexForward(true)
                .limit(page.limit());
        page.nextToken().ifPresent(t -> {
            Map<String, AttributeValue> start = PageTokens.decode(t, QUEUE_KEYS);
            if (!queuePk.equals(start.get(Keys.GSI1_PK).s())) {
                throw Rejection.invalid("nextToken", "belongs to another status");
            }
            query.exclusiveStartKey(start);
        });
        QueryResponse response = dynamo.query(query.build());
        List<ExpressionOfInterest> items = response.items().stream().map(EoiItemMapper::fromItem).toList();
        return new Page<>(items, PageTokens.encode(response.lastEvaluatedKey()));
    }

    /**
     * The school's index items, newest first, a query at a time; the applications they name are read (as they are
     * now) with BatchGetItem, and a status is a filter over them. Each query asks for no more index items than the
     * page still has room for, so the token is where the last query stopped and no application is skipped.
     */
    Page<ExpressionOfInterest> bySchool(String schoolNumber, Optional<EoiStatus> status, PageRequest page) {
        String schoolPk = EoiItemMapper.schoolPk(schoolNumber);
        Map<String, AttributeValue> start = page.nextToken().map(t -> {
            Map<String, AttributeValue> key = PageTokens.decode(t, SCHOOL_LIST_KEYS);
            if (!schoolPk.equals(key.get(Keys.PK).s())
                    || !key.get(Keys.SK).s().startsWith(EoiItemMapper.SCHOOL_INDEX_SK_PREFIX)) {
                throw Rejection.invalid("nextToken", "belongs to another list");
            }
            return key;
        }).orElse(null);
        int limit = page.limit();
        List<ExpressionOfInterest> items = new ArrayList<>();
        Map<String, AttributeValue> lastKey;
        do {
            QueryResponse response = dynamo.query(QueryRequest.builder()
                    .tableName(table)
                    .consistentRead(true)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :eoi)")
                    .expressionAttributeNames(Map.of("#pk", Keys.PK, "#sk", Keys.SK))
                    .expressionAttributeValues(Map.of(":pk", str(schoolPk),
                            ":eoi", str(EoiItemMapper.SCHOOL_INDEX_SK_PREFIX)))
                    .scanIndexForward(false)
                    .limit(limit - items.size())
                    .exclusiveStartKey(start)
                    .build());
            List<String> ids = response.items().stream().map(EoiItemMapper::eoiIdOfSchoolIndexItem).toList();
            Map<String, ExpressionOfInterest> found = findAll(ids);
            for (String id : ids) {
                ExpressionOfInterest eoi = found.get(id);
                if (eoi != null && status.map(s -> s == eoi.status()).orElse(true)) {
                    items.add(eoi);
                }
            }
            lastKey = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
            start = lastKey;
        } while (lastKey != null && items.size() < limit);
        return new Page<>(items, PageTokens.encode(lastKey));
    }

    /** The applications of these ids that exist, by id: BatchGetItem (at most 100 keys), unprocessed keys retried. */
    private Map<String, ExpressionOfInterest> findAll(List<String> ids) {
        Map<String, ExpressionOfInterest> found = new HashMap<>();
        List<Map<String, AttributeValue>> keys = ids.stream().distinct().map(EoiItemMapper::key).toList();
        Map<String, KeysAndAttributes> pending = keys.isEmpty() ? Map.of()
                : Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> request = pending;
            BatchGetItemResponse response = dynamo.batchGetItem(b -> b.requestItems(request));
            response.responses().getOrDefault(table, List.of()).forEach(item -> {
                ExpressionOfInterest eoi = EoiItemMapper.fromItem(item);
                found.put(eoi.id(), eoi);
            });
            pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!pending.isEmpty()) {
                if (attempt >= MAX_BATCH_ATTEMPTS) {
                    throw new IllegalStateException("BatchGetItem left keys unprocessed after " + attempt + " attempts");
                }
                Transactions.backOff(attempt, new IllegalStateException("interrupted while reading applications"));
            }
        }
        return found;
    }
}
