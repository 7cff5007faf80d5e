package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.funding.adapters.RolesRecordedItemMapper;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.adapters.PlanDecisionItemMapper;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.review.PlanReviewService;
import org.schoolcollab.review.ReviewWorldAccess;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TableServices;
import org.schoolcollab.testsupport.TestContext;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /communities/{id}/plans/{planId}/decision: staff endorse a RECEIVED kahui-ako plan, or ask for changes, once. */
class DecidePlanHandlerIntegrationTest {
    /** The ids in events/decide-plan-endorse.json. */
    static final String COMMUNITY_ID = "4a1c2e3f-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    static final String PLAN_ID = "5b2d3f4a-6c7e-4f8a-9b0c-1d2e3f4a5b6c";
    static final String PLAN_2 = "6c3e4f5a-7d8e-4f9a-8b1c-2d3e4f5a6b7c";

    private String table;
    private MutableClock clock;
    private DecidePlanHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("review");
        clock = new MutableClock(Instant.parse("2026-03-09T02:30:00Z"));
        handler = new DecidePlanHandler(service(DynamoDbLocal.client()));
    }

    private PlanReviewService service(software.amazon.awssdk.services.dynamodb.DynamoDbClient client) {
        return TableServices.planReview(client, table, clock);
    }

    private void receivedPlan(String programme) {
        ReviewWorldAccess.community(table, clock, programme, COMMUNITY_ID, "9101", "9102", "9103");
        ReviewWorldAccess.plan(table, clock, COMMUNITY_ID, PLAN_ID, 1, PlanStatus.RECEIVED);
    }

    private APIGatewayV2HTTPResponse decide(String body) {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-plan-endorse.json");
        if (body != null) {
            event.setBody(body);
        }
        return handler.handleRequest(event, new TestContext("DecidePlanFunction"));
    }

    private String planStatus() {
        return DynamoDbLocal.client().getItem(b -> b.tableName(table).key(PlanItemMapper.key(COMMUNITY_ID, PLAN_ID)))
                .item().get("status").s();
    }

    @Test
    void endorsingAReceivedPlanRecordsTheDecisionAndMovesThePlan() {
        receivedPlan("kahui-ako");
        APIGatewayV2HTTPResponse response = decide(null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = Problems.json(response);
        assertThat(body.get("decision").asText()).isEqualTo("ENDORSED");
        assertThat(body.get("leaderSchoolNumber").asText()).isEqualTo("9101");
        assertThat(body.get("planVersion").asInt()).isEqualTo(1);
        assertThat(planStatus()).isEqualTo("ENDORSED");
        assertThat(DynamoDbLocal.scanType(table, PlanDecisionItemMapper.TYPE)).singleElement()
                .satisfies(d -> assertThat(d.get("members").l()).hasSize(3));
        // Once: a second decision is a 409 and changes nothing.
        Problems.assertProblem(decide("{\"decision\":\"CHANGES_REQUESTED\",\"comments\":\"again\"}"), 409);
        assertThat(planStatus()).isEqualTo("ENDORSED");
    }

    @Test
    void theEndorsementRecordsTheCommunitysRolesInTheSameWriteOnce() {
        receivedPlan("kahui-ako");
        APIGatewayV2HTTPResponse response = decide(null);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(Problems.json(response).get("releasesRoles").asBoolean()).isTrue();
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).singleElement().satisfies(roles -> {
            assertThat(roles.get("pk").s()).isEqualTo("COMMUNITY#" + COMMUNITY_ID);
            assertThat(roles.get("leaderSchoolNumber").s()).isEqualTo("9101");
            assertThat(roles.get("planId").s()).isEqualTo(PLAN_ID);
            assertThat(roles.get("recordedByEmail").s()).isEqualTo(EventFiles.SAMPLE_STAFF_EMAIL);
            assertThat(roles.get("allocation").m().get("withinSchool").l()).hasSize(3);
        });
        // A later version endorsed with an allocation again: 409, and neither plan nor roles change.
        ReviewWorldAccess.plan(table, clock, COMMUNITY_ID, PLAN_2, 2, PlanStatus.RECEIVED);
        APIGatewayV2HTTPEvent again = EventFiles.api("decide-plan-endorse.json");
        again.setPathParameters(Map.of("id", COMMUNITY_ID, "planId", PLAN_2));
        JsonNode conflict = Problems.assertProblem(handler.handleRequest(again, new TestContext("DecidePlanFunction")), 409);
        assertThat(conflict.get("type").asText()).isEqualTo("/problems/roles-already-recorded");
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).hasSize(1);
        assertThat(DynamoDbLocal.scanType(table, PlanDecisionItemMapper.TYPE)).hasSize(1);
        // Without one it is endorsed, and records nothing more.
        again.setBody("{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\"}");
        APIGatewayV2HTTPResponse second = handler.handleRequest(again, new TestContext("DecidePlanFunction"));
        assertThat(second.getStatusCode()).as(second.getBody()).isEqualTo(201);
        assertThat(Problems.json(second).get("releasesRoles").asBoolean()).isFalse();
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).hasSize(1);
    }

    @Test
    void withoutAnAllocationTheShippedPolicyCannotCountTheRolesSoTheEndorsementIsRefusedNamingIt() {
        receivedPlan("kahui-ako");
        JsonNode problem = Problems.assertProblem(decide("{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\"}"), 400);
        assertThat(Problems.errorFields(problem)).containsExactly("roleAllocation");
        assertThat(planStatus()).isEqualTo("RECEIVED");
        assertThat(DynamoDbLocal.scanType(table, PlanDecisionItemMapper.TYPE)).isEmpty();
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).isEmpty();
    }

    @Test
    void askingForChangesNeedsComments() {
        receivedPlan("kahui-ako");
        assertThat(Problems.errorFields(Problems.assertProblem(decide("{\"decision\":\"CHANGES_REQUESTED\"}"), 400)))
                .containsExactly("comments");
        APIGatewayV2HTTPResponse ok = decide("{\"decision\":\"CHANGES_REQUESTED\",\"comments\":\"Add a measure for wellbeing.\"}");
        assertThat(ok.getStatusCode()).isEqualTo(201);
        assertThat(planStatus()).isEqualTo("CHANGES_REQUESTED");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"decision\":\"ENDORSED\"}|leaderSchoolNumber",
            "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"5555\"}|leaderSchoolNumber",
            "{\"decision\":\"MAYBE\",\"leaderSchoolNumber\":\"9101\"}|decision",
            "{\"leaderSchoolNumber\":\"9101\"}|decision",
            "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\",\"amount\":1}|amount",
            "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\",\"roleAllocation\":{\"acrossSchool\":[{\"schoolNumber\":\"5555\",\"roles\":1}],\"withinSchool\":[]}}|roleAllocation.acrossSchool[0].schoolNumber",
            "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\",\"roleAllocation\":{\"acrossSchool\":[],\"withinSchool\":[{\"schoolNumber\":\"9101\",\"roles\":51}]}}|roleAllocation.withinSchool[0].roles",
            "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9101\",\"roleAllocation\":{\"acrossSchool\":[],\"withinSchool\":[{\"schoolNumber\":\"9101\",\"roles\":2}],\"mergedForExtraAcrossSchool\":1}}|roleAllocation.mergedForExtraAcrossSchool",
    })
    void badBodiesAre400NamingTheFieldAndChangeNothing(String body, String field) {
        receivedPlan("kahui-ako");
        assertThat(Problems.errorFields(Problems.assertProblem(decide(body), 400))).containsExactly(field);
        assertThat(planStatus()).isEqualTo("RECEIVED");
    }

    @Test
    void onlyAReceivedPlanCanBeDecided() {
        ReviewWorldAccess.community(table, clock, "kahui-ako", COMMUNITY_ID, "9101", "9102", "9103");
        ReviewWorldAccess.plan(table, clock, COMMUNITY_ID, PLAN_ID, 1, PlanStatus.AWAITING_UPLOAD);
        JsonNode problem = Problems.assertProblem(decide(null), 409);
        assertThat(problem.get("type").asText()).isEqualTo("/problems/plan-not-received");
    }

    @Test
    void aClusterPlanIsReviewedByVisitsNotEndorsed() {
        receivedPlan("school-improvement");
        assertThat(Problems.assertProblem(decide(null), 422).get("type").asText()).isEqualTo("/problems/reviewed-by-visits");
    }

    @Test
    void schoolUsersMayNotDecideAndUnknownPlansAre404() {
        receivedPlan("kahui-ako");
        APIGatewayV2HTTPEvent asSchool = EventFiles.asSchoolUser(EventFiles.api("decide-plan-endorse.json"), "s", "9101");
        Problems.assertProblem(handler.handleRequest(asSchool, new TestContext("DecidePlanFunction")), 403);
        APIGatewayV2HTTPEvent unknown = EventFiles.api("decide-plan-endorse.json");
        unknown.setPathParameters(Map.of("id", COMMUNITY_ID, "planId", "00000000-0000-0000-0000-000000000000"));
        Problems.assertProblem(handler.handleRequest(unknown, new TestContext("DecidePlanFunction")), 404);
        assertThat(planStatus()).isEqualTo("RECEIVED");
    }

    @Test
    void dependencyDownIsA500NamingOnlyTheRequestId() {
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        TestContext context = new TestContext("DecidePlanFunction");
        JsonNode problem = Problems.assertProblem(new DecidePlanHandler(service(down))
                .handleRequest(EventFiles.api("decide-plan-endorse.json"), context), 500);
        assertThat(problem.get("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
    }
}
