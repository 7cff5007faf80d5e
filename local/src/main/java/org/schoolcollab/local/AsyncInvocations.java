package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Lambda's asynchronous invocation in one place, so every source that invokes that way retries and gives up alike. */
final class AsyncInvocations implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda waits about a minute, then two, between attempts of an asynchronous event; locally seconds. */
    static final long FIRST_RETRY_DELAY_MILLIS = 1000;

    private final String kind;
    private final OnFailureDestination destination;
    private final ExecutorService queue;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running = true;

    /** kind names the source in logs ("s3" event ...) and in its on-failure files (s3-&lt;function&gt;). */
    AsyncInvocations(String kind, OnFailureDestination destination) {
        this.kind = kind;
        this.destination = destination;
        this.queue = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name(kind + "-event-", 0).factory());
    }

    boolean accepting() {
        return running;
    }

    /** Queues the event for the function and returns at once; subject says in the log what the event was about. */
    void submit(LocalFunction function, String sourceName, ObjectNode event, String subject) {
        inFlight.incrementAndGet();
        try {
            queue.execute(() -> {
                try {
                    deliver(function, function.id() + "." + sourceName, event, subject);
                } finally {
                    inFlight.decrementAndGet();
                }
            });
        } catch (RuntimeException rejected) { // closing
            inFlight.decrementAndGet();
        }
    }

    /** Lambda's asynchronous invocation: the first attempt, then retries with backoff, then the on-failure record. */
    private void deliver(LocalFunction function, String name, ObjectNode event, String subject) {
        int maxAttempts = 1 + function.definition().async().maximumRetryAttempts();
        String json;
        try {
            json = JSON.writeValueAsString(event);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Exception last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            if (attempt > 1 && !backOff(FIRST_RETRY_DELAY_MILLIS << (attempt - 2))) {
                return; // stopping: an event waiting for its retry is dropped
            }
            try {
                function.invoke(json);
                delivered.incrementAndGet();
                return;
            } catch (Exception e) {
                last = e;
                System.err.println(kind + " event " + name + ": attempt " + attempt + " of " + maxAttempts
                        + " failed: " + e);
            }
        }
        onFailure(function, name, event, subject, maxAttempts, last);
    }

    /** Sleeps between attempts; false when the runner stops meanwhile. */
    private boolean backOff(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        try {
            while (running && System.nanoTime() < deadline) {
                Thread.sleep(Math.min(50, Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            }
        } catch (InterruptedException e) {
            return false;
        }
        return running;
    }

    /** What Lambda sends to an asynchronous invocation's on-failure destination. */
    private void onFailure(LocalFunction function, String name, ObjectNode event, String subject, int attempts,
                           Exception error) {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", LocalFunction.arn(function.id()) + ":$LATEST");
        request.put("condition", "RetriesExhausted");
        request.put("approximateInvokeCount", attempts);
        record.set("requestPayload", event);
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        ObjectNode payload = record.putObject("responsePayload");
        Throwable cause = LocalFunction.reported(error);
        payload.put("errorMessage", cause == null ? null : cause.getMessage());
        payload.put("errorType", cause == null ? null : cause.getClass().getName());
        String file = kind + "-" + function.id();
        try {
            destination.send(file, record);
        } catch (IOException e) {
            System.err.println(kind + " event " + name + ": could not write " + destination.file(file) + ": " + e);
        }
        System.err.println(kind + " event " + name + ": gave up on " + subject
                + " after " + attempts + " attempt(s); recorded in " + destination.file(file).getFileName());
    }

    /** Events handed to the on-failure record since start. */
    List<JsonNode> failures() {
        return destination.records();
    }

    long delivered() {
        return delivered.get();
    }

    /** Lets invocations in flight finish, as Lambda would; events still waiting for a retry are dropped. */
    @Override
    public void close() {
        running = false;
        queue.shutdown();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            queue.shutdownNow();
            queue.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
