package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_EOI_ID;

/** GET /expressions-of-interest/{id}: the submitting schools and staff see it; anyone else gets 404. */
class GetEoiHandlerIntegrationTest {
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T21:14:05.123Z");

    private String table;
    private GetEoiHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("get");
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        // The EOI events/get-eoi.json asks for, submitted by the sample school user of 9101.
        Requests.submit(new EoiService(store, new MutableClock(SUBMITTED), () -> SAMPLE_EOI_ID), 
                new Actor(EventFiles.SAMPLE_SUB, EventFiles.SAMPLE_EMAIL, Set.of("school"), Optional.of("9101")),
                EoiBodies.text(EoiBodies.valid()), Optional.empty());
        handler = new GetEoiHandler(new EoiService(store, new MutableClock(SUBMITTED.plusSeconds(60))));
    }

    @Test
    void getEoiEventShowsTheSubmittingSchoolTheWholeApplication() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("get-eoi.json"), new TestContext("GetEoiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        JsonNode eoi = Problems.json(response);
        assertThat(eoi.path("id").asText()).isEqualTo(SAMPLE_EOI_ID);
        assertThat(eoi.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(eoi.path("communityName").asText()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(eoi.path("region").asText()).isEqualTo("Wellington");
        assertThat(eoi.path("contact").path("name").asText()).isEqualTo("Mere Rāwiri");
        assertThat(eoi.path("contact").path("phone").asText()).isEqualTo("+64 6 364 0000");
        assertThat(eoi.path("schools")).extracting(s -> s.path("schoolNumber").asText())
                .containsExactly("9101", "9102", "9103");
        assertThat(eoi.path("schools").get(2).path("name").asText()).isEqualTo("Ōtaki College");
        assertThat(eoi.path("schools").get(0).path("teacherFte").decimalValue()).isEqualByComparingTo("11.5");
        assertThat(eoi.path("schools").get(0).path("boardEndorsed").booleanValue()).isTrue();
        assertThat(eoi.path("proposedChallenges")).extracting(JsonNode::asText)
                .containsExactly("ATTENDANCE", "ACHIEVEMENT", "WELLBEING");
        assertThat(eoi.path("totalRoll").asInt()).isEqualTo(1035);
        assertThat(eoi.path("submittedAt").asText()).isEqualTo("2026-03-02T21:14:05.123Z");
        assertThat(eoi.path("submittedBy").path("sub").asText()).isEqualTo(EventFiles.SAMPLE_SUB);
        assertThat(eoi.path("history")).hasSize(1);
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(eoi.path("history").get(0)))
                .as("a submission's entry says no wave or reason").containsExactlyInAnyOrder("at", "event", "by");
        assertThat(eoi.path("history").get(0).path("event").asText()).isEqualTo("SUBMITTED");
        assertThat(eoi.path("history").get(0).path("at").asText()).isEqualTo("2026-03-02T21:14:05.123Z");
    }

    @Test
    void aDecisionEntryStoredBeforeEntriesSaidWhatWasDecidedStillReads() {
        // An application declined before history entries carried the wave and reason: at, event and by only.
        Map<String, AttributeValue> old = Map.of("at", AttributeValue.fromS("2026-03-09T02:30:00Z"),
                "event", AttributeValue.fromS("DECLINED"), "by", AttributeValue.fromS("staff-sub"));
        DynamoDbLocal.client().updateItem(u -> u.tableName(table).key(EoiItemMapper.key(SAMPLE_EOI_ID))
                .updateExpression("SET #status = :declined, history = list_append(history, :old)")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":declined", AttributeValue.fromS("DECLINED"),
                        ":old", AttributeValue.fromL(List.of(AttributeValue.fromM(old))))));

        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("get-eoi.json"), new TestContext("GetEoiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode history = Problems.json(response).path("history");
        assertThat(history).hasSize(2);
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(history.get(1))).containsExactlyInAnyOrder("at", "event", "by");
        assertThat(history.get(1).path("event").asText()).isEqualTo("DECLINED");
        assertThat(history.get(1).path("by").asText()).isEqualTo("staff-sub");
    }

    @Test
    void anotherSchoolNamedInTheApplicationMayReadIt() {
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(EventFiles.api("get-eoi.json"), "college-sub", "9103");

        assertThat(handler.handleRequest(event, new TestContext("GetEoiFunction")).getStatusCode()).isEqualTo(200);
    }

    @Test
    void getEoiStaffEventShowsStaffTheApplication() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("get-eoi-staff.json"),
                new TestContext("GetEoiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Problems.json(response).path("id").asText()).isEqualTo(SAMPLE_EOI_ID);
    }

    @Test
    void getEoiOtherSchoolEventIs404LikeAnIdThatDoesNotExist() {
        APIGatewayV2HTTPResponse hidden = handler.handleRequest(EventFiles.api("get-eoi-other-school.json"),
                new TestContext("GetEoiFunction"));
        APIGatewayV2HTTPEvent missing = EventFiles.api("get-eoi-staff.json");
        String unknownId = "00000000-0000-4000-8000-000000000000";
        missing.setPathParameters(Map.of("id", unknownId));
        APIGatewayV2HTTPResponse absent = handler.handleRequest(missing, new TestContext("GetEoiFunction"));

        JsonNode hiddenProblem = Problems.assertProblem(hidden, 404);
        JsonNode absentProblem = Problems.assertProblem(absent, 404);
        assertThat(hiddenProblem.path("type").asText()).isEqualTo("/problems/not-found");
        // Hidden and absent look alike apart from the id the caller sent: nothing leaks about what exists.
        assertThat(hidden.getBody().replace(SAMPLE_EOI_ID, "ID")).isEqualTo(absent.getBody().replace(unknownId, "ID"));
        assertThat(hidden.getBody()).doesNotContain("Ōtaki", "9101");
        assertThat(absentProblem.path("detail").asText()).contains(unknownId);
    }

    @Test
    void aUserInNoGroupIs404() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-eoi.json");
        EventFiles.claims(event).remove("cognito:groups");

        Problems.assertProblem(handler.handleRequest(event, new TestContext("GetEoiFunction")), 404);
    }

    @ParameterizedTest(name = "id {0} -> 404")
    @ValueSource(strings = {"not-a-uuid", "7C9E6679-7425-40DE-944B-E07FC1F90AE7", "../../etc/passwd",
            "7c9e6679-7425-40de-944b-e07fc1f90ae7-and-more", ""})
    void malformedIdsAre404(String id) {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-eoi-staff.json");
        event.setPathParameters(Map.of("id", id));

        Problems.assertProblem(handler.handleRequest(event, new TestContext("GetEoiFunction")), 404);
    }

    @Test
    void noIdInThePathIs404() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-eoi-staff.json");
        event.setPathParameters(null);

        Problems.assertProblem(handler.handleRequest(event, new TestContext("GetEoiFunction")), 404);
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-eoi.json");
        EventFiles.claims(event).remove("sub");

        Problems.assertProblem(handler.handleRequest(event, new TestContext("GetEoiFunction")), 401);
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        GetEoiHandler down = new GetEoiHandler(new EoiService(
                new DynamoEoiStore(DynamoDbLocal.clientFor(closed), table), new MutableClock(SUBMITTED)));
        TestContext context = new TestContext("GetEoiFunction", "get-req-42");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("get-eoi.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id get-req-42");
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", SAMPLE_EOI_ID);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR"));
    }
}
