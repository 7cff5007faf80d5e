package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.eoi.adapters.SchoolClaims;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanUrls;
import org.schoolcollab.plan.adapters.S3PlanUrls;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.FilterRuleName;
import software.amazon.awssdk.services.s3.model.ObjectOwnership;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's AWS resources, as template.yaml declares them, on LocalStack 4.14.0 (the last release that
 * runs without an account token): the table and its stream, the EOI store's transaction and a concurrent claim,
 * the plans bucket with the product's presigned PUT and GET, the bucket's ObjectCreated notification, the stream
 * reaction's on-failure SQS destination, and mail through SES v1.
 *
 * <p>Where LocalStack runs: {@code LOCALSTACK_ENDPOINT} (or {@code -Dlocalstack.endpoint}) names a running one,
 * as {@code scripts/localstack run ...} and CI start it without Docker; otherwise, where Docker is, Testcontainers
 * starts {@code localstack/localstack:4.14.0} with the same settings; otherwise the class is skipped, saying why
 * ({@code REQUIRE_LOCALSTACK=1} fails it instead). A LocalStack whose DynamoDB does not answer (one run without
 * Docker but not by scripts/localstack, which provides DynamoDB Local) skips the DynamoDB tests with the error.
 *
 * <p>Not covered here: running a function. LocalStack runs Lambda functions only in Docker containers, so without
 * Docker a function exists but never executes; the on-failure test uses that (every invocation fails, so the
 * records go to the destination) and holds with Docker too (the function's zip has no classes, so it fails
 * there as well). SES v2, which the product's mail adapter calls, is not emulated by community LocalStack (501):
 * the adapter is tested against aws-ses-v2-local in {@code SesMailSenderIntegrationTest}; here mail goes through
 * SES v1, and {@link #sesV2IsNotEmulatedByLocalStack()} keeps that claim checked.
 */
class LocalStackIntegrationTest {
    static final String IMAGE = "localstack/localstack:4.14.0";
    /** What scripts/localstack sets for LocalStack, given to the container too: both ways behave the same. */
    static final Map<String, String> SETTINGS = Map.of(
            // DynamoDB Streams from DynamoDB Local itself (the default provider would bring in kinesis-mock).
            "PROVIDER_OVERRIDE_DYNAMODB", "v2",
            "PROVIDER_OVERRIDE_DYNAMODBSTREAMS", "v2",
            // S3 checks signatures, presigned URLs' too, as AWS does.
            "S3_SKIP_SIGNATURE_VALIDATION", "0");
    static final String ACCOUNT = "000000000000";
    static final ObjectMapper JSON = new ObjectMapper();

    private static LocalStackContainer container;
    private static URI endpoint;
    private static Region region;
    private static String accessKey;
    private static String secretKey;
    private static Duration patience;
    private static DynamoDbClient dynamo;
    private static DynamoDbStreamsClient streams;
    private static S3Client s3;
    private static S3Presigner presigner;
    private static SqsClient sqs;
    private static Template template;
    /** Names made in this run: the tests can run again against the same LocalStack. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final AtomicInteger BUCKETS = new AtomicInteger();
    /** Why DynamoDB does not answer on this LocalStack, or null when it does. */
    private static String dynamoProblem;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        String configured = Optional.ofNullable(System.getProperty("localstack.endpoint"))
                .or(() -> Optional.ofNullable(System.getenv("LOCALSTACK_ENDPOINT")))
                .map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
        if (configured != null) {
            endpoint = URI.create(configured);
            region = Region.US_EAST_1;
            accessKey = "test";
            secretKey = "test";
            patience = Duration.ofSeconds(60);
            awaitHealthy();
            System.out.println("LocalStackIntegrationTest: LocalStack at " + endpoint + " (LOCALSTACK_ENDPOINT)");
        } else if (dockerAvailable()) {
            container = new LocalStackContainer(DockerImageName.parse(IMAGE));
            SETTINGS.forEach(container::withEnv);
            container.start();
            endpoint = container.getEndpoint();
            region = Region.of(container.getRegion());
            accessKey = container.getAccessKey();
            secretKey = container.getSecretKey();
            // With Docker, the failing function really starts (an image pull the first time).
            patience = Duration.ofMinutes(4);
            System.out.println("LocalStackIntegrationTest: Testcontainers " + IMAGE + " at " + endpoint);
        } else {
            String reason = "no LocalStack: LOCALSTACK_ENDPOINT is not set and there is no Docker engine for "
                    + IMAGE + ". Run the tests through scripts/localstack (see the README's Tests section)";
            System.out.println("LocalStackIntegrationTest skipped: " + reason);
            if ("1".equals(System.getenv("REQUIRE_LOCALSTACK"))) {
                Assertions.fail("REQUIRE_LOCALSTACK=1 but " + reason);
            }
            Assumptions.abort(reason);
        }
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
        // Generous: LocalStack starts DynamoDB Local at the first DynamoDB call, slowly on a busy machine.
        var http = UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(120)).build();
        dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(http).build();
        streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(credentials).httpClient(http).build();
        S3Configuration pathStyle = S3Configuration.builder().pathStyleAccessEnabled(true).build();
        s3 = S3Client.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle).httpClient(http).build();
        presigner = S3Presigner.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .serviceConfiguration(pathStyle).build();
        sqs = SqsClient.builder().endpointOverride(endpoint).region(region).credentialsProvider(credentials)
                .httpClient(http).build();
        template = Template.load(Path.of(System.getProperty("project.root", "..")).resolve("template.yaml"));
        dynamoProblem = probeDynamoDb();
    }

    /**
     * One DynamoDB call, not retried: LocalStack answers it once its DynamoDB Local runs. Where it cannot start one
     * (a LocalStack without Docker that was not set up by scripts/localstack tries to download it), the DynamoDB
     * tests are skipped with the error, and the others still run; REQUIRE_LOCALSTACK=1 fails them instead.
     */
    private static String probeDynamoDb() {
        try (DynamoDbClient probe = DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(150)).build())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build()) {
            probe.listTables(b -> b.limit(1));
            return null;
        } catch (RuntimeException e) {
            String problem = "DynamoDB on this LocalStack does not answer: " + e;
            System.out.println("LocalStackIntegrationTest: " + problem);
            return problem;
        }
    }

    private static void needDynamoDb() {
        if (dynamoProblem != null && "1".equals(System.getenv("REQUIRE_LOCALSTACK"))) {
            Assertions.fail("REQUIRE_LOCALSTACK=1 but " + dynamoProblem);
        }
        Assumptions.assumeTrue(dynamoProblem == null, dynamoProblem);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {dynamo, streams, s3, presigner, sqs}) {
            try {
                if (c != null) c.close();
            } catch (Exception ignored) {
                // closing clients only
            }
        }
        if (container != null) {
            container.stop();
        }
    }

    // ------------------------------------------------------------------------------------------------ the table

    @Test
    void theTableFromTheTemplateWithItsStream() throws Exception {
        needDynamoDb();
        String table = createTable("Table-stream-" + RUN);

        TableDescription described = dynamo.describeTable(b -> b.tableName(table)).table();
        Map<String, Object> props = template.properties("Table");
        assertThat(described.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("pk", "sk");
        assertThat(described.globalSecondaryIndexes()).extracting(i -> i.indexName())
                .containsExactlyInAnyOrderElementsOf(Template.list(props.get("GlobalSecondaryIndexes")).stream()
                        .map(i -> (String) Template.map(i).get("IndexName")).toList());
        assertThat(described.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(described.streamSpecification().streamEnabled()).isTrue();
        assertThat(described.streamSpecification().streamViewType()).isEqualTo(StreamViewType.fromValue(
                (String) Template.map(props.get("StreamSpecification")).get("StreamViewType")));
        assertThat(dynamo.describeTimeToLive(b -> b.tableName(table)).timeToLiveDescription().attributeName())
                .isEqualTo(Template.map(props.get("TimeToLiveSpecification")).get("AttributeName"));

        // A write reaches the stream with both images, as the stream reactions read it.
        dynamo.putItem(b -> b.tableName(table).item(Map.of("pk", s("PROBE#1"), "sk", s("A"), "n", s("one"))));
        dynamo.updateItem(b -> b.tableName(table).key(Map.of("pk", s("PROBE#1"), "sk", s("A")))
                .updateExpression("SET n = :n").expressionAttributeValues(Map.of(":n", s("two"))));
        List<Record> records = awaitStreamRecords(described.latestStreamArn(), 2);
        assertThat(records).extracting(r -> r.eventNameAsString()).containsExactly("INSERT", "MODIFY");
        Record modify = records.get(1);
        assertThat(modify.dynamodb().oldImage().get("n").s()).isEqualTo("one");
        assertThat(modify.dynamodb().newImage().get("n").s()).isEqualTo("two");
    }

    // ------------------------------------------------------------------------------------ the EOI store

    @Test
    void theEoiStoreWritesAllOfASubmissionOrNoneAndOneOfConcurrentClaimsWins() throws Exception {
        needDynamoDb();
        String table = createTable("Table-eoi-" + RUN);

        Product.Submission first = Product.submit(dynamo, table, "6101", "LocalStack Kāhui Ako", "6101", "6102");
        assertThat(first.status()).as(first.detail()).isEqualTo(201);
        assertThat(Product.claimedBy(dynamo, table, "6101")).contains(first.eoiId());
        assertThat(Product.claimedBy(dynamo, table, "6102")).contains(first.eoiId());

        // 6101 is taken: the whole transaction is cancelled, so 6103 is not claimed either.
        Product.Submission second = Product.submit(dynamo, table, "6103", "Second", "6103", "6101");
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.detail()).contains("6101");
        assertThat(Product.claimedBy(dynamo, table, "6103")).isEmpty();

        // Four schools apply at once, each with school 6200: one application wins it, the others write nothing.
        int racers = 4;
        CountDownLatch ready = new CountDownLatch(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Product.Submission>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                String own = "621" + i;
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return Product.submit(dynamo, table, own, "Race " + own, own, "6200");
                }));
            }
            ready.await();
            go.countDown();
        }
        List<Product.Submission> outcomes = new ArrayList<>();
        for (Future<Product.Submission> f : results) {
            outcomes.add(f.get());
        }
        assertThat(outcomes).extracting(Product.Submission::status).containsOnly(201, 409);
        List<Product.Submission> winners = outcomes.stream().filter(o -> o.status() == 201).toList();
        assertThat(winners).hasSize(1);
        assertThat(Product.claimedBy(dynamo, table, "6200")).contains(winners.getFirst().eoiId());
        for (int i = 0; i < racers; i++) {
            String own = "621" + i;
            boolean won = outcomes.get(i).status() == 201;
            assertThat(Product.claimedBy(dynamo, table, own)).as("school " + own).isEqualTo(
                    won ? Optional.of(winners.getFirst().eoiId()) : Optional.empty());
        }
    }

    // ------------------------------------------------------------------------------------ the plans bucket

    @Test
    void thePlansBucketTakesThePresignedUploadOnceAndServesThePresignedDownload() throws Exception {
        String bucket = createPlansBucket();
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String key = "plans/c-" + RUN + "/p-1/plan.pdf";

        Product.Presigned upload = Product.presignUpload(presigner, bucket, key, pdf.length);
        // Tampered with, or a body of another length: S3 refuses it.
        assertThat(put(upload.url().replace("X-Amz-Signature=", "X-Amz-Signature=0"), upload.headers(), pdf)
                .statusCode()).isEqualTo(403);
        assertThat(put(upload.url(), upload.headers(), "%PDF-1.7 longer\n".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
        HttpResponse<String> uploaded = put(upload.url(), upload.headers(), pdf);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        // If-None-Match: * is signed: the URL uploads the registered file once.
        assertThat(put(upload.url(), upload.headers(), pdf).statusCode()).isEqualTo(412);

        String versionId = s3.headObject(b -> b.bucket(bucket).key(key)).versionId();
        assertThat(versionId).isNotBlank();
        String download = Product.presignDownload(presigner, bucket, key, versionId, "Our plan.pdf");
        HttpResponse<byte[]> got = HTTP.send(HttpRequest.newBuilder(URI.create(download)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(got.statusCode()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(pdf);
        assertThat(got.headers().firstValue("content-disposition")).contains("attachment; filename*=UTF-8''Our%20plan.pdf");
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(download.replace("X-Amz-Signature=", "X-Amz-Signature=0")))
                .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);
    }

    @Test
    void anUploadUnderPlansNotifiesAsTheTemplatesS3EventSaysAndOthersDoNot() throws Exception {
        String bucket = createPlansBucket();
        // The template's S3 event (on the plan-received function) with an SQS queue as the target: LocalStack
        // runs no function without Docker, and a queue shows the event LocalStack sends.
        Map<String, Object> event = template.event("PlanReceivedFunction", "S3");
        List<String> events = Template.strings(event.get("Events"));
        String prefix = template.s3KeyPrefix(event);
        assertThat(prefix).isEqualTo("plans/");
        String queueUrl = sqs.createQueue(b -> b.queueName("plan-events-" + RUN)).queueUrl();
        String queueArn = queueArn(queueUrl);
        sqs.setQueueAttributes(b -> b.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY, """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"s3.amazonaws.com"},
                 "Action":"sqs:SendMessage","Resource":"%s","Condition":{"ArnLike":{"aws:SourceArn":"arn:aws:s3:::%s"}}}]}
                """.formatted(queueArn, bucket))));
        s3.putBucketNotificationConfiguration(b -> b.bucket(bucket).notificationConfiguration(n -> n
                .queueConfigurations(q -> q.queueArn(queueArn).events(events.stream().map(Event::fromValue).toList())
                        .filter(f -> f.key(k -> k.filterRules(r -> r.name(FilterRuleName.PREFIX).value(prefix)))))));

        s3.putObject(b -> b.bucket(bucket).key("rejected/c/p/other.pdf").contentType("application/pdf"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("%PDF-1.7 rejected"));
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        String key = "plans/c-" + RUN + "/p-2/plan.pdf";
        Product.Presigned upload = Product.presignUpload(presigner, bucket, key, pdf.length);
        assertThat(put(upload.url(), upload.headers(), pdf).statusCode()).isEqualTo(200);

        List<JsonNode> received = new ArrayList<>();
        awaitMessages(queueUrl, m -> {
            JsonNode body = JSON.readTree(m.body());
            if (body.has("Records")) {   // not the s3:TestEvent sent when the configuration is set
                body.get("Records").forEach(received::add);
            }
            return received.stream().anyMatch(r -> r.at("/s3/object/key").asText().equals(key));
        });
        // Nothing else arrives: the object outside plans/ is not announced.
        drain(queueUrl, Duration.ofSeconds(3), m -> {
            JsonNode body = JSON.readTree(m.body());
            if (body.has("Records")) body.get("Records").forEach(received::add);
        });
        assertThat(received).hasSize(1);
        JsonNode record = received.getFirst();
        assertThat(record.get("eventSource").asText()).isEqualTo("aws:s3");
        assertThat(record.get("eventName").asText()).isEqualTo("ObjectCreated:Put");
        assertThat(record.at("/s3/bucket/name").asText()).isEqualTo(bucket);
        assertThat(record.at("/s3/object/size").asLong()).isEqualTo(pdf.length);
        assertThat(record.at("/s3/object/versionId").asText()).isNotBlank();
    }

    // --------------------------------------------------------------------- the stream's on-failure destination

    @Test
    void recordsAStreamReactionGivesUpOnGoToTheTemplatesOnFailureQueue() throws Exception {
        needDynamoDb();
        String table = createTable("Table-failure-" + RUN);
        String streamArn = dynamo.describeTable(b -> b.tableName(table)).table().latestStreamArn();

        Map<String, Object> queue = template.properties("StreamFailureQueue");
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        queue.forEach((name, value) -> attributes.put(QueueAttributeName.fromValue(name), String.valueOf(value)));
        String queueUrl = sqs.createQueue(b -> b.queueName("StreamFailureQueue-" + RUN).attributes(attributes)).queueUrl();
        String queueArn = queueArn(queueUrl);
        Map<QueueAttributeName, String> created = sqs.getQueueAttributes(b -> b.queueUrl(queueUrl)
                .attributeNames(QueueAttributeName.ALL)).attributes();
        assertThat(created).containsAllEntriesOf(attributes);

        // The EOI notifications function and its DynamoDB event as the template has them.
        String function = "EoiNotificationsFunction-" + RUN;
        Map<String, Object> globals = template.globals();
        Map<String, Object> fn = template.properties("EoiNotificationsFunction");
        ObjectNode create = JSON.createObjectNode()
                .put("FunctionName", function)
                .put("Runtime", (String) globals.get("Runtime"))
                .put("Handler", (String) fn.get("Handler"))
                .put("Role", "arn:aws:iam::" + ACCOUNT + ":role/EoiNotificationsFunctionRole")
                .put("MemorySize", ((Number) globals.get("MemorySize")).intValue())
                .put("Timeout", ((Number) globals.get("Timeout")).intValue());
        // No classes in it: the function cannot succeed, with Docker or without.
        create.putObject("Code").put("ZipFile", Base64.getEncoder().encodeToString(zip("README",
                "This function has no code: every invocation fails.")));
        HttpResponse<String> createdFn = aws("lambda", "POST", "/2015-03-31/functions", "application/json",
                create.toString());
        assertThat(createdFn.statusCode()).as(createdFn.body()).isEqualTo(201);

        Map<String, Object> event = template.event("EoiNotificationsFunction", "DynamoDB");
        Map<String, String> refs = Map.of("Table.StreamArn", streamArn, "StreamFailureQueue.Arn", queueArn);
        ObjectNode mapping = JSON.valueToTree(Template.resolve(event, refs));
        mapping.set("EventSourceArn", mapping.remove("Stream"));
        ((ObjectNode) mapping.at("/DestinationConfig/OnFailure")).remove("Type");   // SAM's, not Lambda's
        mapping.put("FunctionName", function);
        HttpResponse<String> createdMapping = aws("lambda", "POST", "/2015-03-31/event-source-mappings/",
                "application/json", mapping.toString());
        assertThat(createdMapping.statusCode()).as(createdMapping.body()).isEqualTo(202);
        JsonNode esm = JSON.readTree(createdMapping.body());
        String uuid = esm.get("UUID").asText();
        JsonNode current = awaitMapping(uuid);
        assertThat(current.at("/DestinationConfig/OnFailure/Destination").asText()).isEqualTo(queueArn);
        assertThat(current.get("EventSourceArn").asText()).isEqualTo(streamArn);
        assertThat(current.get("MaximumRetryAttempts").asInt()).isEqualTo(((Number) event.get("MaximumRetryAttempts")).intValue());
        assertThat(current.get("BisectBatchOnFunctionError").asBoolean()).isTrue();
        assertThat(current.at("/FilterCriteria/Filters/0/Pattern").asText())
                .isEqualTo(mapping.at("/FilterCriteria/Filters/0/Pattern").asText());

        // A real submission writes the EOI, its claims and its school lists in one transaction; the filter lets
        // the EOI through only, the function fails it, and after the retries the batch goes to the queue.
        Product.Submission submitted = Product.submit(dynamo, table, "6301", "On-failure Kāhui Ako", "6301", "6302");
        assertThat(submitted.status()).as(submitted.detail()).isEqualTo(201);
        List<JsonNode> failures = new ArrayList<>();
        awaitMessages(queueUrl, m -> {
            failures.add(JSON.readTree(m.body()));
            return true;
        });
        List<Record> records = awaitStreamRecords(streamArn, 5);   // the EOI, 2 claims, 2 school lists
        List<String> eoiSequenceNumbers = records.stream()
                .filter(r -> "EOI".equals(Optional.ofNullable(r.dynamodb().newImage().get("type")).map(AttributeValue::s).orElse(null)))
                .map(r -> r.dynamodb().sequenceNumber()).toList();
        assertThat(eoiSequenceNumbers).hasSize(1);
        drain(queueUrl, Duration.ofSeconds(3), m -> failures.add(JSON.readTree(m.body())));
        assertThat(failures).hasSize(1);
        JsonNode batch = failures.getFirst().get("DDBStreamBatchInfo");
        assertThat(batch.get("streamArn").asText()).isEqualTo(streamArn);
        assertThat(batch.get("batchSize").asInt()).isEqualTo(1);
        assertThat(batch.get("startSequenceNumber").asText()).isEqualTo(eoiSequenceNumbers.getFirst());
        assertThat(batch.get("endSequenceNumber").asText()).isEqualTo(eoiSequenceNumbers.getFirst());

        aws("lambda", "DELETE", "/2015-03-31/event-source-mappings/" + uuid, "application/json", "");
    }

    // ------------------------------------------------------------------------------------------------ mail

    @Test
    void theEoiNotifierSendsItsMailsThroughSesV1OnceEach() throws Exception {
        needDynamoDb();
        String table = createTable("Table-mail-" + RUN);
        String sender = template.parameterDefault("SenderEmail");
        String staff = template.parameterDefault("StaffNotificationEmail");
        HttpResponse<String> verified = aws("ses", "POST", "/", "application/x-www-form-urlencoded",
                form(Map.of("Action", "VerifyEmailIdentity", "Version", "2010-12-01", "EmailAddress", sender)));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

        Product.Submission submitted = Product.submit(dynamo, table, "6401", "Mail Kāhui Ako", "6401", "6402");
        assertThat(submitted.status()).as(submitted.detail()).isEqualTo(201);
        List<String> ids = Product.notifySubmitted(dynamo, table, submitted.eoiId(), staff,
                (to, subject, text) -> sendThroughSesV1(sender, to, subject, text));
        assertThat(ids).hasSize(2).allSatisfy(id -> assertThat(id).isNotBlank());

        JsonNode sent = sentMail(sender);
        List<JsonNode> ours = new ArrayList<>();
        sent.forEach(m -> {
            if (ids.contains(m.get("Id").asText())) ours.add(m);
        });
        assertThat(ours).extracting(m -> m.at("/Destination/ToAddresses/0").asText())
                .containsExactlyInAnyOrder(staff, "aroha@example.school.nz");
        assertThat(ours).extracting(m -> m.get("Subject").asText()).allSatisfy(s -> assertThat(s).contains("Mail Kāhui Ako"));

        // A replayed stream record sends nothing new: the same message ids, no new mail.
        assertThat(Product.notifySubmitted(dynamo, table, submitted.eoiId(), staff,
                (to, subject, text) -> sendThroughSesV1(sender, to, subject, text))).isEqualTo(ids);
        assertThat(sentMail(sender).size()).isEqualTo(sent.size());
    }

    /** The README says so: the SES v2 adapter is tested against aws-ses-v2-local, because LocalStack answers 501. */
    @Test
    void sesV2IsNotEmulatedByLocalStack() {
        try (SesV2Client ses = SesV2Client.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            var failure = org.assertj.core.api.Assertions.catchThrowableOfType(SesV2Exception.class,
                    () -> ses.getAccount(b -> {}));
            assertThat(failure).as("SES v2 answered: LocalStack emulates it now; test the product's adapter here")
                    .isNotNull();
            assertThat(failure.statusCode()).isEqualTo(501);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The table as template.yaml declares it (keys, indexes, stream, TTL, SSE, tags), under another name. */
    private static String createTable(String name) {
        Map<String, Object> p = template.properties("Table");
        List<AttributeDefinition> attributes = Template.list(p.get("AttributeDefinitions")).stream()
                .map(Template::map).map(a -> AttributeDefinition.builder().attributeName((String) a.get("AttributeName"))
                        .attributeType((String) a.get("AttributeType")).build()).toList();
        List<GlobalSecondaryIndex> indexes = Template.list(p.get("GlobalSecondaryIndexes")).stream().map(Template::map)
                .map(i -> GlobalSecondaryIndex.builder().indexName((String) i.get("IndexName"))
                        .keySchema(keySchema(i.get("KeySchema")))
                        .projection(pr -> pr.projectionType((String) Template.map(i.get("Projection")).get("ProjectionType")))
                        .build()).toList();
        List<Tag> tags = Template.list(p.get("Tags")).stream().map(Template::map)
                .map(t -> Tag.builder().key((String) t.get("Key")).value(String.valueOf(t.get("Value"))).build()).toList();
        dynamo.createTable(b -> b.tableName(name)
                .billingMode((String) p.get("BillingMode"))
                .attributeDefinitions(attributes)
                .keySchema(keySchema(p.get("KeySchema")))
                .globalSecondaryIndexes(indexes)
                .streamSpecification(s -> s.streamEnabled(true)
                        .streamViewType((String) Template.map(p.get("StreamSpecification")).get("StreamViewType")))
                .sseSpecification(s -> s.enabled((Boolean) Template.map(p.get("SSESpecification")).get("SSEEnabled")))
                .tags(tags));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        Map<String, Object> ttl = Template.map(p.get("TimeToLiveSpecification"));
        dynamo.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t
                .attributeName((String) ttl.get("AttributeName")).enabled((Boolean) ttl.get("Enabled"))));
        return name;
    }

    private static List<KeySchemaElement> keySchema(Object o) {
        return Template.list(o).stream().map(Template::map).map(k -> KeySchemaElement.builder()
                .attributeName((String) k.get("AttributeName")).keyType((String) k.get("KeyType")).build()).toList();
    }

    /** The plans bucket as template.yaml declares it, for a stage of this run (its name comes from the stage). */
    private static String createPlansBucket() {
        Map<String, Object> p = template.properties("PlansBucket");
        Map<String, String> refs = Map.of("Stage", "t" + RUN + BUCKETS.incrementAndGet(),
                "SiteDistribution.DomainName", "d111111abcdef8.cloudfront.net");
        String bucket = (String) Template.resolve(p.get("BucketName"), refs);
        s3.createBucket(b -> b.bucket(bucket));
        if ("Enabled".equals(Template.map(p.get("VersioningConfiguration")).get("Status"))) {
            s3.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        }
        Map<?, ?> sse = Template.map(Template.list(Template.map(p.get("BucketEncryption"))
                .get("ServerSideEncryptionConfiguration")).getFirst());
        s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.fromValue(
                        (String) Template.map(sse.get("ServerSideEncryptionByDefault")).get("SSEAlgorithm")))))));
        Map<?, ?> block = Template.map(p.get("PublicAccessBlockConfiguration"));
        s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
                .blockPublicAcls((Boolean) block.get("BlockPublicAcls")).blockPublicPolicy((Boolean) block.get("BlockPublicPolicy"))
                .ignorePublicAcls((Boolean) block.get("IgnorePublicAcls")).restrictPublicBuckets((Boolean) block.get("RestrictPublicBuckets"))));
        s3.putBucketOwnershipControls(b -> b.bucket(bucket).ownershipControls(o -> o.rules(r -> r.objectOwnership(
                ObjectOwnership.fromValue((String) Template.map(Template.list(Template.map(p.get("OwnershipControls"))
                        .get("Rules")).getFirst()).get("ObjectOwnership"))))));
        List<CORSRule> cors = Template.list(Template.resolve(Template.map(p.get("CorsConfiguration")).get("CorsRules"), refs))
                .stream().map(Template::map).map(r -> CORSRule.builder().id((String) r.get("Id"))
                        .allowedOrigins(Template.strings(r.get("AllowedOrigins")))
                        .allowedMethods(Template.strings(r.get("AllowedMethods")))
                        .allowedHeaders(Template.strings(r.get("AllowedHeaders")))
                        .exposeHeaders(Template.strings(r.get("ExposedHeaders")))
                        .maxAgeSeconds(((Number) r.get("MaxAge")).intValue()).build()).toList();
        s3.putBucketCors(b -> b.bucket(bucket).corsConfiguration(c -> c.corsRules(cors)));
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket)).status()).isEqualTo(BucketVersioningStatus.ENABLED);
        return bucket;
    }

    private static HttpResponse<String> put(String url, Map<String, String> headers, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static String queueArn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    interface MessageCheck {
        boolean done(Message m) throws Exception;
    }

    interface MessageSink {
        void take(Message m) throws Exception;
    }

    /** Receives (and deletes) messages until the check says done, within the patience of this LocalStack. */
    private static void awaitMessages(String queueUrl, MessageCheck check) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(2).maxNumberOfMessages(10)).messages()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                if (check.done(m)) {
                    return;
                }
            }
        }
        throw new AssertionError("no awaited message on " + queueUrl + " within " + patience);
    }

    private static void drain(String queueUrl, Duration quiet, MessageSink sink) throws Exception {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            for (Message m : sqs.receiveMessage(b -> b.queueUrl(queueUrl).waitTimeSeconds(1).maxNumberOfMessages(10)).messages()) {
                sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                sink.take(m);
            }
        }
    }

    private static List<Record> awaitStreamRecords(String streamArn, int atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        List<Record> records = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            records.clear();
            for (var shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
                String iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId())
                        .shardIteratorType(ShardIteratorType.TRIM_HORIZON)).shardIterator();
                for (int page = 0; iterator != null && page < 10; page++) {
                    String current = iterator;
                    var response = streams.getRecords(b -> b.shardIterator(current));
                    records.addAll(response.records());
                    if (response.records().isEmpty()) break;
                    iterator = response.nextShardIterator();
                }
            }
            if (records.size() >= atLeast) {
                return List.copyOf(records);
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the stream had " + records.size() + " records, expected " + atLeast);
    }

    private static JsonNode awaitMapping(String uuid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode mapping = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = aws("lambda", "GET", "/2015-03-31/event-source-mappings/" + uuid, "application/json", "");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            mapping = JSON.readTree(r.body());
            if ("Enabled".equals(mapping.get("State").asText())) {
                return mapping;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("event source mapping not Enabled: " + mapping);
    }

    private static String sendThroughSesV1(String from, String to, String subject, String text) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("Action", "SendEmail");
        params.put("Version", "2010-12-01");
        params.put("Source", from);
        params.put("Destination.ToAddresses.member.1", to);
        params.put("Message.Subject.Data", subject);
        params.put("Message.Subject.Charset", "UTF-8");
        params.put("Message.Body.Text.Data", text);
        params.put("Message.Body.Text.Charset", "UTF-8");
        try {
            HttpResponse<String> r = aws("ses", "POST", "/", "application/x-www-form-urlencoded", form(params));
            Matcher id = Pattern.compile("<MessageId>([^<]+)</MessageId>").matcher(r.body());
            if (r.statusCode() != 200 || !id.find()) {
                throw new IllegalStateException("SES v1 SendEmail answered " + r.statusCode() + ": " + r.body());
            }
            return id.group(1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What LocalStack's SES kept: GET /_aws/ses?email=FROM. */
    private static JsonNode sentMail(String from) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_aws/ses?email="
                + URLEncoder.encode(from, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body()).get("messages");
    }

    private static String form(Map<String, String> params) {
        StringBuilder b = new StringBuilder();
        params.forEach((k, v) -> b.append(b.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return b.toString();
    }

    /**
     * A SigV4-signed call, for the APIs whose SDK modules are not in the Maven repository here (Lambda, SES v1):
     * signed by the SDK's own signer, as a client of that API would send it.
     */
    private static HttpResponse<String> aws(String service, String method, String path, String contentType, String body)
            throws IOException, InterruptedException {
        URI uri = endpoint.resolve(path);
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri)
                .putHeader("Content-Type", contentType).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                .request(request)
                .payload(ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region.id()));
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).method(method,
                body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length")) {
                values.forEach(v -> b.header(name, v));
            }
        });
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void awaitHealthy() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/_localstack/health"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("LOCALSTACK_ENDPOINT=" + endpoint + " does not answer /_localstack/health", last);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    /** template.yaml read with SnakeYAML: CloudFormation's short tags (!Ref, !Sub, ...) become their long form. */
    static final class Template {
        private final Map<String, Object> root;

        private Template(Map<String, Object> root) {
            this.root = root;
        }

        static Template load(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return new Template(map(new Yaml(new Intrinsics()).load(in)));
            }
        }

        Map<String, Object> properties(String resourceId) {
            Object resource = map(root.get("Resources")).get(resourceId);
            if (resource == null) {
                throw new AssertionError("template.yaml has no resource " + resourceId);
            }
            return map(map(resource).get("Properties"));
        }

        Map<String, Object> globals() {
            return map(map(root.get("Globals")).get("Function"));
        }

        String parameterDefault(String name) {
            return String.valueOf(map(map(root.get("Parameters")).get(name)).get("Default"));
        }

        /** The properties of the function's one event of this type (S3, DynamoDB, ...). */
        Map<String, Object> event(String functionId, String type) {
            List<Map<String, Object>> found = map(properties(functionId).get("Events")).values().stream().map(Template::map)
                    .filter(e -> type.equals(e.get("Type"))).map(e -> map(e.get("Properties"))).toList();
            assertThat(found).as(functionId + " events of type " + type).hasSize(1);
            return found.getFirst();
        }

        String s3KeyPrefix(Map<String, Object> s3Event) {
            return list(map(map(s3Event.get("Filter")).get("S3Key")).get("Rules")).stream().map(Template::map)
                    .filter(r -> "prefix".equals(r.get("Name"))).map(r -> (String) r.get("Value")).findFirst().orElseThrow();
        }

        /**
         * Resolves !Ref, !GetAtt and !Sub from refs ("Name" or "Resource.Attribute"; AWS::Region and
         * AWS::AccountId are LocalStack's), !If as false (no condition holds) and drops AWS::NoValue.
         */
        static Object resolve(Object value, Map<String, String> refs) {
            Map<String, String> all = new LinkedHashMap<>(refs);
            all.putIfAbsent("AWS::Region", "us-east-1");
            all.putIfAbsent("AWS::AccountId", ACCOUNT);
            all.putIfAbsent("AWS::Partition", "aws");
            return resolved(value, all);
        }

        private static Object resolved(Object value, Map<String, String> refs) {
            if (value instanceof Map<?, ?> m && m.size() == 1) {
                Map.Entry<?, ?> e = m.entrySet().iterator().next();
                switch (String.valueOf(e.getKey())) {
                    case "Ref" -> {
                        return e.getValue().equals("AWS::NoValue") ? NO_VALUE : known(refs, (String) e.getValue());
                    }
                    case "Fn::GetAtt" -> {
                        return known(refs, String.join(".", strings(e.getValue())));
                    }
                    case "Fn::Sub" -> {
                        Matcher v = Pattern.compile("\\$\\{([^}]+)}").matcher((String) e.getValue());
                        return v.replaceAll(r -> Matcher.quoteReplacement(known(refs, r.group(1))));
                    }
                    case "Fn::If" -> {
                        return resolved(list(e.getValue()).get(2), refs);
                    }
                    default -> { }
                }
            }
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    Object r = resolved(v, refs);
                    if (r != NO_VALUE) out.put(String.valueOf(k), r);
                });
                return out;
            }
            if (value instanceof List<?> l) {
                return l.stream().map(v -> resolved(v, refs)).filter(v -> v != NO_VALUE).toList();
            }
            return value;
        }

        private static final Object NO_VALUE = new Object();

        private static String known(Map<String, String> refs, String name) {
            String v = refs.get(name);
            if (v == null) {
                throw new AssertionError("the test gives no value for " + name + " in template.yaml");
            }
            return v;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> map(Object o) {
            if (o instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw new AssertionError("expected a mapping in template.yaml, got " + o);
        }

        static List<?> list(Object o) {
            if (o instanceof List<?> l) {
                return l;
            }
            throw new AssertionError("expected a list in template.yaml, got " + o);
        }

        static List<String> strings(Object o) {
            return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(o));
        }

        private static final class Intrinsics extends SafeConstructor {
            Intrinsics() {
                super(new LoaderOptions());
                this.yamlMultiConstructors.put("!", new AbstractConstruct() {
                    @Override
                    public Object construct(Node node) {
                        String tag = node.getTag().getValue().substring(1);
                        String name = tag.equals("Ref") || tag.equals("Condition") ? tag : "Fn::" + tag;
                        Object value = switch (node) {
                            case ScalarNode s -> tag.equals("GetAtt")
                                    ? List.of(constructScalar(s).split("\\.", 2)) : constructScalar(s);
                            case SequenceNode s -> constructSequence(s);
                            case MappingNode m -> constructMapping(m);
                            default -> throw new IllegalArgumentException("unexpected YAML node " + node);
                        };
                        return Map.of(name, value);
                    }
                });
            }
        }
    }

    /**
     * Every use of the product's classes (functions/) is in here, so that a change of their packages or names
     * touches this class only.
     */
    static final class Product {
        record Submission(int status, String eoiId, String detail) {}

        record Presigned(String url, Map<String, String> headers) {}

        interface Send {
            String send(String to, String subject, String text);
        }

        /** POST /expressions-of-interest as a user of school {@code userSchool}: 201 with the id, or the error. */
        static Submission submit(DynamoDbClient dynamo, String table, String userSchool, String community,
                                 String... schools) {
            EoiService service = new EoiService(new DynamoEoiStore(dynamo, table), Clock.systemUTC());
            Actor actor = Actor.schoolUser("user-" + userSchool, "principal" + userSchool + "@example.school.nz",
                    userSchool);
            try {
                EoiService.Submitted s = service.submit(actor,
                        SubmitEoiRequest.read(LocalApi.eoiBody(community, schools), Optional.empty()));
                return new Submission(201, s.eoi().id(), null);
            } catch (Rejection e) {
                return new Submission(HttpApi.status(e), null, e.getMessage());
            }
        }

        /** The application that holds the school's claim in the Kāhui Ako programme, if any. */
        static Optional<String> claimedBy(DynamoDbClient dynamo, String table, String school) {
            var item = dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                    "pk", AttributeValue.fromS(SchoolClaims.pk(Programme.KAHUI_AKO, school)),
                    "sk", AttributeValue.fromS("CLAIM")))).item();
            return item.isEmpty() ? Optional.empty() : Optional.of(item.get("eoiId").s());
        }

        /** What the EOI notifications function does for a new EOI; the message ids of its two mails. */
        static List<String> notifySubmitted(DynamoDbClient dynamo, String table, String eoiId, String staff, Send send) {
            var eoi = new DynamoEoiStore(dynamo, table).find(eoiId).orElseThrow();
            OnEoiSubmitted notifier = new OnEoiSubmitted(new NotificationDelivery(new DynamoNotificationStore(dynamo, table),
                    mail -> send.send(mail.to(), mail.subject(), mail.text()), Clock.systemUTC()), staff,
                    new Links("https://schools.example.org"));
            List<Notification> sent = notifier.react(eoi);
            assertThat(sent).allSatisfy(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENT));
            return sent.stream().map(Notification::messageId).toList();
        }

        /** The register-plan function's presigned upload of a PDF of this size. */
        static Presigned presignUpload(S3Presigner presigner, String bucket, String key, long size) {
            PlanUrls.Upload u = new S3PlanUrls(presigner, bucket).upload(key, PlanFileType.PDF, size);
            assertThat(u.method()).isEqualTo("PUT");
            return new Presigned(u.url(), u.headers());
        }

        /** The get-plan-document function's presigned download of that version. */
        static String presignDownload(S3Presigner presigner, String bucket, String key, String versionId, String name) {
            return new S3PlanUrls(presigner, bucket).download(key, versionId, name).url();
        }
    }
}
