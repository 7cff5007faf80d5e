package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.local.template.S3Source;
import org.schoolcollab.local.template.SamTemplate;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The template's S3 event sources, as S3 and Lambda run them: an object created in a bucket becomes the event
 * notification record S3 sends, each subscription whose event types and key prefix/suffix rules match gets an
 * asynchronous invocation of its function (queued: the uploader's response never waits for it), a failed
 * invocation is retried up to the function's MaximumRetryAttempts (2 unless EventInvokeConfig says otherwise)
 * with backoff, then the event goes to the on-failure record, s3-&lt;function&gt;.on-failure.jsonl in the data
 * folder, in the shape Lambda sends to an on-failure destination.
 */
final class S3EventSource implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** Lambda waits about a minute, then two, between attempts of an asynchronous event; locally seconds. */
    static final long FIRST_RETRY_DELAY_MILLIS = 1000;

    private record Subscription(S3Source source, LocalFunction function) {}

    private final List<Subscription> subscriptions = new ArrayList<>();
    private final Path stateDir;
    private final ExecutorService queue = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("s3-event-", 0).factory());
    private final AtomicInteger inFlight = new AtomicInteger();
    /** S3's sequencer orders the events of a key: a hex number that only grows, across restarts too. */
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
    private final List<JsonNode> failures = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean running = true;

    S3EventSource(List<LocalFunction> functions, Path stateDir) {
        this.stateDir = stateDir;
        for (LocalFunction f : functions) {
            for (S3Source s : f.definition().s3Events()) {
                subscriptions.add(new Subscription(s, f));
            }
        }
    }

    boolean isEmpty() {
        return subscriptions.isEmpty();
    }

    /** Called by S3 as it stores the object: builds the event now, invokes later, never throws. */
    void objectCreated(LocalS3.ObjectCreated object) {
        if (!running) {
            return;
        }
        for (Subscription s : subscriptions) {
            if (s.source().matches(object.bucket(), object.eventName(), object.key())) {
                ObjectNode event = event(object, s.source().name());
                inFlight.incrementAndGet();
                try {
                    queue.execute(() -> {
                        try {
                            deliver(s, event);
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    });
                } catch (RuntimeException rejected) { // closing
                    inFlight.decrementAndGet();
                }
            }
        }
    }

    /** Lambda's asynchronous invocation: the first attempt, then retries with backoff, then the on-failure record. */
    private void deliver(Subscription s, ObjectNode event) {
        int maxAttempts = 1 + s.function().definition().async().maximumRetryAttempts();
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
                s.function().invoke(json);
                delivered.incrementAndGet();
                return;
            } catch (Exception e) {
                last = e;
                System.err.println("s3 event " + name(s) + ": attempt " + attempt + " of " + maxAttempts
                        + " failed: " + e);
            }
        }
        onFailure(s, event, maxAttempts, last);
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
    private void onFailure(Subscription s, ObjectNode event, int attempts, Exception error) {
        ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", Instant.now().toString());
        ObjectNode request = record.putObject("requestContext");
        request.put("requestId", UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:" + SamTemplate.REGION + ":" + SamTemplate.ACCOUNT + ":function:"
                + s.function().id() + ":$LATEST");
        request.put("condition", "RetriesExhausted");
        request.put("approximateInvokeCount", attempts);
        record.set("requestPayload", event);
        ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        ObjectNode payload = record.putObject("responsePayload");
        Throwable cause = error;
        while (cause instanceof RuntimeException && cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        payload.put("errorMessage", cause == null ? null : cause.getMessage());
        payload.put("errorType", cause == null ? null : cause.getClass().getName());
        failures.add(record);
        Path file = stateDir.resolve("s3-" + s.function().id() + ".on-failure.jsonl");
        try {
            Files.createDirectories(stateDir);
            synchronized (this) {
                Files.writeString(file, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            System.err.println("s3 event " + name(s) + ": could not write " + file + ": " + e);
        }
        System.err.println("s3 event " + name(s) + ": gave up on " + event.at("/Records/0/s3/object/key").asText()
                + " after " + attempts + " attempt(s); recorded in " + file.getFileName());
    }

    /** The notification exactly as S3 sends it to Lambda: one record per event. */
    ObjectNode event(LocalS3.ObjectCreated o, String configurationId) {
        ObjectNode record = JSON.createObjectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", SamTemplate.REGION);
        record.put("eventTime", EVENT_TIME.format(o.eventTime()));
        record.put("eventName", o.eventName());
        record.putObject("userIdentity").put("principalId", "AWS:" + LocalS3.ACCESS_KEY);
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode responseElements = record.putObject("responseElements");
        responseElements.put("x-amz-request-id", HexFormat.of().withUpperCase()
                .formatHex(randomBytes(8)));
        responseElements.put("x-amz-id-2", java.util.Base64.getEncoder().encodeToString(randomBytes(48)));
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", o.bucket());
        bucket.putObject("ownerIdentity").put("principalId", SamTemplate.ACCOUNT);
        bucket.put("arn", "arn:aws:s3:::" + o.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(o.key()));
        object.put("size", o.size());
        object.put("eTag", o.eTag());
        if (o.versionId() != null) {
            object.put("versionId", o.versionId());
        }
        object.put("sequencer", String.format("%018X", sequencer.incrementAndGet()));
        ObjectNode event = JSON.createObjectNode();
        event.putArray("Records").add(record);
        return event;
    }

    /**
     * The key as S3 writes it in event records: URL-encoded the application/x-www-form-urlencoded way ("red
     * flower.jpg" becomes "red+flower.jpg", non-ASCII as UTF-8 percent escapes), with the slashes left as they are.
     */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static String name(Subscription s) {
        return s.function().id() + "." + s.source().name();
    }

    /** Events handed to the on-failure record since start. */
    List<JsonNode> failures() {
        return List.copyOf(failures);
    }

    long deliveredEvents() {
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

    List<String> describe() {
        return subscriptions.stream().map(s -> name(s) + " (bucket " + s.source().bucketName() + ", "
                + String.join(" ", s.source().events())
                + (s.source().rules().isEmpty() ? "" : ", " + s.source().rules().stream()
                        .map(r -> r.name() + " " + r.value()).collect(Collectors.joining(", "))) + ")").toList();
    }
}
