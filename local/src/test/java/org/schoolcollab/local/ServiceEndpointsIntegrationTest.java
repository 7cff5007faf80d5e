package org.schoolcollab.local;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions build their SDK clients with no endpoint (common.AwsClients): the runner points each service at its
 * emulator through the SDK's per-service settings, so a DynamoDB client reaches DynamoDB Local and an S3 client or
 * presigner reaches S3Proxy, each without knowing it runs locally.
 */
class ServiceEndpointsIntegrationTest {
    private static LocalRunner runner;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(ServiceEndpointsIntegrationTest.class.getResource("/s3-test-template.yaml").toURI());
        runner = LocalRunner.start(new LocalRunner.Options(0, null, false, true, template, Map.of()));
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static S3Configuration s3Configuration() {
        return S3Configuration.builder()
                .pathStyleAccessEnabled(Boolean.parseBoolean(System.getProperty("S3_FORCE_PATH_STYLE"))).build();
    }

    @Test
    void endpointsAreSetPerServiceNotGlobally() {
        assertThat(System.getProperty("aws.endpointUrl")).as("no global endpoint: it would send every service to one emulator").isNull();
        assertThat(System.getProperty("aws.endpointUrlDynamoDb")).isEqualTo(runner.dynamo().endpoint().toString());
        assertThat(System.getProperty("aws.endpointUrlS3")).isEqualTo(runner.s3Endpoint().toString());
        assertThat(runner.s3Endpoint().toString()).matches("http://localhost:\\d+");
        assertThat(System.getProperty("S3_FORCE_PATH_STYLE")).isEqualTo("true");
    }

    @Test
    void aDynamoDbClientBuiltLikeFunctionsBuildItReachesDynamoDbLocal() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            assertThat(dynamo.listTables().tableNames()).contains("Records");
        }
        try (DynamoDbClient dynamo = DynamoDbClient.create()) {
            assertThat(dynamo.listTables().tableNames()).contains("Records");
        }
    }

    @Test
    void anS3ClientBuiltLikeFunctionsBuildItReachesS3Proxy() {
        try (S3Client s3 = S3Client.builder().region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .serviceConfiguration(s3Configuration()).build()) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("uploads");
            s3.headBucket(b -> b.bucket("uploads"));
        }
    }

    @Test
    void aPresignerBuiltLikeFunctionsBuildItSignsUrlsForS3ProxyAsThisMachineReachesIt() {
        try (S3Presigner presigner = S3Presigner.builder().region(Region.US_EAST_1)
                .serviceConfiguration(s3Configuration()).build()) {
            URI url = URI.create(presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(15))
                    .putObjectRequest(o -> o.bucket("uploads").key("incoming/a.pdf"))).url().toString());
            assertThat(url.getScheme() + "://" + url.getHost() + ":" + url.getPort()).isEqualTo(runner.s3Endpoint().toString());
            assertThat(url.getPath()).isEqualTo("/uploads/incoming/a.pdf");
            assertThat(url.getQuery()).contains("X-Amz-Algorithm=AWS4-HMAC-SHA256", "X-Amz-Credential=local/",
                    "/us-east-1/s3/aws4_request", "X-Amz-Expires=900");
        }
    }

    @Test
    void refsToTheBucketResolveToItsLocalName() {
        assertThat(System.getProperty("UPLOADS_BUCKET")).isEqualTo("uploads");
        assertThat(System.getProperty("UPLOADS_BUCKET_ARN")).isEqualTo("arn:aws:s3:::uploads");
        assertThat(System.getProperty("RECORDS_TABLE")).as("tables keep their logical id").isEqualTo("Records");
    }
}
