package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10's acceptance, over HTTP on the local runner: a Kāhui Ako of six area schools is approved, uploads its
 * plan and is endorsed with the roles its schools generated; the roles, inquiry time and (a year on, fired through
 * {@code POST /local/schedules/...}) the maintenance allowance are released once each; finance's CSV matches the
 * JSON; and no mail names an API path or says "released" of anything that was not.
 */
class FundingEndToEndTest {
    @RegisterExtension
    static final InMemoryRunner RUNNER = new InMemoryRunner();
    private static final String THREE_CHALLENGES = "[{\"area\":\"ATTENDANCE\",\"description\":\"Attendance\",\"measure\":\"70% by 2027\"},"
            + "{\"area\":\"ACHIEVEMENT\",\"description\":\"Writing\",\"measure\":\"75% at level\"},"
            + "{\"area\":\"TRANSITIONS\",\"description\":\"Year 8 to 9\",\"measure\":\"Every learner has a plan\"}]";
    private static final List<String> SIX = List.of("7101", "7102", "7103", "7104", "7105", "7106");
    private static final String ALLOCATION = "{\"acrossSchool\":[{\"schoolNumber\":\"7101\",\"roles\":2}],"
            + "\"withinSchool\":[{\"schoolNumber\":\"7101\",\"roles\":2},{\"schoolNumber\":\"7102\",\"roles\":2},"
            + "{\"schoolNumber\":\"7103\",\"roles\":1}],\"mergedForExtraAcrossSchool\":0}";
    private static String staff;
    private static String school;
    private static String communityId;
    private static String clusterId;

    @BeforeAll
    static void aKahuiAkoOfSixAreaSchoolsIsEndorsedWithItsRoles() throws Exception {
        staff = RUNNER.api().token("staff-funding", "finance.reviewer@example.govt.nz", "staff", null);
        school = RUNNER.api().token("funding-school", "aroha@example.school.nz", "school", "7101");
        communityId = approve(school, areaSchools("Southern Area Kāhui Ako"));
        String head = RUNNER.api().token("funding-head", "head@example.sch.uk", "school", "7201");
        clusterId = approve(head, LocalApi.eoiBody("Funding Cluster", "7201", "7202")
                .replace("\"kahui-ako\"", "\"school-improvement\""));
    }

    private static String areaSchools(String name) {
        StringBuilder schools = new StringBuilder();
        for (int i = 0; i < SIX.size(); i++) {
            schools.append(i == 0 ? "" : ",").append("{\"schoolNumber\":\"").append(SIX.get(i))
                    .append("\",\"name\":\"Area School ").append(i + 1).append("\",\"type\":\"AREA\",\"roll\":")
                    .append(150 + i).append(",\"teacherFte\":9.5,\"boardEndorsed\":true}");
        }
        return "{\"programme\":\"kahui-ako\",\"communityName\":\"" + name + "\",\"region\":\"Southland\","
                + "\"contact\":{\"name\":\"Aroha Te Whare\",\"email\":\"aroha@example.school.nz\"},"
                + "\"schools\":[" + schools + "],\"proposedChallenges\":[\"ATTENDANCE\",\"WELLBEING\"],"
                + "\"rationale\":\"Six area schools of one district.\"}";
    }

    private static String approve(String token, String body) {
        LocalApi.Response submitted = RUNNER.api().post("/expressions-of-interest", token, body, Map.of());
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(201);
        String eoi = submitted.json().get("id").asText();
        return RUNNER.api().post("/expressions-of-interest/" + eoi + "/decision", staff, "{\"decision\":\"APPROVED\"}",
                Map.of()).json().get("communityId").asText();
    }

    private static String endorse(String planId, boolean withAllocation) {
        return "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"7101\""
                + (withAllocation ? ",\"roleAllocation\":" + ALLOCATION : "") + "}";
    }

    /** The community's funding once it satisfies the condition (the stream's reactions run after the answer). */
    private static JsonNode fundingWhen(String id, Predicate<JsonNode> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode funding;
        do {
            funding = RUNNER.api().get("/communities/" + id + "/funding", school(id)).json();
            if (ready.test(funding)) {
                return funding;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return funding;
    }

    private static String school(String id) {
        return id.equals(communityId) ? school : staff;
    }

    private static List<JsonNode> records(JsonNode funding, String kind) {
        List<JsonNode> out = new ArrayList<>();
        funding.get("records").forEach(r -> {
            if (r.get("kind").asText().equals(kind)) {
                out.add(r);
            }
        });
        return out;
    }

    private static String state(JsonNode funding, String part) {
        for (JsonNode s : funding.get("status")) {
            if (s.get("part").asText().equals(part)) {
                return s.get("state").asText();
            }
        }
        return "absent";
    }

    @Test
    void theEndorsementReleasesTheLeaderTheRolesAndInquiryTimeOnceAndTheYearlyAllowanceFollows() throws Exception {
        JsonNode before = fundingWhen(communityId, f -> records(f, "FORMATION_ALLOWANCE").size() == 6);
        assertThat(state(before, "ROLES")).isEqualTo("NOT_YET");

        String planId = RUNNER.api().uploadReceivedPlan(communityId, school, THREE_CHALLENGES);
        // Without the allocation the shipped policy cannot count the roles: 400 naming it, nothing decided.
        LocalApi.Response refused = RUNNER.api().post("/communities/" + communityId + "/plans/" + planId + "/decision",
                staff, endorse(planId, false), Map.of());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("roleAllocation");

        // Two staff endorse at the same moment: one is recorded, the other is 409.
        String path = "/communities/" + communityId + "/plans/" + planId + "/decision";
        var first = CompletableFuture.supplyAsync(() -> RUNNER.api().post(path, staff, endorse(planId, true), Map.of()));
        var second = CompletableFuture.supplyAsync(() -> RUNNER.api().post(path, staff, endorse(planId, true), Map.of()));
        assertThat(List.of(first.get().status(), second.get().status())).containsExactlyInAnyOrder(201, 409);
        assertThat(RUNNER.api().post(path, staff, endorse(planId, true), Map.of()).status()).isEqualTo(409);

        JsonNode funding = fundingWhen(communityId, f -> state(f, "ROLES").equals("RELEASED")
                && records(f, "INQUIRY_HOURS").size() == 6);
        assertThat(records(funding, "COMMUNITY_LEADER_ROLE")).singleElement()
                .satisfies(r -> assertThat(r.at("/amount/value").asText()).isEqualTo("30000.00"));
        assertThat(records(funding, "ACROSS_SCHOOL_TEACHER_ROLE")).hasSize(2)
                .allSatisfy(r -> assertThat(r.at("/amount/value").asText()).isEqualTo("16000.00"));
        assertThat(records(funding, "WITHIN_SCHOOL_TEACHER_ROLE")).hasSize(5)
                .allSatisfy(r -> assertThat(r.at("/amount/value").asText()).isEqualTo("8000.00"));
        assertThat(records(funding, "INQUIRY_HOURS")).extracting(r -> r.get("recipientSchoolNumber").asText())
                .containsExactlyInAnyOrderElementsOf(SIX);
        assertThat(funding.at("/roles/communityLeader").asInt()).isEqualTo(1);
        assertThat(funding.at("/roles/acrossSchool").asInt()).isEqualTo(2);
        assertThat(funding.at("/roles/withinSchool").asInt()).isEqualTo(5);
        assertThat(records(funding, "COMMUNITY_LEADER_ROLE").getFirst().at("/inputs/recordedBy").asText())
                .isEqualTo("finance.reviewer@example.govt.nz");
        int released = funding.get("records").size();

        // A later version endorsed (without an allocation) adds nothing; with one, 409.
        String v2 = RUNNER.api().uploadReceivedPlan(communityId, school, THREE_CHALLENGES);
        String path2 = "/communities/" + communityId + "/plans/" + v2 + "/decision";
        assertThat(RUNNER.api().post(path2, staff, endorse(v2, true), Map.of()).status()).isEqualTo(409);
        assertThat(RUNNER.api().post(path2, staff, endorse(v2, false), Map.of()).status()).isEqualTo(201);
        assertThat(RUNNER.api().post("/communities/" + communityId + "/role-allocation", staff, ALLOCATION, Map.of())
                .status()).isEqualTo(409);
        RUNNER.api().awaitMails("this endorsement changes nothing in its funding", 1, Duration.ofSeconds(10));
        assertThat(fundingWhen(communityId, f -> false).get("records")).hasSize(released);

        // Next year's schedule, fired now: a maintenance allowance per member school, once; the cluster gets none.
        int nextYear = LocalDate.now(ZoneId.of("Pacific/Auckland")).getYear() + 1;
        String at = "{\"time\":\"" + nextYear + "-01-31T20:00:00Z\"}";
        LocalApi.Response fired = RUNNER.api().post("/local/schedules/YearlyAllowanceFunction", null, at, Map.of());
        assertThat(fired.status()).as(fired.body()).isEqualTo(200);
        assertThat(RUNNER.api().post("/local/schedules/YearlyAllowanceFunction", null, at, Map.of()).status()).isEqualTo(200);
        JsonNode later = fundingWhen(communityId, f -> records(f, "MAINTENANCE_ALLOWANCE").size() == 6);
        assertThat(records(later, "MAINTENANCE_ALLOWANCE")).hasSize(6).allSatisfy(r -> {
            assertThat(r.at("/amount/value").asText()).isEqualTo("1000.00");
            assertThat(r.get("year").asInt()).isEqualTo(nextYear);
        });
        assertThat(state(later, "MAINTENANCE_ALLOWANCE")).isEqualTo("RELEASED");
        assertThat(records(fundingWhen(clusterId, f -> true), "MAINTENANCE_ALLOWANCE")).isEmpty();

        financeCsvMatchesTheJson(later);
        noMailNamesAnApiPathOrSaysReleasedOfNothing();
    }

    private static void financeCsvMatchesTheJson(JsonNode funding) throws Exception {
        LocalApi.Response csv = RUNNER.api().send("GET", "/reports/funding?programme=kahui-ako", staff, null,
                Map.of("accept", "text/csv"));
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).containsExactly("text/csv; charset=utf-8");
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows;
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader()).readValues(csv.body().substring(1))) {
            rows = it.readAll();
        }
        List<Map<String, String>> ours = rows.stream().filter(r -> r.get("communityId").equals(communityId)).toList();
        assertThat(ours).hasSize(funding.get("records").size());
        JsonNode json = RUNNER.api().get("/reports/funding?programme=kahui-ako", staff).json();
        assertThat(json.get("count").asInt()).isEqualTo(rows.size());
        for (JsonNode total : json.get("totals")) {
            BigDecimal sum = rows.stream().filter(r -> r.get("kind").equals(total.get("kind").asText()))
                    .filter(r -> r.get("currency").equals(total.get("currency").asText()))
                    .map(r -> new BigDecimal(r.get("amount"))).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.setScale(2).toPlainString()).as(total.toString()).isEqualTo(total.get("value").asText());
        }
    }

    private static void noMailNamesAnApiPathOrSaysReleasedOfNothing() {
        Pattern apiPath = Pattern.compile("(GET|POST|PUT) /|/expressions-of-interest|(?<!#)/communities/[0-9a-f-]{36}/");
        JsonNode outbox = RUNNER.api().get("/local/outbox", null).json();
        assertThat(outbox.size()).isGreaterThan(10);
        outbox.forEach(m -> {
            String text = m.get("subject").asText() + "\n" + m.get("text").asText();
            assertThat(apiPath.matcher(text).find()).as("an API path in: %s", text).isFalse();
            assertThat(text).as("a staff id in: %s", text).doesNotContain("staff-funding");
            if (text.contains("released")) {
                assertThat(m.get("subject").asText()).as("'released' in: %s", text)
                        .matches("Roles( and inquiry time)? released: .*");
            }
        });
    }
}
