package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Stands in for an on-failure destination, so what an event source gave up on stays visible to tests and people. */
final class OnFailureDestination {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path stateDir;
    private final String suffix;
    private final List<JsonNode> records = Collections.synchronizedList(new ArrayList<>());

    OnFailureDestination(Path stateDir) {
        this(stateDir, ".on-failure.jsonl");
    }

    /** suffix ends each file's name: ".dead-letter.jsonl" for a schedule's dead-letter queue, say. */
    OnFailureDestination(Path stateDir, String suffix) {
        this.stateDir = stateDir;
        this.suffix = suffix;
    }

    /** Where records sent under this name are written: &lt;name&gt;&lt;suffix&gt; in the data folder. */
    Path file(String name) {
        return stateDir.resolve(name + suffix);
    }

    /** Keeps the record, then appends it to the named file as one line of JSON. */
    void send(String name, JsonNode record) throws IOException {
        records.add(record);
        Path file = file(name);
        Files.createDirectories(file.getParent());
        synchronized (this) {
            Files.writeString(file, JSON.writeValueAsString(record) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /** The records sent since start, oldest first. */
    List<JsonNode> records() {
        return List.copyOf(records);
    }
}
