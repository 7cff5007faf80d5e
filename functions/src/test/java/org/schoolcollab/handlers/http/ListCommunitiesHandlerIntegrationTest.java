package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Contact;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /communities?programme=&status=: staff list a programme's communities, oldest first, paginated. */
class ListCommunitiesHandlerIntegrationTest {
    private static final Instant FIRST = Instant.parse("2026-03-02T08:00:00Z");

    private String table;
    private ListCommunitiesHandler handler;
    /** The kahui-ako communities in the order they were formed. */
    private final List<String> formed = new ArrayList<>();
    private String dorsetCommunity;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("list-communities");
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        MutableClock clock = new MutableClock(FIRST);
        EoiService eois = new EoiService(store, clock);
        CommunityFormation decisions = new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock);
        // Five kahui-ako applications, then approved newest application first, an hour apart: the communities'
        // formation order is neither the submission order nor (random ids) the id order.
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String school = String.valueOf(7100 + i * 10);
            applications.add(submit(eois, school, EoiBodies.withSchools("Kāhui Ako " + i, school,
                    String.valueOf(7101 + i * 10))));
            clock.advance(Duration.ofMinutes(10));
        }
        for (String id : applications.reversed()) {
            clock.advance(Duration.ofHours(1));
            formed.add(Requests.decide(decisions, DecisionBodies.staff(), id, DecisionBodies.approve()).communityId());
        }
        // Not in the kahui-ako list: another programme's community, a declined and a pending application.
        var dorset = EoiBodies.withSchools("Dorset Coast Cluster", "7100", "7101");
        dorset.put("programme", "school-improvement");
        clock.advance(Duration.ofHours(1));
        dorsetCommunity = Requests.decide(decisions, DecisionBodies.staff(), submit(eois, "7100", dorset),
                DecisionBodies.approve()).communityId();
        String declined = submit(eois, "7200", EoiBodies.withSchools("Declined", "7200", "7201"));
        EoiDecision no = Requests.decide(decisions, DecisionBodies.staff(), declined, DecisionBodies.decline("not this wave"));
        assertThat(no.communityId()).isNull();
        submit(eois, "7300", EoiBodies.withSchools("Pending", "7300", "7301"));
        handler = new ListCommunitiesHandler(new CommunityService(new DynamoCommunityStore(DynamoDbLocal.client(), table)));
    }

    private static String submit(EoiService eois, String school, com.fasterxml.jackson.databind.node.ObjectNode body) {
        var submitted = Requests.submit(eois, DecisionBodies.schoolUser("sub-" + school, school), EoiBodies.text(body),
                Optional.empty());
        return submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
    }

    private APIGatewayV2HTTPResponse list(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("ListCommunitiesFunction"));
    }

    private static APIGatewayV2HTTPEvent query(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-communities-staff.json");
        event.setQueryStringParameters(new HashMap<>(params));
        return event;
    }

    /** Follows nextToken from the given first request; returns the ids seen and the page sizes. */
    private List<List<String>> pages(Map<String, String> params) {
        List<List<String>> pages = new ArrayList<>();
        Map<String, String> query = new HashMap<>(params);
        for (int page = 0; page < 20; page++) {
            APIGatewayV2HTTPResponse response = list(query(query));
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            JsonNode body = Problems.json(response);
            List<String> ids = new ArrayList<>();
            body.path("items").forEach(i -> ids.add(i.path("id").asText()));
            pages.add(ids);
            if (!body.hasNonNull("nextToken")) {
                return pages;
            }
            query.put("nextToken", body.path("nextToken").asText());
        }
        throw new AssertionError("more than 20 pages");
    }

    @Test
    void listCommunitiesStaffEventPagesThroughTheProgrammeOldestFirst() {
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        APIGatewayV2HTTPEvent event = EventFiles.api("list-communities-staff.json"); // kahui-ako, FORMING, limit=2
        for (int page = 0; page < 10; page++) {
            APIGatewayV2HTTPResponse response = list(event);
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
            JsonNode body = Problems.json(response);
            body.path("items").forEach(item -> seen.add(item.path("id").asText()));
            sizes.add(body.path("items").size());
            if (!body.hasNonNull("nextToken")) {
                break;
            }
            event = EventFiles.api("list-communities-staff.json");
            Map<String, String> query = new HashMap<>(event.getQueryStringParameters());
            query.put("nextToken", body.path("nextToken").asText());
            event.setQueryStringParameters(query);
        }

        assertThat(sizes).containsExactly(2, 2, 1);
        assertThat(seen).containsExactlyElementsOf(formed);
    }

    @Test
    void listItemsAreSummaries() {
        JsonNode first = Problems.json(list(EventFiles.api("list-communities-staff.json"))).path("items").get(0);

        assertThat(first.path("id").asText()).isEqualTo(formed.getFirst());
        assertThat(first.path("programme").asText()).isEqualTo("kahui-ako");
        assertThat(first.path("name").asText()).isEqualTo("Kāhui Ako 4");
        assertThat(first.path("status").asText()).isEqualTo("FORMING");
        assertThat(first.path("formedAt").asText()).isEqualTo("2026-03-02T09:50:00Z");
        assertThat(first.path("wave").asText()).isEqualTo("2026 Wave 1");
        assertThat(first.path("schoolCount").asInt()).isEqualTo(2);
        assertThat(first.path("totalRoll").asInt()).isEqualTo(200);
        assertThat(first.path("eoiId").asText()).matches("[0-9a-f-]{36}");
        assertThat(first.has("contact")).as("the list shows no contact details").isFalse();
        assertThat(first.has("members")).isFalse();
    }

    @Test
    void withoutStatusOrLimitTheWholeProgrammeComesTwentyAtATime() {
        APIGatewayV2HTTPEvent event = query(Map.of("programme", "kahui-ako"));

        JsonNode body = Problems.json(list(event));

        assertThat(body.path("items")).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(formed);
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void eachProgrammeHasItsOwnList() {
        assertThat(pages(Map.of("programme", "school-improvement"))).containsExactly(List.of(dorsetCommunity));
        assertThat(pages(Map.of("programme", "kahui-ako", "limit", "3")))
                .containsExactly(formed.subList(0, 3), formed.subList(3, 5));
    }

    @ParameterizedTest(name = "status={0} -> empty")
    @ValueSource(strings = {"ENDORSED", "CLOSED"})
    void aStatusNoCommunityHasYetIsAnEmptyList(String status) {
        JsonNode body = Problems.json(list(query(Map.of("programme", "kahui-ako", "status", status))));

        assertThat(body.path("items").isArray()).isTrue();
        assertThat(body.path("items")).isEmpty();
        assertThat(body.has("nextToken")).isFalse();
    }

    @Test
    void aMissingProgrammeIs400NamingIt() {
        JsonNode problem = Problems.assertProblem(list(query(Map.of("status", "FORMING"))), 400);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(Problems.errorFields(problem)).containsExactly("programme");
        assertThat(problem.path("detail").asText()).contains("required");
    }

    @Test
    void noQueryAtAllIs400NamingProgramme() {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-communities-staff.json");
        event.setQueryStringParameters(null);
        event.setRawQueryString("");

        assertThat(Problems.errorFields(Problems.assertProblem(list(event), 400))).containsExactly("programme");
    }

    @ParameterizedTest(name = "programme={0} -> 400 naming programme")
    @ValueSource(strings = {"nz", "KAHUI-AKO", "kahui_ako", ""})
    void anUnknownProgrammeIs400NamingIt(String programme) {
        JsonNode problem = Problems.assertProblem(list(query(Map.of("programme", programme))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("programme");
    }

    @ParameterizedTest(name = "status={0} -> 400 naming status")
    @ValueSource(strings = {"forming", "APPROVED", "SUBMITTED", ""})
    void anUnknownStatusIs400NamingIt(String status) {
        JsonNode problem = Problems.assertProblem(list(query(Map.of("programme", "kahui-ako", "status", status))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("status");
    }

    @ParameterizedTest(name = "limit={0} -> 400 naming limit")
    @ValueSource(strings = {"0", "101", "abc", "-1", "2.5", ""})
    void aBadLimitIs400NamingIt(String limit) {
        JsonNode problem = Problems.assertProblem(list(query(Map.of("programme", "kahui-ako", "limit", limit))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("limit");
    }

    @ParameterizedTest(name = "nextToken={0} -> 400 naming nextToken")
    @ValueSource(strings = {"abc", "!!!", "e30", "eyJwayI6MX0", "bm90IGpzb24"})
    void aBadNextTokenIs400NamingIt(String token) {
        JsonNode problem = Problems.assertProblem(list(query(Map.of("programme", "kahui-ako", "nextToken", token))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @Test
    void aForgedNextTokenWithAnEmptyKeyIs400() {
        String token = token("{\"pk\":\"COMMUNITY#x\",\"sk\":\"COMMUNITY\",\"gsi1pk\":\"COMMUNITY#kahui-ako\",\"gsi1sk\":\"\"}");

        JsonNode problem = Problems.assertProblem(list(query(Map.of("programme", "kahui-ako", "nextToken", token))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @Test
    void aNextTokenFromAnotherProgrammeIs400() {
        String token = Problems.json(list(EventFiles.api("list-communities-staff.json"))).path("nextToken").asText();

        JsonNode problem = Problems.assertProblem(list(query(Map.of("programme", "school-improvement",
                "nextToken", token))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("nextToken");
    }

    @Test
    void aNextTokenIsAPlaceInTheProgrammesListSoAStatusFilterMayContinueFromIt() {
        // One oldest-first list per programme; a status is a filter over it, so a token from the unfiltered list
        // continues under a filter (and finds no ENDORSED community among the FORMING ones).
        String token = Problems.json(list(EventFiles.api("list-communities-staff.json"))).path("nextToken").asText();

        APIGatewayV2HTTPResponse response = list(query(Map.of("programme", "kahui-ako", "status", "ENDORSED",
                "nextToken", token)));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(Problems.json(response).path("items")).isEmpty();
    }

    @Test
    void withoutAStatusTheListIsOldestFirstAcrossStatuses() {
        // Seeded through the real mapper: no code endorses a community yet (plan endorsement is issue 4).
        Community endorsedLater = new Community("ffffffff-0000-4000-8000-000000000001",
                org.schoolcollab.kernel.Programme.KAHUI_AKO, "Endorsed later", null,
                new org.schoolcollab.kernel.Contact("A Person", "a@example.school.nz", null),
                List.of(new org.schoolcollab.kernel.School("7990", "School 7990", org.schoolcollab.kernel.SchoolType.PRIMARY,
                        100, new java.math.BigDecimal("6.5"), true)),
                CommunityStatus.ENDORSED, "ffffffff-0000-4000-8000-000000000002", null, Instant.parse("2026-12-01T00:00:00Z"));
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(CommunityItemMapper.toItem(endorsedLater)));

        JsonNode body = Problems.json(list(query(Map.of("programme", "kahui-ako"))));

        List<String> expected = new ArrayList<>(formed);
        expected.add(endorsedLater.id());
        assertThat(body.path("items")).extracting(i -> i.path("id").asText()).containsExactlyElementsOf(expected);
    }

    @Test
    void aSchoolUserIs403EvenOfAMemberSchool() {
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(EventFiles.api("list-communities-staff.json"),
                "member-sub", "7100");

        JsonNode problem = Problems.assertProblem(list(event), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.toString()).doesNotContain("Kāhui Ako");
    }

    @Test
    void aSchoolUserIs403BeforeTheQueryIsChecked() {
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(query(Map.of("programme", "nowhere")), "x", "7100");

        Problems.assertProblem(list(event), 403);
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("list-communities-staff.json");
        event.getRequestContext().setAuthorizer(null);

        Problems.assertProblem(list(event), 401);
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        ListCommunitiesHandler down = new ListCommunitiesHandler(new CommunityService(
                new DynamoCommunityStore(DynamoDbLocal.clientFor(closed), table)));
        TestContext context = new TestContext("ListCommunitiesFunction", "communities-req-5");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("list-communities-staff.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id communities-req-5");
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", "gsi1");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains("GET /communities"));
    }

    private static String token(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
