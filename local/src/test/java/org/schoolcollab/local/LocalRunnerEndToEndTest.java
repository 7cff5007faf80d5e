package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** End to end over real HTTP against the local runner, started as the README starts it (but in memory, on a free port). */
class LocalRunnerEndToEndTest {
    @RegisterExtension
    static final InMemoryRunner RUNNER = new InMemoryRunner();

    @Test
    void submitReadBackQueueAndBothEmailsInTheOutbox() throws Exception {
        String school = RUNNER.api().token("user-e2e", "principal@example.school.nz", "school", "7001");
        String staff = RUNNER.api().token("staff-e2e", "office@example.org", "staff", null);

        LocalApi.Response created = RUNNER.api().post("/expressions-of-interest", school,
                LocalApi.eoiBody("Ōtaki Kāhui Ako", "7001", "7002", "7003"), Map.of());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("location")).isEqualTo("/expressions-of-interest/" + id);
        assertThat(created.json().get("communityName").asText()).isEqualTo("Ōtaki Kāhui Ako");
        assertThat(created.json().at("/submittedBy/sub").asText()).isEqualTo("user-e2e");

        LocalApi.Response read = RUNNER.api().get("/expressions-of-interest/" + id, school);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(read.json().get("totalRoll").asInt()).isEqualTo(100 + 101 + 102);

        LocalApi.Response queue = RUNNER.api().get("/expressions-of-interest?status=SUBMITTED&limit=100", staff);
        assertThat(queue.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        queue.json().get("items").forEach(i -> ids.add(i.get("id").asText()));
        assertThat(ids).contains(id);

        long t0 = System.nanoTime();
        List<JsonNode> ours = RUNNER.api().awaitMails(id, 2, Duration.ofSeconds(10));
        assertThat(ours).as("both emails for %s within 10 s", id).hasSize(2);
        System.out.printf("both emails in the outbox %d ms after the submission returned%n",
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(ours).extracting(m -> m.get("to").asText())
                .containsExactlyInAnyOrder("programme-office@example.org", "aroha@example.school.nz");
        JsonNode staffMail = ours.stream().filter(m -> m.get("to").asText().startsWith("programme-office")).findFirst().orElseThrow();
        assertThat(staffMail.get("subject").asText()).isEqualTo("New expression of interest to review: Ōtaki Kāhui Ako");
        assertThat(staffMail.get("text").asText()).contains("7001", "7002", "7003", "Total roll: 303");
        assertThat(RUNNER.api().get("/local/outbox/" + staffMail.get("id").asText(), null).status()).isEqualTo(200);
    }

    @Test
    void theSameIdempotencyKeyReplaysTheFirstResponse() {
        String school = RUNNER.api().token("user-idem", "p@example.school.nz", "school", "7101");
        String body = LocalApi.eoiBody("Replay Community", "7101", "7102");
        LocalApi.Response first = RUNNER.api().post("/expressions-of-interest", school, body, Map.of("idempotency-key", "e2e-key-1"));
        LocalApi.Response second = RUNNER.api().post("/expressions-of-interest", school, body, Map.of("idempotency-key", "e2e-key-1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        assertThat(second.header("idempotent-replayed")).isEqualTo("true");
        LocalApi.Response changed = RUNNER.api().post("/expressions-of-interest", school,
                LocalApi.eoiBody("Another Community", "7101", "7102"), Map.of("idempotency-key", "e2e-key-1"));
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.header("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aSchoolAlreadyClaimedGets409NamingIt() {
        String school = RUNNER.api().token("user-claim", "p@example.school.nz", "school", "7201");
        assertThat(RUNNER.api().post("/expressions-of-interest", school, LocalApi.eoiBody("First", "7201", "7202"), Map.of()).status())
                .isEqualTo(201);
        LocalApi.Response again = RUNNER.api().post("/expressions-of-interest", school,
                LocalApi.eoiBody("Second", "7201", "7203"), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("claimedSchoolNumbers")).hasSize(1);
        assertThat(again.json().get("claimedSchoolNumbers").get(0).asText()).isEqualTo("7201");
    }

    @Test
    void badInputIsA400NamingTheField() {
        String school = RUNNER.api().token("user-bad", "p@example.school.nz", "school", "7301");
        LocalApi.Response r = RUNNER.api().post("/expressions-of-interest", school,
                LocalApi.eoiBody("Ok Name", "7301", "7301"), Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.header("content-type")).startsWith("application/problem+json");
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("schools[1].schoolNumber");
        LocalApi.Response text = RUNNER.api().send("POST", "/expressions-of-interest", school, "hello",
                Map.of("content-type", "text/plain"));
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void tokensAreCheckedAsApiGatewayChecksThem() throws Exception {
        LocalApi.Response none = RUNNER.api().get("/expressions-of-interest", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("message").asText()).isEqualTo("Unauthorized");

        String expired = RUNNER.api().token("staff-old", "office@example.org", "staff", null, -300);
        assertThat(RUNNER.api().get("/expressions-of-interest", expired).status()).isEqualTo(401);

        // Same claims, issuer and audience, signed with a key the runner does not know.
        RSAKey other = new RSAKeyGenerator(2048).keyID("forger").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forger").build(),
                new JWTClaimsSet.Builder().issuer(LocalJwt.ISSUER).audience(LocalJwt.AUDIENCE).subject("mallory")
                        .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                        .claim("cognito:groups", List.of("staff")).build());
        forged.sign(new RSASSASigner(other));
        assertThat(RUNNER.api().get("/expressions-of-interest", forged.serialize()).status()).isEqualTo(401);

        // A valid token whose payload was edited (staff added) no longer verifies.
        String genuine = RUNNER.api().token("user-tamper", "p@example.school.nz", "school", "7401");
        String[] parts = genuine.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("[\"school\"]", "[\"staff\"]");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.getBytes()) + "." + parts[2];
        assertThat(RUNNER.api().get("/expressions-of-interest", tampered).status()).isEqualTo(401);
    }

    @Test
    void schoolUsersSeeOnlyTheirOwnAndNeverTheStaffQueue() {
        String owner = RUNNER.api().token("user-own", "p@example.school.nz", "school", "7501");
        String stranger = RUNNER.api().token("user-other", "q@example.school.nz", "school", "9999");
        String id = RUNNER.api().post("/expressions-of-interest", owner, LocalApi.eoiBody("Own", "7501", "7502"), Map.of())
                .json().get("id").asText();
        // A member school that did not submit it may read it too.
        assertThat(RUNNER.api().get("/expressions-of-interest/" + id, RUNNER.api().token("user-member", "m@example.school.nz", "school", "7502"))
                .status()).isEqualTo(200);
        LocalApi.Response hidden = RUNNER.api().get("/expressions-of-interest/" + id, stranger);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(RUNNER.api().get("/expressions-of-interest/00000000-0000-0000-0000-000000000000", stranger).status())
                .isEqualTo(404);
        // The list is a school user's own applications, never the staff queue: the stranger's is empty.
        LocalApi.Response own = RUNNER.api().get("/expressions-of-interest", owner);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().get("items").findValuesAsText("id")).containsExactly(id);
        LocalApi.Response strangers = RUNNER.api().get("/expressions-of-interest", stranger);
        assertThat(strangers.status()).as(strangers.body()).isEqualTo(200);
        assertThat(strangers.json().get("items")).isEmpty();
        assertThat(strangers.body()).doesNotContain(id, "Own");
    }

    @Test
    void unknownRoutesAre404FromTheGateway() {
        String staff = RUNNER.api().token("staff-404", "office@example.org", "staff", null);
        assertThat(RUNNER.api().get("/nowhere", staff).status()).isEqualTo(404);
        assertThat(RUNNER.api().send("DELETE", "/expressions-of-interest", staff, null, Map.of()).status()).isEqualTo(404);
    }
}
