package org.schoolcollab.notify.adapters;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The SES v2 adapter against aws-ses-v2-local (npm, pinned in tools/package-lock.json), started as a child process
 * on a free port. The emulator's GET /store shows what it received.
 */
class SesMailSenderIntegrationTest {
    private static final String FROM = "no-reply@example.org";
    private static final String NOT_INSTALLED = "aws-ses-v2-local not installed: run npm ci --prefix tools";

    private static Process emulator;
    private static Path emulatorLog;
    private static URI endpoint;
    private static SesV2Client ses;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startEmulator() throws Exception {
        Path root = EventFiles.root().getParent();
        Path cli = root.resolve("tools/node_modules/aws-ses-v2-local/dist/cli.js");
        if (!Files.isRegularFile(cli)) {
            // Each test is then reported as skipped with this reason (an abort here would hide them).
            System.err.println("SesMailSenderIntegrationTest skipped: " + NOT_INSTALLED);
            return;
        }
        int port = FreePort.find();
        emulatorLog = Files.createTempFile("aws-ses-v2-local", ".log");
        emulator = new ProcessBuilder("node", root.resolve("tools/node_modules/.bin/aws-ses-v2-local").toString(),
                "--host", "127.0.0.1", "--port", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(emulatorLog.toFile())
                .start();
        try {
            FreePort.awaitListening(port, Duration.ofSeconds(20));
        } catch (IllegalStateException e) {
            throw new IllegalStateException("aws-ses-v2-local did not start: " + Files.readString(emulatorLog), e);
        }
        endpoint = URI.create("http://127.0.0.1:" + port);
        ses = SesV2Client.builder()
                .endpointOverride(endpoint)
                .region(Region.AP_SOUTHEAST_2)
                .credentialsProvider(DynamoDbLocal.credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @AfterAll
    static void stopEmulator() throws Exception {
        if (ses != null) {
            ses.close();
        }
        if (emulator != null) {
            emulator.destroy();
            if (!emulator.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                emulator.destroyForcibly().waitFor();
            }
        }
        if (emulatorLog != null) {
            Files.deleteIfExists(emulatorLog);
        }
    }

    @BeforeEach
    void clearStore() throws Exception {
        if (emulator == null) {
            Assumptions.abort(NOT_INSTALLED);
        }
        HttpResponse<String> cleared = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/clear-store"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(cleared.statusCode()).isEqualTo(200);
    }

    @Test
    void sendsAUtf8MailThroughSesV2() throws Exception {
        SesMailSender sender = new SesMailSender(ses, FROM, null);
        String subject = "New expression of interest to review: Kāhui Ako o Ōtaki";
        String text = "Community: Kāhui Ako o Ōtaki\nSchools (3):\n  - 9101 Ōtaki School (PRIMARY, roll 182)\nTotal roll: 1035\n";

        String messageId = sender.send(new Mail("programme-office@example.org", subject, text));

        List<JsonNode> emails = storedEmails();
        assertThat(emails).hasSize(1);
        JsonNode email = emails.getFirst();
        assertThat(messageId).isNotBlank().isEqualTo(email.path("messageId").asText());
        assertThat(email.path("from").asText()).isEqualTo(FROM);
        assertThat(email.path("destination").path("to")).extracting(JsonNode::asText)
                .containsExactly("programme-office@example.org");
        assertThat(email.path("destination").path("cc")).isEmpty();
        assertThat(email.path("subject").asText()).isEqualTo(subject);
        assertThat(email.path("body").path("text").asText()).isEqualTo(text);
        assertThat(email.path("body").has("html")).isFalse();
    }

    @Test
    void eachMailGetsItsOwnMessageId() throws Exception {
        SesMailSender sender = new SesMailSender(ses, FROM, "school-collab-dev");

        String first = sender.send(new Mail("a@example.school.nz", "Expression of interest received: Ōtaki", "Kia ora A"));
        String second = sender.send(new Mail("b@example.school.nz", "Expression of interest received: Kāpiti", "Kia ora B"));

        assertThat(first).isNotEqualTo(second);
        assertThat(storedEmails()).extracting(e -> e.path("destination").path("to").get(0).asText())
                .containsExactly("a@example.school.nz", "b@example.school.nz");
    }

    @Test
    void aMailTheProviderRefusesIsAnExceptionNotAMessageId() throws Exception {
        // No From address: SES (and the emulator) answer 400, which the notifier must see as a failed send.
        SesMailSender sender = new SesMailSender(ses, "", null);

        SesV2Exception e = catchThrowableOfType(SesV2Exception.class,
                () -> sender.send(new Mail("a@example.school.nz", "Subject", "Text")));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(storedEmails()).isEmpty();
    }

    private static List<JsonNode> storedEmails() throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/store")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        List<JsonNode> emails = new ArrayList<>();
        Json.parse(response.body()).path("emails").forEach(emails::add);
        return emails;
    }
}
