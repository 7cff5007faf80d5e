package org.schoolcollab.testsupport;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FAULT INJECTION. DynamoDB cancels a transaction with reason TransactionConflict when another transaction holds
 * one of its items; DynamoDB Local serialises transactions and never does. This client answers the first
 * {@code conflicts} TransactWriteItems calls as DynamoDB would in that case, writing nothing, and passes
 * everything else to the real (local) client.
 */
public final class TransactionConflictInjectingDynamoDbClient implements DynamoDbClient {
    private final DynamoDbClient real;
    private final AtomicInteger conflictsLeft;
    private final AtomicInteger transactCalls = new AtomicInteger();

    public TransactionConflictInjectingDynamoDbClient(DynamoDbClient real, int conflicts) {
        this.real = real;
        this.conflictsLeft = new AtomicInteger(conflicts);
    }

    public int transactCalls() {
        return transactCalls.get();
    }

    @Override
    public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
        transactCalls.incrementAndGet();
        if (conflictsLeft.getAndDecrement() > 0) {
            List<CancellationReason> reasons = new ArrayList<>();
            for (int i = 0; i < request.transactItems().size(); i++) {
                reasons.add(i == 1
                        ? CancellationReason.builder().code("TransactionConflict")
                                .message("Transaction is ongoing for the item").build()
                        : CancellationReason.builder().code("None").build());
            }
            throw TransactionCanceledException.builder()
                    .message("Transaction cancelled, please refer cancellation reasons for specific reasons "
                            + "[None, TransactionConflict]")
                    .cancellationReasons(reasons)
                    .statusCode(400)
                    .build();
        }
        return real.transactWriteItems(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return real.getItem(request);
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return real.query(request);
    }

    @Override
    public String serviceName() {
        return real.serviceName();
    }

    @Override
    public void close() {
        // the real client is shared
    }
}
