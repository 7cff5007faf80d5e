package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.DynamoCommunityStore;
import org.schoolcollab.eoi.DynamoEoiStore;
import org.schoolcollab.eoi.EoiDecisionService;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.visit.DynamoVisitStore;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_EOI_ID;

/** GET /communities/{id}: users of its member schools and staff see it; anyone else gets 404. */
class GetCommunityHandlerTest {
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T21:14:05.123Z");
    private static final Instant DECIDED = Instant.parse("2026-03-09T02:30:00Z");

    private String table;
    private GetCommunityHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("get-community");
        DynamoEoiStore eois = new DynamoEoiStore(DynamoDbLocal.client(), table);
        MutableClock clock = new MutableClock(SUBMITTED);
        // The community events/get-community.json asks for: the sample EOI, approved by the sample reviewer.
        new EoiService(eois, clock, () -> SAMPLE_EOI_ID).submit(DecisionBodies.sampleSchoolUser(),
                EoiBodies.text(EoiBodies.valid()), Optional.empty());
        clock.set(DECIDED);
        new EoiDecisionService(eois, clock, () -> SAMPLE_COMMUNITY_ID).decide(DecisionBodies.staff(), SAMPLE_EOI_ID,
                DecisionBodies.approve());
        handler = new GetCommunityHandler(new CommunityService(new DynamoCommunityStore(DynamoDbLocal.client(), table)),
                new DynamoVisitStore(DynamoDbLocal.client(), table));
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
        GetCommunityHandler down = new GetCommunityHandler(new CommunityService(
                new DynamoCommunityStore(DynamoDbLocal.clientFor(closed), table)),
                new DynamoVisitStore(DynamoDbLocal.clientFor(closed), table));
        TestContext context = new TestContext("GetCommunityFunction", "community-req-3");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("get-community.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id community-req-3");
        assertThat(SubmitEoiHandlerTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", SAMPLE_COMMUNITY_ID);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("GET /communities/{id}"));
    }
}
