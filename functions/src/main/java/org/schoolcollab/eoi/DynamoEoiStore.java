package org.schoolcollab.eoi;

import org.schoolcollab.common.Items;
import org.schoolcollab.common.Keys;
import org.schoolcollab.common.Page;
import org.schoolcollab.common.PageTokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.schoolcollab.common.Items.num;
import static org.schoolcollab.common.Items.str;

public final class DynamoEoiStore implements EoiStore {
    public static final String CLAIM_TYPE = "SCHOOL_CLAIM";
    public static final String IDEMPOTENCY_TYPE = "IDEMPOTENCY";
    private static final Set<String> QUEUE_KEYS = Set.of(Keys.PK, Keys.SK, Keys.GSI1_PK, Keys.GSI1_SK);
    private static final Set<String> SCHOOL_LIST_KEYS = Set.of(Keys.PK, Keys.SK);
    /** Rounds of BatchGetItem for the keys DynamoDB left unprocessed (throttling) before the read fails. */
    static final int MAX_BATCH_ATTEMPTS = 5;
    /** Attempts at the claim transaction when DynamoDB cancels it for a conflict with a concurrent transaction. */
    static final int MAX_ATTEMPTS = 4;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoEoiStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String claimPk(Programme programme, String schoolNumber) {
        return "CLAIM#" + programme.id() + "#" + schoolNumber;
    }

    @Override
    public void create(ExpressionOfInterest eoi, Optional<IdempotentResponse> idempotentResponse) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putIfAbsent(EoiItemMapper.toItem(eoi)));
        List<String> schoolNumbers = eoi.application().schoolNumbers();
        for (String number : schoolNumbers) {
            Map<String, AttributeValue> claim = new HashMap<>();
            claim.put(Keys.PK, str(claimPk(eoi.application().programme(), number)));
            claim.put(Keys.SK, str("CLAIM"));
            claim.put(Keys.TYPE, str(CLAIM_TYPE));
            claim.put("programme", str(eoi.application().programme().id()));
            claim.put("schoolNumber", str(number));
            claim.put("eoiId", str(eoi.id()));
            claim.put("claimedAt", str(eoi.submittedAt().toString()));
            writes.add(putIfAbsent(claim));
        }
        idempotentResponse.ifPresent(r -> writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(idempotencyItem(r))
                // An expired key that TTL has not yet deleted may be taken again (expired as findIdempotentResponse
                // sees it: expiresAt at or before now).
                .conditionExpression("attribute_not_exists(pk) OR #exp <= :now")
                .expressionAttributeNames(Map.of("#exp", Keys.EXPIRES_AT))
                .expressionAttributeValues(Map.of(":now", num(eoi.submittedAt().getEpochSecond())))
                .build()).build()));
        // Each school's list of its applications: after the claims and the key, whose positions translate() reads.
        // At most 30 schools: 1 + 30 + 1 + 30 = 62 items, within TransactWriteItems' 100.
        for (String number : schoolNumbers) {
            writes.add(TransactWriteItem.builder().put(Put.builder().tableName(table)
                    .item(EoiItemMapper.schoolIndexItem(eoi, number)).build()).build());
        }
        transact(writes, e -> translate(e, schoolNumbers, idempotentResponse.isPresent()));
    }

    /**
     * Runs a transaction; a cancellation is translated, except a conflict with a concurrent transaction
     * (DynamoDB cancels rather than waits): nothing was written, so it is tried again, and the retry then meets
     * the winner's writes as a condition failure.
     */
    private void transact(List<TransactWriteItem> writes,
                          java.util.function.Function<TransactionCanceledException, RuntimeException> translate) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                RuntimeException translated = translate.apply(e);
                if (translated != e || !isConflict(e) || attempt >= MAX_ATTEMPTS) {
                    throw translated;
                }
                pause(attempt, e);
            }
        }
    }

    @Override
    public void recordDecision(ExpressionOfInterest eoi, EoiDecision decision,
                               Optional<org.schoolcollab.community.Community> community) {
        EoiStatus status = decision.decision() == EoiDecision.Outcome.APPROVED ? EoiStatus.APPROVED : EoiStatus.DECLINED;
        var entry = ExpressionOfInterest.HistoryEntry.of(decision);
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":submitted", str(EoiStatus.SUBMITTED.name()),
                ":status", str(status.name()),
                ":queue", str(EoiItemMapper.queuePk(status)),
                ":at", str(decision.decidedAt().toString()),
                ":entry", AttributeValue.fromL(List.of(EoiItemMapper.historyEntry(entry)))));
        String update = "SET #status = :status, gsi1pk = :queue, decidedAt = :at, history = list_append(history, :entry)"
                + (decision.communityId() == null ? "" : ", communityId = :community")
                // The decision's wave on the application too: reports count decisions by wave from gsi1.
                + (decision.wave() == null ? "" : ", wave = :wave");
        if (decision.communityId() != null) {
            values.put(":community", str(decision.communityId()));
        }
        if (decision.wave() != null) {
            values.put(":wave", str(decision.wave()));
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().update(u -> u.tableName(table).key(EoiItemMapper.key(eoi.id()))
                .conditionExpression("#status = :submitted")
                .updateExpression(update)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(values)).build());
        writes.add(putIfAbsent(EoiDecisionItemMapper.toItem(decision)));
        community.ifPresent(c -> writes.add(putIfAbsent(org.schoolcollab.community.CommunityItemMapper.toItem(c))));
        for (String number : eoi.application().schoolNumbers()) {
            Map<String, AttributeValue> key = Map.of(Keys.PK, str(claimPk(eoi.application().programme(), number)),
                    Keys.SK, str("CLAIM"));
            Map<String, AttributeValue> mine = Map.of(":eoi", str(eoi.id()));
            writes.add(community.isPresent()
                    // The claim now holds the school for the community.
                    ? TransactWriteItem.builder().update(u -> u.tableName(table).key(key)
                            .conditionExpression("eoiId = :eoi")
                            .updateExpression("SET communityId = :community")
                            .expressionAttributeValues(Map.of(":eoi", str(eoi.id()), ":community",
                                    str(community.get().id())))).build()
                    // Declined: the schools may apply again.
                    : TransactWriteItem.builder().delete(d -> d.tableName(table).key(key)
                            .conditionExpression("eoiId = :eoi").expressionAttributeValues(mine)).build());
        }
        transact(writes, e -> {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            boolean decided = reasons.size() > 1 && (isConditionFailure(reasons.get(0)) || isConditionFailure(reasons.get(1)));
            return decided ? new AlreadyDecidedException() : e;
        });
    }

    private static boolean isConditionFailure(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    private static boolean isConflict(TransactionCanceledException e) {
        return e.hasCancellationReasons()
                && e.cancellationReasons().stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    private static void pause(int attempt, TransactionCanceledException cause) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L << attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }

    private RuntimeException translate(TransactionCanceledException e, List<String> schoolNumbers, boolean withKey) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        List<String> claimed = new ArrayList<>();
        boolean keyTaken = false;
        for (int i = 0; i < reasons.size(); i++) {
            if (!"ConditionalCheckFailed".equals(reasons.get(i).code())) {
                continue;
            }
            if (i >= 1 && i <= schoolNumbers.size()) {
                claimed.add(schoolNumbers.get(i - 1));
            } else if (withKey && i == schoolNumbers.size() + 1) {
                keyTaken = true;
            }
        }
        if (keyTaken) {
            return new IdempotencyKeyTakenException();
        }
        if (!claimed.isEmpty()) {
            return new SchoolsAlreadyClaimedException(claimed);
        }
        return e; // throttling or a conflict with another transaction: a real failure, retried by the caller
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    private static Map<String, AttributeValue> idempotencyKey(String scopedKey) {
        return Map.of(Keys.PK, str("IDEMPOTENCY#" + scopedKey), Keys.SK, str(IDEMPOTENCY_TYPE));
    }

    private static Map<String, AttributeValue> idempotencyItem(IdempotentResponse r) {
        Map<String, AttributeValue> item = new HashMap<>(idempotencyKey(r.scopedKey()));
        item.put(Keys.TYPE, str(IDEMPOTENCY_TYPE));
        item.put("requestHash", str(r.requestHash()));
        item.put("status", num(r.status()));
        item.put("body", str(r.body()));
        Items.putIfPresent(item, "location", r.location());
        item.put(Keys.EXPIRES_AT, num(r.expiresAt().getEpochSecond()));
        return item;
    }

    @Override
    public Optional<IdempotentResponse> findIdempotentResponse(String scopedKey, Instant now) {
        var item = dynamo.getItem(b -> b.tableName(table).key(idempotencyKey(scopedKey)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(Items.n(item, Keys.EXPIRES_AT)));
        if (!expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(new IdempotentResponse(scopedKey, Items.s(item, "requestHash"),
                Integer.parseInt(Items.n(item, "status")), Items.s(item, "body"),
                Items.optS(item, "location").orElse(null), expiresAt));
    }

    @Override
    public Optional<ExpressionOfInterest> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(EoiItemMapper.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EoiItemMapper.fromItem(item));
    }

    @Override
    public Page<ExpressionOfInterest> listByStatus(EoiStatus status, int limit, Optional<String> nextToken) {
        String queuePk = EoiItemMapper.queuePk(status);
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .indexName(Keys.GSI1)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", Keys.GSI1_PK))
                .expressionAttributeValues(Map.of(":pk", str(queuePk)))
                .scanIndexForward(true)
                .limit(limit);
        nextToken.ifPresent(t -> {
            Map<String, AttributeValue> start = PageTokens.decode(t, QUEUE_KEYS);
            if (!queuePk.equals(start.get(Keys.GSI1_PK).s())) {
                throw org.schoolcollab.api.ApiException.badRequest("nextToken", "belongs to another status");
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
    @Override
    public Page<ExpressionOfInterest> listBySchool(String schoolNumber, Optional<EoiStatus> status, int limit,
                                                   Optional<String> nextToken) {
        String schoolPk = EoiItemMapper.schoolPk(schoolNumber);
        Map<String, AttributeValue> start = nextToken.map(t -> {
            Map<String, AttributeValue> key = PageTokens.decode(t, SCHOOL_LIST_KEYS);
            if (!schoolPk.equals(key.get(Keys.PK).s())
                    || !key.get(Keys.SK).s().startsWith(EoiItemMapper.SCHOOL_INDEX_SK_PREFIX)) {
                throw org.schoolcollab.api.ApiException.badRequest("nextToken", "belongs to another list");
            }
            return key;
        }).orElse(null);
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
                try {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L << attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading applications", ie);
                }
            }
        }
        return found;
    }
}
