package org.schoolcollab.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Reads a stream from where the last delivery ended, so a restart neither skips nor repeats records. */
final class ShardReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Takes the records of one read; when it returns normally they count as delivered. */
    interface Delivery {
        void deliver(String shardId, List<Record> records) throws IOException;
    }

    private final LocalDynamoDb dynamo;
    private final String streamArn;
    private final String startingPosition;
    private final Path checkpointFile;
    private final Map<String, String> checkpoints = new ConcurrentHashMap<>();
    private final Map<String, String> iterators = new HashMap<>();
    private final Set<String> drained = ConcurrentHashMap.newKeySet();

    ShardReader(LocalDynamoDb dynamo, String streamArn, String startingPosition, Path checkpointFile)
            throws IOException {
        this.dynamo = dynamo;
        this.streamArn = streamArn;
        this.startingPosition = startingPosition;
        this.checkpointFile = checkpointFile;
        if (Files.exists(checkpointFile)) {
            JSON.readTree(checkpointFile.toFile()).properties()
                    .forEach(e -> checkpoints.put(e.getKey(), e.getValue().asText()));
        }
    }

    /** One pass over the shards; true when records were read. */
    boolean readOnce(Delivery delivery) throws IOException {
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
                delivery.deliver(shardId, response.records());
                checkpoints.put(shardId, response.records().getLast().dynamodb().sequenceNumber());
                saveCheckpoints();
            }
        }
        return any;
    }

    /** Forgets where each shard's reading had got to: the next pass starts again from the checkpoints. */
    void rewind() {
        iterators.clear();
    }

    private String firstIterator(String shardId) {
        String checkpoint = checkpoints.get(shardId);
        if (checkpoint != null) {
            return dynamo.streams().getShardIterator(b -> b.streamArn(streamArn).shardId(shardId)
                    .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER).sequenceNumber(checkpoint))
                    .shardIterator();
        }
        ShardIteratorType type = "LATEST".equals(startingPosition)
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

    private void saveCheckpoints() throws IOException {
        Files.createDirectories(checkpointFile.getParent());
        Path tmp = checkpointFile.resolveSibling(checkpointFile.getFileName() + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(new LinkedHashMap<>(checkpoints)), StandardCharsets.UTF_8);
        Files.move(tmp, checkpointFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
