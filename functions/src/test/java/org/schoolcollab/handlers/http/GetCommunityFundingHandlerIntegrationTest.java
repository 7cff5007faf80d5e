package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
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
import org.schoolcollab.funding.FundingService;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.funding.adapters.DynamoRolesStore;
import org.schoolcollab.kernel.Actor;
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
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /communities/{id}/funding: the formation allowance records of an approved kahui-ako community, with totals. */
class GetCommunityFundingHandlerIntegrationTest {
    /** The community id in events/get-community-funding.json. */
    static final String COMMUNITY_ID = "4a1c2e3f-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

    private String table;
    private GetCommunityFundingHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("fund");
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        DynamoEoiStore eoiStore = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-1", "p@example.school.nz", Set.of("school"), Optional.of(EventFiles.SAMPLE_SCHOOL));
        var submitted = Requests.submit(new EoiService(eoiStore, clock), school,
                EoiBodies.text(EoiBodies.withSchools("Ōtaki Kāhui Ako", EventFiles.SAMPLE_SCHOOL, "9102", "9103")),
                Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        Actor staff = new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty());
        EoiDecision decision = Requests.decide(new CommunityFormation(eoiStore,
                        new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> COMMUNITY_ID),
                staff, eoiId, "{\"decision\":\"APPROVED\",\"wave\":\"2014-12\"}");
        DynamoFundingStore fundingStore = new DynamoFundingStore(DynamoDbLocal.client(), table);
        new OnCommunityFormed(FundingPolicies.shipped(), fundingStore, clock).react(decision);
        handler = new GetCommunityFundingHandler(new FundingService(
                new CommunityService(new DynamoCommunityStore(DynamoDbLocal.client(), table)), fundingStore,
                new DynamoRolesStore(DynamoDbLocal.client(), table), FundingPolicies.shipped()));
    }

    @Test
    void aMemberSchoolSeesOneAllowancePerSchoolAndTheTotal() {
        APIGatewayV2HTTPResponse response = handler.handleRequest(EventFiles.api("get-community-funding.json"),
                new TestContext("GetCommunityFundingFunction"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = Problems.json(response);
        assertThat(body.get("communityId").asText()).isEqualTo(COMMUNITY_ID);
        assertThat(body.get("records")).hasSize(3);
        assertThat(body.get("records").findValuesAsText("recipientSchoolNumber"))
                .containsExactlyInAnyOrder(EventFiles.SAMPLE_SCHOOL, "9102", "9103");
        assertThat(body.get("records")).allSatisfy(r -> {
            assertThat(r.get("kind").asText()).isEqualTo("FORMATION_ALLOWANCE");
            assertThat(r.at("/amount/value").asText()).isEqualTo("1000.00");
            assertThat(r.at("/amount/currency").asText()).isEqualTo("NZD");
            assertThat(r.at("/inputs/rate").asText()).isEqualTo("1000.00");
        });
        assertThat(body.get("totals")).hasSize(1);
        assertThat(body.at("/totals/0/kind").asText()).isEqualTo("FORMATION_ALLOWANCE");
        assertThat(body.at("/totals/0/value").asText()).isEqualTo("3000.00");
        assertThat(body.at("/totals/0/currency").asText()).isEqualTo("NZD");
    }

    @Test
    void staffSeeItAndOtherSchoolsGet404() {
        APIGatewayV2HTTPEvent staff = EventFiles.asStaff(EventFiles.api("get-community-funding.json"));
        assertThat(handler.handleRequest(staff, new TestContext("GetCommunityFundingFunction")).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPEvent other = EventFiles.asSchoolUser(EventFiles.api("get-community-funding.json"), "sub-x", "5555");
        Problems.assertProblem(handler.handleRequest(other, new TestContext("GetCommunityFundingFunction")), 404);
    }

    @Test
    void dependencyDownIsA500NamingOnlyTheRequestId() {
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        GetCommunityFundingHandler broken = new GetCommunityFundingHandler(new FundingService(
                new CommunityService(new DynamoCommunityStore(down, table)), new DynamoFundingStore(down, table),
                new DynamoRolesStore(down, table), FundingPolicies.shipped()));
        TestContext context = new TestContext("GetCommunityFundingFunction");
        JsonNode problem = Problems.assertProblem(broken.handleRequest(EventFiles.api("get-community-funding.json"), context), 500);
        assertThat(problem.get("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
    }
}
