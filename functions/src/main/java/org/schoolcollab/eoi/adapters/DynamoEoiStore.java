package org.schoolcollab.eoi.adapters;

import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.EoiStore;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.kernel.adapters.Transactions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.schoolcollab.kernel.adapters.Items.num;

/** The EOI store on DynamoDB: an application and its schools' claims in one transaction; lists in {@link EoiLists}. */
public final class DynamoEoiStore implements EoiStore {
    private final DynamoDbClient dynamo;
    private final String table;
    private final EoiLists lists;

    public DynamoEoiStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.lists = new EoiLists(dynamo, table);
    }

    @Override
    public void create(ExpressionOfInterest eoi, Optional<IdempotencyRecord> idempotency) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(Transactions.putIfAbsent(table, EoiItemMapper.toItem(eoi)));
        List<String> schoolNumbers = eoi.application().schoolNumbers();
        for (String number : schoolNumbers) {
            writes.add(Transactions.putIfAbsent(table, SchoolClaims.item(eoi, number)));
        }
        idempotency.ifPresent(r -> writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(IdempotencyItems.toItem(r))
                // An expired key that TTL has not yet deleted may be taken again (expired as findIdempotencyRecord
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
        Transactions.write(dynamo, writes, e -> translate(e, schoolNumbers, idempotency.isPresent()));
    }

    /** Which write's condition failed says why: a claim (the school is taken) or the key (a concurrent retry). */
    private static RuntimeException translate(TransactionCanceledException e, List<String> schoolNumbers,
                                              boolean withKey) {
        List<CancellationReason> reasons = Transactions.reasons(e);
        List<String> claimed = new ArrayList<>();
        boolean keyTaken = false;
        for (int i = 0; i < reasons.size(); i++) {
            if (!Transactions.isConditionFailure(reasons.get(i))) {
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

    @Override
    public Optional<IdempotencyRecord> findIdempotencyRecord(String scopedKey, Instant now) {
        var item = dynamo.getItem(b -> b.tableName(table).key(IdempotencyItems.key(scopedKey)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        IdempotencyRecord record = IdempotencyItems.fromItem(scopedKey, item);
        return record.expiresAt().isAfter(now) ? Optional.of(record) : Optional.empty();
    }

    @Override
    public Optional<ExpressionOfInterest> find(String id) {
        var item = dynamo.getItem(b -> b.tableName(table).key(EoiItemMapper.key(id)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(EoiItemMapper.fromItem(item));
    }

    @Override
    public Page<ExpressionOfInterest> listByStatus(EoiStatus status, PageRequest page) {
        return lists.byStatus(status, page);
    }

    @Override
    public Page<ExpressionOfInterest> listBySchool(String schoolNumber, Optional<EoiStatus> status, PageRequest page) {
        return lists.bySchool(schoolNumber, status, page);
    }
}
