package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.grant.adapters.DynamoGrantStore;
import org.schoolcollab.grant.adapters.GrantItemMapper;
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

/** POST /communities/{id}/grants: staff award a grant in the programme's currency, for a purpose its policy names. */
class AwardGrantHandlerIntegrationTest {
    /** The community id in events/award-grant*.json. */
    static final String COMMUNITY_ID = "4a1c2e3f-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private String table;
    private AwardGrantHandler handler;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("grant");
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        handler = new AwardGrantHandler(service(DynamoDbLocal.client()));
    }

    private GrantService service(software.amazon.awssdk.services.dynamodb.DynamoDbClient client) {
        return new GrantService(new CommunityService(new DynamoCommunityStore(client, table)),
                new DynamoGrantStore(client, table), FundingPolicies.shipped(), clock);
    }

    private void community(String programme, String id) {
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-h", "head@example.sch.uk", Set.of("school"), Optional.of("8101"));
        var body = EoiBodies.withSchools("Weymouth and Portland Cluster", "8101", "8102");
        body.put("programme", programme);
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(body), Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> id), 
                new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty()), eoiId,
                "{\"decision\":\"APPROVED\"}");
    }

    private List<Map<String, AttributeValue>> grants() {
        return DynamoDbLocal.scanType(table, GrantItemMapper.TYPE);
    }

    @Test
    void staffAwardAGrantInPoundsToACluster() {
        community("school-improvement", COMMUNITY_ID);
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("award-grant.json"),
                new TestContext("AwardGrantFunction"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/communities/" + COMMUNITY_ID + "/funding");
        JsonNode body = Problems.json(response);
        assertThat(body.get("purpose").asText()).isEqualTo("EMPLOYER_ENGAGEMENT");
        assertThat(body.at("/amount/value").asText()).isEqualTo("12000.00");
        assertThat(body.at("/amount/currency").asText()).isEqualTo("GBP");
        assertThat(body.at("/awardedBy/sub").asText()).isEqualTo(EventFiles.SAMPLE_STAFF_SUB);

        assertThat(grants()).singleElement().satisfies(g -> {
            assertThat(g.get("pk").s()).isEqualTo("COMMUNITY#" + COMMUNITY_ID);
            assertThat(g.get("sk").s()).isEqualTo("GRANT#" + body.get("grantId").asText());
            assertThat(g.get("amount").s()).isEqualTo("12000.00");
            assertThat(g.get("currency").s()).isEqualTo("GBP");
            assertThat(g.get("communityName").s()).isEqualTo("Weymouth and Portland Cluster");
        });
    }

    @Test
    void theProgrammesCurrencyIsRequired() {
        community("school-improvement", COMMUNITY_ID);
        JsonNode problem = Problems.assertProblem(handler.handleRequest(EventFiles.api("award-grant-wrong-currency.json"),
                new TestContext("AwardGrantFunction")), 400);
        assertThat(Problems.errorFields(problem)).containsExactly("amount.currency");
        assertThat(grants()).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"purpose\":\"PARTY\",\"amount\":{\"value\":\"10.00\",\"currency\":\"GBP\"}}|purpose",
            "{\"amount\":{\"value\":\"10.00\",\"currency\":\"GBP\"}}|purpose",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":12000,\"currency\":\"GBP\"}}|amount.value",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"12000.005\",\"currency\":\"GBP\"}}|amount.value",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"0.00\",\"currency\":\"GBP\"}}|amount.value",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"-5.00\",\"currency\":\"GBP\"}}|amount.value",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"1e5\",\"currency\":\"GBP\"}}|amount.value",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"10000000.01\",\"currency\":\"GBP\"}}|amount.value",
            "{\"purpose\":\"COURSES\"}|amount",
            "{\"purpose\":\"COURSES\",\"amount\":\"12000.00 GBP\"}|amount",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"1.00\",\"currency\":\"GBP\",\"fx\":1}}|amount.fx",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"1.00\",\"currency\":\"GBP\"},\"paid\":true}|paid",
            "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"1.00\",\"currency\":\"GBP\"},\"description\":\" \"}|description",
    })
    void badBodiesAre400NamingTheFieldAndWriteNothing(String body, String field) {
        community("school-improvement", COMMUNITY_ID);
        APIGatewayV2HTTPEvent event = EventFiles.api("award-grant.json");
        event.setBody(body);
        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("AwardGrantFunction")), 400);
        assertThat(Problems.errorFields(problem)).containsExactly(field);
        assertThat(grants()).isEmpty();
    }

    @Test
    void aKahuiAkoCommunityGets422BecauseItsPolicyNamesNoGrantPurposes() {
        community("kahui-ako", COMMUNITY_ID);
        APIGatewayV2HTTPEvent event = EventFiles.api("award-grant.json");
        event.setBody("{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"100.00\",\"currency\":\"NZD\"}}");
        JsonNode problem = Problems.assertProblem(handler.handleRequest(event, new TestContext("AwardGrantFunction")), 422);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/no-grants");
        assertThat(grants()).isEmpty();
    }

    @Test
    void schoolUsersMayNotAwardAndUnknownCommunitiesAre404() {
        community("school-improvement", COMMUNITY_ID);
        APIGatewayV2HTTPEvent asSchool = EventFiles.asSchoolUser(EventFiles.api("award-grant.json"), "sub-s", "8101");
        Problems.assertProblem(handler.handleRequest(asSchool, new TestContext("AwardGrantFunction")), 403);
        APIGatewayV2HTTPEvent unknown = EventFiles.api("award-grant.json");
        unknown.setPathParameters(Map.of("id", "00000000-0000-0000-0000-000000000000"));
        Problems.assertProblem(handler.handleRequest(unknown, new TestContext("AwardGrantFunction")), 404);
        assertThat(grants()).isEmpty();
    }

    @Test
    void dependencyDownIsA500NamingOnlyTheRequestId() {
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        AwardGrantHandler broken = new AwardGrantHandler(service(down));
        TestContext context = new TestContext("AwardGrantFunction");
        JsonNode problem = Problems.assertProblem(broken.handleRequest(EventFiles.api("award-grant.json"), context), 500);
        assertThat(problem.get("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
    }
}
