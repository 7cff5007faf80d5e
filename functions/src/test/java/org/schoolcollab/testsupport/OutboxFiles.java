package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads the mails an OutboxMailSender wrote into a test's folder. */
public final class OutboxFiles {
    private OutboxFiles() {}

    /** Every mail in the folder, oldest first (the file names start with the send time). */
    public static List<JsonNode> mails(Path outbox) throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Json.parse(Files.readString(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
    }

    public static JsonNode mailTo(List<JsonNode> mails, String to) {
        return mails.stream().filter(m -> m.path("to").asText().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail to " + to + " in " + mails));
    }
}
