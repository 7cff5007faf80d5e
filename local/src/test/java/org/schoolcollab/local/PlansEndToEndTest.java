package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 over real HTTP on the local runner: a plan uploaded straight to S3 (S3Proxy) with its presigned URL,
 * received by the S3-triggered function, endorsed by staff; a cluster's action plan reviewed by two visits.
 */
class PlansEndToEndTest {
    private static final String THREE_CHALLENGES = "[{\"area\":\"ATTENDANCE\",\"description\":\"Attendance\",\"measure\":\"70% by 2027\"},"
            + "{\"area\":\"ACHIEVEMENT\",\"description\":\"Writing\",\"measure\":\"75% at level\"},"
            + "{\"area\":\"TRANSITIONS\",\"description\":\"Year 8 to 9\",\"measure\":\"Every learner has a plan\"}]";
    private static final String ONE_PRIORITY = "[{\"area\":\"ENGAGEMENT\",\"description\":\"Employer engagement\","
            + "\"measure\":\"Every Year 10 pupil meets an employer\"}]";
    @RegisterExtension
    static final InMemoryRunner RUNNER = new InMemoryRunner();
    private static String staff;

    @BeforeAll
    static void start() throws Exception {
        staff = RUNNER.api().token("staff-plans", "office@example.org", "staff", null);
    }

    private static String community(String school, String programme, String... schools) {
        String body = LocalApi.eoiBody("Plans " + schools[0], schools);
        if (!programme.equals("kahui-ako")) {
            body = body.replace("\"kahui-ako\"", "\"" + programme + "\"");
        }
        String id = RUNNER.api().post("/expressions-of-interest", school, body, Map.of()).json().get("id").asText();
        return RUNNER.api().post("/expressions-of-interest/" + id + "/decision", staff, "{\"decision\":\"APPROVED\"}", Map.of())
                .json().get("communityId").asText();
    }

    @Test
    void aKahuiAkoPlanIsUploadedReceivedAndEndorsedOnce() throws Exception {
        String school = RUNNER.api().token("plan-user", "aroha@example.school.nz", "school", "5101");
        String communityId = community(school, "kahui-ako", "5101", "5102", "5103");
        String planId = RUNNER.api().uploadReceivedPlan(communityId, school, THREE_CHALLENGES);

        // The community shows the version as its file check left it: RECEIVED, not yet reviewed.
        JsonNode received = RUNNER.api().get("/communities/" + communityId, school).json().get("plans");
        assertThat(received).singleElement().satisfies(p -> {
            assertThat(p.get("planId").asText()).isEqualTo(planId);
            assertThat(p.get("version").asInt()).isEqualTo(1);
            assertThat(p.get("status").asText()).isEqualTo("RECEIVED");
            assertThat(p.get("fileName").asText()).isEqualTo("plan.pdf");
            assertThat(p.get("contentType").asText()).isEqualTo("application/pdf");
            assertThat(p.get("sizeBytes").asLong()).isEqualTo(15);
            assertThat(p.has("registeredAt")).isTrue();
            assertThat(p.has("receivedAt")).isTrue();
            assertThat(p.has("review")).isFalse();
            assertThat(p.has("decidedAt")).isFalse();
        });

        LocalApi.Response endorsed = RUNNER.api().post("/communities/" + communityId + "/plans/" + planId + "/decision", staff,
                "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"5101\",\"comments\":\"Clear measures.\","
                        + "\"roleAllocation\":{\"acrossSchool\":[{\"schoolNumber\":\"5101\",\"roles\":1}],"
                        + "\"withinSchool\":[{\"schoolNumber\":\"5102\",\"roles\":2}]}}", Map.of());
        assertThat(endorsed.status()).as(endorsed.body()).isEqualTo(201);
        assertThat(RUNNER.api().post("/communities/" + communityId + "/plans/" + planId + "/decision", staff,
                "{\"decision\":\"CHANGES_REQUESTED\",\"comments\":\"again\"}", Map.of()).status()).isEqualTo(409);

        List<JsonNode> mails = RUNNER.api().awaitMails("A separate email will list each role", 1, Duration.ofSeconds(10));
        assertThat(mails).extracting(m -> m.get("subject").asText()).containsExactly("Plan endorsed: Plans 5101");
        assertThat(RUNNER.api().get("/communities/" + communityId, school).json().get("status").asText()).isEqualTo("ENDORSED");
        // ... and then the decision, with its comments, leader school and time, to the school and to staff alike.
        JsonNode decided = RUNNER.api().get("/communities/" + communityId, school).json().get("plans");
        assertThat(decided).singleElement().satisfies(p -> {
            assertThat(p.get("status").asText()).isEqualTo("ENDORSED");
            assertThat(p.get("receivedAt").asText()).isEqualTo(received.get(0).get("receivedAt").asText());
            assertThat(p.get("decidedAt").asText()).isEqualTo(endorsed.json().get("decidedAt").asText());
            assertThat(p.at("/review/decision").asText()).isEqualTo("ENDORSED");
            assertThat(p.at("/review/comments").asText()).isEqualTo("Clear measures.");
            assertThat(p.at("/review/leaderSchoolNumber").asText()).isEqualTo("5101");
            assertThat(p.at("/review/decidedAt").asText()).isEqualTo(endorsed.json().get("decidedAt").asText());
        });
        assertThat(RUNNER.api().get("/communities/" + communityId, staff).json().get("plans")).isEqualTo(decided);
        // The roles recorded with the endorsement are released by their own reaction.
        assertThat(RUNNER.api().awaitMails("have been released, from the allocation", 1, Duration.ofSeconds(10)))
                .extracting(m -> m.get("subject").asText()).containsExactly("Roles and inquiry time released: Plans 5101");
        assertThat(RUNNER.api().get("/communities/" + communityId + "/funding", school).json().get("records")
                .findValuesAsText("kind")).contains("FORMATION_ALLOWANCE", "COMMUNITY_LEADER_ROLE",
                "ACROSS_SCHOOL_TEACHER_ROLE", "WITHIN_SCHOOL_TEACHER_ROLE", "INQUIRY_HOURS");
    }

    @Test
    void aClustersActionPlanIsReviewedByTwoVisitsAcrossVersions() throws Exception {
        String head = RUNNER.api().token("cluster-head", "head@example.sch.uk", "school", "5201");
        String clusterId = community(head, "school-improvement", "5201", "5202");
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();

        String v1 = RUNNER.api().uploadReceivedPlan(clusterId, head, ONE_PRIORITY);
        LocalApi.Response first = RUNNER.api().post("/communities/" + clusterId + "/challenge-visits", staff,
                "{\"visitDate\":\"" + today + "\",\"planId\":\"" + v1 + "\",\"outcome\":\"CHANGES_REQUIRED\","
                        + "\"notes\":\"Add employer engagement targets.\"}", Map.of());
        assertThat(first.status()).as(first.body()).isEqualTo(201);

        String v2 = RUNNER.api().uploadReceivedPlan(clusterId, head, ONE_PRIORITY);
        LocalApi.Response second = RUNNER.api().post("/communities/" + clusterId + "/challenge-visits", staff,
                "{\"visitDate\":\"" + today + "\",\"planId\":\"" + v2 + "\",\"outcome\":\"ON_TRACK\"}", Map.of());
        assertThat(second.status()).as(second.body()).isEqualTo(201);

        JsonNode visits = RUNNER.api().get("/communities/" + clusterId, head).json().get("visits");
        assertThat(visits).hasSize(2);
        assertThat(visits.findValuesAsText("outcome")).containsExactly("ON_TRACK", "CHANGES_REQUIRED");
        assertThat(visits.findValuesAsText("planVersion")).containsExactly("2", "1");
        JsonNode plans = RUNNER.api().get("/communities/" + clusterId, head).json().get("plans");
        assertThat(plans.findValuesAsText("planId")).containsExactly(v2, v1);
        assertThat(plans.findValuesAsText("status")).containsExactly("RECEIVED", "RECEIVED");

        assertThat(RUNNER.api().awaitMails("reviewed version 1 of the action plan: changes are required", 1,
                Duration.ofSeconds(10))).isNotEmpty();
        assertThat(RUNNER.api().awaitMails("reviewed version 2 of the action plan: the plan is on track", 1,
                Duration.ofSeconds(10))).isNotEmpty();
    }
}
