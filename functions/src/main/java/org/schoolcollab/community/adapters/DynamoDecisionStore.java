package org.schoolcollab.community.adapters;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.DecisionStore;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.eoi.adapters.SchoolClaims;
import org.schoolcollab.kernel.adapters.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.schoolcollab.kernel.adapters.Items.str;

/**
 * A decision in one transaction: the application leaves SUBMITTED (its history and queue with it), the decision
 * record is written, and an approval writes the community and re-points the claims at it, or a decline deletes them.
 */
public final class DynamoDecisionStore implements DecisionStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDecisionStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void recordDecision(ExpressionOfInterest eoi, EoiDecision decision, Optional<Community> community) {
        EoiStatus status = decision.status();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":submitted", str(EoiStatus.SUBMITTED.name()),
                ":status", str(status.name()),
                ":queue", str(EoiItemMapper.queuePk(status)),
                ":at", str(decision.decidedAt().toString()),
                ":entry", AttributeValue.fromL(List.of(EoiItemMapper.historyEntry(decision.historyEntry())))));
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
        writes.add(Transactions.putIfAbsent(table, EoiDecisionItemMapper.toItem(decision)));
        community.ifPresent(c -> writes.add(Transactions.putIfAbsent(table, CommunityItemMapper.toItem(c))));
        for (String number : eoi.application().schoolNumbers()) {
            Map<String, AttributeValue> key = SchoolClaims.key(eoi.application().programme(), number);
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
        Transactions.write(dynamo, writes, e -> {
            List<CancellationReason> reasons = Transactions.reasons(e);
            boolean decided = reasons.size() > 1
                    && (Transactions.isConditionFailure(reasons.get(0)) || Transactions.isConditionFailure(reasons.get(1)));
            return decided ? new AlreadyDecidedException() : e;
        });
    }
}
