package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /notifications over real HTTP on the local runner, its table created from template.yaml (gsi1 and gsi2):
 * the mails of a submission and its approval, as the contact and as staff see them.
 */
class NotificationLogEndToEndTest {
    @RegisterExtension
    static final InMemoryRunner RUNNER = new InMemoryRunner();
    private static String staff;

    @BeforeAll
    static void start() throws Exception {
        staff = RUNNER.api().token("staff-log-reader", "office@example.org", "staff", null);
    }

    @Test
    void theContactSeesTheirMailAndStaffSeeTheCommunitysNewestFirst() throws Exception {
        // LocalApi.eoiBody names aroha@example.school.nz as the contact.
        String school = RUNNER.api().token("user-log", "aroha@example.school.nz", "school", "5101");
        LocalApi.Response submitted = RUNNER.api().post("/expressions-of-interest", school,
                LocalApi.eoiBody("Ōtaki Notification Log", "5101", "5102"), Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asText();
        RUNNER.api().awaitMails(id, 2, Duration.ofSeconds(10));
        LocalApi.Response decided = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"APPROVED\",\"wave\":\"2014-12\"}", Map.of());
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        String communityId = decided.json().get("communityId").asText();
        RUNNER.api().awaitMails(communityId, 2, Duration.ofSeconds(10));

        // The contact, signed in with their address in another case.
        String contact = RUNNER.api().token("user-log-2", "Aroha@Example.School.NZ", "school", "5102");
        JsonNode own = awaitItems("/notifications", contact, 2);
        assertThat(own.get("items")).extracting(n -> n.get("kind").asText())
                .containsExactly("DECISION_APPROVED_CONTACT", "EOI_RECEIVED_CONTACT");
        assertThat(own.get("items")).allSatisfy(n -> {
            assertThat(n.get("recipient").asText()).isEqualTo("aroha@example.school.nz");
            assertThat(n.get("status").asText()).isEqualTo("SENT");
            assertThat(n.get("eoiId").asText()).isEqualTo(id);
            assertThat(n.get("source").asText()).isEqualTo("EOI#" + id);
        });
        assertThat(own.at("/items/0/communityId").asText()).isEqualTo(communityId);
        assertThat(own.at("/items/0/body").asText()).contains(communityId);

        JsonNode community = awaitItems("/notifications?communityId=" + communityId, staff, 2);
        assertThat(community.get("items")).extracting(n -> n.get("kind").asText())
                .containsExactly("DECISION_RECORDED_STAFF", "DECISION_APPROVED_CONTACT");

        // Staff page through everything, one at a time, newest first.
        List<String> createdAt = new ArrayList<>();
        String path = "/notifications?limit=1";
        for (int page = 0; page < 50; page++) {
            LocalApi.Response r = RUNNER.api().get(path, staff);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().get("items").forEach(n -> createdAt.add(n.get("createdAt").asText()));
            if (!r.json().has("nextToken")) {
                break;
            }
            path = "/notifications?limit=1&nextToken=" + r.json().get("nextToken").asText();
        }
        assertThat(createdAt).hasSizeGreaterThanOrEqualTo(4);
        assertThat(createdAt.stream().map(java.time.Instant::parse).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(RUNNER.api().get("/notifications", null).status()).isEqualTo(401);
        assertThat(RUNNER.api().get("/notifications?limit=0", contact).status()).isEqualTo(400);
    }

    /** Polls until the page holds n notifications, all sent (the mail is in the outbox just before it is marked). */
    private static JsonNode awaitItems(String path, String token, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode body;
        do {
            LocalApi.Response r = RUNNER.api().get(path, token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            body = r.json();
            List<String> statuses = body.get("items").findValuesAsText("status");
            if (statuses.size() >= n && statuses.stream().allMatch("SENT"::equals)) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return body;
    }
}
