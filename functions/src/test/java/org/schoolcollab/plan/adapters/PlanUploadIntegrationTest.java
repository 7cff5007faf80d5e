package org.schoolcollab.plan.adapters;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.handlers.events.PlanUploadedHandler;
import org.schoolcollab.handlers.http.GetPlanDocumentHandler;
import org.schoolcollab.handlers.http.RegisterPlanHandler;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanObjectKeys;
import org.schoolcollab.plan.PlanService;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.PlanFixture;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.S3ProxyLocal;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;

/**
 * The upload path end to end over real HTTP: the school registers a plan (the handler), uploads its file with the
 * presigned URL (java.net.http to S3Proxy, which checks the signature and expiry as S3 does), S3's event is fed to
 * the plan-received handler, and the plan's document is downloaded with its presigned URL.
 */
class PlanUploadIntegrationTest {
    @TempDir
    Path outbox;
    private PlanFixture world;
    private RegisterPlanHandler register;
    private PlanUploadedHandler received;
    private GetPlanDocumentHandler document;

    @BeforeEach
    void setUp() {
        world = new PlanFixture("plan-upload", outbox).withSampleCommunity();
        register = new RegisterPlanHandler(world.service());
        received = new PlanUploadedHandler(world.reaction());
        document = new GetPlanDocumentHandler(world.service());
    }

    private record Registered(String planId, String key, URI url, Map<String, String> headers) {}

    /** POST /communities/{id}/plans as the sample school user, declaring a file of this name, type and size. */
    private Registered register(String fileName, String contentType, long size) {
        APIGatewayV2HTTPEvent event = EventFiles.api("register-plan.json");
        event.setBody(PlanSamples.body(fileName, contentType, size));
        APIGatewayV2HTTPResponse response = register.handleRequest(event, new TestContext("RegisterPlanFunction"));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        JsonNode body = Problems.json(response);
        String planId = body.path("planId").asText();
        Map<String, String> headers = Json.MAPPER.convertValue(body.at("/upload/headers"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {});
        return new Registered(planId, world.plan(planId).objectKey(), URI.create(body.at("/upload/url").asText()), headers);
    }

    private HttpResponse<String> put(Registered r, byte[] bytes) {
        return PlanFixture.put(r.url(), r.headers(), bytes);
    }

    private void deliver(S3Event event) {
        received.handleRequest(event, new TestContext("PlanReceivedFunction"));
    }

    private APIGatewayV2HTTPResponse download(String planId) {
        APIGatewayV2HTTPEvent event = EventFiles.api("get-plan-document.json");
        event.setPathParameters(Map.of("id", SAMPLE_COMMUNITY_ID, "planId", planId));
        return document.handleRequest(event, new TestContext("GetPlanDocumentFunction"));
    }

    private String status(String planId) {
        return world.plan(planId).status().name();
    }

    private static byte[] text(int size) {
        return String.format("%-" + size + "s", "Our plan, typed as plain text.").getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aValidPdfUploadedWithThePresignedUrlIsReceivedStaffAreToldAndMembersCanDownloadIt() {
        Registered r = register("Mahere 2026.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
        HttpResponse<String> put = put(r, PlanSamples.SAMPLE_PDF);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(status(r.planId())).as("nothing changes until S3 says so").isEqualTo("AWAITING_UPLOAD");

        deliver(world.objectCreated(r.key()));
        assertThat(status(r.planId())).isEqualTo("RECEIVED");
        assertThat(world.mails()).singleElement().satisfies(m -> {
            assertThat(m.path("to").asText()).isEqualTo(PlanFixture.STAFF_ADDRESS);
            assertThat(m.path("subject").asText()).startsWith("Plan to review:");
        });
        APIGatewayV2HTTPResponse doc = download(r.planId());
        assertThat(doc.getStatusCode()).as(doc.getBody()).isEqualTo(200);
        HttpResponse<byte[]> file = PlanFixture.get(URI.create(Problems.json(doc).path("url").asText()));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(PlanSamples.SAMPLE_PDF);
    }

    @Test
    void aTextFileDeclaredAsPdfIsRejectedMovedOutOfPlansAndTheUploaderIsTold() {
        Registered r = register("Mahere.pdf", PlanSamples.PDF, 142);
        assertThat(put(r, text(142)).statusCode()).isEqualTo(200);
        deliver(world.objectCreated(r.key()));

        Plan plan = world.plan(r.planId());
        assertThat(plan.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(plan.rejectionReason()).isEqualTo("the file is not a PDF: it does not start with %PDF-");
        assertThat(world.keys()).containsExactly(PlanObjectKeys.rejectedKey(r.key()));
        assertThat(S3ProxyLocal.read(world.bucket, PlanObjectKeys.rejectedKey(r.key()))).isEqualTo(text(142));
        assertThat(world.mails()).singleElement().satisfies(m -> {
            assertThat(m.path("to").asText()).isEqualTo(EventFiles.SAMPLE_EMAIL);
            assertThat(m.path("text").asText()).contains("does not start with %PDF-");
        });
        Problems.assertProblem(download(r.planId()), 409);
    }

    @Test
    void aBodyOfAnotherSizeIsRefusedByS3AndAFileOfAnotherSizeStoredAnotherWayIsRejected() {
        Registered r = register("Mahere.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
        byte[] longer = (new String(PlanSamples.SAMPLE_PDF, StandardCharsets.US_ASCII) + "%% appendix\n")
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(put(r, longer).statusCode()).as("the URL signs the declared length").isEqualTo(403);
        assertThat(put(r, java.util.Arrays.copyOf(PlanSamples.SAMPLE_PDF, 141)).statusCode()).isEqualTo(403);
        assertThat(world.keys()).isEmpty();
        assertThat(status(r.planId())).isEqualTo("AWAITING_UPLOAD");

        // A file under the key by other means (an administrator, another client): its size is checked all the same.
        S3ProxyLocal.client().putObject(b -> b.bucket(world.bucket).key(r.key()).contentType(PlanSamples.PDF),
                RequestBody.fromBytes(longer));
        deliver(world.objectCreated(r.key()));
        Plan plan = world.plan(r.planId());
        assertThat(plan.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(plan.rejectionReason()).isEqualTo("the file is " + longer.length + " bytes, but "
                + PlanSamples.SAMPLE_PDF.length + " bytes were declared");
        assertThat(world.keys()).containsExactly(PlanObjectKeys.rejectedKey(r.key()));
        assertThat(world.mails()).singleElement().satisfies(m -> assertThat(m.path("text").asText()).contains("were declared"));
    }

    @Test
    void aTamperedUrlIsRefusedByS3AndNoPlanChanges() {
        Registered r = register("Mahere.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
        Registered other = register("Other.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(world.table);
        String url = r.url().toString();
        String signature = url.substring(url.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length());
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        List<URI> tampered = List.of(
                URI.create(url.replace("X-Amz-Signature=" + signature, "X-Amz-Signature=" + flipped)),
                URI.create(url.replace("X-Amz-Expires=900", "X-Amz-Expires=604800")),
                URI.create(url.replace(r.key(), other.key())),
                URI.create(url.replace(r.key(), r.key().replace("plans/", "rejected/"))));
        for (URI u : tampered) {
            HttpResponse<String> put = PlanFixture.put(u, r.headers(), PlanSamples.SAMPLE_PDF);
            assertThat(put.statusCode()).as("PUT %s", u).isEqualTo(403);
        }
        HttpResponse<String> asText = PlanFixture.put(r.url(), Map.of("content-type", "text/plain", "if-none-match", "*"),
                PlanSamples.SAMPLE_PDF);
        assertThat(asText.statusCode()).as("another content type").isEqualTo(403);
        HttpResponse<String> overwrite = PlanFixture.put(r.url(), Map.of("content-type", PlanSamples.PDF),
                PlanSamples.SAMPLE_PDF);
        assertThat(overwrite.statusCode()).as("without If-None-Match").isEqualTo(403);

        assertThat(world.keys()).isEmpty();
        assertThat(DynamoDbLocal.scan(world.table)).isEqualTo(before);
        assertThat(world.mails()).isEmpty();
    }

    @Test
    void anExpiredUrlIsRefusedByS3AndNoPlanChanges() throws InterruptedException {
        PlanService quick = new PlanService(world.communities, world.store,
                new S3PlanUrls(S3ProxyLocal.presigner(), world.bucket, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                world.clock);
        PlanService.Registered r = Requests.register(quick, DecisionBodies.sampleSchoolUser(), SAMPLE_COMMUNITY_ID,
                PlanSamples.body("Mahere.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length));
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(world.table);
        Thread.sleep(2_100);
        HttpResponse<String> put = PlanFixture.upload(r.upload(), PlanSamples.SAMPLE_PDF);
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("expired");
        assertThat(world.keys()).isEmpty();
        assertThat(DynamoDbLocal.scan(world.table)).isEqualTo(before);
    }

    @Test
    void theSameS3EventTwiceChangesNothing() {
        Registered r = register("Mahere.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
        assertThat(put(r, PlanSamples.SAMPLE_PDF).statusCode()).isEqualTo(200);
        S3Event event = world.objectCreated(r.key());
        deliver(event);
        List<Map<String, AttributeValue>> after = DynamoDbLocal.scan(world.table);
        List<String> keys = world.keys();
        assertThat(world.mails()).hasSize(1);

        world.clock.advance(Duration.ofMinutes(10));
        deliver(event);
        deliver(world.objectCreated(r.key()));
        assertThat(DynamoDbLocal.scan(world.table)).isEqualTo(after);
        assertThat(world.keys()).isEqualTo(keys);
        assertThat(world.mails()).hasSize(1);
        assertThat(status(r.planId())).isEqualTo("RECEIVED");
    }

    @Test
    void theSameS3EventDeliveredTwiceAtOnceRecordsOneVerdict() throws Exception {
        Registered r = register("Mahere.pdf", PlanSamples.PDF, 142);
        assertThat(put(r, text(142)).statusCode()).isEqualTo(200);
        S3Event event = world.objectCreated(r.key());
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                done.add(pool.submit(() -> {
                    deliver(event);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        }
        Plan plan = world.plan(r.planId());
        assertThat(plan.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(plan.rejectedObjectKey()).isEqualTo(PlanObjectKeys.rejectedKey(r.key()));
        assertThat(world.keys()).containsExactly(PlanObjectKeys.rejectedKey(r.key()));
        assertThat(DynamoDbLocal.scanType(world.table, "NOTIFICATION")).hasSize(1);
        // (Two deliveries at the very same moment could each send that one notification: NotificationDelivery
        // records before it sends, but does not lock. S3's duplicates are rare and seldom simultaneous.)
        assertThat(world.mails()).isNotEmpty();
    }

    @Test
    void aWordDocumentBuiltHereIsReceived() {
        byte[] docx = PlanSamples.docx();
        Registered r = register("Mahere Kāhui Ako.docx", PlanSamples.DOCX, docx.length);
        assertThat(r.headers()).containsEntry("content-type", PlanSamples.DOCX);
        assertThat(put(r, docx).statusCode()).isEqualTo(200);
        deliver(world.objectCreated(r.key()));
        assertThat(status(r.planId())).isEqualTo("RECEIVED");
        assertThat(PlanFixture.get(URI.create(Problems.json(download(r.planId())).path("url").asText())).body())
                .isEqualTo(docx);

        byte[] notWord = PlanSamples.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
        Registered sheet = register("Budget.docx", PlanSamples.DOCX, notWord.length);
        assertThat(put(sheet, notWord).statusCode()).isEqualTo(200);
        deliver(world.objectCreated(sheet.key()));
        assertThat(world.plan(sheet.planId()).rejectionReason())
                .isEqualTo("the file is not a Word .docx document: it has no word/ part");
    }

    @Test
    void aFileWrittenOverAReceivedPlanDoesNotChangeItsDocument() {
        Registered r = register("Mahere.pdf", PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
        assertThat(put(r, PlanSamples.SAMPLE_PDF).statusCode()).isEqualTo(200);
        deliver(world.objectCreated(r.key()));
        S3ProxyLocal.client().putObject(b -> b.bucket(world.bucket).key(r.key()), RequestBody.fromBytes(text(142)));
        TestContext context = new TestContext("PlanReceivedFunction");
        received.handleRequest(world.objectCreated(r.key()), context);

        assertThat(context.logLines()).singleElement().asString().startsWith("WARN").contains("WRITTEN_AFTER_CHECK");
        assertThat(status(r.planId())).isEqualTo("RECEIVED");
        assertThat(PlanFixture.get(URI.create(Problems.json(download(r.planId())).path("url").asText())).body())
                .as("the download is the checked version").isEqualTo(PlanSamples.SAMPLE_PDF);
        assertThat(world.mails()).hasSize(1);
    }

    @Test
    void concurrentRegistrationsEachGetTheirOwnVersion() throws Exception {
        int n = 8;
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sub = "user-" + i;
            String school = "910" + (1 + i % 3);
            registrations.add(() -> Requests.register(world.service(), PlanSamples.schoolUser(sub, school),
                    SAMPLE_COMMUNITY_ID, Json.write(PlanSamples.body())).plan().version());
        }
        Set<Integer> versions = new TreeSet<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(n)) {
            for (Future<Integer> f : pool.invokeAll(registrations)) {
                versions.add(f.get());
            }
        }
        assertThat(versions).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(DynamoDbLocal.scanType(world.table, PlanItemMapper.TYPE)).hasSize(n);
        assertThat(DynamoDbLocal.scanType(world.table, PlanItemMapper.VERSION_TYPE)).hasSize(n);
    }
}
