package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.local.template.StreamSource;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.schoolcollab.local.StreamRecords.sequenceNumber;

/** Lambda's delivery rules for stream batches, so handlers meet filters, retries and bisection here as in AWS. */
final class BatchDelivery {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown when the runner stops mid-batch: nothing is checkpointed, so the next start delivers it again. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    /** failedFrom: -1 when the whole batch succeeded, else the index Lambda would retry from. */
    private record Outcome(int failedFrom, boolean functionError, String reason) {}

    private final StreamSource source;
    private final LocalFunction function;
    private final String name;
    private final String streamArn;
    private final Machine filter;
    private final OnFailureDestination destination;
    private final BooleanSupplier running;
    private volatile long delivered;

    BatchDelivery(StreamSource source, LocalFunction function, String name, String streamArn,
                  OnFailureDestination destination, BooleanSupplier running) throws Exception {
        this.source = source;
        this.function = function;
        this.name = name;
        this.streamArn = streamArn;
        this.destination = destination;
        this.running = running;
        if (source.filterPatterns().isEmpty()) {
            this.filter = null;
        } else {
            this.filter = new Machine();
            for (int i = 0; i < source.filterPatterns().size(); i++) {
                filter.addRule("filter-" + i, source.filterPatterns().get(i));
            }
        }
    }

    long delivered() {
        return delivered;
    }

    /** The records of one read: those the filters match, in batches of at most BatchSize. */
    void process(String shardId, List<Record> records) throws IOException {
        List<ObjectNode> matching = new ArrayList<>();
        for (Record r : records) {
            ObjectNode json = StreamRecords.lambdaRecord(r, streamArn);
            if (matches(json)) {
                matching.add(json);
            }
        }
        for (int i = 0; i < matching.size(); i += source.batchSize()) {
            deliver(shardId, matching.subList(i, Math.min(matching.size(), i + source.batchSize())));
        }
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
            if (!running.getAsBoolean()) {
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

    private Outcome invoke(List<ObjectNode> batch) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        batch.forEach(records::add);
        String response;
        try {
            response = function.invoke(JSON.writeValueAsString(event));
        } catch (Exception e) {
            System.err.println("stream " + name + ": function error: " + e);
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
            if (sequenceNumber(batch.get(i)).equals(sequenceNumber)) {
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
        info.put("startSequenceNumber", sequenceNumber(batch.getFirst()));
        info.put("endSequenceNumber", sequenceNumber(batch.getLast()));
        info.put("batchSize", batch.size());
        info.put("streamArn", streamArn);
        String file = "stream-" + name;
        destination.send(file, record);
        System.err.println("stream " + name + ": gave up on " + batch.size() + " record(s) after retries ("
                + reason + "); recorded in " + destination.file(file).getFileName());
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
