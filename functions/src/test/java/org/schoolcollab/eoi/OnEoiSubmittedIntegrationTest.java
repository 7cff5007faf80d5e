package org.schoolcollab.eoi;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.handlers.events.EoiSubmittedHandler;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.MailSender;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.FailsOnceForRecipientMailSender;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.OutboxFiles;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.StreamEvents;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EOI items written by the real store, read back from the table's real stream (DynamoDB Local's streams API),
 * filtered as template.yaml filters them, and delivered to the handler: notification records in the table and
 * mails in an outbox folder.
 */
class OnEoiSubmittedIntegrationTest {
    private static final String STAFF = "programme-office@example.org";
    private static final String FROM = "no-reply@example.org";
    private static final String CONTACT = "principal@otaki.example.school.nz";

    @TempDir
    Path outbox;
    private String table;
    private MutableClock clock;
    private EoiService service;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("notify");
        clock = new MutableClock(Instant.parse("2026-03-02T21:14:05Z"));
        service = new EoiService(new DynamoEoiStore(DynamoDbLocal.client(), table), clock);
    }

    private EoiSubmittedHandler handler(MailSender mail) {
        return new EoiSubmittedHandler(new OnEoiSubmitted(new NotificationDelivery(new DynamoNotificationStore(DynamoDbLocal.client(), table), mail, clock), STAFF, InMemoryWorld.LINKS));
    }

    private EoiSubmittedHandler handler() {
        return handler(new OutboxMailSender(outbox, FROM));
    }

    @Test
    void aNewEoiOnTheStreamBecomesTwoRecordedAndSentNotifications() throws Exception {
        String id = submit(schoolUser("otaki", "9101"), EoiBodies.valid());
        DynamodbEvent event = eoiInsertsOnTheStream();
        assertThat(event.getRecords()).as("only the EOI insert passes the filter, not the claims").hasSize(1);

        StreamsEventResponse response = handler().handleRequest(event, new TestContext("EoiNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> staff = notification(id, OnEoiSubmitted.TO_STAFF);
        Map<String, AttributeValue> contact = notification(id, OnEoiSubmitted.TO_CONTACT);
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).hasSize(2);

        assertThat(staff.get("recipient").s()).isEqualTo(STAFF);
        assertThat(staff.get("kind").s()).isEqualTo("EOI_RECEIVED_STAFF");
        assertThat(staff.get("sourcePk").s()).isEqualTo("EOI#" + id);
        assertThat(staff.get("status").s()).isEqualTo("SENT");
        assertThat(staff.get("messageId").s()).startsWith("outbox-");
        assertThat(staff.get("subject").s()).isEqualTo("New expression of interest to review: Kāhui Ako o Ōtaki");
        assertThat(staff.get("body").s())
                .contains("Community: Kāhui Ako o Ōtaki")
                .contains("Programme: Kāhui Ako (Communities of Learning)")
                .contains("Region: Wellington")
                .contains("Schools (3):")
                .contains("9101 Ōtaki School (primary, roll 182)")
                .contains("9102 Waitohu School (primary, roll 341)")
                .contains("9103 Ōtaki College (secondary, roll 512)")
                .contains("Total roll: 1035")
                .contains("Review it: https://schools.example.org/#/applications/" + id)
                .doesNotContain("/expressions-of-interest/");

        assertThat(contact.get("recipient").s()).isEqualTo(CONTACT);
        assertThat(contact.get("status").s()).isEqualTo("SENT");
        assertThat(contact.get("subject").s()).isEqualTo("Expression of interest received: Kāhui Ako o Ōtaki");
        assertThat(contact.get("body").s()).startsWith("Kia ora Mere Rāwiri,")
                .contains("https://schools.example.org/#/applications/" + id).contains("(3 schools)");

        List<JsonNode> mails = mails();
        assertThat(mails).hasSize(2);
        JsonNode staffMail = mailTo(mails, STAFF);
        JsonNode contactMail = mailTo(mails, CONTACT);
        assertThat(staffMail.path("from").asText()).isEqualTo(FROM);
        assertThat(staffMail.path("subject").asText()).isEqualTo(staff.get("subject").s());
        assertThat(staffMail.path("text").asText()).isEqualTo(staff.get("body").s());
        assertThat(staffMail.path("id").asText()).isEqualTo(staff.get("messageId").s());
        assertThat(contactMail.path("subject").asText()).isEqualTo(contact.get("subject").s());
        assertThat(contactMail.path("text").asText()).contains(id);
        assertThat(contactMail.path("id").asText()).isEqualTo(contact.get("messageId").s());

        // The notification writes are on the stream too, but the filter keeps them from the function.
        assertThat(eoiInsertsOnTheStream().getRecords()).hasSize(1);
    }

    @Test
    void replayingTheSameBatchStoresAndSendsNothingNew() throws Exception {
        String id = submit(schoolUser("otaki", "9101"), EoiBodies.valid());
        DynamodbEvent event = eoiInsertsOnTheStream();
        EoiSubmittedHandler handler = handler();
        handler.handleRequest(event, new TestContext("EoiNotificationsFunction"));
        List<Map<String, AttributeValue>> afterFirst = DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE);
        assertThat(afterFirst).hasSize(2);
        assertThat(mails()).hasSize(2);

        for (int replay = 2; replay <= 3; replay++) {
            clock.advance(java.time.Duration.ofMinutes(1));
            StreamsEventResponse response = handler.handleRequest(event, new TestContext("EoiNotificationsFunction"));

            assertThat(response.getBatchItemFailures()).as("replay %d", replay).isEmpty();
            assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).as("replay %d", replay)
                    .isEqualTo(afterFirst);
            assertThat(mails()).as("replay %d", replay).hasSize(2);
        }
        assertThat(notification(id, OnEoiSubmitted.TO_STAFF).get("status").s()).isEqualTo("SENT");
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsReportedAloneAndTheOthersAreDelivered() throws Exception {
        String first = submit(schoolUser("otaki", "9101"), EoiBodies.valid());
        // A half-written EOI item, as a faulty writer or a manual edit would leave it: type EOI, little else.
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("EOI#0d4e8f2a-6b1c-4a9e-8f3d-7c5b2a1e9d04"),
                "sk", AttributeValue.fromS("EOI"),
                "type", AttributeValue.fromS("EOI"),
                "communityName", AttributeValue.fromS("Half-written record"))));
        var kapiti = EoiBodies.withSchools("Kāpiti Coast Schools", "4455", "4456");
        kapiti.with("contact").put("email", "principal@kapiti.example.school.nz");
        String third = submit(schoolUser("kapiti", "4455"), kapiti);
        DynamodbEvent event = eoiInsertsOnTheStream();
        assertThat(event.getRecords()).hasSize(3);
        String poisonSequence = event.getRecords().get(1).getDynamodb().getSequenceNumber();
        TestContext context = new TestContext("EoiNotificationsFunction");

        StreamsEventResponse response = handler().handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poisonSequence);
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).extracting(n -> n.get("pk").s())
                .containsExactlyInAnyOrder("EOI#" + first, "EOI#" + first, "EOI#" + third, "EOI#" + third);
        assertThat(mails()).extracting(m -> m.path("to").asText()).containsExactlyInAnyOrder(
                STAFF, CONTACT, STAFF, "principal@kapiti.example.school.nz");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains(poisonSequence));
    }

    @Test
    void aSendThatFailsOnce_faultInjected_isReportedThenSentExactlyOnceOnRedelivery() throws Exception {
        String id = submit(schoolUser("otaki", "9101"), EoiBodies.valid());
        DynamodbEvent event = eoiInsertsOnTheStream();
        String sequence = event.getRecords().getFirst().getDynamodb().getSequenceNumber();
        FailsOnceForRecipientMailSender mail = new FailsOnceForRecipientMailSender(new OutboxMailSender(outbox, FROM), CONTACT);
        EoiSubmittedHandler handler = handler(mail);

        StreamsEventResponse first = handler.handleRequest(event, new TestContext("EoiNotificationsFunction"));

        assertThat(first.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequence);
        assertThat(mails()).extracting(m -> m.path("to").asText()).containsExactly(STAFF);
        assertThat(notification(id, OnEoiSubmitted.TO_STAFF).get("status").s()).isEqualTo("SENT");
        assertThat(notification(id, OnEoiSubmitted.TO_CONTACT).get("status").s()).isEqualTo("PENDING");
        assertThat(notification(id, OnEoiSubmitted.TO_CONTACT)).doesNotContainKey("messageId");

        StreamsEventResponse redelivery = handler.handleRequest(event, new TestContext("EoiNotificationsFunction"));

        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(mails()).extracting(m -> m.path("to").asText()).containsExactlyInAnyOrder(STAFF, CONTACT);
        assertThat(notification(id, OnEoiSubmitted.TO_CONTACT).get("status").s()).isEqualTo("SENT");
        assertThat(mail.attempts(CONTACT)).isEqualTo(2);
        assertThat(mail.attempts(STAFF)).isEqualTo(1);

        handler.handleRequest(event, new TestContext("EoiNotificationsFunction"));
        assertThat(mails()).hasSize(2);
        assertThat(mail.attempts(CONTACT)).isEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    private String submit(Actor caller, com.fasterxml.jackson.databind.node.ObjectNode body) throws Exception {
        var submitted = Requests.submit(service, caller, EoiBodies.text(body), Optional.empty());
        clock.advance(java.time.Duration.ofSeconds(30));
        return Json.parse(submitted.body()).path("id").asText();
    }

    private DynamodbEvent eoiInsertsOnTheStream() {
        List<Record> records = StreamEvents.readStream(table).stream().filter(StreamEvents::isEoiInsert).toList();
        return StreamEvents.event(records, StreamEvents.streamArn(table));
    }

    private Map<String, AttributeValue> notification(String eoiId, String kind) {
        var item = DynamoDbLocal.client().getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("EOI#" + eoiId), "sk", AttributeValue.fromS("NOTIFICATION#" + kind)))).item();
        assertThat(item).as("notification %s of %s", kind, eoiId).isNotEmpty();
        return item;
    }

    private List<JsonNode> mails() throws IOException {
        return OutboxFiles.mails(outbox);
    }

    private static JsonNode mailTo(List<JsonNode> mails, String to) {
        return OutboxFiles.mailTo(mails, to);
    }

    private static Actor schoolUser(String sub, String school) {
        return new Actor(sub, sub + "@example.school.nz", Set.of("school"), Optional.of(school));
    }
}
