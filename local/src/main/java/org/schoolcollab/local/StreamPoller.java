package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.local.template.SamTemplate;
import org.schoolcollab.local.template.StreamSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A DynamoDB stream event source mapping, as Lambda runs it: poll the shards, drop records the FilterCriteria do
 * not match (event-ruler, the engine Lambda uses), invoke in batches of BatchSize, honour partial batch
 * failures, retry up to MaximumRetryAttempts (bisecting on function errors when asked), then hand the batch
 * to the on-failure destination and move on. Checkpoints persist with the data folder.
 */
final class StreamPoller implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long IDLE_MILLIS = 150;

    private final StreamSource source;
    private final LocalFunction function;
    private final LocalDynamoDb dynamo;
    private final String streamArn;
    private final Machine filter;
    private final Path checkpointFile;
    private final Path failureFile;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> drained = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long delivered;

    StreamPoller(StreamSource source, LocalFunction function, LocalDynamoDb dynamo, Path stateDir)
            throws Exception {
        this.source = source;
        this.function = function;
        this.dynamo = dynamo;
        this.streamArn = dynamo.client().describeTable(b -> b.tableName(source.tableId())).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + source.tableId() + " has no stream for " + name());
        }
        if (source.filterPatterns().isEmpty()) {
            this.filter = null;
        } else {
            this.filter = new Machine();
            for (int i = 0; i < source.filterPatterns().size(); i++) {
                filter.addRule("filter-" + i, source.filterPatterns().get(i));
            }
        }
        this.checkpointFile = stateDir.resolve("stream-" + name() + ".checkpoints.json");
        this.failureFile = stateDir.resolve("stream-" + name() + ".on-failure.jsonl");
        if (Files.exists(checkpointFile)) {
            JSON.readTree(checkpointFile.toFile()).properties()
                    .forEach(e -> checkpoints.put(e.getKey(), e.getValue().asText()));
        }
        this.thread = Thread.ofPlatform().daemon().name("stream-" + name()).start(this::run);
    }

    String name() {
        return function.id() + "." + source.name();
    }

    /** Batches handed to the on-failure destination since start (what Lambda would put on the SQS queue). */
    List<JsonNode> failures() {
        return List.copyOf(failures);
    }

    long deliveredRecords() {
        return delivered;
    }

    private void run() {
        while (running) {
            try {
                if (!pollOnce()) {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException | Stopped e) {
                return;
            } catch (Exception e) {
                if (running) {
                    // Start again from the last checkpoint: at-least-once, never a skipped record.
                    iterators.clear();
                    System.err.println("stream " + name() + ": " + e);
                    sleepQuietly(1000);
                }
            }
        }
    }

    /** One pass over the shards; true when records were read. */
    private boolean pollOnce() throws IOException {
        boolean any = false;
        for (Shard shard : shards()) {
            String shardId = shard.shardId();
            if (drained.contains(shardId)) {
                continue;
            }
            String iterator = iterators.containsKey(shardId) ? iterators.get(shardId) : firstIterator(shardId);
            var response = dynamo.streams().getRecords(b -> b.shardIterator(iterator).limit(1000));
            if (response.nextShardIterator() == null) {
                drained.add(shardId);
                iterators.remove(shardId);
            } else {
                iterators.put(shardId, response.nextShardIterator());
            }
            if (!response.records().isEmpty()) {
                any = true;
                process(shardId, response.records());
            }
        }
        return any;
    }

    private String firstIterator(String shardId) {
        String checkpoint = checkpoints.get(shardId);
        if (checkpoint != null) {
            return dynamo.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint))
                    .shardIterator();
        }
        ShardIteratorType type = "LATEST".equals(source.startingPosition())
                ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
        return dynamo.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shardId).shardIteratorType(type))
                .shardIterator();
    }

    private List<Shard> shards() {
        List<Shard> shards = new ArrayList<>();
        String start = null;
        do {
            String from = start;
            var description = dynamo.streams().describeStream(b -> b.streamArn(streamArn).exclusiveStartShardId(from))
                    .streamDescription();
            shards.addAll(description.shards());
            start = description.lastEvaluatedShardId();
        } while (start != null);
        return shards;
    }

    private void process(String shardId, List<Record> records) throws IOException {
        List<ObjectNode> matching = new ArrayList<>();
        for (Record r : records) {
            ObjectNode json = lambdaRecord(r);
            if (matches(json)) {
                matching.add(json);
            }
        }
        for (int i = 0; i < matching.size(); i += source.batchSize()) {
            deliver(shardId, matching.subList(i, Math.min(matching.size(), i + source.batchSize())));
        }
        checkpoints.put(shardId, records.getLast().dynamodb().sequenceNumber());
        saveCheckpoints();
    }

    boolean matches(ObjectNode record) {
        if (filter == null) {
            return true;
        }
        try {
            return !filter.rulesForJSONEvent(JSON.writeValueAsString(record)).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    /** Lambda's delivery loop for one batch. */
    private void deliver(String shardId, List<ObjectNode> batch) throws IOException {
        List<ObjectNode> pending = batch;
        int retries = 0;
        while (true) {
            if (!running) {
                throw new Stopped(); // no checkpoint: the next start delivers this batch again
            }
            Outcome outcome = invoke(pending);
            if (outcome.failedFrom() < 0) {
                delivered += pending.size();
                return;
            }
            if (outcome.functionError() && source.bisectOnError() && pending.size() > 1) {
                int half = pending.size() / 2;
                deliver(shardId, pending.subList(0, half));
                deliver(shardId, pending.subList(half, pending.size()));
                return;
            }
            delivered += outcome.failedFrom();
            pending = pending.subList(outcome.failedFrom(), pending.size());
            if (source.maximumRetryAttempts() >= 0 && retries >= source.maximumRetryAttempts()) {
                onFailure(shardId, pending, outcome.reason());
                return;
            }
            retries++;
            sleepQuietly(Math.min(2000, 100L * retries));
        }
    }

    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** failedFrom: -1 when the whole batch succeeded, else the index Lambda would retry from. */
    private record Outcome(int failedFrom, boolean functionError, String reason) {}

    private Outcome invoke(List<ObjectNode> batch) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        batch.forEach(records::add);
        String response;
        try {
            response = function.invoke(JSON.writeValueAsString(event));
        } catch (Exception e) {
            System.err.println("stream " + name() + ": function error: " + e);
            return new Outcome(0, true, "function error: " + e.getClass().getSimpleName());
        }
        if (!source.reportBatchItemFailures()) {
            return new Outcome(-1, false, null);
        }
        try {
            JsonNode failures = JSON.readTree(response).path("batchItemFailures");
            if (failures.isMissingNode() || failures.isNull() || failures.isEmpty()) {
                return new Outcome(-1, false, null);
            }
            int lowest = Integer.MAX_VALUE;
            for (JsonNode f : failures) {
                String id = f.path("itemIdentifier").asText("");
                int index = indexOf(batch, id);
                if (index < 0) {
                    // Lambda treats an unknown or empty identifier as a failure of the whole batch.
                    return new Outcome(0, false, "invalid itemIdentifier '" + id + "'");
                }
                lowest = Math.min(lowest, index);
            }
            return new Outcome(lowest, false, "partial batch failure");
        } catch (IOException e) {
            return new Outcome(0, true, "unreadable function response");
        }
    }

    private static int indexOf(List<ObjectNode> batch, String sequenceNumber) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i).path("dynamodb").path("SequenceNumber").asText().equals(sequenceNumber)) {
                return i;
            }
        }
        return -1;
    }

    /** What Lambda sends to an SQS on-failure destination: where the batch was, not its records. */
    private void onFailure(String shardId, List<ObjectNode> batch, String reason) throws IOException {
        ObjectNode record = JSON.createObjectNode();
        record.put("timestamp", Instant.now().toString());
        record.put("function", function.id());
        record.put("eventSource", source.name());
        record.put("condition", "RetryAttemptsExhausted");
        record.put("reason", reason);
        ObjectNode info = record.putObject("DDBStreamBatchInfo");
        info.put("shardId", shardId);
        info.put("startSequenceNumber", batch.getFirst().path("dynamodb").path("SequenceNumber").asText());
        info.put("endSequenceNumber", batch.getLast().path("dynamodb").path("SequenceNumber").asText());
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        failures.add(record);
        Files.createDirectories(failureFile.getParent());
        Files.writeString(failureFile, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.err.println("stream " + name() + ": gave up on " + batch.size() + " record(s) after retries ("
                + reason + "); recorded in " + failureFile.getFileName());
    }

    private void saveCheckpoints() throws IOException {
        Files.createDirectories(checkpointFile.getParent());
        Path tmp = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(new LinkedHashMap<>(checkpoints)), StandardCharsets.UTF_8);
        Files.move(tmp, checkpointFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** A stream record in the JSON shape Lambda delivers (and filters on). */
    ObjectNode lambdaRecord(Record r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("eventID", r.eventID());
        o.put("eventName", r.eventNameAsString());
        o.put("eventVersion", r.eventVersion() == null ? "1.1" : r.eventVersion());
        o.put("eventSource", "aws:dynamodb");
        o.put("awsRegion", SamTemplate.REGION);
        StreamRecord s = r.dynamodb();
        ObjectNode d = o.putObject("dynamodb");
        if (s.approximateCreationDateTime() != null) {
            d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        }
        if (s.hasKeys()) d.set("Keys", image(s.keys()));
        if (s.hasNewImage()) d.set("NewImage", image(s.newImage()));
        if (s.hasOldImage()) d.set("OldImage", image(s.oldImage()));
        d.put("SequenceNumber", s.sequenceNumber());
        d.put("SizeBytes", s.sizeBytes());
        d.put("StreamViewType", s.streamViewTypeAsString());
        o.put("eventSourceARN", streamArn);
        return o;
    }

    private static ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode o = JSON.createObjectNode();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    private static ObjectNode value(AttributeValue v) {
        ObjectNode o = JSON.createObjectNode();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", v.b().asByteArray());
            case SS -> v.ss().forEach(o.putArray("SS")::add);
            case NS -> v.ns().forEach(o.putArray("NS")::add);
            case BS -> v.bs().stream().map(SdkBytes::asByteArray).forEach(o.putArray("BS")::add);
            case M -> o.set("M", image(v.m()));
            case L -> {
                ArrayNode l = o.putArray("L");
                v.l().forEach(e -> l.add(value(e)));
            }
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            default -> throw new IllegalArgumentException("unknown attribute type " + v.type());
        }
        return o;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5000); // let an invocation in flight finish, as Lambda would
            thread.interrupt();
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String describe(List<StreamPoller> pollers) {
        return pollers.stream().map(p -> p.name() + " (batch " + p.source.batchSize() + ", "
                        + (p.filter == null ? "no filter" : p.source.filterPatterns().size() + " filter(s)") + ")")
                .collect(Collectors.joining(", "));
    }
}
