package org.schoolcollab.review.adapters;

import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.funding.RolesStore;
import org.schoolcollab.funding.adapters.RolesRecordedItemMapper;
import org.schoolcollab.kernel.adapters.Transactions;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.adapters.PlanDecisionItemMapper;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.review.PlanReviewStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * A plan decision in one transaction: the plan leaves RECEIVED, the decision record is written beside it, and so are
 * the community's roles where the endorsement records them.
 */
public final class DynamoPlanReviewStore implements PlanReviewStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoPlanReviewStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public Optional<Plan> findPlan(String communityId, String planId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(PlanItemMapper.key(communityId, planId))
                .consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(PlanItemMapper.fromItem(item));
    }

    @Override
    public void recordDecision(PlanDecision d, Optional<RolesRecorded> roles) {
        String status = d.decision() == PlanDecision.Outcome.ENDORSED
                ? PlanStatus.ENDORSED.name() : PlanStatus.CHANGES_REQUESTED.name();
        List<TransactWriteItem> writes = new ArrayList<>(List.of(
                TransactWriteItem.builder().update(u -> u.tableName(table).key(PlanItemMapper.key(d.communityId(), d.planId()))
                        .conditionExpression("#status = :received")
                        .updateExpression("SET #status = :status, decidedAt = :at")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":received", str(PlanStatus.RECEIVED.name()),
                                ":status", str(status), ":at", str(d.decidedAt().toString())))).build(),
                TransactWriteItem.builder().put(Put.builder().tableName(table).item(PlanDecisionItemMapper.toItem(d))
                        .conditionExpression("attribute_not_exists(pk)").build()).build()));
        roles.ifPresent(r -> writes.add(Transactions.putIfAbsent(table, RolesRecordedItemMapper.toItem(r))));
        try {
            dynamo.transactWriteItems(b -> b.transactItems(writes));
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = Transactions.reasons(e);
            if (reasons.size() > 2 && Transactions.isConditionFailure(reasons.get(2))) {
                throw new RolesStore.AlreadyRecordedException();
            }
            throw reasons.stream().anyMatch(Transactions::isConditionFailure) ? new NotReceivedException() : e;
        }
    }
}
