package org.schoolcollab.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.api.Caller;
import org.schoolcollab.eoi.DynamoEoiStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TestContext;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /expressions-of-interest: the staff review queue, oldest first, paginated. */
class ListEoisHandlerTest {
    private static final Instant FIRST = Instant.parse("2026-03-02T08:00:00Z");

    private String table;
    private ListEoisHandler handler;
    private final List<String> submittedIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("list");
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        MutableClock clock = new MutableClock(FIRST);
        EoiService service = new EoiService(store, clock);
        // Five applications an hour apart, submitted in an order that is not their id order.
        for (int i = 0; i < 5; i++) {
            String school = String.valueOf(7100 + i * 10);
            Caller caller = new Caller("sub-" + i, "p" + i + "@example.school.nz", Set.of("school"), Optional.of(school));
            var submitted = service.submit(caller, EoiBodies.text(EoiBodies.withSchools("Community " + i, school,
                    String.valueOf(7101 + i * 10))), Optional.empty());
            submittedIds.add(Problems.json(asResponse(submitted.body())).path("id").asText());
            clock.advance(Duration.ofHours(1));
        }
        handler = new ListEoisHandler(new EoiService(store, clock));
    }

    @Test
    void listEoisStaffEventPagesThroughTheQueueOldestFirst() {
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-staff.json"); // limit=2
        for (int page = 0; page < 10; page++) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("ListEoisFunction"));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
            JsonNode body = Problems.json(response);
            body.path("items").forEach(item -> seen.add(item.path("id").asText()));
            pageSizes.add(body.path("items").size());
            if (!body.hasNonNull("nextToken")) {
                break;
            }
            event = EventFiles.api("list-eois-staff.json");
            Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
            query.put("nextToken", body.path("nextToken").asText());
            event.setQueryStringParameters(query);
        }

        assertThat(pageSizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(submittedIds);
    }

    @Test
    void queueItemsAreSummaries() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("list-eois-staff.json"),
                new TestContext("ListEoisFunction"));

        JsonNode first = Problems.json(response).path("items").get(0);
        assertThat(first.path("id").asText()).isEqualTo(submittedIds.getFirst());
        assertThat(first.path("programme").asText()).isEqualTo("kahui-ako");
        assertThat(first.path("communityName").asText()).isEqualTo("Community 0");
        assertThat(first.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(first.path("submittedAt").asText()).isEqualTo("2026-03-02T08:00:00Z");
        assertThat(first.path("schoolCount").asInt()).isEqualTo(2);
        assertThat(first.path("totalRoll").asInt()).isEqualTo(200);
        assertThat(first.has("contact")).as("the queue shows no contact details").isFalse();
        assertThat(first.has("schools")).isFalse();
    }

    @Test
    void withoutParametersTheQueueIsSubmittedApplicationsTwentyAtATime() {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-staff.json");
        event.setQueryStringParameters(null);
        event.setRawQueryString("");

        JsonNode body = Problems.json(handler.handleRequest(event, new TestContext("ListEoisFunction")));

        assertThat(body.path("items")).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(submittedIds);
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void anotherStatusHasItsOwnEmptyQueue() {
        JsonNode body = Problems.json(handler.handleRequest(query(Map.of("status", "APPROVED")),
                new TestContext("ListEoisFunction")));

        assertThat(body.path("items").isArray()).isTrue();
        assertThat(body.path("items")).isEmpty();
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void listEoisSchoolUserEventIs403() {
        JsonNode problem = Problems.assertProblem(handler.handleRequest(EventFiles.api("list-eois-school-user.json"),
                new TestContext("ListEoisFunction")), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.toString()).doesNotContain("Community");
    }

    @ParameterizedTest(name = "limit={0} -> 400 naming limit")
    @ValueSource(strings = {"0", "101", "abc", "-1", "2.5", ""})
    void aBadLimitIs400NamingIt(String limit) {
        JsonNode problem = Problems.assertProblem(handler.handleRequest(query(Map.of("limit", limit)),
                new TestContext("ListEoisFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("limit");
    }

    @ParameterizedTest(name = "status={0} -> 400 naming status")
    @ValueSource(strings = {"submitted", "PENDING", ""})
    void anUnknownStatusIs400NamingIt(String status) {
        JsonNode problem = Problems.assertProblem(handler.handleRequest(query(Map.of("status", status)),
                new TestContext("ListEoisFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("status");
    }

    @ParameterizedTest(name = "nextToken={0} -> 400 naming nextToken")
    @ValueSource(strings = {"abc", "!!!", "e30", "eyJwayI6MX0", "bm90IGpzb24"})
    void aBadNextTokenIs400NamingIt(String token) {
        JsonNode problem = Problems.assertProblem(handler.handleRequest(query(Map.of("nextToken", token)),
                new TestContext("ListEoisFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @ParameterizedTest(name = "forged token {0} -> 400 or a page, never a 500")
    @ValueSource(strings = {
            "{\"pk\":\"\",\"sk\":\"\",\"gsi1pk\":\"EOI_STATUS#SUBMITTED\",\"gsi1sk\":\"\"}",
            "{\"pk\":\"EOI#x\",\"sk\":\"EOI\",\"gsi1pk\":\"EOI_STATUS#SUBMITTED\",\"gsi1sk\":\"\"}",
            "{\"pk\":\"\",\"sk\":\"EOI\",\"gsi1pk\":\"EOI_STATUS#SUBMITTED\",\"gsi1sk\":\"2026\"}"})
    void aForgedNextTokenWithEmptyKeysIs400NamingIt(String json) {
        String token = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        JsonNode problem = Problems.assertProblem(handler.handleRequest(query(Map.of("nextToken", token)),
                new TestContext("ListEoisFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @Test
    void aForgedNextTokenOfTheRightShapeStartsAfterThatPosition() {
        String json = "{\"pk\":\"EOI#x\",\"sk\":\"EOI\",\"gsi1pk\":\"EOI_STATUS#SUBMITTED\","
                + "\"gsi1sk\":\"2026-03-02T09:30:00Z#x\"}";
        String token = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        APIGatewayV2HTTPResponse response = handler.handleRequest(query(Map.of("nextToken", token)),
                new TestContext("ListEoisFunction"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(Problems.json(response).path("items")).extracting(i -> i.path("id").asText())
                .containsExactlyElementsOf(submittedIds.subList(2, 5));
    }

    @Test
    void aNextTokenFromAnotherStatusIs400() {
        JsonNode firstPage = Problems.json(handler.handleRequest(EventFiles.api("list-eois-staff.json"),
                new TestContext("ListEoisFunction")));
        String token = firstPage.path("nextToken").asText();

        JsonNode problem = Problems.assertProblem(handler.handleRequest(
                query(Map.of("status", "APPROVED", "nextToken", token)), new TestContext("ListEoisFunction")), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        ListEoisHandler down = new ListEoisHandler(new EoiService(
                new DynamoEoiStore(DynamoDbLocal.clientFor(closed), table), new MutableClock(FIRST)));
        TestContext context = new TestContext("ListEoisFunction", "list-req-7");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("list-eois-staff.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id list-req-7");
        assertThat(SubmitEoiHandlerTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", "gsi1");
    }

    private static APIGatewayV2HTTPEvent query(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-staff.json");
        event.setQueryStringParameters(new HashMap<>(params));
        return event;
    }

    private static APIGatewayV2HTTPResponse asResponse(String body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(201).withBody(body).build();
    }
}
