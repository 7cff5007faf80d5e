package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.adapters.DynamoRolesStore;
import org.schoolcollab.funding.adapters.RolesRecordedItemMapper;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.plan.adapters.PlanDecisionItemMapper;
import org.schoolcollab.review.ReviewWorldAccess;
import org.schoolcollab.review.RoleAllocationService;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /communities/{id}/role-allocation: staff record, once, the roles of a community endorsed before endorsements
 * carried them (its plan decision written as such a community's is: endorsed, no roles).
 */
class RecordRoleAllocationHandlerIntegrationTest {
    /** The ids in events/record-role-allocation.json. */
    static final String COMMUNITY_ID = "4a1c2e3f-5b6d-4e7f-8a9b-0c1d2e3f4a5b";
    static final String PLAN_ID = "5b2d3f4a-6c7e-4f8a-9b0c-1d2e3f4a5b6c";

    private String table;
    private MutableClock clock;
    private RecordRoleAllocationHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("allocation");
        clock = new MutableClock(Instant.parse("2026-09-12T01:15:00Z"));
        handler = new RecordRoleAllocationHandler(service(DynamoDbLocal.client()));
    }

    private RoleAllocationService service(DynamoDbClient client) {
        return new RoleAllocationService(new CommunityService(new DynamoCommunityStore(client, table)),
                new DynamoPlanStore(client, table), new DynamoRolesStore(client, table), FundingPolicies.shipped(), clock);
    }

    /** A community whose plan was endorsed, naming 9101 as the leader's school, before roles were recorded. */
    private void endorsedWithoutRoles(String programme) {
        ReviewWorldAccess.community(table, clock, programme, COMMUNITY_ID, "9101", "9102", "9103");
        ReviewWorldAccess.plan(table, clock, COMMUNITY_ID, PLAN_ID, 1, PlanStatus.ENDORSED);
        var community = new DynamoCommunityStore(DynamoDbLocal.client(), table).find(COMMUNITY_ID).orElseThrow();
        PlanDecision legacy = new PlanDecision(COMMUNITY_ID, PLAN_ID, 1, community.programme(), PlanDecision.Outcome.ENDORSED,
                null, "9101", "staff-old", "old@example.org", clock.instant(), community.name(), community.contact(),
                community.members(), false);
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(PlanDecisionItemMapper.toItem(legacy)));
        new DynamoCommunityStore(DynamoDbLocal.client(), table).markEndorsed(COMMUNITY_ID, clock.instant());
    }

    private APIGatewayV2HTTPResponse record(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("RecordRoleAllocationFunction"));
    }

    @Test
    void staffRecordTheHeldRolesOnceAndTheAnswerSaysWhatTheyRelease() {
        endorsedWithoutRoles("kahui-ako");

        APIGatewayV2HTTPResponse response = record(EventFiles.api("record-role-allocation.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/communities/" + COMMUNITY_ID + "/funding");
        JsonNode body = Problems.json(response);
        assertThat(body.get("leaderSchoolNumber").asText()).isEqualTo("9101");
        assertThat(body.get("planId").asText()).isEqualTo(PLAN_ID);
        assertThat(body.at("/releases/communityLeader").asInt()).isEqualTo(1);
        assertThat(body.at("/releases/acrossSchool").asInt()).isEqualTo(1);
        assertThat(body.at("/releases/withinSchool").asInt()).isEqualTo(3);
        assertThat(body.at("/releases/inquiryHoursSchools").asInt()).isEqualTo(3);
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).singleElement()
                .satisfies(r -> assertThat(r.get("recordedByEmail").s()).isEqualTo("reviewer@programme-office.example.govt.nz"));

        JsonNode again = Problems.assertProblem(record(EventFiles.api("record-role-allocation.json")), 409);
        assertThat(again.get("type").asText()).isEqualTo("/problems/roles-already-recorded");
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).hasSize(1);
    }

    @Test
    void aCommunityNotYetEndorsedIs409() {
        ReviewWorldAccess.community(table, clock, "kahui-ako", COMMUNITY_ID, "9101", "9102", "9103");
        assertThat(Problems.assertProblem(record(EventFiles.api("record-role-allocation.json")), 409).get("type").asText())
                .isEqualTo("/problems/not-endorsed");
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).isEmpty();
    }

    @Test
    void aClusterHasNoRolesToRecord() {
        endorsedWithoutRoles("school-improvement");
        assertThat(Problems.assertProblem(record(EventFiles.api("record-role-allocation.json")), 422).get("type").asText())
                .isEqualTo("/problems/no-roles-in-programme");
    }

    @Test
    void aBadAllocationIs400NamingEachFieldAndRecordsNothing() {
        endorsedWithoutRoles("kahui-ako");
        APIGatewayV2HTTPEvent event = EventFiles.api("record-role-allocation.json");
        event.setBody("{\"acrossSchool\":[{\"schoolNumber\":\"5555\",\"roles\":1}],\"withinSchool\":[{\"schoolNumber\":\"9101\",\"roles\":-1}],\"mergedForExtraAcrossSchool\":3}");

        JsonNode problem = Problems.assertProblem(record(event), 400);

        assertThat(Problems.errorFields(problem)).containsExactlyInAnyOrder("acrossSchool[0].schoolNumber",
                "withinSchool[0].roles", "mergedForExtraAcrossSchool");
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).isEmpty();
    }

    @Test
    void schoolUsersMayNotRecordRolesAndADependencyDownIsA500NamingOnlyTheRequestId() {
        endorsedWithoutRoles("kahui-ako");
        Problems.assertProblem(record(EventFiles.asSchoolUser(EventFiles.api("record-role-allocation.json"), "s", "9101")), 403);
        assertThat(DynamoDbLocal.scanType(table, RolesRecordedItemMapper.TYPE)).isEmpty();

        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        TestContext context = new TestContext("RecordRoleAllocationFunction");
        JsonNode problem = Problems.assertProblem(new RecordRoleAllocationHandler(service(down))
                .handleRequest(EventFiles.api("record-role-allocation.json"), context), 500);
        assertThat(problem.get("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
    }
}
