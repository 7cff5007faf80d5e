package org.schoolcollab.kernel.adapters;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/** DynamoDB transactions as the stores use them: conditional puts, cancellation reasons, retry on a conflict. */
public final class Transactions {
    /** Attempts at a transaction that DynamoDB cancels for a conflict with a concurrent transaction. */
    public static final int MAX_ATTEMPTS = 4;

    private Transactions() {}

    /**
     * Runs a transaction; a cancellation is translated, except a conflict with a concurrent transaction (DynamoDB
     * cancels rather than waits): nothing was written, so it is tried again, and the retry then meets the winner's
     * writes as a condition failure. {@code translate} returns the exception itself for a cancellation it does not
     * recognise.
     */
    public static void write(DynamoDbClient dynamo, List<TransactWriteItem> writes,
                             Function<TransactionCanceledException, RuntimeException> translate) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(writes));
                return;
            } catch (TransactionCanceledException e) {
                RuntimeException translated = translate.apply(e);
                if (translated != e || !isConflict(e) || attempt >= MAX_ATTEMPTS) {
                    throw translated;
                }
                backOff(attempt, e);
            }
        }
    }

    public static TransactWriteItem putIfAbsent(String table, Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }

    /** The cancellation reasons, one per write in the order they were given (none when DynamoDB sent none). */
    public static List<CancellationReason> reasons(TransactionCanceledException e) {
        return e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
    }

    public static boolean isConditionFailure(CancellationReason reason) {
        return "ConditionalCheckFailed".equals(reason.code());
    }

    public static boolean isConflict(TransactionCanceledException e) {
        return reasons(e).stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
    }

    /** A random pause that grows with the attempt (at most about 0.8 s), so racing writers spread out. */
    public static void backOff(int attempt, RuntimeException cause) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 25L << Math.min(attempt, 5)));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw cause;
        }
    }
}
