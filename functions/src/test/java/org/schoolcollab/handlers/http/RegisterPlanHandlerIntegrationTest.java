package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.plan.adapters.S3PlanUrls;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.PlanFixture;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.S3ProxyLocal;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.PlanSamples.SAMPLE_PLAN_ID;

/** POST /communities/{id}/plans: a member school registers a plan version and gets a presigned upload. */
class RegisterPlanHandlerIntegrationTest {
    @TempDir
    Path outbox;
    private PlanFixture world;
    private RegisterPlanHandler handler;

    @BeforeEach
    void setUp() {
        world = new PlanFixture("register-plan", outbox).withSampleCommunity();
        handler = new RegisterPlanHandler(world.service(() -> SAMPLE_PLAN_ID));
    }

    private APIGatewayV2HTTPResponse post(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("RegisterPlanFunction"));
    }

    private List<Map<String, AttributeValue>> plans() {
        return DynamoDbLocal.scanType(world.table, PlanItemMapper.TYPE);
    }

    @Test
    void registerPlanEventRegistersVersionOneAndReturnsAPresignedPutBoundToKeyTypeAndLength() {
        Instant before = Instant.now();
        APIGatewayV2HTTPResponse response = post(EventFiles.api("register-plan.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location",
                "/communities/" + SAMPLE_COMMUNITY_ID + "/plans/" + SAMPLE_PLAN_ID + "/document");
        JsonNode body = Problems.json(response);
        assertThat(body.path("planId").asText()).isEqualTo(SAMPLE_PLAN_ID);
        assertThat(body.path("version").asInt()).isEqualTo(1);
        JsonNode upload = body.path("upload");
        assertThat(upload.path("method").asText()).isEqualTo("PUT");
        assertThat(upload.path("url").asText())
                .startsWith(S3ProxyLocal.endpoint() + "/" + world.bucket + "/" + PlanSamples.SAMPLE_OBJECT_KEY + "?")
                .contains("X-Amz-Expires=900", "X-Amz-SignedHeaders=content-length%3Bcontent-type%3Bhost%3Bif-none-match");
        assertThat(Map.of("content-type", upload.at("/headers/content-type").asText(),
                "if-none-match", upload.at("/headers/if-none-match").asText()))
                .containsEntry("content-type", "application/pdf").containsEntry("if-none-match", "*");
        assertThat(upload.path("headers").size()).isEqualTo(2);
        Instant expiresAt = Instant.parse(upload.path("expiresAt").asText());
        assertThat(expiresAt).isBetween(before.plus(Duration.ofMinutes(15)).minusSeconds(1),
                Instant.now().plus(Duration.ofMinutes(15)).plusSeconds(1));

        assertThat(plans()).singleElement().satisfies(p -> {
            assertThat(p.get("pk").s()).isEqualTo("COMMUNITY#" + SAMPLE_COMMUNITY_ID);
            assertThat(p.get("sk").s()).isEqualTo("PLAN#" + SAMPLE_PLAN_ID);
            assertThat(p.get("planId").s()).isEqualTo(SAMPLE_PLAN_ID);
            assertThat(p.get("communityId").s()).isEqualTo(SAMPLE_COMMUNITY_ID);
            assertThat(p.get("programme").s()).isEqualTo("kahui-ako");
            assertThat(p.get("version").n()).isEqualTo("1");
            assertThat(p.get("status").s()).isEqualTo("AWAITING_UPLOAD");
            assertThat(p.get("fileName").s()).isEqualTo(PlanSamples.SAMPLE_FILE_NAME);
            assertThat(p.get("contentType").s()).isEqualTo("application/pdf");
            assertThat(p.get("sizeBytes").n()).isEqualTo("142");
            assertThat(p.get("objectKey").s()).isEqualTo(PlanSamples.SAMPLE_OBJECT_KEY);
            assertThat(p.get("achievementChallenges").l()).hasSize(3).first()
                    .satisfies(c -> assertThat(c.m().keySet()).containsExactlyInAnyOrder("area", "description", "measure"));
            assertThat(p.get("registeredBySub").s()).isEqualTo(EventFiles.SAMPLE_SUB);
            assertThat(p.get("registeredByEmail").s()).isEqualTo(EventFiles.SAMPLE_EMAIL);
            assertThat(p.get("registeredAt").s()).isEqualTo("2026-03-09T02:30:00Z");
            assertThat(p).doesNotContainKeys("receivedAt", "rejectionReason");
        });
        assertThat(DynamoDbLocal.scanType(world.table, PlanItemMapper.VERSION_TYPE)).singleElement()
                .satisfies(v -> assertThat(v.get("sk").s()).isEqualTo("PLAN_VERSION#0000000001"));
        assertThat(world.keys()).as("nothing is stored until the school uploads").isEmpty();
    }

    @Test
    void theUrlUploadsTheDeclaredFileOnce() {
        JsonNode upload = Problems.json(post(EventFiles.api("register-plan.json"))).path("upload");
        Map<String, String> headers = Map.of("content-type", "application/pdf", "if-none-match", "*");
        URI url = URI.create(upload.path("url").asText());

        HttpResponse<String> first = PlanFixture.put(url, headers, PlanSamples.SAMPLE_PDF);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(S3ProxyLocal.read(world.bucket, PlanSamples.SAMPLE_OBJECT_KEY)).isEqualTo(PlanSamples.SAMPLE_PDF);
        assertThat(PlanFixture.put(url, headers, PlanSamples.SAMPLE_PDF).statusCode())
                .as("a second upload with the same URL").isEqualTo(412);
    }

    @Test
    void eachRegistrationIsTheNextVersion() {
        PlanService service = world.service();
        for (int i = 1; i <= 3; i++) {
            var r = Requests.register(service, DecisionBodies.sampleSchoolUser(), SAMPLE_COMMUNITY_ID, Json.write(PlanSamples.body()));
            assertThat(r.plan().version()).isEqualTo(i);
        }
        APIGatewayV2HTTPResponse fourth = post(EventFiles.api("register-plan.json"));
        assertThat(Problems.json(fourth).path("version").asInt()).isEqualTo(4);
        assertThat(plans()).extracting(p -> p.get("version").n()).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @Test
    void aClusterRegistersAnActionPlanWithOnePriority() {
        String cluster = "2b3c4d5e-6f70-4819-9a0b-1c2d3e4f5a6b";
        PlanSamples.community(world.table, world.clock, "school-improvement", cluster, "8101", "8102");
        APIGatewayV2HTTPEvent event = EventFiles.asSchoolUser(EventFiles.api("register-plan.json"), "head-8102", "8102");
        event.setPathParameters(Map.of("id", cluster));
        var body = PlanSamples.body();
        body.withArray("achievementChallenges").remove(2);
        body.withArray("achievementChallenges").remove(1);
        event.setBody(Json.write(body));
        APIGatewayV2HTTPResponse response = post(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(plans()).singleElement().satisfies(p -> {
            assertThat(p.get("programme").s()).isEqualTo("school-improvement");
            assertThat(p.get("pk").s()).isEqualTo("COMMUNITY#" + cluster);
            assertThat(p.get("registeredByEmail").s()).isEqualTo("head-8102@school.example.nz");
        });
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"fileName\":\"plan.pdf\",\"contentType\":\"text/plain\",\"sizeBytes\":10,\"achievementChallenges\":[]}|contentType,achievementChallenges",
            "{\"fileName\":\"plan.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":26214401,\"achievementChallenges\":[{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"},{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"},{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"}]}|sizeBytes",
            "{\"fileName\":\"plan.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":10,\"achievementChallenges\":[{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"}]}|achievementChallenges",
            "{\"fileName\":\"plan.pdf\",\"contentType\":\"application/pdf\",\"sizeBytes\":10,\"achievementChallenges\":[{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"},{\"area\":\"ATTENDANCE\",\"description\":\"d\",\"measure\":\"m\"},{\"area\":\"ATTENDANCE\",\"description\":\"d\"}],\"url\":\"x\"}|url,achievementChallenges[2].measure",
            "{\"fileName\":\"plan.pdf\"|body",
            "[1,2]|body",
    })
    void badBodiesAre400NamingEveryFieldAndRegisterNothing(String body, String fields) {
        APIGatewayV2HTTPEvent event = EventFiles.api("register-plan.json");
        event.setBody(body);
        JsonNode problem = Problems.assertProblem(post(event), 400);
        assertThat(Problems.errorFields(problem)).containsExactlyInAnyOrder(fields.split(","));
        assertThat(plans()).isEmpty();
        assertThat(DynamoDbLocal.scanType(world.table, PlanItemMapper.VERSION_TYPE)).isEmpty();
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        APIGatewayV2HTTPEvent event = EventFiles.api("register-plan.json");
        event.getHeaders().put("content-type", "application/pdf");
        Problems.assertProblem(post(event), 415);
        assertThat(plans()).isEmpty();
    }

    @Test
    void staffMayNotUploadOnASchoolsBehalf() {
        JsonNode problem = Problems.assertProblem(post(EventFiles.asStaff(EventFiles.api("register-plan.json"))), 403);
        assertThat(problem.path("detail").asText()).contains("staff");
        assertThat(plans()).isEmpty();
    }

    @Test
    void anyoneElseGets404() {
        Problems.assertProblem(post(EventFiles.asSchoolUser(EventFiles.api("register-plan.json"), "other", "4242")), 404);
        APIGatewayV2HTTPEvent noGroup = EventFiles.api("register-plan.json");
        EventFiles.claims(noGroup).put("cognito:groups", "[]");
        Problems.assertProblem(post(noGroup), 404);
        APIGatewayV2HTTPEvent unknown = EventFiles.api("register-plan.json");
        unknown.setPathParameters(Map.of("id", "00000000-0000-0000-0000-000000000000"));
        Problems.assertProblem(post(unknown), 404);
        APIGatewayV2HTTPEvent malformed = EventFiles.api("register-plan.json");
        malformed.setPathParameters(Map.of("id", "COMMUNITY#x"));
        Problems.assertProblem(post(malformed), 404);
        assertThat(plans()).isEmpty();
    }

    @Test
    void dependencyDownIsA500NamingOnlyTheRequestId() {
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        RegisterPlanHandler broken = new RegisterPlanHandler(new PlanService(
                new CommunityService(new DynamoCommunityStore(down, world.table)), new DynamoPlanStore(down, world.table),
                new S3PlanUrls(S3ProxyLocal.presigner(), world.bucket), world.clock));
        TestContext context = new TestContext("RegisterPlanFunction");
        JsonNode problem = Problems.assertProblem(broken.handleRequest(EventFiles.api("register-plan.json"), context), 500);
        assertThat(problem.get("detail").asText()).contains(context.getAwsRequestId()).doesNotContain("127.0.0.1");
    }
}
