package org.schoolcollab.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The default runner keeps its data: a restart finds the applications, honours old tokens and re-sends nothing. */
class LocalRunnerRestartEndToEndTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("project.root", "..")).resolve("template.yaml");

    @Test
    void aRestartKeepsDataTokensAndStreamPosition(@TempDir Path data) throws Exception {
        String id;
        String token;
        try (LocalRunner first = LocalRunner.start(new LocalRunner.Options(0, data, false, false, TEMPLATE, Map.of()))) {
            LocalApi api = new LocalApi(first.port());
            token = api.token("user-restart", "p@example.school.nz", "school", "8801");
            LocalApi.Response created = api.post("/expressions-of-interest", token,
                    LocalApi.eoiBody("Restart Kāhui Ako", "8801", "8802"), Map.of());
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asText();
            assertThat(api.awaitMails(id, 2, Duration.ofSeconds(10))).hasSize(2);
        }
        try (LocalRunner second = LocalRunner.start(new LocalRunner.Options(0, data, false, false, TEMPLATE, Map.of()))) {
            LocalApi api = new LocalApi(second.port());
            LocalApi.Response read = api.get("/expressions-of-interest/" + id, token);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("communityName").asText()).isEqualTo("Restart Kāhui Ako");
            Thread.sleep(1000); // time for a wrongly rewound stream to deliver again
            assertThat(api.awaitMails(id, 3, Duration.ofMillis(200))).hasSize(2);
        }
        try (LocalRunner fresh = LocalRunner.start(new LocalRunner.Options(0, data, true, false, TEMPLATE, Map.of()))) {
            LocalApi api = new LocalApi(fresh.port());
            String staff = api.token("staff-fresh", "office@example.org", "staff", null);
            assertThat(api.get("/expressions-of-interest/" + id, staff).status()).as("--fresh starts empty").isEqualTo(404);
        }
    }
}
