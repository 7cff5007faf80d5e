package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.plan.adapters.DynamoPlanStore;
import org.schoolcollab.plan.adapters.S3PlanObjects;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.PlanFixture;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.S3ProxyLocal;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.PlanSamples.SAMPLE_OBJECT_KEY;
import static org.schoolcollab.testsupport.PlanSamples.SAMPLE_PLAN_ID;

/** S3 ObjectCreated under plans/, as S3 sends it (events/plan-received-put.json), against S3Proxy and DynamoDB Local. */
class PlanUploadedHandlerIntegrationTest {
    @TempDir
    Path outbox;
    private PlanFixture world;
    private PlanUploadedHandler handler;

    @BeforeEach
    void setUp() {
        // The bucket the sample event names, emptied: each test uploads the sample plan's file to it afresh.
        world = new PlanFixture("plan-received", S3ProxyLocal.empty(S3ProxyLocal.ensureBucket(PlanSamples.SAMPLE_BUCKET)), outbox)
                .withSampleCommunity();
        handler = new PlanUploadedHandler(world.reaction());
    }

    /** Registers the sample plan and uploads these bytes with its presigned URL; returns what S3 then sends. */
    private S3Event uploaded(byte[] bytes) {
        PlanService.Registered r = Requests.register(world.service(() -> SAMPLE_PLAN_ID), DecisionBodies.sampleSchoolUser(),
                SAMPLE_COMMUNITY_ID, Json.write(PlanSamples.body()));
        assertThat(r.plan().objectKey()).isEqualTo(SAMPLE_OBJECT_KEY);
        assertThat(PlanFixture.upload(r.upload(), bytes).statusCode()).isEqualTo(200);
        return world.objectCreated(SAMPLE_OBJECT_KEY);
    }

    private Map<String, AttributeValue> plan() {
        return world.item(SAMPLE_PLAN_ID);
    }

    @Test
    void theSampleEventIsAnObjectCreatedPutOfTheSamplePdfUnderPlans() {
        S3Event event = PlanSamples.s3Event();
        assertThat(event.getRecords()).singleElement().satisfies(r -> {
            assertThat(r.getEventSource()).isEqualTo("aws:s3");
            assertThat(r.getEventName()).isEqualTo("ObjectCreated:Put");
            assertThat(r.getS3().getBucket().getName()).isEqualTo(PlanSamples.SAMPLE_BUCKET);
            assertThat(r.getS3().getObject().getUrlDecodedKey()).isEqualTo(SAMPLE_OBJECT_KEY).startsWith("plans/");
            assertThat(r.getS3().getObject().getSizeAsLong()).isEqualTo(PlanSamples.SAMPLE_PDF.length);
            assertThat(r.getS3().getObject().geteTag()).isEqualTo(PlanSamples.eTag(PlanSamples.SAMPLE_PDF));
            assertThat(r.getS3().getObject().getVersionId()).isNotBlank();
        });
    }

    @Test
    void aValidPdfIsReceivedAndStaffAreToldToReviewIt() {
        S3Event event = uploaded(PlanSamples.SAMPLE_PDF);
        TestContext context = new TestContext("PlanReceivedFunction");
        handler.handleRequest(event, context);

        Map<String, AttributeValue> plan = plan();
        assertThat(plan.get("status").s()).isEqualTo("RECEIVED");
        assertThat(plan.get("receivedAt").s()).isEqualTo("2026-03-09T02:30:00Z");
        assertThat(plan.get("objectETag").s()).isEqualTo(PlanSamples.eTag(PlanSamples.SAMPLE_PDF));
        assertThat(plan.get("objectVersionId").s())
                .isEqualTo(event.getRecords().getFirst().getS3().getObject().getVersionId());
        assertThat(plan).doesNotContainKeys("rejectionReason", "rejectedAt");
        assertThat(world.keys()).containsExactly(SAMPLE_OBJECT_KEY);
        assertThat(world.mails()).singleElement().satisfies(m -> {
            assertThat(m.path("to").asText()).isEqualTo(PlanFixture.STAFF_ADDRESS);
            assertThat(m.path("subject").asText()).isEqualTo("Plan to review: Kāhui Ako o Ōtaki (version 1)");
            assertThat(m.path("text").asText()).contains("https://schools.example.org/#/communities/"
                    + SAMPLE_COMMUNITY_ID, PlanSamples.SAMPLE_FILE_NAME).doesNotContain("/document");
        });
        assertThat(DynamoDbLocal.scanType(world.table, DynamoNotificationStore.TYPE)).singleElement()
                .satisfies(n -> {
                    assertThat(n.get("pk").s()).isEqualTo("COMMUNITY#" + SAMPLE_COMMUNITY_ID);
                    assertThat(n.get("sk").s()).isEqualTo("NOTIFICATION#" + OnPlanUploaded.TO_STAFF + "#" + SAMPLE_PLAN_ID);
                    assertThat(n.get("status").s()).isEqualTo("SENT");
                    assertThat(n.get("communityId").s()).isEqualTo(SAMPLE_COMMUNITY_ID);
                });
        assertThat(context.logLines()).singleElement().asString().startsWith("INFO s3://" + PlanSamples.SAMPLE_BUCKET
                + "/" + SAMPLE_OBJECT_KEY).contains("RECEIVED");
    }

    @Test
    void anEventWithoutAVersionIdIsOfTheKeysCurrentObject() {
        uploaded(PlanSamples.SAMPLE_PDF);
        // An unversioned bucket's event (the local runner's filesystem store) has no versionId: the runtime reads "".
        S3Event event = PlanSamples.objectCreated(world.bucket, SAMPLE_OBJECT_KEY, PlanSamples.SAMPLE_PDF.length,
                PlanSamples.eTag(PlanSamples.SAMPLE_PDF), null);
        assertThat(event.getRecords().getFirst().getS3().getObject().getVersionId()).isEmpty();
        TestContext context = new TestContext("PlanReceivedFunction");
        handler.handleRequest(event, context);
        assertThat(plan().get("status").s()).as(context.logLines().toString()).isEqualTo("RECEIVED");
        handler.handleRequest(event, context);
        assertThat(context.logLines()).hasSize(2).last().asString().contains("ALREADY_DONE");
        assertThat(world.mails()).hasSize(1);
    }

    @Test
    void theSameEventTwiceChangesNothing() {
        S3Event event = uploaded(PlanSamples.SAMPLE_PDF);
        handler.handleRequest(event, new TestContext("PlanReceivedFunction"));
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(world.table);
        List<JsonNode> mails = world.mails();

        world.clock.advance(Duration.ofHours(1));
        TestContext again = new TestContext("PlanReceivedFunction");
        handler.handleRequest(event, again);
        assertThat(DynamoDbLocal.scan(world.table)).isEqualTo(before);
        assertThat(world.mails()).isEqualTo(mails);
        assertThat(world.keys()).containsExactly(SAMPLE_OBJECT_KEY);
        assertThat(again.logLines()).singleElement().asString().contains("ALREADY_DONE");
    }

    @Test
    void textDeclaredAsAPdfIsRejectedMovedOutAndTheUploaderTold() {
        S3Event event = uploaded(String.format("%-142s", "Our plan, typed as plain text.").getBytes(StandardCharsets.US_ASCII));
        handler.handleRequest(event, new TestContext("PlanReceivedFunction"));

        Map<String, AttributeValue> plan = plan();
        assertThat(plan.get("status").s()).isEqualTo("REJECTED");
        assertThat(plan.get("rejectionReason").s()).isEqualTo("the file is not a PDF: it does not start with %PDF-");
        assertThat(plan.get("rejectedAt").s()).isEqualTo("2026-03-09T02:30:00Z");
        String rejectedKey = "rejected/" + SAMPLE_OBJECT_KEY.substring("plans/".length());
        assertThat(plan.get("rejectedObjectKey").s()).isEqualTo(rejectedKey);
        assertThat(plan).doesNotContainKey("receivedAt");
        assertThat(world.keys()).containsExactly(rejectedKey);
        assertThat(world.mails()).singleElement().satisfies(m -> {
            assertThat(m.path("to").asText()).isEqualTo(EventFiles.SAMPLE_EMAIL);
            assertThat(m.path("subject").asText()).isEqualTo("Plan upload not accepted: " + PlanSamples.SAMPLE_FILE_NAME);
            assertThat(m.path("text").asText()).contains("does not start with %PDF-");
        });

        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(world.table);
        handler.handleRequest(event, new TestContext("PlanReceivedFunction"));
        assertThat(DynamoDbLocal.scan(world.table)).as("a redelivery").isEqualTo(before);
        assertThat(world.mails()).hasSize(1);
        assertThat(world.keys()).containsExactly(rejectedKey);
    }

    @Test
    void keysThatNameNoPlanAreLoggedAndIgnored() {
        S3Event event = PlanSamples.objectCreated(world.bucket, "plans/" + SAMPLE_COMMUNITY_ID + "/"
                + "00000000-0000-4000-8000-000000000000/x.pdf", 10, "abc", null);
        TestContext context = new TestContext("PlanReceivedFunction");
        handler.handleRequest(event, context);
        S3Event notAPlanKey = PlanSamples.objectCreated(world.bucket, "plans/readme.txt", 10, "abc", null);
        handler.handleRequest(notAPlanKey, context);
        assertThat(context.logLines()).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("WARN s3://").contains("UNKNOWN_KEY"));
        assertThat(DynamoDbLocal.scanType(world.table, "PLAN")).isEmpty();
        assertThat(world.mails()).isEmpty();
    }

    @Test
    void aRecordThatFailsIsThrownForLambdaToRetryAfterTheOthersAreDone() {
        S3Event good = uploaded(PlanSamples.SAMPLE_PDF);
        var down = DynamoDbLocal.clientFor(URI.create("http://127.0.0.1:" + FreePort.find()));
        PlanUploadedHandler broken = new PlanUploadedHandler(new OnPlanUploaded(
                new DynamoPlanStore(down, world.table), new S3PlanObjects(S3ProxyLocal.client()),
                new NotificationDelivery(new DynamoNotificationStore(down, world.table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), world.clock), PlanFixture.STAFF_ADDRESS, InMemoryWorld.LINKS));
        TestContext context = new TestContext("PlanReceivedFunction");
        assertThatThrownBy(() -> broken.handleRequest(good, context)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("will be retried").hasMessageContaining(SAMPLE_OBJECT_KEY);
        assertThat(context.logLines()).singleElement().asString().startsWith("ERROR");
        assertThat(plan().get("status").s()).isEqualTo("AWAITING_UPLOAD");

        // Two records, one of them for no plan: the good one is done, nothing is thrown.
        S3Event both = new S3Event(List.of(
                PlanSamples.objectCreated(world.bucket, "plans/x", 1, "e", null).getRecords().getFirst(),
                good.getRecords().getFirst()));
        handler.handleRequest(both, new TestContext("PlanReceivedFunction"));
        assertThat(plan().get("status").s()).isEqualTo("RECEIVED");
    }
}
