package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 3 over real HTTP on the local runner: approve forms a community its schools can see; decline frees them. */
class DecisionsEndToEndTest {
    @RegisterExtension
    static final InMemoryRunner RUNNER = new InMemoryRunner();
    private static String staff;

    @BeforeAll
    static void start() throws Exception {
        staff = RUNNER.api().token("staff-decider", "office@example.org", "staff", null);
    }

    private static String submit(String school, String name, String... schools) {
        LocalApi.Response r = RUNNER.api().post("/expressions-of-interest", school, LocalApi.eoiBody(name, schools), Map.of());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asText();
    }

    @Test
    void approvalFormsACommunityItsSchoolsCanSeeAndTellsTheContact() throws Exception {
        String school = RUNNER.api().token("user-approve", "p@example.school.nz", "school", "3101");
        String id = submit(school, "Ōtaki Kāhui Ako", "3101", "3102", "3103");

        LocalApi.Response decided = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"APPROVED\",\"wave\":\"2014-12\"}", Map.of());
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        String communityId = decided.json().get("communityId").asText();
        assertThat(decided.header("location")).isEqualTo("/communities/" + communityId);

        LocalApi.Response community = RUNNER.api().get("/communities/" + communityId,
                RUNNER.api().token("user-member", "m@example.school.nz", "school", "3103"));
        assertThat(community.status()).isEqualTo(200);
        assertThat(community.json().get("name").asText()).isEqualTo("Ōtaki Kāhui Ako");
        assertThat(community.json().get("status").asText()).isEqualTo("FORMING");
        assertThat(community.json().get("members")).hasSize(3);
        assertThat(RUNNER.api().get("/communities/" + communityId, RUNNER.api().token("user-out", "o@example.school.nz", "school", "9998"))
                .status()).isEqualTo(404);

        LocalApi.Response list = RUNNER.api().get("/communities?programme=kahui-ako&status=FORMING&limit=100", staff);
        assertThat(list.json().get("items").findValuesAsText("id")).contains(communityId);
        assertThat(RUNNER.api().get("/expressions-of-interest/" + id, school).json().get("status").asText()).isEqualTo("APPROVED");

        List<JsonNode> mails = RUNNER.api().awaitMails(communityId, 2, Duration.ofSeconds(10));
        assertThat(mails).extracting(m -> m.get("subject").asText())
                .contains("Approved: Ōtaki Kāhui Ako", "Decision recorded (approved): Ōtaki Kāhui Ako");

        // The formation allowance, NZD 1,000 per member school (policies/kahui-ako.json), recorded by the stream.
        JsonNode funding = awaitFunding(communityId, 3, school);
        assertThat(funding.get("records")).allSatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("FORMATION_ALLOWANCE");
            assertThat(r.at("/amount/value").asText()).isEqualTo("1000.00");
            assertThat(r.at("/amount/currency").asText()).isEqualTo("NZD");
            assertThat(r.get("policyId").asText()).isNotBlank();
            assertThat(r.get("policyVersion").asText()).isNotBlank();
        });
        assertThat(funding.get("records").findValuesAsText("recipientSchoolNumber"))
                .containsExactlyInAnyOrder("3101", "3102", "3103");
        assertThat(funding.get("totals")).hasSize(1);
        assertThat(funding.at("/totals/0/value").asText()).isEqualTo("3000.00");
        assertThat(RUNNER.api().get("/communities/" + communityId + "/funding",
                RUNNER.api().token("user-out2", "o@example.school.nz", "school", "9997")).status()).isEqualTo(404);

        // A second decision, approve or decline, is refused and changes nothing.
        LocalApi.Response again = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"DECLINED\",\"reason\":\"changed our mind\"}", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(RUNNER.api().get("/communities/" + communityId, staff).json().get("status").asText()).isEqualTo("FORMING");
        // The schools stay claimed by their community.
        assertThat(RUNNER.api().post("/expressions-of-interest", school, LocalApi.eoiBody("Another", "3101", "3109"), Map.of())
                .status()).isEqualTo(409);
    }

    private static JsonNode awaitFunding(String communityId, int records, String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode body;
        do {
            LocalApi.Response r = RUNNER.api().get("/communities/" + communityId + "/funding", token);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            body = r.json();
            if (body.get("records").size() >= records) {
                return body;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return body;
    }

    @Test
    void aSchoolImprovementClusterHasNoFormationAllowance() throws Exception {
        String school = RUNNER.api().token("user-dorset", "head@example.sch.uk", "school", "4101");
        String body = LocalApi.eoiBody("Weymouth and Portland Cluster", "4101", "4102")
                .replace("\"kahui-ako\"", "\"school-improvement\"");
        LocalApi.Response submitted = RUNNER.api().post("/expressions-of-interest", school, body, Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String id = submitted.json().get("id").asText();
        String communityId = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"APPROVED\"}", Map.of()).json().get("communityId").asText();
        RUNNER.api().awaitMails(communityId, 2, Duration.ofSeconds(10));
        Thread.sleep(500); // the funding reaction has seen the decision by now, and must have written nothing
        JsonNode funding = RUNNER.api().get("/communities/" + communityId + "/funding", school).json();
        assertThat(funding.get("records")).isEmpty();
        assertThat(funding.get("programme").asText()).isEqualTo("school-improvement");

        // A grant in GBP: a funding record and the contact told, by the stream.
        LocalApi.Response nzd = RUNNER.api().post("/communities/" + communityId + "/grants", staff,
                "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"12000.00\",\"currency\":\"NZD\"}}", Map.of());
        assertThat(nzd.status()).isEqualTo(400);
        assertThat(nzd.json().get("errors").findValuesAsText("field")).containsExactly("amount.currency");
        assertThat(RUNNER.api().post("/communities/" + communityId + "/grants", school,
                "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"12000.00\",\"currency\":\"GBP\"}}", Map.of())
                .status()).isEqualTo(403);
        LocalApi.Response grant = RUNNER.api().post("/communities/" + communityId + "/grants", staff,
                "{\"purpose\":\"EMPLOYER_ENGAGEMENT\",\"amount\":{\"value\":\"12000.00\",\"currency\":\"GBP\"},"
                        + "\"description\":\"Employer mentors for Year 10\"}", Map.of());
        assertThat(grant.status()).as(grant.body()).isEqualTo(201);
        String grantId = grant.json().get("grantId").asText();
        JsonNode withGrant = awaitFunding(communityId, 1, school);
        assertThat(withGrant.at("/records/0/kind").asText()).isEqualTo("GRANT");
        assertThat(withGrant.at("/records/0/amount/value").asText()).isEqualTo("12000.00");
        assertThat(withGrant.at("/records/0/amount/currency").asText()).isEqualTo("GBP");
        assertThat(withGrant.at("/totals/0/value").asText()).isEqualTo("12000.00");
        assertThat(RUNNER.api().awaitMails("mployer engagement grant of £12,000.00", 2, Duration.ofSeconds(10)))
                .extracting(m -> m.get("subject").asText()).containsExactlyInAnyOrder("Grant awarded: Weymouth and Portland Cluster",
                        "Grant recorded: Weymouth and Portland Cluster (£12,000.00)");
        assertThat(grantId).isNotBlank();
    }

    @Test
    void aKahuiAkoCommunityIsAwardedNoGrantsByItsPolicy() {
        String school = RUNNER.api().token("user-nogrant", "p@example.school.nz", "school", "4201");
        String id = submit(school, "No Grant Kāhui Ako", "4201", "4202");
        String communityId = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"APPROVED\"}", Map.of()).json().get("communityId").asText();
        LocalApi.Response r = RUNNER.api().post("/communities/" + communityId + "/grants", staff,
                "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"100.00\",\"currency\":\"NZD\"}}", Map.of());
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("type").asText()).isEqualTo("/problems/no-grants");
    }

    @Test
    void aDeclineNeedsAReasonTellsTheContactAndLetsTheSchoolsApplyAgain() throws Exception {
        String school = RUNNER.api().token("user-decline", "p@example.school.nz", "school", "3201");
        String id = submit(school, "Declined Cluster", "3201", "3202");

        LocalApi.Response noReason = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"DECLINED\"}", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("errors").findValuesAsText("field")).containsExactly("reason");

        LocalApi.Response declined = RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff,
                "{\"decision\":\"DECLINED\",\"reason\":\"Fewer than two schools have agreed challenges.\"}", Map.of());
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.json().has("communityId")).isFalse();
        // The school sees why in the application's history: the reason its contact is emailed.
        JsonNode last = RUNNER.api().get("/expressions-of-interest/" + id, school).json().get("history").get(1);
        assertThat(last.get("event").asText()).isEqualTo("DECLINED");
        assertThat(last.get("reason").asText()).isEqualTo("Fewer than two schools have agreed challenges.");

        List<JsonNode> mails = RUNNER.api().awaitMails("Fewer than two schools have agreed challenges.", 2, Duration.ofSeconds(10));
        assertThat(mails).extracting(m -> m.get("to").asText()).contains("aroha@example.school.nz");

        assertThat(RUNNER.api().post("/expressions-of-interest", school, LocalApi.eoiBody("Second Try", "3201", "3202"), Map.of())
                .status()).as("a decline releases the schools").isEqualTo(201);
    }

    @Test
    void onlyStaffDecide() {
        String school = RUNNER.api().token("user-self", "p@example.school.nz", "school", "3301");
        String id = submit(school, "Self Approval", "3301", "3302");
        assertThat(RUNNER.api().post("/expressions-of-interest/" + id + "/decision", school, "{\"decision\":\"APPROVED\"}", Map.of())
                .status()).isEqualTo(403);
        assertThat(RUNNER.api().post("/expressions-of-interest/" + id + "/decision", null, "{\"decision\":\"APPROVED\"}", Map.of())
                .status()).isEqualTo(401);
        assertThat(RUNNER.api().get("/communities?programme=kahui-ako", school).status()).isEqualTo(403);
    }
}
