package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.report.FundingReportService;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TestContext;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /reports/funding: finance read a programme's funding records over DynamoDB Local's gsi1, as CSV (the sample
 * event asks for text/csv) and as JSON, the two agreeing; records outside the dates are left out.
 */
class FundingReportHandlerIntegrationTest {
    private String table;
    private MutableClock clock;
    private FundingReportHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("finance");
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        approve("Ōtaki Kāhui Ako", "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f", "9101", "9102", "9103");
        clock.set(Instant.parse("2027-02-03T08:00:00Z")); // another year: outside the sample's dates
        approve("=HYPERLINK(\"http://x\")", "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091", "9201", "9202");
        handler = new FundingReportHandler(service(DynamoDbLocal.client()));
    }

    private FundingReportService service(software.amazon.awssdk.services.dynamodb.DynamoDbClient client) {
        return new FundingReportService(new CommunityService(new DynamoCommunityStore(client, table)),
                new DynamoFundingStore(client, table));
    }

    private void approve(String name, String communityId, String... schools) {
        DynamoEoiStore eois = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-" + schools[0], "p@example.school.nz", Set.of("school"), Optional.of(schools[0]));
        var submitted = Requests.submit(new EoiService(eois, clock), school,
                EoiBodies.text(EoiBodies.withSchools(name, schools)), Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        Actor staff = new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty());
        EoiDecision decision = Requests.decide(new CommunityFormation(eois,
                new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> communityId), staff, eoiId,
                "{\"decision\":\"APPROVED\"}");
        new OnCommunityFormed(FundingPolicies.shipped(), new DynamoFundingStore(DynamoDbLocal.client(), table), clock)
                .react(decision);
    }

    private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("FundingReportFunction"));
    }

    private static List<Map<String, String>> rows(String csv) throws Exception {
        assertThat(csv).startsWith("\uFEFF");
        CsvMapper mapper = new CsvMapper();
        try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class)
                .with(mapper.schemaWithHeader()).readValues(csv.substring(1))) {
            return it.readAll();
        }
    }

    @Test
    void theCsvHasOneRowPerRecordInThePeriodWithNamesAndItsTotalEqualsTheJsons() throws Exception {
        APIGatewayV2HTTPResponse csv = get(EventFiles.api("funding-report.json"));

        assertThat(csv.getStatusCode()).as(csv.getBody()).isEqualTo(200);
        assertThat(csv.getHeaders().get("content-type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(csv.getHeaders().get("content-disposition"))
                .isEqualTo("attachment; filename=\"funding-kahui-ako-from-2026-01-01-to-2026-12-31.csv\"");
        List<Map<String, String>> rows = rows(csv.getBody());
        assertThat(rows).hasSize(3).allSatisfy(r -> {
            assertThat(r.get("communityName")).isEqualTo("Ōtaki Kāhui Ako");
            assertThat(r.get("kind")).isEqualTo("FORMATION_ALLOWANCE");
            assertThat(r.get("amount")).isEqualTo("1000.00");
            assertThat(r.get("currency")).isEqualTo("NZD");
            assertThat(r.get("year")).isEqualTo("2026");
            assertThat(r.get("policyVersion")).isEqualTo("2");
        });
        assertThat(rows).extracting(r -> r.get("schoolName"))
                .containsExactlyInAnyOrder("School 9101", "School 9102", "School 9103");

        APIGatewayV2HTTPEvent asJson = EventFiles.api("funding-report.json");
        asJson.getHeaders().put("accept", "application/json");
        JsonNode json = Problems.json(get(asJson));
        assertThat(json.get("count").asInt()).isEqualTo(rows.size());
        assertThat(json.at("/totals/0/value").asText()).isEqualTo(rows.stream()
                .map(r -> new java.math.BigDecimal(r.get("amount"))).reduce(java.math.BigDecimal.ZERO,
                        java.math.BigDecimal::add).setScale(2).toPlainString()).isEqualTo("3000.00");
    }

    @Test
    void withoutDatesEveryRecordIsListedAndANameThatWouldRunAsAFormulaIsText() throws Exception {
        APIGatewayV2HTTPEvent all = EventFiles.api("funding-report.json");
        all.setQueryStringParameters(new HashMap<>(Map.of("programme", "kahui-ako")));

        List<Map<String, String>> rows = rows(get(all).getBody());

        assertThat(rows).hasSize(5);
        assertThat(rows).filteredOn(r -> r.get("year").equals("2027")).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("communityName")).isEqualTo("'=HYPERLINK(\"http://x\")"));
    }

    @Test
    void badParametersAre400NamingEachAndSchoolUsersAre403() {
        APIGatewayV2HTTPEvent bad = EventFiles.api("funding-report.json");
        bad.setQueryStringParameters(new HashMap<>(Map.of("from", "1 March", "to", "2026-13-01")));
        assertThat(Problems.errorFields(Problems.assertProblem(get(bad), 400)))
                .containsExactlyInAnyOrder("programme", "from", "to");
        APIGatewayV2HTTPEvent backwards = EventFiles.api("funding-report.json");
        backwards.setQueryStringParameters(new HashMap<>(Map.of("programme", "kahui-ako", "from", "2026-12-31",
                "to", "2026-01-01")));
        assertThat(Problems.errorFields(Problems.assertProblem(get(backwards), 400))).containsExactly("to");
        Problems.assertProblem(get(EventFiles.asSchoolUser(EventFiles.api("funding-report.json"), "s", "9101")), 403);
    }

    @Test
    void dependencyDownIsA500NamingOnlyTheRequestId() {
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        TestContext context = new TestContext("FundingReportFunction");
        JsonNode problem = Problems.assertProblem(new FundingReportHandler(service(down))
                .handleRequest(EventFiles.api("funding-report.json"), context), 500);
        assertThat(problem.get("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
    }
}
