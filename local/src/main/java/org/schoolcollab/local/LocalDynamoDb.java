package org.schoolcollab.local;

import org.schoolcollab.local.template.TableDefinition;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.schoolcollab.local.template.TemplateYaml.list;
import static org.schoolcollab.local.template.TemplateYaml.map;

/** DynamoDB Local in this JVM, on a free loopback port, with the template's tables created in it. */
final class LocalDynamoDb implements AutoCloseable {
    /**
     * DynamoDB Local sets sqlite4java's java.util.logging loggers to WARNING but keeps no reference to them, so a
     * garbage collection can bring back INFO ("DB[1]: instantiated", "opened") at random: held here, they stay quiet.
     */
    private static final List<java.util.logging.Logger> QUIET_LOGGERS = List.of(
            java.util.logging.Logger.getLogger("com.almworks.sqlite4java"),
            java.util.logging.Logger.getLogger("com.almworks.sqlite4java.Internal"));

    static {
        QUIET_LOGGERS.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    }

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;
    private final DynamoDbStreamsClient streams;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        this.client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        this.streams = DynamoDbStreamsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** dbDir null: in memory, gone on exit. Otherwise persisted there, so a restart keeps the data. */
    static LocalDynamoDb start(Path dbDir) throws Exception {
        int port = jvmPort();
        List<String> args = new java.util.ArrayList<>();
        if (dbDir == null) {
            args.add("-inMemory");
        } else {
            Files.createDirectories(dbDir);
            args.addAll(List.of("-dbPath", dbDir.toString()));
        }
        // sharedDb: one database whatever region or credentials a client uses.
        args.addAll(List.of("-sharedDb", "-port", Integer.toString(port), "-disableTelemetry"));
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
        server.start();
        return new LocalDynamoDb(server, port);
    }

    private static int jvmPort;

    /**
     * One port for every DynamoDB Local this JVM starts: functions build their SDK clients once per container,
     * as in Lambda, so a runner restarted inside one JVM (the tests do this) must come back on the same endpoint.
     */
    private static synchronized int jvmPort() throws IOException {
        if (jvmPort == 0) {
            jvmPort = freePort();
        }
        return jvmPort;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    URI endpoint() { return endpoint; }

    /** The tables created in it (the template's, named by their logical ids). */
    List<String> tableNames() {
        return client.listTablesPaginator().tableNames().stream().toList();
    }

    DynamoDbClient client() { return client; }
    DynamoDbStreamsClient streams() { return streams; }

    /** Creates the table as the template declares it, unless it is already there (a persisted restart). */
    void ensureTable(TableDefinition table) {
        ensureTable(client, table);
    }

    /** Also used against other DynamoDB endpoints (LocalStack) so every test builds the template's table. */
    static void ensureTable(DynamoDbClient client, TableDefinition table) {
        Map<String, Object> p = table.properties();
        List<AttributeDefinition> attributes = list(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
                .attributeName(str(a, "AttributeName")).attributeType(str(a, "AttributeType")).build()).toList();
        List<GlobalSecondaryIndex> indexes = p.get("GlobalSecondaryIndexes") == null ? List.of()
                : list(p.get("GlobalSecondaryIndexes")).stream().map(LocalDynamoDb::index).toList();
        try {
            var existing = client.describeTable(b -> b.tableName(table.id())).table();
            // A kept data folder from before the template gained an index: add it (DynamoDB backfills it).
            var have = existing.hasGlobalSecondaryIndexes()
                    ? existing.globalSecondaryIndexes().stream().map(i -> i.indexName()).toList() : List.<String>of();
            for (GlobalSecondaryIndex index : indexes) {
                if (!have.contains(index.indexName())) {
                    client.updateTable(b -> b.tableName(table.id()).attributeDefinitions(attributes)
                            .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName(index.indexName())
                                    .keySchema(index.keySchema()).projection(index.projection()))));
                    System.out.println("added index " + index.indexName() + " to the kept table " + table.id());
                }
            }
            return;
        } catch (ResourceNotFoundException absent) {
            // create below
        }
        var request = software.amazon.awssdk.services.dynamodb.model.CreateTableRequest.builder()
                .tableName(table.id())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes)
                .keySchema(keySchema(p.get("KeySchema")));
        if (!indexes.isEmpty()) {
            request.globalSecondaryIndexes(indexes);
        }
        if (p.get("StreamSpecification") != null) {
            request.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                    .streamViewType(str(p.get("StreamSpecification"), "StreamViewType")).build());
        }
        client.createTable(request.build());
    }

    private static GlobalSecondaryIndex index(Object raw) {
        Map<String, Object> gsi = map(raw, "GlobalSecondaryIndexes");
        Map<String, Object> projection = map(gsi.get("Projection"), "Projection");
        return GlobalSecondaryIndex.builder()
                .indexName(String.valueOf(gsi.get("IndexName")))
                .keySchema(keySchema(gsi.get("KeySchema")))
                .projection(Projection.builder().projectionType(String.valueOf(projection.get("ProjectionType")))
                        .nonKeyAttributes(projection.get("NonKeyAttributes") == null ? null
                                : list(projection.get("NonKeyAttributes")).stream().map(String::valueOf).toList())
                        .build())
                .build();
    }

    private static List<KeySchemaElement> keySchema(Object raw) {
        return list(raw).stream().map(k -> KeySchemaElement.builder()
                .attributeName(str(k, "AttributeName")).keyType(str(k, "KeyType")).build()).toList();
    }

    private static String str(Object o, String name) {
        return String.valueOf(map(o, name).get(name));
    }

    @Override
    public void close() {
        client.close();
        streams.close();
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("DynamoDB Local did not stop cleanly: " + e);
        }
    }
}
