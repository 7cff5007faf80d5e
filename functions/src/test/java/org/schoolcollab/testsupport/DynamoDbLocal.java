package org.schoolcollab.testsupport;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One DynamoDB Local per test JVM, in process and in memory, started on first use and stopped when the JVM
 * exits (its threads are not daemons). Each test class takes a table of its own, created exactly as
 * template.yaml's {@code Table} resource declares it.
 */
public final class DynamoDbLocal {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static DynamoDBProxyServer server;
    private static URI endpoint;
    private static DynamoDbClient client;
    private static DynamoDbStreamsClient streams;

    private DynamoDbLocal() {}

    public static synchronized URI endpoint() {
        if (server == null) {
            int port = FreePort.find();
            try {
                server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                        "-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
            }
            endpoint = URI.create("http://localhost:" + port);
            Runtime.getRuntime().addShutdownHook(new Thread(DynamoDbLocal::stop, "dynamodb-local-stop"));
        }
        return endpoint;
    }

    private static synchronized void stop() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                System.err.println("DynamoDB Local did not stop cleanly: " + e);
            }
            server = null;
        }
    }

    /** The shared client: URL-connection HTTP client, static local credentials, as the functions build theirs. */
    public static synchronized DynamoDbClient client() {
        if (client == null) {
            client = clientFor(endpoint());
        }
        return client;
    }

    public static DynamoDbClient clientFor(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(credentials())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static synchronized DynamoDbStreamsClient streams() {
        if (streams == null) {
            streams = DynamoDbStreamsClient.builder()
                    .endpointOverride(endpoint())
                    .region(Region.US_EAST_1)
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .build();
        }
        return streams;
    }

    public static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** A new, empty table shaped like template.yaml's Table (keys, gsi1, gsi2, stream); returns its name. */
    public static String createTable(String prefix) {
        String name = prefix + "-" + TABLES.incrementAndGet() + "-" + System.nanoTime();
        DynamoDbClient dynamo = client();
        dynamo.createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi1sk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi2pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("gsi2sk").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("gsi1")
                        .keySchema(
                                k -> k.attributeName("gsi1pk").keyType(KeyType.HASH),
                                k -> k.attributeName("gsi1sk").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL)),
                        g -> g.indexName("gsi2")
                                .keySchema(
                                        k -> k.attributeName("gsi2pk").keyType(KeyType.HASH),
                                        k -> k.attributeName("gsi2sk").keyType(KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL)))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    /** Every item in the table, sorted by pk then sk, for assertions that nothing else was written. */
    public static List<Map<String, AttributeValue>> scan(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client().scanPaginator(b -> b.tableName(table).consistentRead(true)).items().forEach(items::add);
        items.sort(Comparator.<Map<String, AttributeValue>, String>comparing(i -> i.get("pk").s())
                .thenComparing(i -> i.get("sk").s()));
        return items;
    }

    /** The items of one type (the `type` attribute), sorted by pk then sk. */
    public static List<Map<String, AttributeValue>> scanType(String table, String type) {
        return scan(table).stream()
                .filter(i -> i.containsKey("type") && type.equals(i.get("type").s()))
                .toList();
    }
}
