package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.local.template.S3Source;
import org.schoolcollab.local.template.SamTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** The template's S3 event sources, so an object stored in S3Proxy reaches its functions as S3 would notify them. */
final class S3EventSource implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private record Subscription(S3Source source, LocalFunction function) {}

    private final List<Subscription> subscriptions = new ArrayList<>();
    /** S3's sequencer orders the events of a key: a hex number that only grows, across restarts too. */
    private final AtomicLong sequencer = new AtomicLong(System.currentTimeMillis() * 1_000_000L);
    /** Failed events end in s3-&lt;function&gt;.on-failure.jsonl in the data folder. */
    private final AsyncInvocations invocations;

    S3EventSource(List<LocalFunction> functions, Path stateDir) {
        this.invocations = new AsyncInvocations("s3", new OnFailureDestination(stateDir));
        for (LocalFunction f : functions) {
            for (S3Source s : f.definition().s3Events()) {
                subscriptions.add(new Subscription(s, f));
            }
        }
    }

    boolean isEmpty() {
        return subscriptions.isEmpty();
    }

    /**
     * Called by S3 as it stores the object: each subscription whose event types and key rules match gets an
     * asynchronous invocation, queued so the uploader's response never waits for it. Never throws.
     */
    void objectCreated(LocalS3.ObjectCreated object) {
        if (!invocations.accepting()) {
            return;
        }
        for (Subscription s : subscriptions) {
            if (s.source().matches(object.bucket(), object.eventName(), object.key())) {
                ObjectNode event = event(object, s.source().name());
                invocations.submit(s.function(), s.source().name(), event,
                        event.at("/Records/0/s3/object/key").asText());
            }
        }
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

    /** Events handed to the on-failure record since start. */
    List<JsonNode> failures() {
        return invocations.failures();
    }

    long deliveredEvents() {
        return invocations.delivered();
    }

    /** Lets invocations in flight finish, as Lambda would; events still waiting for a retry are dropped. */
    @Override
    public void close() {
        invocations.close();
    }

    List<String> describe() {
        return subscriptions.stream().map(s -> s.function().id() + "." + s.source().name()
                + " (bucket " + s.source().bucketName() + ", " + String.join(" ", s.source().events())
                + (s.source().rules().isEmpty() ? "" : ", " + s.source().rules().stream()
                        .map(r -> r.name() + " " + r.value()).collect(Collectors.joining(", "))) + ")").toList();
    }
}
