package org.schoolcollab.notify.adapters;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.MailSender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.UUID;

/** Local mode: each mail is a JSON file a person can read (the runner serves them at GET /local/outbox). */
public final class OutboxMailSender implements MailSender {
    private final Path dir;
    private final String from;

    public OutboxMailSender(Path dir, String from) {
        this.dir = dir;
        this.from = from;
    }

    @Override
    public String send(Mail mail) {
        Instant now = Instant.now();
        String id = "outbox-" + now.toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode o = Json.object()
                .put("id", id)
                .put("sentAt", now.toString())
                .put("from", from)
                .put("to", mail.to())
                .put("subject", mail.subject())
                .put("text", mail.text());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".", ".tmp");
            Files.writeString(tmp, Json.write(o), StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(id + ".json"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the outbox " + dir, e);
        }
        // One line per mail, ids only: the text is at the URL.
        System.out.println("outbox: " + id + " \"" + mail.subject() + "\" -> GET /local/outbox/" + id);
        return id;
    }
}
