package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The table-stream reaction, driven by the stream events in events/. */
class EoiSubmittedHandlerIntegrationTest {
    private static final String STAFF = "programme-office@example.org";
    private static final String FROM = "no-reply@example.org";

    @TempDir
    Path outbox;
    private String table;
    private EoiSubmittedHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("notify-handler");
        handler = handlerOver(DynamoDbLocal.client());
    }

    private EoiSubmittedHandler handlerOver(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo) {
        return new EoiSubmittedHandler(new OnEoiSubmitted(new NotificationDelivery(new DynamoNotificationStore(dynamo, table), new OutboxMailSender(outbox, FROM), new MutableClock(Instant.parse("2026-03-02T21:14:06Z"))), STAFF, InMemoryWorld.LINKS));
    }

    @Test
    void theInsertEventImageIsExactlyWhatTheItemMapperWrites() {
        DynamodbEvent event = EventFiles.stream("eoi-notifications-insert.json");
        Map<String, AttributeValue> image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
                event.getRecords().getFirst().getDynamodb().getNewImage());

        ExpressionOfInterest eoi = EoiItemMapper.fromItem(image);

        assertThat(EoiItemMapper.toItem(eoi)).isEqualTo(image);
        assertThat(eoi.id()).isEqualTo(EventFiles.SAMPLE_EOI_ID);
        assertThat(eoi.application().communityName()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(event.getRecords().getFirst().getEventName()).isEqualTo("INSERT");
    }

    @Test
    void eoiNotificationsInsertEventRecordsAndSendsTwoNotifications() throws IOException {
        StreamsEventResponse response = handler.handleRequest(EventFiles.stream("eoi-notifications-insert.json"),
                new TestContext("EoiNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> notifications = DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE);
        assertThat(notifications).extracting(n -> n.get("sk").s())
                .containsExactly("NOTIFICATION#EOI_RECEIVED_CONTACT", "NOTIFICATION#EOI_RECEIVED_STAFF");
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n.get("pk").s()).isEqualTo("EOI#" + EventFiles.SAMPLE_EOI_ID);
            assertThat(n.get("status").s()).isEqualTo("SENT");
            assertThat(n.get("messageId").s()).startsWith("outbox-");
        });
        assertThat(notifications).extracting(n -> n.get("recipient").s())
                .containsExactly(EventFiles.SAMPLE_EMAIL, STAFF);
        List<JsonNode> mails = mails();
        assertThat(mails).extracting(m -> m.path("to").asText())
                .containsExactlyInAnyOrder(STAFF, EventFiles.SAMPLE_EMAIL);
        assertThat(mails).extracting(m -> m.path("subject").asText()).containsExactlyInAnyOrder(
                "New expression of interest to review: Kāhui Ako o Ōtaki",
                "Expression of interest received: Kāhui Ako o Ōtaki");
    }

    @Test
    void eoiNotificationsPoisonEventReportsOnlyThePoisonRecord() throws IOException {
        DynamodbEvent event = EventFiles.stream("eoi-notifications-poison.json");
        String poisonSequence = event.getRecords().get(1).getDynamodb().getSequenceNumber();
        TestContext context = new TestContext("EoiNotificationsFunction");

        StreamsEventResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poisonSequence);
        assertThat(mails()).extracting(m -> m.path("to").asText())
                .containsExactlyInAnyOrder(STAFF, "principal@kapiti.example.school.nz");
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).extracting(n -> n.get("pk").s())
                .containsOnly("EOI#2f1b5a7e-93c4-4d1a-8e6b-5c0d9a3e7f21");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("a87ff679a2f3e71d9181a67b7542122c").contains(poisonSequence));
    }

    @Test
    void aRecordWithoutANewImageIsReportedAlone() throws IOException {
        DynamodbEvent event = EventFiles.stream("eoi-notifications-poison.json");
        event.getRecords().get(1).getDynamodb().setNewImage(null);

        StreamsEventResponse response = handler.handleRequest(event, new TestContext("EoiNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(1).getDynamodb().getSequenceNumber());
        assertThat(mails()).hasSize(2);
    }

    @Test
    void dynamoDbDependencyDownReportsEveryRecordAndSendsNothing() throws IOException {
        EoiSubmittedHandler down = handlerOver(DynamoDbLocal.clientFor(URI.create("http://localhost:" + FreePort.find())));
        DynamodbEvent event = EventFiles.stream("eoi-notifications-poison.json");

        StreamsEventResponse response = down.handleRequest(event, new TestContext("EoiNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().get(0).getDynamodb().getSequenceNumber(),
                        event.getRecords().get(1).getDynamodb().getSequenceNumber());
        assertThat(mails()).isEmpty();
    }

    private List<JsonNode> mails() throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().map(p -> {
                try {
                    return Json.parse(Files.readString(p));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
