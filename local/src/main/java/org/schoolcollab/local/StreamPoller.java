package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.local.template.StreamSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A stream event source mapping on a thread of its own, so each stream trigger runs as Lambda polls it. */
final class StreamPoller implements AutoCloseable {
    private static final long IDLE_MILLIS = 150;

    private final StreamSource source;
    private final String name;
    private final OnFailureDestination failures;
    private final BatchDelivery delivery;
    private final ShardReader reader;
    private final Thread thread;
    private volatile boolean running = true;

    StreamPoller(StreamSource source, LocalFunction function, LocalDynamoDb dynamo, Path stateDir)
            throws Exception {
        this.source = source;
        this.name = function.id() + "." + source.name();
        String streamArn = dynamo.client().describeTable(b -> b.tableName(source.tableId())).table().latestStreamArn();
        if (streamArn == null) {
            throw new IllegalStateException("table " + source.tableId() + " has no stream for " + name());
        }
        this.failures = new OnFailureDestination(stateDir);
        this.delivery = new BatchDelivery(source, function, name, streamArn, failures, () -> running);
        this.reader = new ShardReader(dynamo, streamArn, source.startingPosition(),
                stateDir.resolve("stream-" + name() + ".checkpoints.json"));
        this.thread = Thread.ofPlatform().daemon().name("stream-" + name()).start(this::run);
    }

    String name() {
        return name;
    }

    /** Batches handed to the on-failure destination since start (what Lambda would put on the SQS queue). */
    List<JsonNode> failures() {
        return failures.records();
    }

    long deliveredRecords() {
        return delivery.delivered();
    }

    private void run() {
        while (running) {
            try {
                if (!reader.readOnce(delivery::process)) {
                    Thread.sleep(IDLE_MILLIS);
                }
            } catch (InterruptedException | BatchDelivery.Stopped e) {
                return;
            } catch (Exception e) {
                if (running) {
                    // Start again from the last checkpoint: at-least-once, never a skipped record.
                    reader.rewind();
                    System.err.println("stream " + name() + ": " + e);
                    BatchDelivery.sleepQuietly(1000);
                }
            }
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
                        + (p.source.filterPatterns().isEmpty() ? "no filter" : p.source.filterPatterns().size() + " filter(s)") + ")")
                .collect(Collectors.joining(", "));
    }
}
