package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Reads the mail that functions wrote with the outbox mail adapter (MAIL_ADAPTER=outbox). */
final class Outbox {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    Outbox(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Newest first. */
    ArrayNode list() throws IOException {
        ArrayNode out = JSON.createArrayNode();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed())
                    .toList();
        }
        for (Path p : files) {
            out.add(JSON.readTree(p.toFile()));
        }
        return out;
    }

    Optional<JsonNode> find(String id) throws IOException {
        if (!id.matches("[A-Za-z0-9-]+")) {
            return Optional.empty();
        }
        Path p = dir.resolve(id + ".json");
        return Files.exists(p) ? Optional.of(JSON.readTree(p.toFile())) : Optional.empty();
    }
}
