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
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
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

/**
 * GET /expressions-of-interest: for staff the review queue, oldest first; for a school user the applications that
 * name their school, newest first; both paginated.
 */
class ListEoisHandlerIntegrationTest {
    private static final Instant FIRST = Instant.parse("2026-03-02T08:00:00Z");

    private String table;
    private DynamoEoiStore store;
    private MutableClock clock;
    private ListEoisHandler handler;
    private final List<String> submittedIds = new ArrayList<>();

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("list");
        store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        clock = new MutableClock(FIRST);
        EoiService service = new EoiService(store, clock);
        // Five applications an hour apart, submitted in an order that is not their id order.
        for (int i = 0; i < 5; i++) {
            String school = String.valueOf(7100 + i * 10);
            Actor caller = new Actor("sub-" + i, "p" + i + "@example.school.nz", Set.of("school"), Optional.of(school));
            var submitted = Requests.submit(service, caller, EoiBodies.text(EoiBodies.withSchools("Community " + i, school,
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

    // ------------------------------------------------------------------ a school user's own applications

    /** The applications naming school 9101 (the school user of list-eois-school-user.json), oldest first. */
    private final List<String> otakiIds = new ArrayList<>();

    /**
     * School 9101's history, a day apart: a kahui-ako application that was declined (freeing the school), a new
     * kahui-ako one still SUBMITTED, and a school-improvement one that was approved; and one of another school.
     */
    private void otakiHistory() {
        EoiService service = new EoiService(store, clock);
        clock.set(Instant.parse("2026-04-01T00:00:00Z"));
        String declined = submit(service, "9101", "kahui-ako", "Ōtaki first try", "9101", "9102");
        clock.advance(Duration.ofHours(2));
        Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), DecisionBodies.staff(), declined,
                DecisionBodies.decline("Waitohu School's board has not endorsed it yet."));
        clock.advance(Duration.ofDays(1));
        String submitted = submit(service, "9101", "kahui-ako", "Kāhui Ako o Ōtaki", "9101", "9102", "9103");
        clock.advance(Duration.ofDays(1));
        String approved = submit(service, "9101", "school-improvement", "Ōtaki Improvement Cluster", "9104", "9101");
        clock.advance(Duration.ofHours(1));
        Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), DecisionBodies.staff(), approved, DecisionBodies.approve());
        clock.advance(Duration.ofDays(1));
        submit(service, "8801", "kahui-ako", "Kāpiti Schools", "8801", "8802");
        otakiIds.addAll(List.of(declined, submitted, approved));
    }

    private static String submit(EoiService service, String callerSchool, String programme, String name,
                                 String... schools) {
        var body = EoiBodies.withSchools(name, schools);
        body.put("programme", programme);
        var submitted = Requests.submit(service, DecisionBodies.schoolUser("sub-" + callerSchool, callerSchool),
                EoiBodies.text(body), Optional.empty());
        return Problems.json(asResponse(submitted.body())).path("id").asText();
    }

    private JsonNode listAsSchoolUser(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-school-user.json");
        event.setQueryStringParameters(params == null ? null : new HashMap<>(params));
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("ListEoisFunction"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        return Problems.json(response);
    }

    @Test
    void listEoisSchoolUserEventPagesThroughTheApplicationsNamingTheirSchoolNewestFirst() {
        otakiHistory();
        List<JsonNode> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-school-user.json"); // limit=2, no status
        for (int page = 0; page < 10; page++) {
            APIGatewayV2HTTPResponse response = handler.handleRequest(event, new TestContext("ListEoisFunction"));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode body = Problems.json(response);
            body.path("items").forEach(seen::add);
            pageSizes.add(body.path("items").size());
            if (!body.hasNonNull("nextToken")) {
                break;
            }
            event = EventFiles.api("list-eois-school-user.json");
            Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
            query.put("nextToken", body.path("nextToken").asText());
            event.setQueryStringParameters(query);
        }

        assertThat(pageSizes).containsExactly(2, 1);
        // Newest submission first, any programme, any status (the declined one too), each as it is now.
        assertThat(seen).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(otakiIds.reversed());
        assertThat(seen).extracting(i -> i.path("status").asText()).containsExactly("APPROVED", "SUBMITTED", "DECLINED");
        assertThat(seen).extracting(i -> i.path("programme").asText())
                .containsExactly("school-improvement", "kahui-ako", "kahui-ako");
        JsonNode newest = seen.getFirst();
        assertThat(newest.path("communityName").asText()).isEqualTo("Ōtaki Improvement Cluster");
        assertThat(newest.path("submittedAt").asText()).isEqualTo("2026-04-03T02:00:00Z");
        assertThat(newest.path("schoolCount").asInt()).isEqualTo(2);
        assertThat(newest.path("totalRoll").asInt()).isEqualTo(200);
        assertThat(newest.path("region").asText()).isEqualTo("Wellington");
        // Summaries, exactly as the staff queue shows them: no contact, schools or history.
        assertThat(seen).allSatisfy(i -> assertThat(fieldNames(i)).containsExactlyInAnyOrder(
                "id", "programme", "communityName", "region", "status", "submittedAt", "schoolCount", "totalRoll"));
    }

    @Test
    void aSchoolUserSeesOnlyTheApplicationsNamingTheirSchool() {
        otakiHistory();

        JsonNode college = Problems.json(handler.handleRequest(EventFiles.asSchoolUser(
                EventFiles.api("list-eois-school-user.json"), "college-sub", "9103"), new TestContext("ListEoisFunction")));
        JsonNode kapiti = Problems.json(handler.handleRequest(EventFiles.asSchoolUser(
                EventFiles.api("list-eois-school-user.json"), "kapiti-sub", "8802"), new TestContext("ListEoisFunction")));
        JsonNode none = Problems.json(handler.handleRequest(EventFiles.asSchoolUser(
                EventFiles.api("list-eois-school-user.json"), "nobody-sub", "1234"), new TestContext("ListEoisFunction")));

        assertThat(college.path("items")).extracting(i -> i.path("id").asText()).containsExactly(otakiIds.get(1));
        assertThat(kapiti.path("items")).extracting(i -> i.path("communityName").asText()).containsExactly("Kāpiti Schools");
        assertThat(none.path("items").isArray()).isTrue();
        assertThat(none.path("items")).isEmpty();
        assertThat(none.has("nextToken")).isFalse();
        // The staff queue's applications (schools 7100 to 7141) are in nobody else's list.
        assertThat(college.toString() + kapiti).doesNotContain(submittedIds.toArray(String[]::new));
    }

    @ParameterizedTest(name = "status={0}")
    @ValueSource(strings = {"DECLINED", "SUBMITTED", "APPROVED", "WITHDRAWN"})
    void aSchoolUserMayNarrowTheirListToOneStatus(String status) {
        otakiHistory();

        JsonNode body = listAsSchoolUser(Map.of("status", status, "limit", "1"));

        List<String> expected = switch (status) {
            case "DECLINED" -> List.of(otakiIds.get(0));
            case "SUBMITTED" -> List.of(otakiIds.get(1));
            case "APPROVED" -> List.of(otakiIds.get(2));
            default -> List.of();
        };
        assertThat(body.path("items")).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(expected);
        assertThat(body.path("items")).allSatisfy(i -> assertThat(i.path("status").asText()).isEqualTo(status));
    }

    @Test
    void aStatusFilterStillFillsThePageAndPagesOnFromWhereItStopped() {
        // School 9201, oldest first: d1 declined, s1 (school-improvement) submitted, d2 and d3 declined, k4 submitted.
        EoiService service = new EoiService(store, clock);
        clock.set(Instant.parse("2026-05-01T00:00:00Z"));
        List<String> declined = new ArrayList<>();
        String s1 = null;
        for (int i = 1; i <= 5; i++) {
            clock.advance(Duration.ofDays(1));
            if (i == 2) {
                s1 = submit(service, "9201", "school-improvement", "Cluster 9201", "9201", "9299");
                continue;
            }
            String id = submit(service, "9201", "kahui-ako", "Kāhui Ako 9201 try " + i, "9201", "92" + (10 + i));
            if (i < 5) {
                Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), DecisionBodies.staff(), id, DecisionBodies.decline("Not yet."));
                declined.add(id);
            }
        }
        APIGatewayV2HTTPEvent first = EventFiles.asSchoolUser(EventFiles.api("list-eois-school-user.json"), "s-9201", "9201");
        first.setQueryStringParameters(new HashMap<>(Map.of("status", "DECLINED", "limit", "2")));

        JsonNode page1 = Problems.json(handler.handleRequest(first, new TestContext("ListEoisFunction")));
        APIGatewayV2HTTPEvent second = EventFiles.asSchoolUser(EventFiles.api("list-eois-school-user.json"), "s-9201", "9201");
        second.setQueryStringParameters(new HashMap<>(Map.of("status", "DECLINED", "limit", "2",
                "nextToken", page1.path("nextToken").asText())));
        JsonNode page2 = Problems.json(handler.handleRequest(second, new TestContext("ListEoisFunction")));

        // Full pages although SUBMITTED applications sit between the declined ones; none skipped, none twice.
        assertThat(page1.path("items")).extracting(i -> i.path("id").asText())
                .containsExactly(declined.get(2), declined.get(1));
        assertThat(page2.path("items")).extracting(i -> i.path("id").asText()).containsExactly(declined.get(0));
        assertThat(page2.has("nextToken")).isFalse();
        assertThat(page1.toString() + page2).doesNotContain(s1);
    }

    @Test
    void withoutParametersASchoolUserGetsTwentyOfAnyStatus() {
        otakiHistory();

        JsonNode body = listAsSchoolUser(null);

        assertThat(body.path("items")).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(otakiIds.reversed());
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void aUserInNoGroupIs403() {
        otakiHistory();
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-school-user.json");
        EventFiles.claims(event).remove("cognito:groups");

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("ListEoisFunction")), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.path("detail").asText())
                .isEqualTo("this list is for programme staff, and for school users with a school number");
        assertThat(problem.toString()).doesNotContain("Ōtaki", "Community");
    }

    @Test
    void aSchoolUserWithoutASchoolNumberIs403() {
        otakiHistory();
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-school-user.json");
        EventFiles.claims(event).remove("custom:schoolNumber");

        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("ListEoisFunction")), 403);

        assertThat(problem.toString()).doesNotContain("Ōtaki");
    }

    @Test
    void aSchoolUsersNextTokenIsNotAnotherListsToken() {
        otakiHistory();
        String schoolToken = listAsSchoolUser(Map.of("limit", "1")).path("nextToken").asText();
        String staffToken = Problems.json(handler.handleRequest(EventFiles.api("list-eois-staff.json"),
                new TestContext("ListEoisFunction"))).path("nextToken").asText();
        assertThat(schoolToken).isNotBlank();
        assertThat(staffToken).isNotBlank();

        // Another school's token, the staff queue's token to a school user, and a school's token to staff: 400.
        APIGatewayV2HTTPEvent otherSchool = EventFiles.asSchoolUser(EventFiles.api("list-eois-school-user.json"),
                "college-sub", "9103");
        otherSchool.setQueryStringParameters(new HashMap<>(Map.of("nextToken", schoolToken)));
        APIGatewayV2HTTPEvent staffTokenToSchool = EventFiles.api("list-eois-school-user.json");
        staffTokenToSchool.setQueryStringParameters(new HashMap<>(Map.of("nextToken", staffToken)));
        for (APIGatewayV2HTTPEvent event : List.of(otherSchool, staffTokenToSchool, query(Map.of("nextToken", schoolToken)))) {
            JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("ListEoisFunction")), 400);
            assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
        }
    }

    @Test
    void aSchoolUsersBadStatusOrLimitIs400NamingIt() {
        JsonNode status = Problems.assertProblem(handler.handleRequest(schoolQuery(Map.of("status", "declined")),
                new TestContext("ListEoisFunction")), 400);
        JsonNode limit = Problems.assertProblem(handler.handleRequest(schoolQuery(Map.of("limit", "101")),
                new TestContext("ListEoisFunction")), 400);

        assertThat(Problems.errorFields(status)).containsExactly("status");
        assertThat(Problems.errorFields(limit)).containsExactly("limit");
    }

    private static APIGatewayV2HTTPEvent schoolQuery(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-eois-school-user.json");
        event.setQueryStringParameters(new HashMap<>(params));
        return event;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
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
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
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
