package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.PlanFixture;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TestContext;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.PlanSamples.SAMPLE_PLAN_ID;

/** GET /communities/{id}/plans/{planId}/document: a 5-minute download of a received plan, for members and staff. */
class GetPlanDocumentHandlerIntegrationTest {
    @TempDir
    Path outbox;
    private PlanFixture world;
    private GetPlanDocumentHandler handler;

    @BeforeEach
    void setUp() {
        world = new PlanFixture("plan-document", outbox).withSampleCommunity();
        handler = new GetPlanDocumentHandler(world.service());
    }

    /** The sample plan, registered by the sample school user; uploaded with these bytes and checked, unless null. */
    private void samplePlan(byte[] uploaded) {
        PlanService.Registered r = Requests.register(world.service(() -> SAMPLE_PLAN_ID), DecisionBodies.sampleSchoolUser(),
                SAMPLE_COMMUNITY_ID, Json.write(PlanSamples.body()));
        if (uploaded != null) {
            HttpResponse<String> put = PlanFixture.upload(r.upload(), uploaded);
            assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
            world.reaction().react(new OnPlanUploaded.ObjectCreated(world.bucket, r.plan().objectKey(), null, null));
        }
    }

    private APIGatewayV2HTTPResponse get(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("GetPlanDocumentFunction"));
    }

    @Test
    void getPlanDocumentEventGivesAMemberAFiveMinuteDownloadOfTheReceivedFile() {
        samplePlan(PlanSamples.SAMPLE_PDF);
        Instant before = Instant.now();
        APIGatewayV2HTTPResponse response = get(EventFiles.api("get-plan-document.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        JsonNode body = Problems.json(response);
        assertThat(body.size()).isEqualTo(2);
        assertThat(Instant.parse(body.path("expiresAt").asText()))
                .isBetween(before.plus(Duration.ofMinutes(5)).minusSeconds(1), Instant.now().plus(Duration.ofMinutes(5)).plusSeconds(1));
        String url = body.path("url").asText();
        assertThat(url).contains(world.bucket + "/" + PlanSamples.SAMPLE_OBJECT_KEY + "?", "X-Amz-Expires=300",
                "response-content-disposition=attachment");
        HttpResponse<byte[]> download = PlanFixture.get(URI.create(url));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PlanSamples.SAMPLE_PDF);

        HttpResponse<byte[]> tampered = PlanFixture.get(URI.create(url.replace("X-Amz-Expires=300", "X-Amz-Expires=3000")));
        assertThat(tampered.statusCode()).isEqualTo(403);
    }

    @Test
    void staffMayDownloadItToo() {
        samplePlan(PlanSamples.SAMPLE_PDF);
        APIGatewayV2HTTPResponse response = get(EventFiles.asStaff(EventFiles.api("get-plan-document.json")));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(PlanFixture.get(URI.create(Problems.json(response).path("url").asText())).body())
                .isEqualTo(PlanSamples.SAMPLE_PDF);
    }

    @Test
    void aPlanWhoseFileHasNotArrivedIs409() {
        samplePlan(null);
        JsonNode problem = Problems.assertProblem(get(EventFiles.api("get-plan-document.json")), 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/plan-not-received");
        assertThat(problem.path("status").asInt()).isEqualTo(409);
    }

    @Test
    void aRejectedPlanIs409WithItsReason() {
        // Text of exactly the declared 142 bytes: only its first bytes give it away.
        samplePlan(String.format("%-142s", "Our plan, typed as plain text.").getBytes(StandardCharsets.US_ASCII));
        JsonNode problem = Problems.assertProblem(get(EventFiles.api("get-plan-document.json")), 409);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/plan-rejected");
        assertThat(problem.path("detail").asText()).contains("does not start with %PDF-");
    }

    @Test
    void anotherSchoolAnUnknownPlanOrAMalformedIdIs404() {
        samplePlan(PlanSamples.SAMPLE_PDF);
        Problems.assertProblem(get(EventFiles.asSchoolUser(EventFiles.api("get-plan-document.json"), "other", "4242")), 404);
        for (String planId : new String[] {"00000000-0000-0000-0000-000000000000", "PLAN#x", SAMPLE_PLAN_ID.toUpperCase()}) {
            APIGatewayV2HTTPEvent event = EventFiles.api("get-plan-document.json");
            event.setPathParameters(Map.of("id", SAMPLE_COMMUNITY_ID, "planId", planId));
            Problems.assertProblem(get(event), 404);
        }
        APIGatewayV2HTTPEvent otherCommunity = EventFiles.api("get-plan-document.json");
        otherCommunity.setPathParameters(Map.of("id", "00000000-0000-0000-0000-000000000000", "planId", SAMPLE_PLAN_ID));
        Problems.assertProblem(get(otherCommunity), 404);
    }
}
