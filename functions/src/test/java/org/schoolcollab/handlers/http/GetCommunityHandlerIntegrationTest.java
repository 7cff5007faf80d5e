package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.StoredObject;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.Endorsements;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TableServices;
import org.schoolcollab.testsupport.TestContext;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_EOI_ID;

/** GET /communities/{id}: users of its member schools and staff see it; anyone else gets 404. */
class GetCommunityHandlerIntegrationTest {
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T21:14:05.123Z");
    private static final Instant DECIDED = Instant.parse("2026-03-09T02:30:00Z");

    private String table;
    private MutableClock clock;
    private GetCommunityHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("get-community");
        DynamoEoiStore eois = new DynamoEoiStore(DynamoDbLocal.client(), table);
        clock = new MutableClock(SUBMITTED);
        // The community events/get-community.json asks for: the sample EOI, approved by the sample reviewer.
        Requests.submit(new EoiService(eois, clock, () -> SAMPLE_EOI_ID), DecisionBodies.sampleSchoolUser(),
                EoiBodies.text(EoiBodies.valid()), Optional.empty());
        clock.set(DECIDED);
        Requests.decide(new CommunityFormation(eois, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> SAMPLE_COMMUNITY_ID), DecisionBodies.staff(), SAMPLE_EOI_ID,
                DecisionBodies.approve());
        handler = new GetCommunityHandler(TableServices.communities(DynamoDbLocal.client(), table),
                TableServices.plans(DynamoDbLocal.client(), table, clock), TableServices.visits(DynamoDbLocal.client(), table, clock));
    }

    private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("GetCommunityFunction"));
    }

    @Test
    void getCommunityEventShowsAMemberSchoolTheCommunityAndItsMembers() {
        APIGatewayV2HTTPResponse response = get(EventFiles.api("get-community.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode community = Problems.json(response);
        assertThat(community.path("id").asText()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(community.path("programme").asText()).isEqualTo("kahui-ako");
        assertThat(community.path("name").asText()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(community.path("region").asText()).isEqualTo("Wellington");
        assertThat(community.path("status").asText()).isEqualTo("FORMING");
        assertThat(community.path("eoiId").asText()).isEqualTo(SAMPLE_EOI_ID);
        assertThat(community.path("wave").asText()).isEqualTo("2026 Wave 1");
        assertThat(community.path("formedAt").asText()).isEqualTo("2026-03-09T02:30:00Z");
        assertThat(community.path("schoolCount").asInt()).isEqualTo(3);
        assertThat(community.path("totalRoll").asInt()).isEqualTo(1035);
        assertThat(community.path("contact").path("name").asText()).isEqualTo("Mere Rāwiri");
        assertThat(community.path("contact").path("email").asText()).isEqualTo("principal@otaki.example.school.nz");
        assertThat(community.path("contact").path("phone").asText()).isEqualTo("+64 6 364 0000");
        assertThat(community.path("members")).extracting(m -> m.path("schoolNumber").asText())
                .containsExactly("9101", "9102", "9103");
        assertThat(community.path("members")).extracting(m -> m.path("name").asText())
                .containsExactly("Ōtaki School", "Waitohu School", "Ōtaki College");
        assertThat(community.path("members").get(2).path("type").asText()).isEqualTo("SECONDARY");
        assertThat(community.path("members").get(2).path("roll").asInt()).isEqualTo(512);
        assertThat(community.path("members").get(1).path("teacherFte").decimalValue()).isEqualByComparingTo("19.2");
        assertThat(community.path("plans").isArray()).as("no plan registered yet: an empty list").isTrue();
        assertThat(community.path("plans")).isEmpty();
        assertThat(community.has("visits")).as("a kahui-ako community has no visits").isFalse();
    }

    // ------------------------------------------------------------------ plans

    private static final String V1 = "11111111-1111-4111-8111-111111111111";
    private static final String V2 = "22222222-2222-4222-8222-222222222222";
    private static final String V3 = "33333333-3333-4333-8333-333333333333";
    private static final String V4 = "44444444-4444-4444-8444-444444444444";

    /** Registers the next plan version through the plan store, as POST /communities/{id}/plans does. */
    private Plan register(String planId, String fileName, PlanFileType type, long size) {
        DynamoPlanStore store = new DynamoPlanStore(DynamoDbLocal.client(), table);
        List<AchievementChallenge> challenges = List.of(
                new AchievementChallenge(ChallengeArea.ATTENDANCE, "Attendance", "From 52% to 70%"),
                new AchievementChallenge(ChallengeArea.ACHIEVEMENT, "Writing", "From 61% to 75%"),
                new AchievementChallenge(ChallengeArea.TRANSITIONS, "Transitions", "A plan for every Year 8"));
        return store.register(Plan.registered(planId, SAMPLE_COMMUNITY_ID, org.schoolcollab.kernel.Programme.KAHUI_AKO,
                "Kāhui Ako o Ōtaki", fileName, type, size, "plans/" + SAMPLE_COMMUNITY_ID + "/" + planId + "/" + fileName,
                challenges, "sub-9101", "principal@otaki.example.school.nz", clock.instant()));
    }

    private StoredObject stored(Plan p) {
        return new StoredObject(p.objectKey(), p.sizeBytes(), "0123456789abcdef0123456789abcdef", "v-" + p.version(),
                p.fileType().contentType());
    }

    private void decide(String planId, String body) {
        Requests.decide(TableServices.planReview(DynamoDbLocal.client(), table, clock), DecisionBodies.staff(), SAMPLE_COMMUNITY_ID,
                planId, body);
    }

    /**
     * Four versions, each left where the flow leaves it: v1 rejected by the file check, v2 sent back by staff, v3
     * endorsed, v4 registered and not yet uploaded.
     */
    private void fourPlanVersions() {
        DynamoPlanStore store = new DynamoPlanStore(DynamoDbLocal.client(), table);
        clock.set(Instant.parse("2026-03-10T01:00:00Z"));
        Plan v1 = register(V1, "plan.pdf", PlanFileType.PDF, 9000);
        clock.advance(Duration.ofMinutes(3));
        store.markRejected(SAMPLE_COMMUNITY_ID, V1, "the file is not a PDF", clock.instant(), stored(v1));

        clock.set(Instant.parse("2026-03-11T01:00:00Z"));
        Plan v2 = register(V2, "plan v2.docx", PlanFileType.DOCX, 48213);
        clock.advance(Duration.ofMinutes(2));
        store.markReceived(SAMPLE_COMMUNITY_ID, V2, clock.instant(), stored(v2));
        clock.set(Instant.parse("2026-03-12T22:15:00Z"));
        decide(V2, "{\"decision\":\"CHANGES_REQUESTED\",\"comments\":\"Add a measure for Year 9 reading.\"}");

        clock.set(Instant.parse("2026-03-13T01:00:00Z"));
        Plan v3 = register(V3, "plan v3.pdf", PlanFileType.PDF, 51002);
        clock.advance(Duration.ofMinutes(1));
        store.markReceived(SAMPLE_COMMUNITY_ID, V3, clock.instant(), stored(v3));
        clock.set(Instant.parse("2026-03-16T03:30:00Z"));
        decide(V3, Json.write(Endorsements.object("9103", "9101", "9102", "9103").put("comments", "Clear measures.")));

        clock.set(Instant.parse("2026-03-17T01:00:00Z"));
        register(V4, "plan v4.pdf", PlanFileType.PDF, 52000);
    }

    @Test
    void theCommunityListsItsPlanVersionsNewestFirstWithTheirFileCheckAndReview() {
        fourPlanVersions();

        JsonNode plans = Problems.json(get(EventFiles.api("get-community.json"))).path("plans");

        assertThat(plans).extracting(p -> p.path("version").asInt()).containsExactly(4, 3, 2, 1);
        assertThat(plans.get(0)).isEqualTo(expected("""
                {"planId": "%s", "version": 4, "status": "AWAITING_UPLOAD", "fileName": "plan v4.pdf",
                 "contentType": "application/pdf", "sizeBytes": 52000, "registeredAt": "2026-03-17T01:00:00Z"}""", V4));
        assertThat(plans.get(1)).isEqualTo(expected("""
                {"planId": "%s", "version": 3, "status": "ENDORSED", "fileName": "plan v3.pdf",
                 "contentType": "application/pdf", "sizeBytes": 51002, "registeredAt": "2026-03-13T01:00:00Z",
                 "receivedAt": "2026-03-13T01:01:00Z", "decidedAt": "2026-03-16T03:30:00Z",
                 "review": {"decision": "ENDORSED", "comments": "Clear measures.", "leaderSchoolNumber": "9103",
                            "decidedAt": "2026-03-16T03:30:00Z"}}""", V3));
        assertThat(plans.get(2)).isEqualTo(expected("""
                {"planId": "%s", "version": 2, "status": "CHANGES_REQUESTED", "fileName": "plan v2.docx",
                 "contentType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "sizeBytes": 48213, "registeredAt": "2026-03-11T01:00:00Z", "receivedAt": "2026-03-11T01:02:00Z",
                 "decidedAt": "2026-03-12T22:15:00Z",
                 "review": {"decision": "CHANGES_REQUESTED", "comments": "Add a measure for Year 9 reading.",
                            "decidedAt": "2026-03-12T22:15:00Z"}}""", V2));
        assertThat(plans.get(3)).isEqualTo(expected("""
                {"planId": "%s", "version": 1, "status": "REJECTED", "fileName": "plan.pdf",
                 "contentType": "application/pdf", "sizeBytes": 9000, "registeredAt": "2026-03-10T01:00:00Z",
                 "rejectedAt": "2026-03-10T01:03:00Z", "rejectionReason": "the file is not a PDF"}""", V1));
        String all = plans.toString();
        assertThat(all).as("nothing of storage or of the people involved").doesNotContain("plans/", "objectKey",
                "0123456789abcdef", "v-3", "sub-9101", "principal@", "staff", "achievementChallenges");
    }

    @Test
    void staffAndEveryMemberSchoolSeeTheSamePlans() {
        fourPlanVersions();

        JsonNode asMember = Problems.json(get(EventFiles.api("get-community.json"))).path("plans");
        JsonNode asStaff = Problems.json(get(EventFiles.asStaff(EventFiles.api("get-community.json")))).path("plans");
        JsonNode asCollege = Problems.json(get(EventFiles.asSchoolUser(EventFiles.api("get-community.json"),
                "college-sub", "9103"))).path("plans");

        assertThat(asMember).hasSize(4);
        assertThat(asStaff).isEqualTo(asMember);
        assertThat(asCollege).isEqualTo(asMember);
    }

    @Test
    void anotherSchoolSeesNoneOfThePlans() {
        fourPlanVersions();

        APIGatewayV2HTTPResponse hidden = get(EventFiles.api("get-community-other-school.json"));

        Problems.assertProblem(hidden, 404);
        assertThat(hidden.getBody()).doesNotContain("plan", V1, V2, V3, V4);
    }

    @Test
    void anotherCommunitysPlansAreNotListed() {
        fourPlanVersions();
        String otherCommunity = "7e6d5c4b-3a29-4187-9654-3210fedcba98";
        new DynamoPlanStore(DynamoDbLocal.client(), table).register(Plan.registered(
                "55555555-5555-4555-8555-555555555555", otherCommunity, org.schoolcollab.kernel.Programme.KAHUI_AKO,
                "Another", "other.pdf", PlanFileType.PDF, 10, "plans/" + otherCommunity + "/x/other.pdf",
                List.of(), "sub-x", "x@example.school.nz", clock.instant()));

        JsonNode plans = Problems.json(get(EventFiles.asStaff(EventFiles.api("get-community.json")))).path("plans");

        assertThat(plans).extracting(p -> p.path("planId").asText()).containsExactly(V4, V3, V2, V1);
    }

    private static JsonNode expected(String template, String planId) {
        try {
            return org.schoolcollab.kernel.Json.parse(template.formatted(planId));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anotherMemberSchoolMayReadIt() {
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(EventFiles.api("get-community.json"), "college-sub", "9103");

        APIGatewayV2HTTPResponse response = get(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Problems.json(response).path("id").asText()).isEqualTo(SAMPLE_COMMUNITY_ID);
    }

    @Test
    void staffMayReadIt() {
        APIGatewayV2HTTPResponse response = get(EventFiles.asStaff(EventFiles.api("get-community.json")));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Problems.json(response).path("members")).hasSize(3);
    }

    @Test
    void getCommunityOtherSchoolEventIs404LikeAnIdThatDoesNotExist() {
        APIGatewayV2HTTPResponse hidden = get(EventFiles.api("get-community-other-school.json"));
        APIGatewayV2HTTPEvent missing = EventFiles.asStaff(EventFiles.api("get-community.json"));
        String unknownId = "00000000-0000-4000-8000-000000000000";
        missing.setPathParameters(Map.of("id", unknownId));
        APIGatewayV2HTTPResponse absent = get(missing);

        JsonNode hiddenProblem = Problems.assertProblem(hidden, 404);
        JsonNode absentProblem = Problems.assertProblem(absent, 404);
        assertThat(hiddenProblem.path("type").asText()).isEqualTo("/problems/not-found");
        // Hidden and absent look alike apart from the id the caller sent: nothing leaks about what exists.
        assertThat(hidden.getBody().replace(SAMPLE_COMMUNITY_ID, "ID")).isEqualTo(absent.getBody().replace(unknownId, "ID"));
        assertThat(hidden.getBody()).doesNotContain("Ōtaki", "9101", "Mere");
        assertThat(absentProblem.path("detail").asText()).contains(unknownId);
    }

    @Test
    void theApplicationIdIsNotACommunityId() {
        APIGatewayV2HTTPEvent event = EventFiles.asStaff(EventFiles.api("get-community.json"));
        event.setPathParameters(Map.of("id", SAMPLE_EOI_ID));

        Problems.assertProblem(get(event), 404);
    }

    @Test
    void aUserInNoGroupIs404() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-community.json");
        EventFiles.claims(event).remove("cognito:groups");

        Problems.assertProblem(get(event), 404);
    }

    @Test
    void aSchoolUserWithoutASchoolNumberIs404() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-community.json");
        EventFiles.claims(event).remove("custom:schoolNumber");

        Problems.assertProblem(get(event), 404);
    }

    @ParameterizedTest(name = "id {0} -> 404")
    @ValueSource(strings = {"not-a-uuid", "1F0E8D7C-6B5A-4C3D-9E2F-0A1B2C3D4E5F", "../../etc/passwd",
            "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f-and-more", "kahui-ako", ""})
    void malformedIdsAre404(String id) {
        APIGatewayV2HTTPEvent event = EventFiles.asStaff(EventFiles.api("get-community.json"));
        event.setPathParameters(Map.of("id", id));

        Problems.assertProblem(get(event), 404);
    }

    @Test
    void noIdInThePathIs404() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-community.json");
        event.setPathParameters(null);

        Problems.assertProblem(get(event), 404);
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-community.json");
        EventFiles.claims(event).remove("sub");

        Problems.assertProblem(get(event), 401);
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        GetCommunityHandler down = new GetCommunityHandler(TableServices.communities(DynamoDbLocal.clientFor(closed), table),
                TableServices.plans(DynamoDbLocal.clientFor(closed), table, clock),
                TableServices.visits(DynamoDbLocal.clientFor(closed), table, clock));
        TestContext context = new TestContext("GetCommunityFunction", "community-req-3");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("get-community.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id community-req-3");
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", SAMPLE_COMMUNITY_ID);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("GET /communities/{id}"));
    }
}
