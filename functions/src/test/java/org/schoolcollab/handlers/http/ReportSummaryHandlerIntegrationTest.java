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
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.report.ReportService;
import org.schoolcollab.report.adapters.DynamoReportStore;
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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /reports/summary?programme=&wave=: staff see a programme, or one approval wave, in numbers. The figures of
 * the whole first New Zealand wave are in ReportServiceIntegrationTest; here, the route over a small programme.
 */
class ReportSummaryHandlerIntegrationTest {
    private static final Instant OPENED = Instant.parse("2014-11-03T20:00:00Z");
    private static final Instant NOW = Instant.parse("2014-12-18T03:00:00Z");

    private String table;
    private MutableClock clock;
    private ReportSummaryHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("report-summary");
        clock = new MutableClock(OPENED);
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        EoiService eois = new EoiService(store, clock);
        CommunityFormation decisions = new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock);
        OnCommunityFormed funding = new OnCommunityFormed(FundingPolicies.shipped(),
                new DynamoFundingStore(DynamoDbLocal.client(), table), clock);
        // kahui-ako: two approved in 2014-12 (3 + 2 schools, rolls 100 each), one declined in 2014-12, one
        // approved in 2015-05 (2 schools), one pending. school-improvement: one cluster approved in 2014-12.
        String a = submit(eois, "7100", EoiBodies.withSchools("Kāhui Ako A", "7100", "7101", "7102"));
        String b = submit(eois, "7200", EoiBodies.withSchools("Kāhui Ako B", "7200", "7201"));
        String c = submit(eois, "7300", EoiBodies.withSchools("Kāhui Ako C", "7300", "7301"));
        String d = submit(eois, "7400", EoiBodies.withSchools("Kāhui Ako D", "7400", "7401"));
        submit(eois, "7500", EoiBodies.withSchools("Kāhui Ako E", "7500", "7501"));
        var dorset = EoiBodies.withSchools("Dorset Coast Cluster", "7100", "7101");
        dorset.put("programme", "school-improvement");
        String e = submit(eois, "7100", dorset);
        for (String id : new String[] {a, b, e}) {
            clock.advance(Duration.ofHours(1));
            funding.react(Requests.decide(decisions, DecisionBodies.staff(), id, decide("APPROVED", "2014-12")));
        }
        Requests.decide(decisions, DecisionBodies.staff(), c, Json.write(Json.object().put("decision", "DECLINED")
                .put("wave", "2014-12").put("reason", "Boards still deciding.")));
        clock.advance(Duration.ofDays(150));
        funding.react(Requests.decide(decisions, DecisionBodies.staff(), d, decide("APPROVED", "2015-05")));
        clock.set(NOW);
        handler = new ReportSummaryHandler(new ReportService(new DynamoReportStore(DynamoDbLocal.client(), table),
                new DynamoFundingStore(DynamoDbLocal.client(), table), clock));
    }

    private String submit(EoiService eois, String school, com.fasterxml.jackson.databind.node.ObjectNode body) {
        clock.advance(Duration.ofMinutes(10));
        var submitted = Requests.submit(eois, DecisionBodies.schoolUser("sub-" + school, school), EoiBodies.text(body),
                Optional.empty());
        return submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
    }

    private static String decide(String decision, String wave) {
        return Json.write(Json.object().put("decision", decision).put("wave", wave));
    }

    private APIGatewayV2HTTPResponse report(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("ReportSummaryFunction"));
    }

    private static APIGatewayV2HTTPEvent query(Map<String, String> params) {
        APIGatewayV2HTTPEvent event = EventFiles.api("report-summary-staff.json");
        event.setQueryStringParameters(new HashMap<>(params));
        return event;
    }

    @Test
    void reportSummaryStaffEventIsTheWavesFigures() {
        APIGatewayV2HTTPResponse response = report(EventFiles.api("report-summary-staff.json")); // kahui-ako, 2014-12

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json");
        assertThat(Problems.json(response)).isEqualTo(json("""
                {"programme": "kahui-ako", "wave": "2014-12",
                 "applications": {"received": 5, "approved": 2, "declined": 1, "pending": 1, "withdrawn": 0},
                 "communities": 2, "schools": 5, "pupils": 500,
                 "funding": [{"kind": "FORMATION_ALLOWANCE", "currency": "NZD", "value": "5000.00"}],
                 "generatedAt": "2014-12-18T03:00:00Z"}"""));
    }

    @Test
    void withoutAWaveTheWholeProgrammeAndWaveIsNull() {
        JsonNode body = Problems.json(report(query(Map.of("programme", "kahui-ako"))));

        assertThat(body.get("wave").isNull()).isTrue();
        assertThat(body.path("applications")).isEqualTo(json("""
                {"received": 5, "approved": 3, "declined": 1, "pending": 1, "withdrawn": 0}"""));
        assertThat(body.path("communities").asInt()).isEqualTo(3);
        assertThat(body.path("schools").asInt()).isEqualTo(7);
        assertThat(body.path("pupils").asInt()).isEqualTo(700);
        assertThat(body.path("funding")).isEqualTo(json("""
                [{"kind": "FORMATION_ALLOWANCE", "currency": "NZD", "value": "7000.00"}]"""));
    }

    @Test
    void eachProgrammeHasItsOwnFigures() {
        JsonNode body = Problems.json(report(query(Map.of("programme", "school-improvement", "wave", "2014-12"))));

        assertThat(body.path("programme").asText()).isEqualTo("school-improvement");
        assertThat(body.path("applications")).isEqualTo(json("""
                {"received": 1, "approved": 1, "declined": 0, "pending": 0, "withdrawn": 0}"""));
        assertThat(body.path("communities").asInt()).isEqualTo(1);
        assertThat(body.path("schools").asInt()).isEqualTo(2);
        assertThat(body.path("funding").isArray()).isTrue();
        assertThat(body.path("funding")).as("no formation allowance under school-improvement").isEmpty();
    }

    @Test
    void aWaveWithNothingInItIsZerosNotA404() {
        String fifty = "ā".repeat(50);

        JsonNode body = Problems.json(report(query(Map.of("programme", "kahui-ako", "wave", fifty))));

        assertThat(body.path("wave").asText()).isEqualTo(fifty);
        assertThat(body.path("applications")).isEqualTo(json("""
                {"received": 5, "approved": 0, "declined": 0, "pending": 1, "withdrawn": 0}"""));
        assertThat(body.path("communities").asInt()).isZero();
        assertThat(body.path("pupils").asInt()).isZero();
        assertThat(body.path("funding")).isEmpty();
    }

    @Test
    void reportSummarySchoolUserEventIs403() {
        JsonNode problem = Problems.assertProblem(report(EventFiles.api("report-summary-school-user.json")), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.toString()).doesNotContain("received", "pupils");
    }

    @Test
    void aSchoolUserIs403BeforeTheQueryIsChecked() {
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(query(Map.of("programme", "nowhere")), "x", "7100");

        Problems.assertProblem(report(event), 403);
    }

    @Test
    void aMissingProgrammeIs400NamingIt() {
        JsonNode problem = Problems.assertProblem(report(query(Map.of("wave", "2014-12"))), 400);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(Problems.errorFields(problem)).containsExactly("programme");
        assertThat(problem.path("detail").asText()).contains("required");
    }

    @Test
    void noQueryAtAllIs400NamingProgramme() {
        APIGatewayV2HTTPEvent event = EventFiles.api("report-summary-staff.json");
        event.setQueryStringParameters(null);
        event.setRawQueryString("");

        assertThat(Problems.errorFields(Problems.assertProblem(report(event), 400))).containsExactly("programme");
    }

    @ParameterizedTest(name = "programme={0} -> 400 naming programme")
    @ValueSource(strings = {"nz", "KAHUI-AKO", "kahui_ako", ""})
    void anUnknownProgrammeIs400NamingIt(String programme) {
        JsonNode problem = Problems.assertProblem(report(query(Map.of("programme", programme))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("programme");
        assertThat(problem.path("detail").asText()).contains("kahui-ako, school-improvement");
    }

    @ParameterizedTest(name = "wave=''{0}'' -> 400 naming wave")
    @ValueSource(strings = {"", " ", "   ", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" /* 51 */})
    void aBadWaveIs400NamingIt(String wave) {
        JsonNode problem = Problems.assertProblem(report(query(Map.of("programme", "kahui-ako", "wave", wave))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("wave");
    }

    @Test
    void aWaveOf51CharactersOutsideTheBmpIs400() {
        JsonNode problem = Problems.assertProblem(report(query(Map.of("programme", "kahui-ako",
                "wave", "🏫".repeat(51)))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("wave");
        assertThat(Problems.json(report(query(Map.of("programme", "kahui-ako", "wave", "🏫".repeat(50)))))
                .path("communities").asInt()).as("50 code points is a wave").isZero();
    }

    @Test
    void aBadProgrammeAndABadWaveAreNamedTogether() {
        JsonNode problem = Problems.assertProblem(report(query(Map.of("programme", "nz", "wave", ""))), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("programme", "wave");
        assertThat(problem.path("detail").asText()).isEqualTo("2 fields are invalid");
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("report-summary-staff.json");
        event.getRequestContext().setAuthorizer(null);

        Problems.assertProblem(report(event), 401);
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        ReportSummaryHandler down = new ReportSummaryHandler(new ReportService(
                new DynamoReportStore(DynamoDbLocal.clientFor(closed), table),
                new DynamoFundingStore(DynamoDbLocal.clientFor(closed), table), clock));
        TestContext context = new TestContext("ReportSummaryFunction", "report-req-7");

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("report-summary-staff.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id report-req-7");
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", "Exception", "gsi1");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains("GET /reports/summary"));
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
