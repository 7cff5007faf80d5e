package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The runner's S3 over real HTTP: presigned URLs made with the SDK's S3Presigner the way functions make them,
 * checked by S3Proxy (tampered or expired: 403), and the S3 event source: the real S3Event shape, prefix and
 * suffix rules, event-name patterns, asynchronous delivery with Lambda's retries and on-failure record.
 */
class S3EventSourceIntegrationTest {
    private static final String RECORDER = "UploadRecorderFunction";
    private static final String EVERYTHING = "EverythingRecorderFunction";
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static LocalRunner runner;
    private static S3Presigner presigner;
    private static S3Client s3;
    private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(S3EventSourceIntegrationTest.class.getResource("/s3-test-template.yaml").toURI());
        runner = LocalRunner.start(new LocalRunner.Options(0, null, false, true, template, Map.of()));
        // As functions build them (common.AwsClients): region and addressing only; endpoint and credentials come
        // from the SDK's own settings, which the runner has set.
        S3Configuration pathStyle = S3Configuration.builder()
                .pathStyleAccessEnabled(Boolean.parseBoolean(System.getProperty("S3_FORCE_PATH_STYLE"))).build();
        presigner = S3Presigner.builder().region(Region.US_EAST_1).serviceConfiguration(pathStyle).build();
        s3 = S3Client.builder().region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(pathStyle).build();
    }

    @AfterAll
    static void stop() {
        presigner.close();
        s3.close();
        runner.close();
    }

    private static PresignedPutObjectRequest presignPut(String key, Duration validFor) {
        return presigner.presignPutObject(p -> p.signatureDuration(validFor)
                .putObjectRequest(o -> o.bucket("uploads").key(key).contentType("application/pdf")));
    }

    /** The upload a browser or curl makes: the presigned URL, its signed headers, the bytes. */
    private static HttpResponse<String> upload(URI url, PresignedPutObjectRequest presigned, byte[] body) throws Exception {
        // Expect: 100-continue, as curl sends it: a refusal comes before the body, so S3Proxy answering 403 and
        // closing early cannot break the pipe while the body is still on its way (a CI run failed so).
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> upload(PresignedPutObjectRequest presigned, byte[] body) throws Exception {
        return upload(presigned.url().toURI(), presigned, body);
    }

    private static String unique(String prefix, String suffix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8) + suffix;
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition within " + within).isTrue();
    }

    private static boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket("uploads").key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    @Test
    void aPresignedPutOverHttpIsStoredAndDeliversExactlyOneEventInS3sShape() throws Exception {
        String key = unique("incoming/plan-", ".pdf");
        PresignedPutObjectRequest presigned = presignPut(key, Duration.ofMinutes(15));
        assertThat(presigned.url().toString()).startsWith(runner.s3Endpoint() + "/uploads/incoming/plan-");

        HttpResponse<String> put = upload(presigned, PDF);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(PDF));
        assertThat(put.headers().firstValue("ETag")).hasValue("\"" + md5 + "\"");

        await(() -> RecordingS3Handler.of(RECORDER, key).size() == 1, Duration.ofSeconds(10));
        var record = RecordingS3Handler.of(RECORDER, key).getFirst().record();
        assertThat(RecordingS3Handler.of(RECORDER, key).getFirst().records()).hasSize(1);
        assertThat(record.getEventVersion()).isEqualTo("2.1");
        assertThat(record.getEventSource()).isEqualTo("aws:s3");
        assertThat(record.getAwsRegion()).isEqualTo("us-east-1");
        assertThat(record.getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(record.getEventTime().getMillis()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(30_000L));
        assertThat(record.getS3().getS3SchemaVersion()).isEqualTo("1.0");
        assertThat(record.getS3().getConfigurationId()).isEqualTo("PdfUploaded");
        assertThat(record.getS3().getBucket().getName()).isEqualTo("uploads");
        assertThat(record.getS3().getBucket().getArn()).isEqualTo("arn:aws:s3:::uploads");
        assertThat(record.getS3().getObject().getKey()).isEqualTo(key);
        assertThat(record.getS3().getObject().getSizeAsLong()).isEqualTo(PDF.length);
        assertThat(record.getS3().getObject().geteTag()).isEqualTo(md5);
        assertThat(record.getS3().getObject().getSequencer()).matches("[0-9A-F]{16,}");
        // An unversioned bucket's object: no versionId in the record (the Lambda serialiser makes that "").
        assertThat(record.getS3().getObject().getVersionId()).isNullOrEmpty();
        assertThat(record.getResponseElements().getxAmzRequestId()).isNotBlank();

        // What was stored is what was sent, and a presigned GET reads it back.
        var get = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(o -> o.bucket("uploads").key(key)));
        HttpResponse<byte[]> read = http.send(HttpRequest.newBuilder(get.url().toURI()).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).isEqualTo(PDF);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/pdf");

        Thread.sleep(300);
        assertThat(RecordingS3Handler.of(RECORDER, key)).as("exactly one event").hasSize(1);
        assertThat(RecordingS3Handler.of(EVERYTHING, key)).as("the unfiltered Put subscription too").hasSize(1);
    }

    @Test
    void aTamperedSignatureIsRefusedWith403AndNothingIsStoredOrDelivered() throws Exception {
        String key = unique("incoming/tampered-", ".pdf");
        PresignedPutObjectRequest presigned = presignPut(key, Duration.ofMinutes(15));
        String url = presigned.url().toString();
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);

        HttpResponse<String> badSignature = upload(URI.create(url.replace(signature, flipped)), presigned, PDF);
        assertThat(badSignature.statusCode()).isEqualTo(403);
        assertThat(badSignature.body()).contains("SignatureDoesNotMatch");

        // The signature is good but for another key: also refused.
        String otherKey = unique("incoming/other-", ".pdf");
        HttpResponse<String> otherObject = upload(URI.create(url.replace(key, otherKey)), presigned, PDF);
        assertThat(otherObject.statusCode()).isEqualTo(403);

        // Signed for application/pdf, sent as text/plain: refused.
        HttpRequest.Builder wrongType = HttpRequest.newBuilder(presigned.url().toURI()).expectContinue(true)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF)).header("Content-Type", "text/plain");
        assertThat(http.send(wrongType.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);

        Thread.sleep(500);
        assertThat(exists(key)).isFalse();
        assertThat(exists(otherKey)).isFalse();
        assertThat(RecordingS3Handler.of(RECORDER, key)).isEmpty();
        assertThat(RecordingS3Handler.of(RECORDER, otherKey)).isEmpty();
    }

    @Test
    void anExpiredUrlIsRefusedWith403() throws Exception {
        String key = unique("incoming/expired-", ".pdf");
        PresignedPutObjectRequest presigned = presignPut(key, Duration.ofSeconds(1));
        Thread.sleep(2100);
        HttpResponse<String> put = upload(presigned, PDF);
        assertThat(put.statusCode()).isEqualTo(403);
        assertThat(put.body()).contains("AccessDenied");
        Thread.sleep(300);
        assertThat(exists(key)).isFalse();
        assertThat(RecordingS3Handler.of(RECORDER, key)).isEmpty();
    }

    @Test
    void keysOutsideThePrefixOrSuffixRaiseNoEvent() throws Exception {
        String id = UUID.randomUUID().toString().substring(0, 8);
        List<String> outside = List.of("elsewhere/" + id + ".pdf", "incoming/" + id + ".txt", "incoming/" + id + ".pdf.txt",
                "Incoming/" + id + ".pdf", "x-incoming/" + id + ".pdf", "incoming/" + id + ".PDF");
        for (String key : outside) {
            assertThat(upload(presignPut(key, Duration.ofMinutes(1)), PDF).statusCode()).as(key).isEqualTo(200);
        }
        String marker = "incoming/" + id + "-marker.pdf";
        assertThat(upload(presignPut(marker, Duration.ofMinutes(1)), PDF).statusCode()).isEqualTo(200);
        await(() -> RecordingS3Handler.of(RECORDER, marker).size() == 1, Duration.ofSeconds(10));
        // The unfiltered subscription saw them all, so each had its chance.
        await(() -> outside.stream().allMatch(k -> RecordingS3Handler.of(EVERYTHING, k).size() == 1), Duration.ofSeconds(10));
        for (String key : outside) {
            assertThat(RecordingS3Handler.of(RECORDER, key)).as(key).isEmpty();
        }
    }

    @Test
    void keysAreUrlEncodedInTheEventAsS3EncodesThem() throws Exception {
        String key = "incoming/Mahere ā (draft) 100%+final – Ōtaki.pdf";
        // S3: form encoding (space as '+', UTF-8 percent escapes, '(' ')' '%' '+' escaped), slashes kept.
        String encoded = "incoming/Mahere+%C4%81+%28draft%29+100%25%2Bfinal+%E2%80%93+%C5%8Ctaki.pdf";
        assertThat(upload(presignPut(key, Duration.ofMinutes(1)), PDF).statusCode()).isEqualTo(200);
        await(() -> RecordingS3Handler.of(RECORDER, key).size() == 1, Duration.ofSeconds(10));
        var object = RecordingS3Handler.of(RECORDER, key).getFirst().record().getS3().getObject();
        assertThat(object.getKey()).isEqualTo(encoded);
        assertThat(object.getUrlDecodedKey()).isEqualTo(key);
        assertThat(exists(key)).isTrue();
    }

    @Test
    void aFailingFunctionIsTriedThreeTimesWithBackoffThenRecordedAsFailed() throws Exception {
        String key = unique("incoming/fail-", ".pdf");
        assertThat(upload(presignPut(key, Duration.ofMinutes(1)), PDF).statusCode())
                .as("the upload succeeds whatever the function does").isEqualTo(200);
        await(() -> runner.s3EventFailures().stream()
                .anyMatch(f -> f.at("/requestPayload/Records/0/s3/object/key").asText().equals(key)), Duration.ofSeconds(15));
        List<RecordingS3Handler.Invocation> attempts = RecordingS3Handler.of(RECORDER, key);
        assertThat(attempts).as("1 attempt + 2 retries").hasSize(3);
        assertThat(Duration.ofNanos(attempts.get(1).atNanos() - attempts.get(0).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(Duration.ofNanos(attempts.get(2).atNanos() - attempts.get(1).atNanos())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        assertThat(attempts).extracting(a -> a.record().getS3().getObject().getSequencer())
                .as("every attempt is the same event").containsOnly(attempts.getFirst().record().getS3().getObject().getSequencer());

        JsonNode failure = runner.s3EventFailures().stream()
                .filter(f -> f.at("/requestPayload/Records/0/s3/object/key").asText().equals(key)).findFirst().orElseThrow();
        assertThat(failure.at("/requestContext/condition").asText()).isEqualTo("RetriesExhausted");
        assertThat(failure.at("/requestContext/approximateInvokeCount").asInt()).isEqualTo(3);
        assertThat(failure.at("/requestContext/functionArn").asText()).endsWith(":function:" + RECORDER + ":$LATEST");
        assertThat(failure.at("/responseContext/functionError").asText()).isEqualTo("Unhandled");
        assertThat(failure.at("/responsePayload/errorMessage").asText()).contains("injected failure");
        Path file = runner.stateDir().resolve("s3-" + RECORDER + ".on-failure.jsonl");
        assertThat(Files.readAllLines(file)).anyMatch(line -> line.contains(key));

        Thread.sleep(1500);
        assertThat(RecordingS3Handler.of(RECORDER, key)).as("no attempt after giving up").hasSize(3);
        // EventInvokeConfig MaximumRetryAttempts 0 on the other subscriber: it succeeded once, never retried.
        assertThat(RecordingS3Handler.of(EVERYTHING, key)).hasSize(1);
    }

    @Test
    void theUploadersResponseDoesNotWaitForTheFunction() throws Exception {
        String key = unique("incoming/slow-", ".pdf");
        // The function does not return until the gate opens, and the gate opens only after the upload returned.
        assertThat(upload(presignPut(key, Duration.ofMinutes(1)), PDF).statusCode()).isEqualTo(200);
        await(() -> RecordingS3Handler.of(RECORDER, key).size() == 1, Duration.ofSeconds(10));
        assertThat(RecordingS3Handler.COMPLETED).doesNotContain(RECORDER + ":" + key);
        RecordingS3Handler.SLOW_GATE.countDown();
        await(() -> RecordingS3Handler.COMPLETED.contains(RECORDER + ":" + key), Duration.ofSeconds(10));
    }

    @Test
    void copyAndMultipartUploadRaiseTheirOwnEventNamesAndMatchOnlyTheirSubscriptions() throws Exception {
        String source = unique("incoming/source-", ".pdf");
        s3.putObject(b -> b.bucket("uploads").key(source).contentType("application/pdf"), RequestBody.fromBytes(PDF));
        String copy = unique("incoming/copy-", ".pdf");
        s3.copyObject(b -> b.sourceBucket("uploads").sourceKey(source).destinationBucket("uploads").destinationKey(copy));

        String multipart = unique("incoming/multipart-", ".pdf");
        String uploadId = s3.createMultipartUpload(b -> b.bucket("uploads").key(multipart).contentType("application/pdf")).uploadId();
        String eTag = s3.uploadPart(b -> b.bucket("uploads").key(multipart).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(PDF)).eTag();
        s3.completeMultipartUpload(b -> b.bucket("uploads").key(multipart).uploadId(uploadId)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(eTag))));

        await(() -> RecordingS3Handler.of(RECORDER, source).size() == 1 && RecordingS3Handler.of(RECORDER, copy).size() == 1
                && RecordingS3Handler.of(RECORDER, multipart).size() == 1
                && RecordingS3Handler.of(EVERYTHING, multipart).size() == 1, Duration.ofSeconds(10));
        assertThat(RecordingS3Handler.of(RECORDER, source).getFirst().record().getEventName()).isEqualTo("ObjectCreated:Put");
        assertThat(RecordingS3Handler.of(RECORDER, copy).getFirst().record().getEventName()).isEqualTo("ObjectCreated:Copy");
        var completed = RecordingS3Handler.of(RECORDER, multipart).getFirst().record();
        assertThat(completed.getEventName()).isEqualTo("ObjectCreated:CompleteMultipartUpload");
        assertThat(completed.getS3().getObject().getSizeAsLong()).isEqualTo(PDF.length);
        assertThat(completed.getS3().getObject().geteTag()).endsWith("-1");

        Thread.sleep(300);
        // The other subscription lists Put and CompleteMultipartUpload only: no Copy event for it.
        assertThat(RecordingS3Handler.of(EVERYTHING, copy)).isEmpty();
        // S3Proxy's own bookkeeping for the multipart upload is no object of the user's: no event for it.
        assertThat(RecordingS3Handler.INVOCATIONS).noneMatch(i -> i.key().contains("s3proxy"));
        // Sequencers grow with each event.
        assertThat(RecordingS3Handler.of(RECORDER, copy).getFirst().record().getS3().getObject().getSequencer())
                .isGreaterThan(RecordingS3Handler.of(RECORDER, source).getFirst().record().getS3().getObject().getSequencer());
    }

    @Test
    void browsersMayUploadFromAnyOrigin() throws Exception {
        String key = unique("incoming/cors-", ".pdf");
        PresignedPutObjectRequest presigned = presignPut(key, Duration.ofMinutes(1));
        HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(presigned.url().toURI())
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173")
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "content-type,x-amz-meta-plan")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValueSatisfying(
                v -> assertThat(v).isIn("*", "http://localhost:5173"));
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("PUT");

        HttpRequest.Builder put = HttpRequest.newBuilder(presigned.url().toURI())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(PDF))
                .header("Origin", "http://localhost:5173").header("Content-Type", "application/pdf");
        HttpResponse<String> response = http.send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isPresent();
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElse("")).containsIgnoringCase("ETag");
    }

    @Test
    void theSdksS3ClientWorksAgainstTheRunnersS3() {
        String key = unique("elsewhere/sdk-", ".bin");
        s3.putObject(b -> b.bucket("uploads").key(key), RequestBody.fromBytes(PDF));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("uploads").key(key)).asByteArray()).isEqualTo(PDF);
        s3.deleteObject(b -> b.bucket("uploads").key(key));
        assertThat(exists(key)).isFalse();
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("no-such-bucket").key(key)))
                .isInstanceOf(software.amazon.awssdk.services.s3.model.S3Exception.class);
    }
}
