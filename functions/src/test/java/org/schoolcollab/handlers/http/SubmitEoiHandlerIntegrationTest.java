package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.eoi.adapters.IdempotencyItems;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_EMAIL;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_SUB;

/** POST /expressions-of-interest, driven by the events in events/ over DynamoDB Local. */
class SubmitEoiHandlerIntegrationTest {
    private static final Instant NOW = Instant.parse("2026-03-02T21:14:05.123Z");

    private String table;
    private MutableClock clock;
    private SubmitEoiHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("submit");
        clock = new MutableClock(NOW);
        handler = new SubmitEoiHandler(new EoiService(new DynamoEoiStore(DynamoDbLocal.client(), table), clock));
    }

    @Test
    void submitEoiEventIsStoredAndAnswered201WithLocation() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("submit-eoi.json"),
                new TestContext("SubmitEoiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .doesNotContainKey("idempotent-replayed");
        JsonNode body = Problems.json(response);
        String id = body.path("id").asText();
        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(response.getHeaders()).containsEntry("location", "/expressions-of-interest/" + id);
        assertThat(body.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(body.path("programme").asText()).isEqualTo("kahui-ako");
        assertThat(body.path("communityName").asText()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(body.path("submittedAt").asText()).isEqualTo("2026-03-02T21:14:05.123Z");
        assertThat(body.path("schoolCount").asInt()).isEqualTo(3);
        assertThat(body.path("totalRoll").asInt()).isEqualTo(1035);
        assertThat(body.path("schools").get(0).path("name").asText()).isEqualTo("Ōtaki School");
        assertThat(body.path("submittedBy").path("sub").asText()).isEqualTo(SAMPLE_SUB);
        assertThat(body.path("submittedBy").path("email").asText()).isEqualTo(SAMPLE_EMAIL);
        assertThat(body.path("history").get(0).path("event").asText()).isEqualTo("SUBMITTED");

        // The item, one claim per school, one entry in each school's list, and nothing else (no Idempotency-Key).
        List<Map<String, AttributeValue>> items = DynamoDbLocal.scan(table);
        assertThat(items).extracting(i -> i.get("pk").s()).containsExactly(
                "CLAIM#kahui-ako#9101", "CLAIM#kahui-ako#9102", "CLAIM#kahui-ako#9103", "EOI#" + id,
                "SCHOOL#9101", "SCHOOL#9102", "SCHOOL#9103");
        assertThat(items.subList(4, 7)).allSatisfy(i -> assertThat(i.get("eoiId").s()).isEqualTo(id));
        ExpressionOfInterest stored = EoiItemMapper.fromItem(items.get(3));
        assertThat(stored.application().communityName()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(stored.submittedBySub()).isEqualTo(SAMPLE_SUB);
        assertThat(stored.submittedByEmail()).isEqualTo(SAMPLE_EMAIL);
        assertThat(stored.application().schools().get(1).teacherFte()).isEqualTo(new BigDecimal("19.2"));
        assertThat(items.get(0).get("eoiId").s()).isEqualTo(id);
    }

    @Test
    void submitEoiInvalidEventIs400NamingEachFieldAndWritesNothing() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("submit-eoi-invalid.json"),
                new TestContext("SubmitEoiFunction"));

        JsonNode problem = Problems.assertProblem(response, 400);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(problem.path("title").asText()).isEqualTo("The request is not valid");
        assertThat(problem.path("detail").asText()).isEqualTo("5 fields are invalid");
        assertThat(Problems.errorFields(problem))
                .containsExactly("colour", "communityName", "contact.email", "schools", "schools[0].roll");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void submitEoiWrongContentTypeEventIs415AndWritesNothing() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("submit-eoi-wrong-content-type.json"),
                new TestContext("SubmitEoiFunction"));

        JsonNode problem = Problems.assertProblem(response, 415);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(problem.path("detail").asText()).contains("text/plain");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void anOversizedBodyIs413AndWritesNothing() {
        APIGatewayV2HTTPEvent event = EventFiles.api("submit-eoi.json");
        ObjectNode body = EoiBodies.valid();
        body.put("rationale", "r".repeat(70_000));
        event.setBody(EoiBodies.text(body));

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 413);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/payload-too-large");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void aBase64EncodedBodyIsDecoded() {
        APIGatewayV2HTTPEvent event = EventFiles.api("submit-eoi.json");
        event.setBody(Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
        event.setIsBase64Encoded(true);

        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("SubmitEoiFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(Problems.json(response).path("communityName").asText()).isEqualTo("Kāhui Ako o Ōtaki");
    }

    @Test
    void theSubmitterComesFromTheTokenNeverFromTheBody() {
        APIGatewayV2HTTPEvent event = EventFiles.api("submit-eoi.json");
        ObjectNode body = EoiBodies.valid();
        body.putObject("submittedBy").put("sub", "someone-else").put("email", "forged@example.org");
        event.setBody(EoiBodies.text(body));

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("submittedBy");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void aTeacherFteDynamoDbCannotStoreIs400NotA500() {
        // DynamoDB numbers hold 38 significant digits; more is a ValidationException from the table.
        APIGatewayV2HTTPEvent event = EventFiles.api("submit-eoi.json");
        ObjectNode body = EoiBodies.valid();
        ((ObjectNode) body.get("schools").get(0)).put("teacherFte",
                new BigDecimal("12.0000000000000000000000000000000000001"));
        event.setBody(EoiBodies.text(body));

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("schools[0].teacherFte");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void aSchoolUserMustIncludeTheirOwnSchool() {
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(EventFiles.api("submit-eoi.json"), "other-sub", "4455");

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("schools");
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("4455");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void staffCannotSubmit403() {
        APIGatewayV2HTTPEvent event = EventFiles.asStaff(EventFiles.api("submit-eoi.json"));

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("submit-eoi.json");
        event.getRequestContext().setAuthorizer(null);

        Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 401);

        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void aSecondEoiNamingAClaimedSchoolIs409NamingIt() {
        assertThat(handler.handleRequest(EventFiles.api("submit-eoi.json"), new TestContext("SubmitEoiFunction"))
                .getStatusCode()).isEqualTo(201);
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);
        APIGatewayV2HTTPEvent second = EventFiles.asSchoolUser(EventFiles.api("submit-eoi.json"), "kapiti-sub", "4455");
        second.setBody(EoiBodies.text(EoiBodies.withSchools("Kāpiti and friends", "4455", "9102", "4456", "9103")));

        APIGatewayV2HTTPResponse response = handler.handleRequest(second, new TestContext("SubmitEoiFunction"));

        JsonNode problem = Problems.assertProblem(response, 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/schools-already-claimed");
        assertThat(problem.path("detail").asText()).endsWith("kahui-ako: 9102, 9103");
        assertThat(problem.path("claimedSchoolNumbers")).extracting(JsonNode::asText).containsExactly("9102", "9103");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void theSameSchoolMayApplyToTheOtherProgramme() {
        assertThat(handler.handleRequest(EventFiles.api("submit-eoi.json"), new TestContext("SubmitEoiFunction"))
                .getStatusCode()).isEqualTo(201);
        APIGatewayV2HTTPEvent other = EventFiles.api("submit-eoi.json");
        ObjectNode body = EoiBodies.valid();
        body.put("programme", "school-improvement");
        other.setBody(EoiBodies.text(body));

        assertThat(handler.handleRequest(other, new TestContext("SubmitEoiFunction")).getStatusCode()).isEqualTo(201);
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(2);
    }

    @Test
    void idempotencyKeyEventReplaysTheFirstResponse() {
        APIGatewayV2HTTPResponse first = handler.handleRequest(EventFiles.api("submit-eoi-idempotency-key.json"),
                new TestContext("SubmitEoiFunction"));
        clock.advance(java.time.Duration.ofMinutes(5));
        APIGatewayV2HTTPResponse retry = handler.handleRequest(EventFiles.api("submit-eoi-idempotency-key.json"),
                new TestContext("SubmitEoiFunction"));

        assertThat(first.getStatusCode()).isEqualTo(201);
        assertThat(retry.getStatusCode()).isEqualTo(201);
        assertThat(retry.getBody()).isEqualTo(first.getBody());
        assertThat(retry.getHeaders()).containsEntry("location", first.getHeaders().get("location"))
                .containsEntry("idempotent-replayed", "true");
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(1);
        assertThat(DynamoDbLocal.scanType(table, IdempotencyItems.TYPE)).hasSize(1);
    }

    @Test
    void idempotencyKeyReusedWithADifferentBodyIs422() {
        handler.handleRequest(EventFiles.api("submit-eoi-idempotency-key.json"), new TestContext("SubmitEoiFunction"));
        APIGatewayV2HTTPEvent changed = EventFiles.api("submit-eoi-idempotency-key.json");
        ObjectNode body = EoiBodies.valid();
        body.put("communityName", "A different community");
        changed.setBody(EoiBodies.text(body));

        JsonNode problem = Problems.assertProblem(handler.handleRequest(changed, new TestContext("SubmitEoiFunction")), 422);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyOfInvisibleCharactersIs400NamingTheHeader() {
        APIGatewayV2HTTPEvent event = EventFiles.api("submit-eoi.json");
        event.getHeaders().put("idempotency-key", "key with spaces");

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("SubmitEoiFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("Idempotency-Key");
        assertThat(DynamoDbLocal.scan(table)).isEmpty();
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        SubmitEoiHandler down = new SubmitEoiHandler(new EoiService(
                new DynamoEoiStore(DynamoDbLocal.clientFor(closed), table), clock));
        TestContext context = new TestContext("SubmitEoiFunction", "d5f0c1a2-0000-4b7e-9d3c-5e6f7a8b9c0d");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("submit-eoi.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/internal");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id d5f0c1a2-0000-4b7e-9d3c-5e6f7a8b9c0d");
        assertThat(fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", String.valueOf(closed.getPort()),
                "Exception", "dynamodb", "Unable");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("POST /expressions-of-interest"));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
