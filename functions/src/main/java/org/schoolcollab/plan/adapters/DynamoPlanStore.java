package org.schoolcollab.plan.adapters;

import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.kernel.adapters.Items;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.PlanStore;
import org.schoolcollab.plan.PlanWithReview;
import org.schoolcollab.plan.StoredObject;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import static org.schoolcollab.kernel.adapters.Items.str;

/** Plans in their community's partition, numbered by a marker item per version written with each. */
public final class DynamoPlanStore implements PlanStore {
    static final int MAX_ATTEMPTS = 8;
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPlanStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * The next number is one more than the last PLAN_VERSION item; the marker and the plan are put together, the
     * marker on condition that the number is free. A registration that lost the number to a concurrent one (its
     * condition failed, or DynamoDB cancelled the conflicting transaction) wrote nothing and reads again.
     */
    @Override
    public Plan register(Plan plan) {
        for (int attempt = 1; ; attempt++) {
            Plan numbered = plan.withVersion(latestVersion(plan.communityId()) + 1);
            List<TransactWriteItem> writes = List.of(
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(PlanItemMapper.versionItem(numbered))
                            .conditionExpression("attribute_not_exists(pk)")).build(),
                    TransactWriteItem.builder().put(p -> p.tableName(table).item(PlanItemMapper.toItem(numbered))
                            .conditionExpression("attribute_not_exists(pk)")).build());
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return numbered;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                boolean numberTaken = !reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.getFirst().code());
                boolean conflict = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!(numberTaken || conflict) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    private int latestVersion(String communityId) {
        QueryResponse r = dynamo.query(b -> b.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", str(CommunityItemMapper.pk(communityId)),
                        ":prefix", str(PlanItemMapper.VERSION_SK_PREFIX)))
                .scanIndexForward(false).limit(1));
        return r.items().isEmpty() ? 0 : Integer.parseInt(r.items().getFirst().get("version").n());
    }

    @Override
    public Optional<Plan> find(String communityId, String planId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(PlanItemMapper.key(communityId, planId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PlanItemMapper.fromItem(item));
    }

    @Override
    public List<Plan> list(String communityId) {
        List<Plan> plans = new ArrayList<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", str(CommunityItemMapper.pk(communityId)),
                                ":prefix", str(PlanItemMapper.SK_PREFIX))))
                .items().forEach(i -> plans.add(PlanItemMapper.fromItem(i)));
        plans.sort(Comparator.comparingInt(Plan::version));
        return plans;
    }

    /**
     * One Query of the community's items whose sort key begins with PLAN: its plans (PLAN#), their decisions
     * (PLAN_DECISION#) and the version markers (PLAN_VERSION#, skipped).
     */
    @Override
    public List<PlanWithReview> listWithReviews(String communityId) {
        List<Plan> plans = new ArrayList<>();
        Map<String, PlanDecision> reviews = new HashMap<>();
        dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", str(CommunityItemMapper.pk(communityId)),
                                ":prefix", str(PlanItemMapper.ANY_PLAN_SK_PREFIX))))
                .items().forEach(i -> {
                    String type = Items.optS(i, Keys.TYPE).orElse("");
                    if (PlanItemMapper.TYPE.equals(type)) {
                        plans.add(PlanItemMapper.fromItem(i));
                    } else if (PlanDecisionItemMapper.TYPE.equals(type)) {
                        PlanDecision review = PlanDecisionItemMapper.fromItem(i);
                        reviews.put(review.planId(), review);
                    }
                });
        plans.sort(Comparator.comparingInt(Plan::version).reversed());
        return plans.stream()
                .map(p -> new PlanWithReview(p, Optional.ofNullable(reviews.get(p.planId()))))
                .toList();
    }

    @Override
    public boolean markReceived(String communityId, String planId, Instant at, StoredObject checked) {
        return transition(communityId, planId, PlanStatus.RECEIVED, "receivedAt", at, null, checked);
    }

    @Override
    public boolean markRejected(String communityId, String planId, String reason, Instant at, StoredObject checked) {
        return transition(communityId, planId, PlanStatus.REJECTED, "rejectedAt", at, reason, checked);
    }

    private boolean transition(String communityId, String planId, PlanStatus to, String timeAttribute, Instant at,
                               String reason, StoredObject checked) {
        StringBuilder update = new StringBuilder("SET #status = :to, " + timeAttribute + " = :at");
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":awaiting", str(PlanStatus.AWAITING_UPLOAD.name()), ":to", str(to.name()), ":at", str(at.toString())));
        if (reason != null) {
            update.append(", rejectionReason = :reason");
            values.put(":reason", str(reason));
        }
        if (checked.eTag() != null) {
            update.append(", objectETag = :etag");
            values.put(":etag", str(checked.eTag()));
        }
        if (checked.versionId() != null) {
            update.append(", objectVersionId = :vid");
            values.put(":vid", str(checked.versionId()));
        }
        try {
            dynamo.updateItem(b -> b.tableName(table).key(PlanItemMapper.key(communityId, planId))
                    .conditionExpression("#status = :awaiting")
                    .updateExpression(update.toString())
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void markMoved(String communityId, String planId, String rejectedObjectKey) {
        dynamo.updateItem(b -> b.tableName(table).key(PlanItemMapper.key(communityId, planId))
                .conditionExpression("#status = :rejected")
                .updateExpression("SET rejectedObjectKey = :key")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":rejected", str(PlanStatus.REJECTED.name()),
                        ":key", str(rejectedObjectKey))));
    }

    private static void pause(int attempt, TransactionCanceledException cause) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L << Math.min(attempt, 5)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
