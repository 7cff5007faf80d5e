package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runner's DynamoDB stream event source against DynamoDB Local's real stream: filters, batch size, partial
 * batch failures, bounded retries, bisection and the on-failure destination, as template.yaml declares them.
 */
class StreamEventSourceIntegrationTest {
    private static LocalRunner runner;
    private static LocalDynamoDb dynamo;

    @BeforeAll
    static void start() throws Exception {
        Path template = Path.of(StreamEventSourceIntegrationTest.class.getResource("/stream-test-template.yaml").toURI());
        runner = LocalRunner.start(new LocalRunner.Options(0, null, false, true, template, Map.of()));
        dynamo = runner.dynamo();
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static void write(Map<String, String>... items) {
        List<WriteRequest> writes = java.util.Arrays.stream(items).map(i -> {
            Map<String, AttributeValue> item = new HashMap<>();
            i.forEach((k, v) -> item.put(k, AttributeValue.fromS(v)));
            return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
        }).toList();
        dynamo.client().batchWriteItem(b -> b.requestItems(Map.of("Widgets", writes)));
    }

    private static long deliveries(String id) {
        return FaultInjectingStreamHandler.INVOCATIONS.stream().flatMap(List::stream)
                .filter(r -> r.startsWith(id + "@")).count();
    }

    private static String sequenceOf(String id) {
        return FaultInjectingStreamHandler.INVOCATIONS.stream().flatMap(List::stream)
                .filter(r -> r.startsWith(id + "@")).findFirst().orElseThrow().split("@")[1];
    }

    private static void await(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition within " + within).isTrue();
    }

    @Test
    void onlyRecordsTheFilterMatchesAreDelivered() throws Exception {
        write(Map.of("pk", "f-widget", "type", "WIDGET"), Map.of("pk", "f-gadget", "type", "GADGET"));
        await(() -> deliveries("f-widget") == 1, Duration.ofSeconds(10));
        // A MODIFY of the same widget is not an INSERT: filtered out too.
        write(Map.of("pk", "f-widget", "type", "WIDGET", "colour", "red"));
        write(Map.of("pk", "f-marker", "type", "WIDGET"));
        await(() -> deliveries("f-marker") == 1, Duration.ofSeconds(10));
        assertThat(deliveries("f-gadget")).isZero();
        assertThat(deliveries("f-widget")).isEqualTo(1);
    }

    @Test
    void aPoisonRecordIsRetriedBoundedThenSentToTheFailureDestinationAlone() throws Exception {
        write(Map.of("pk", "p-1", "type", "WIDGET"),
                Map.of("pk", "p-poison", "type", "WIDGET", "poison", "yes"));
        // 1 attempt + MaximumRetryAttempts (2).
        await(() -> deliveries("p-poison") == 3, Duration.ofSeconds(10));
        await(() -> runner.streamFailures().stream().anyMatch(f -> f.at("/DDBStreamBatchInfo/startSequenceNumber")
                .asText().equals(sequenceOf("p-poison"))), Duration.ofSeconds(10));
        assertThat(deliveries("p-1")).as("the good record before it is not retried").isEqualTo(1);
        JsonNode failure = runner.streamFailures().stream().filter(f -> f.at("/DDBStreamBatchInfo/startSequenceNumber")
                .asText().equals(sequenceOf("p-poison"))).findFirst().orElseThrow();
        assertThat(failure.at("/DDBStreamBatchInfo/batchSize").asInt()).isEqualTo(1);
        assertThat(failure.get("condition").asText()).isEqualTo("RetryAttemptsExhausted");

        // The source has moved on: a later record is delivered once.
        write(Map.of("pk", "p-after", "type", "WIDGET"));
        await(() -> deliveries("p-after") == 1, Duration.ofSeconds(10));
        Thread.sleep(500);
        assertThat(deliveries("p-poison")).isEqualTo(3);
    }

    @Test
    void batchesNeverExceedTheTemplatesBatchSize() throws Exception {
        write(Map.of("pk", "b-1", "type", "WIDGET"), Map.of("pk", "b-2", "type", "WIDGET"),
                Map.of("pk", "b-3", "type", "WIDGET"), Map.of("pk", "b-4", "type", "WIDGET"),
                Map.of("pk", "b-5", "type", "WIDGET"));
        await(() -> deliveries("b-5") == 1 && deliveries("b-1") == 1, Duration.ofSeconds(10));
        assertThat(FaultInjectingStreamHandler.INVOCATIONS).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(3));
    }

    @Test
    void aCrashingInvocationIsBisectedSoTheGoodRecordsGetThrough() throws Exception {
        write(Map.of("pk", "c-1", "type", "WIDGET"), Map.of("pk", "c-crash", "type", "WIDGET", "crash", "yes"),
                Map.of("pk", "c-2", "type", "WIDGET"));
        // The three may reach the source in one read or several; wait for all of it to play out.
        await(() -> deliveries("c-2") > 0 && runner.streamFailures().stream().anyMatch(f -> deliveries("c-crash") > 0
                && f.at("/DDBStreamBatchInfo/startSequenceNumber").asText().equals(sequenceOf("c-crash"))),
                Duration.ofSeconds(15));
        // Each good record reached the function in an invocation without the crashing one.
        for (String good : List.of("c-1", "c-2")) {
            assertThat(FaultInjectingStreamHandler.INVOCATIONS).anySatisfy(batch -> {
                assertThat(batch).anyMatch(r -> r.startsWith(good + "@"));
                assertThat(batch).noneMatch(r -> r.startsWith("c-crash@"));
            });
        }
    }
}
