package org.schoolcollab.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Test function for the S3 event source: records every invocation it gets, as the runner's Lambda serialiser
 * turned the JSON into the real S3Event, and injects the faults a real function can have. Only as
 * UploadRecorderFunction: a key containing "fail" throws (every attempt), one containing "slow" does not return
 * until the test opens {@link #SLOW_GATE}.
 */
public class RecordingS3Handler implements RequestHandler<S3Event, Void> {
    record Invocation(String function, List<S3EventNotificationRecord> records, long atNanos) {
        S3EventNotificationRecord record() {
            return records.getFirst();
        }

        String key() {
            return record().getS3().getObject().getUrlDecodedKey();
        }
    }

    static final ConcurrentLinkedQueue<Invocation> INVOCATIONS = new ConcurrentLinkedQueue<>();
    static final CountDownLatch SLOW_GATE = new CountDownLatch(1);
    /** Keys whose invocation returned. */
    static final Set<String> COMPLETED = ConcurrentHashMap.newKeySet();

    static List<Invocation> of(String function, String key) {
        return INVOCATIONS.stream().filter(i -> i.function().equals(function) && i.key().equals(key)).toList();
    }

    @Override
    public Void handleRequest(S3Event event, Context context) {
        Invocation invocation = new Invocation(context.getFunctionName(), List.copyOf(event.getRecords()), System.nanoTime());
        INVOCATIONS.add(invocation);
        if (context.getFunctionName().equals("UploadRecorderFunction")) {
            if (invocation.key().contains("fail")) {
                throw new IllegalStateException("injected failure for " + invocation.key());
            }
            if (invocation.key().contains("slow")) {
                try {
                    SLOW_GATE.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        COMPLETED.add(invocation.function() + ":" + invocation.key());
        return null;
    }
}
