package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TableServices;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.RecordChallengeVisit;
import org.schoolcollab.visit.adapters.VisitItemMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /communities/{id}/challenge-visits: staff record a visit to a school-improvement cluster, naming the plan
 * version reviewed; GET /communities/{id} lists the cluster's visits, newest first.
 */
class RecordChallengeVisitHandlerIntegrationTest {
    /** The community id in events/record-challenge-visit*.json. */
    static final String COMMUNITY_ID = "6c2d8e4f-1a3b-4c5d-9e7f-2b4a6c8d0e1f";
    /** The plan events/record-challenge-visit.json reviews: version 1 of the cluster's action plan. */
    static final String PLAN_V1 = "8e1b4c7a-2d5f-4a9e-b3c6-1f0d2e4a6b8c";
    /** The plan events/record-challenge-visit-on-track.json reviews: version 2, uploaded after changes were asked for. */
    static final String PLAN_V2 = "3a7c9e1b-5d2f-4b8a-9c6e-0f4d2b8a6e1c";
    static final String KAHUI_AKO_ID = "0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a";
    /** The cluster formed on 2 March 2026; the events' visits are on 6 and 9 March. */
    static final Instant FORMED = Instant.parse("2026-03-02T08:00:00Z");

    private String table;
    private MutableClock clock;
    private RecordChallengeVisitHandler handler;
    private GetCommunityHandler get;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("visit");
        clock = new MutableClock(FORMED);
        community("school-improvement", COMMUNITY_ID, "8101", "8102");
        clock.set(Instant.parse("2026-03-09T10:00:00Z"));
        handler = new RecordChallengeVisitHandler(service(DynamoDbLocal.client()));
        get = new GetCommunityHandler(TableServices.communities(DynamoDbLocal.client(), table),
                TableServices.plans(DynamoDbLocal.client(), table, clock), TableServices.visits(DynamoDbLocal.client(), table, clock));
    }

    private ChallengeVisitService service(DynamoDbClient client) {
        return TableServices.visits(client, table, clock);
    }

    private void community(String programme, String id, String... schools) {
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-h", "head@example.sch.uk", Set.of("school"), Optional.of(schools[0]));
        var body = EoiBodies.withSchools("Weymouth and Portland Cluster", schools);
        body.put("programme", programme);
        body.putObject("contact").put("name", "Helen Marsh").put("email", "head@budmouth.example.sch.uk");
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(body), Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> id), 
                new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty()), eoiId,
                "{\"decision\":\"APPROVED\"}");
    }

    /** A plan item as the plan upload writes it (pk COMMUNITY#id, sk PLAN#planId), in the given status. */
    private void plan(String communityId, String planId, int version, String status) {
        org.schoolcollab.plan.PlanStatus planStatus = org.schoolcollab.plan.PlanStatus.valueOf(status);
        org.schoolcollab.plan.Plan registered = org.schoolcollab.plan.Plan.registered(planId, communityId,
                org.schoolcollab.kernel.Programme.SCHOOL_IMPROVEMENT, "Weymouth and Portland Cluster",
                "action plan.pdf", org.schoolcollab.plan.PlanFileType.PDF, 2048,
                "plans/" + communityId + "/" + planId + "/action-plan.pdf",
                List.of(new org.schoolcollab.plan.AchievementChallenge(org.schoolcollab.kernel.ChallengeArea.ATTENDANCE,
                        "Attendance", "Weekly rate")), "sub-h", "head@budmouth.example.sch.uk", clock.instant());
        org.schoolcollab.plan.Plan p = new org.schoolcollab.plan.Plan(planId, communityId, registered.programme(),
                registered.communityName(), version, planStatus, registered.fileName(), registered.fileType(),
                registered.sizeBytes(), registered.objectKey(), registered.achievementChallenges(),
                registered.registeredBySub(), registered.registeredByEmail(), registered.registeredAt(),
                planStatus.hasDocument() ? clock.instant() : null,
                planStatus == org.schoolcollab.plan.PlanStatus.REJECTED ? clock.instant() : null,
                planStatus == org.schoolcollab.plan.PlanStatus.REJECTED ? "not a PDF" : null, null, null, null);
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(org.schoolcollab.plan.adapters.PlanItemMapper.toItem(p)));
    }

    private List<Map<String, AttributeValue>> visits() {
        return DynamoDbLocal.scanType(table, VisitItemMapper.TYPE);
    }

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("RecordChallengeVisitFunction"));
    }

    private APIGatewayV2HTTPEvent withBody(String body) {
        APIGatewayV2HTTPEvent event = EventFiles.api("record-challenge-visit.json");
        event.setBody(body);
        return event;
    }

    private JsonNode community(APIGatewayV2HTTPEvent event, String id) {
        event.setPathParameters(Map.of("id", id));
        APIGatewayV2HTTPResponse response = get.handleRequest(event, new TestContext("GetCommunityFunction"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        return Problems.json(response);
    }

    @Test
    void recordChallengeVisitEventIs201WithTheVisitAndOneImmutableRecord() {
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        APIGatewayV2HTTPResponse response = post(EventFiles.api("record-challenge-visit.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/communities/" + COMMUNITY_ID)
                .containsEntry("content-type", "application/json");
        JsonNode body = Problems.json(response);
        String visitId = body.path("visitId").asText();
        assertThat(visitId).matches("[0-9a-f-]{36}");
        assertThat(body.path("communityId").asText()).isEqualTo(COMMUNITY_ID);
        assertThat(body.path("programme").asText()).isEqualTo("school-improvement");
        assertThat(body.path("visitDate").asText()).isEqualTo("2026-03-06");
        assertThat(body.path("planId").asText()).isEqualTo(PLAN_V1);
        assertThat(body.path("planVersion").asInt()).isEqualTo(1);
        assertThat(body.path("outcome").asText()).isEqualTo("CHANGES_REQUIRED");
        assertThat(body.path("notes").asText()).startsWith("Year 9 reading");
        assertThat(body.path("recordedAt").asText()).isEqualTo("2026-03-09T10:00:00Z");
        assertThat(body.at("/recordedBy/sub").asText()).isEqualTo(EventFiles.SAMPLE_STAFF_SUB);
        assertThat(body.at("/recordedBy/email").asText()).isEqualTo(EventFiles.SAMPLE_STAFF_EMAIL);
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(body)).containsExactlyInAnyOrder("visitId", "communityId",
                "programme", "visitDate", "planId", "planVersion", "outcome", "notes", "recordedAt", "recordedBy");

        assertThat(visits()).singleElement().satisfies(v -> {
            assertThat(v.get("pk").s()).isEqualTo("COMMUNITY#" + COMMUNITY_ID);
            assertThat(v.get("sk").s()).isEqualTo("VISIT#2026-03-06#" + visitId);
            assertThat(v.get("type").s()).isEqualTo("VISIT");
            assertThat(v.get("visitId").s()).isEqualTo(visitId);
            assertThat(v.get("communityId").s()).isEqualTo(COMMUNITY_ID);
            assertThat(v.get("programme").s()).isEqualTo("school-improvement");
            assertThat(v.get("planId").s()).isEqualTo(PLAN_V1);
            assertThat(v.get("planVersion").n()).isEqualTo("1");
            assertThat(v.get("visitDate").s()).isEqualTo("2026-03-06");
            assertThat(v.get("outcome").s()).isEqualTo("CHANGES_REQUIRED");
            assertThat(v.get("recordedBySub").s()).isEqualTo(EventFiles.SAMPLE_STAFF_SUB);
            assertThat(v.get("recordedByEmail").s()).isEqualTo(EventFiles.SAMPLE_STAFF_EMAIL);
            assertThat(v.get("recordedAt").s()).isEqualTo("2026-03-09T10:00:00Z");
            assertThat(v.get("communityName").s()).isEqualTo("Weymouth and Portland Cluster");
            assertThat(v.get("contact").m().get("email").s()).isEqualTo("head@budmouth.example.sch.uk");
        });
    }

    @Test
    void changesRequiredOnVersionOneThenOnTrackOnVersionTwoAreBothListedNewestFirst() {
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        String first = Problems.json(post(EventFiles.api("record-challenge-visit.json"))).path("visitId").asText();
        // The cluster uploads version 2 with the changes; the next visit finds it on track.
        plan(COMMUNITY_ID, PLAN_V2, 2, "RECEIVED");
        clock.set(Instant.parse("2026-03-09T11:30:00Z"));
        APIGatewayV2HTTPResponse second = post(EventFiles.api("record-challenge-visit-on-track.json"));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(201);
        assertThat(Problems.json(second).path("planVersion").asInt()).isEqualTo(2);
        String secondId = Problems.json(second).path("visitId").asText();

        JsonNode asStaff = community(EventFiles.asStaff(EventFiles.api("get-community.json")), COMMUNITY_ID);
        JsonNode visits = asStaff.path("visits");
        assertThat(visits).extracting(v -> v.path("visitId").asText()).containsExactly(secondId, first);
        assertThat(visits).extracting(v -> v.path("outcome").asText()).containsExactly("ON_TRACK", "CHANGES_REQUIRED");
        assertThat(visits).extracting(v -> v.path("planVersion").asInt()).containsExactly(2, 1);
        assertThat(visits).extracting(v -> v.path("planId").asText()).containsExactly(PLAN_V2, PLAN_V1);
        assertThat(visits).extracting(v -> v.path("visitDate").asText()).containsExactly("2026-03-09", "2026-03-06");
        assertThat(visits).extracting(v -> v.path("recordedAt").asText())
                .containsExactly("2026-03-09T11:30:00Z", "2026-03-06T15:00:00Z");
        assertThat(visits.get(1).path("notes").asText()).startsWith("Year 9 reading");
        // The list carries the visit, not who recorded it nor the contact copied for the notification.
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(visits.get(0))).containsExactlyInAnyOrder("visitId", "visitDate",
                "planId", "planVersion", "outcome", "notes", "recordedAt");
        assertThat(asStaff.path("members")).hasSize(2);
        // Beside the visits, the cluster's action plan versions, newest first: a cluster has no plan review.
        assertThat(asStaff.path("plans")).extracting(p -> p.path("planId").asText()).containsExactly(PLAN_V2, PLAN_V1);
        assertThat(asStaff.path("plans")).allSatisfy(p -> assertThat(p.has("review")).isFalse());

        JsonNode asMember = community(EventFiles.asSchoolUser(EventFiles.api("get-community.json"), "head-8102", "8102"),
                COMMUNITY_ID);
        assertThat(asMember.path("visits")).isEqualTo(visits);
    }

    @Test
    void visitsAreListedByVisitDateWhateverTheOrderTheyWereRecordedIn() {
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        String late = Problems.json(post(withBody("{\"visitDate\":\"2026-03-08\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"ON_TRACK\"}"))).path("visitId").asText();
        clock.advance(Duration.ofMinutes(5));
        String early = Problems.json(post(withBody("{\"visitDate\":\"2026-03-03\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"ON_TRACK\"}"))).path("visitId").asText();
        clock.advance(Duration.ofMinutes(5));
        String sameDayLater = Problems.json(post(withBody("{\"visitDate\":\"2026-03-03\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"CHANGES_REQUIRED\"}"))).path("visitId").asText();

        JsonNode visits = community(EventFiles.asStaff(EventFiles.api("get-community.json")), COMMUNITY_ID).path("visits");
        assertThat(visits).extracting(v -> v.path("visitId").asText()).containsExactly(late, sameDayLater, early);
        assertThat(visits.get(0).has("notes")).as("no notes, no field").isFalse();
    }

    @Test
    void aClusterWithoutVisitsListsNoneAndAKahuiAkoCommunityHasNoVisitsField() {
        community("kahui-ako", KAHUI_AKO_ID, "8301", "8302");
        JsonNode cluster = community(EventFiles.asStaff(EventFiles.api("get-community.json")), COMMUNITY_ID);
        assertThat(cluster.path("visits").isArray()).isTrue();
        assertThat(cluster.path("visits")).isEmpty();
        JsonNode kahuiAko = community(EventFiles.asStaff(EventFiles.api("get-community.json")), KAHUI_AKO_ID);
        assertThat(kahuiAko.has("visits")).isFalse();
    }

    @Test
    void todayInLondonIsTheLatestVisitDate() {
        // 23:30 UTC on 30 June is already 1 July in London (BST).
        clock.set(Instant.parse("2026-06-30T23:30:00Z"));
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        APIGatewayV2HTTPResponse today = post(withBody("{\"visitDate\":\"2026-07-01\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"ON_TRACK\"}"));
        assertThat(today.getStatusCode()).as(today.getBody()).isEqualTo(201);
        JsonNode tomorrow = Problems.assertProblem(post(withBody("{\"visitDate\":\"2026-07-02\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"ON_TRACK\"}")), 400);
        assertThat(Problems.errorFields(tomorrow)).containsExactly("visitDate");
        assertThat(tomorrow.path("detail").asText()).contains("2026-07-01");
        // The formation day itself is allowed.
        APIGatewayV2HTTPResponse formationDay = post(withBody("{\"visitDate\":\"2026-03-02\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"ON_TRACK\"}"));
        assertThat(formationDay.getStatusCode()).as(formationDay.getBody()).isEqualTo(201);
        assertThat(visits()).hasSize(2);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":null,\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":\"06/03/2026\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":\"2026-03-06T10:00:00Z\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":20260306,\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":\"2026-02-30\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":\"2026-03-10\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":\"2026-03-01\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\"}|visitDate",
            "{\"visitDate\":\"2026-03-06\",\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":42,\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"plan-1\",\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"AWAITING\",\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"REJECTED\",\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"ELSEWHERE\",\"outcome\":\"ON_TRACK\"}|planId",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\"}|outcome",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\",\"outcome\":\"on_track\"}|outcome",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\",\"outcome\":\"CHANGES_REQUESTED\"}|outcome",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\",\"outcome\":[\"ON_TRACK\"]}|outcome",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\",\"notes\":\" \"}|notes",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\",\"notes\":7}|notes",
            "{\"visitDate\":\"2026-03-06\",\"planId\":\"P1\",\"outcome\":\"ON_TRACK\",\"visitor\":\"Ann\"}|visitor",
            "[]|body",
            "not json|body",
    })
    void badBodiesAre400NamingTheFieldAndWriteNothing(String body, String field) {
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        String awaiting = "5b4a3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d";
        String rejected = "7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d";
        String elsewhere = "9f8e7d6c-5b4a-4c3d-8e2f-1a0b9c8d7e6f";
        plan(COMMUNITY_ID, awaiting, 2, "AWAITING_UPLOAD");
        plan(COMMUNITY_ID, rejected, 3, "REJECTED");
        plan("2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b", elsewhere, 1, "RECEIVED");
        String text = body.replace("\"P1\"", "\"" + PLAN_V1 + "\"").replace("\"AWAITING\"", "\"" + awaiting + "\"")
                .replace("\"REJECTED\"", "\"" + rejected + "\"").replace("\"ELSEWHERE\"", "\"" + elsewhere + "\"");

        JsonNode problem = Problems.assertProblem(post(withBody(text)), 400);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(Problems.errorFields(problem)).containsExactly(field);
        assertThat(visits()).isEmpty();
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        JsonNode problem = Problems.assertProblem(post(withBody(
                "{\"visitDate\":\"yesterday\",\"planId\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"FINE\","
                        + "\"notes\":\"\",\"rating\":5}")), 400);
        assertThat(Problems.errorFields(problem)).containsExactly("rating", "visitDate", "planId", "outcome", "notes");
        assertThat(visits()).isEmpty();
    }

    @Test
    void notesAreAtMost4000Characters() {
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        var body = Json.object().put("visitDate", "2026-03-06").put("planId", PLAN_V1).put("outcome", "CHANGES_REQUIRED");
        body.put("notes", "ā".repeat(RecordChallengeVisit.MAX_NOTES + 1));
        JsonNode tooLong = Problems.assertProblem(post(withBody(Json.write(body))), 400);
        assertThat(Problems.errorFields(tooLong)).containsExactly("notes");

        body.put("notes", "ā".repeat(RecordChallengeVisit.MAX_NOTES));
        APIGatewayV2HTTPResponse atLimit = post(withBody(Json.write(body)));
        assertThat(atLimit.getStatusCode()).as(atLimit.getBody()).isEqualTo(201);
        assertThat(visits()).singleElement().satisfies(v -> assertThat(v.get("notes").s()).hasSize(4000));
    }

    @Test
    void aKahuiAkoCommunityGets422BecauseOnlyClustersHaveChallengeVisits() {
        community("kahui-ako", KAHUI_AKO_ID, "8301", "8302");
        plan(KAHUI_AKO_ID, PLAN_V1, 1, "RECEIVED");
        APIGatewayV2HTTPEvent event = EventFiles.api("record-challenge-visit.json");
        event.setPathParameters(Map.of("id", KAHUI_AKO_ID));

        JsonNode problem = Problems.assertProblem(post(event), 422);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-a-cluster");
        assertThat(problem.path("detail").asText()).contains("kahui-ako", "school-improvement");
        assertThat(visits()).isEmpty();
    }

    @Test
    void schoolUsersMayNotRecordVisitsAndUnknownCommunitiesAre404() {
        plan(COMMUNITY_ID, PLAN_V1, 1, "RECEIVED");
        APIGatewayV2HTTPEvent member = EventFiles.asSchoolUser(EventFiles.api("record-challenge-visit.json"), "head-8101", "8101");
        JsonNode forbidden = Problems.assertProblem(post(member), 403);
        assertThat(forbidden.path("detail").asText()).isEqualTo("this action is for programme staff");
        APIGatewayV2HTTPEvent other = EventFiles.asSchoolUser(EventFiles.api("record-challenge-visit.json"), "head-9990", "9990");
        Problems.assertProblem(post(other), 403);

        APIGatewayV2HTTPEvent unknown = EventFiles.api("record-challenge-visit.json");
        unknown.setPathParameters(Map.of("id", "00000000-0000-0000-0000-000000000000"));
        Problems.assertProblem(post(unknown), 404);
        APIGatewayV2HTTPEvent malformed = EventFiles.api("record-challenge-visit.json");
        malformed.setPathParameters(Map.of("id", "../../etc/passwd"));
        Problems.assertProblem(post(malformed), 404);

        APIGatewayV2HTTPEvent anonymous = EventFiles.api("record-challenge-visit.json");
        EventFiles.claims(anonymous).remove("sub");
        Problems.assertProblem(post(anonymous), 401);
        APIGatewayV2HTTPEvent text = EventFiles.api("record-challenge-visit.json");
        text.getHeaders().put("content-type", "text/plain");
        Problems.assertProblem(post(text), 415);
        assertThat(visits()).isEmpty();
    }

    @Test
    void dependencyDownIsA500NamingOnlyTheRequestId() {
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        RecordChallengeVisitHandler broken = new RecordChallengeVisitHandler(service(down));
        TestContext context = new TestContext("RecordChallengeVisitFunction");

        APIGatewayV2HTTPResponse response = broken.handleRequest(EventFiles.api("record-challenge-visit.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
        assertThat(response.getBody()).doesNotContain(table, "Exception", COMMUNITY_ID);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("POST /communities/{id}/challenge-visits"));
    }
}
