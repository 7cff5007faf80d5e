package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.community.OnEoiDecided;
import org.schoolcollab.community.adapters.EoiDecisionItemMapper;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.OutboxFiles;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_EOI_ID;

/** The decision reaction on the table stream, driven by the stream event in events/. */
class EoiDecidedHandlerIntegrationTest {
    private static final String STAFF = "programme-office@example.org";
    private static final String FROM = "no-reply@example.org";
    private static final String CONTACT = "principal@otaki.example.school.nz";

    @TempDir
    Path outbox;
    private String table;
    private EoiDecidedHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("decision-notify-handler");
        handler = handlerOver(DynamoDbLocal.client());
    }

    private EoiDecidedHandler handlerOver(DynamoDbClient dynamo) {
        return new EoiDecidedHandler(new OnEoiDecided(new NotificationDelivery(
                new DynamoNotificationStore(dynamo, table), new OutboxMailSender(outbox, FROM),
                new MutableClock(Instant.parse("2026-03-09T02:30:01Z"))), STAFF, InMemoryWorld.LINKS));
    }

    @Test
    void theInsertEventImageIsExactlyWhatTheItemMapperWrites() {
        DynamodbEvent event = EventFiles.stream("decision-notifications-insert.json");
        Map<String, AttributeValue> image = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
                event.getRecords().getFirst().getDynamodb().getNewImage());

        EoiDecision decision = EoiDecisionItemMapper.fromItem(image);

        assertThat(EoiDecisionItemMapper.toItem(decision)).isEqualTo(image);
        assertThat(decision.eoiId()).isEqualTo(SAMPLE_EOI_ID);
        assertThat(decision.decision()).isEqualTo(EoiDecision.Outcome.APPROVED);
        assertThat(decision.communityId()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(decision.wave()).isEqualTo("2026 Wave 1");
        assertThat(decision.reason()).isNull();
        assertThat(decision.programme()).isEqualTo(Programme.KAHUI_AKO);
        assertThat(decision.decidedBySub()).isEqualTo(EventFiles.SAMPLE_STAFF_SUB);
        assertThat(decision.decidedAt()).isEqualTo(Instant.parse("2026-03-09T02:30:00Z"));
        assertThat(decision.communityName()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(decision.contact().name()).isEqualTo("Mere Rāwiri");
        assertThat(decision.schools()).extracting(School::name)
                .containsExactly("Ōtaki School", "Waitohu School", "Ōtaki College");
        assertThat(event.getRecords().getFirst().getEventName()).isEqualTo("INSERT");
        assertThat(event.getRecords().getFirst().getDynamodb().getKeys().get("sk").getS()).isEqualTo("DECISION");
    }

    @Test
    void decisionNotificationsInsertEventTellsTheContactAndRecordsItForStaff() throws IOException {
        StreamsEventResponse response = handler.handleRequest(EventFiles.stream("decision-notifications-insert.json"),
                new TestContext("DecisionNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> notifications = DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE);
        assertThat(notifications).extracting(n -> n.get("sk").s())
                .containsExactly("NOTIFICATION#DECISION_APPROVED_CONTACT", "NOTIFICATION#DECISION_RECORDED_STAFF");
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n.get("pk").s()).isEqualTo("EOI#" + SAMPLE_EOI_ID);
            assertThat(n.get("status").s()).isEqualTo("SENT");
            assertThat(n.get("messageId").s()).startsWith("outbox-");
        });
        assertThat(notifications).extracting(n -> n.get("recipient").s()).containsExactly(CONTACT, STAFF);

        List<JsonNode> mails = mails();
        assertThat(mails).hasSize(2);
        JsonNode contact = mailTo(mails, CONTACT);
        assertThat(contact.path("from").asText()).isEqualTo(FROM);
        assertThat(contact.path("subject").asText()).isEqualTo("Approved: Kāhui Ako o Ōtaki");
        assertThat(contact.path("text").asText())
                .startsWith("Kia ora Mere Rāwiri,")
                .contains("has been approved in 2026 Wave 1, on 9 March 2026.")
                .contains("What happens next:")
                .contains("Your Kāhui Ako's page: https://schools.example.org/#/communities/" + SAMPLE_COMMUNITY_ID)
                .doesNotContain("/plans");
        JsonNode staff = mailTo(mails, STAFF);
        assertThat(staff.path("subject").asText()).isEqualTo("Decision recorded (approved): Kāhui Ako o Ōtaki");
        assertThat(staff.path("text").asText())
                .contains("Decision: approved")
                .contains("Community: Kāhui Ako o Ōtaki (Kāhui Ako (Communities of Learning), 3 schools)")
                .contains("Community: https://schools.example.org/#/communities/" + SAMPLE_COMMUNITY_ID)
                .contains("Decided by: " + EventFiles.SAMPLE_STAFF_EMAIL + " on 9 March 2026")
                .contains("Application: https://schools.example.org/#/applications/" + SAMPLE_EOI_ID)
                .doesNotContain(EventFiles.SAMPLE_STAFF_SUB, "/expressions-of-interest/")
                .doesNotContain("Reason:");
    }

    @Test
    void theSameEventDeliveredAgainSendsAndStoresNothingNew() throws IOException {
        DynamodbEvent event = EventFiles.stream("decision-notifications-insert.json");
        handler.handleRequest(event, new TestContext("DecisionNotificationsFunction"));
        List<Map<String, AttributeValue>> afterFirst = DynamoDbLocal.scan(table);

        StreamsEventResponse again = handler.handleRequest(EventFiles.stream("decision-notifications-insert.json"),
                new TestContext("DecisionNotificationsFunction"));

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(afterFirst);
        assertThat(mails()).hasSize(2);
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsReportedAlone() throws IOException {
        // The sample decision, a decision item missing its decidedAt, and a decline of another application.
        DynamodbEvent event = EventFiles.stream("decision-notifications-insert.json");
        var poison = EventFiles.stream("decision-notifications-insert.json").getRecords().getFirst();
        poison.setEventID("45c48cce2e2d7fbdea1afc51c7c6ad26");
        poison.getDynamodb().setSequenceNumber("4421601300000000017460211002");
        poison.getDynamodb().getNewImage().remove("decidedAt");
        var declined = EventFiles.stream("decision-notifications-insert.json").getRecords().getFirst();
        String otherEoi = "2f1b5a7e-93c4-4d1a-8e6b-5c0d9a3e7f21";
        declined.setEventID("d3d9446802a44259755d38e6d163e820");
        declined.getDynamodb().setSequenceNumber("4421601400000000017460211003");
        var image = declined.getDynamodb().getNewImage();
        image.get("pk").setS("EOI#" + otherEoi);
        image.get("eoiId").setS(otherEoi);
        image.get("decision").setS("DECLINED");
        image.remove("communityId");
        image.put("reason", new com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue()
                .withS("Two schools are already in another community."));
        image.get("contact").getM().get("email").setS("principal@kapiti.example.school.nz");
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>(event.getRecords());
        records.add(poison);
        records.add(declined);
        event.setRecords(records);
        TestContext context = new TestContext("DecisionNotificationsFunction");

        StreamsEventResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("4421601300000000017460211002");
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).extracting(n -> n.get("pk").s() + " "
                + n.get("sk").s()).containsExactlyInAnyOrder(
                "EOI#" + SAMPLE_EOI_ID + " NOTIFICATION#DECISION_APPROVED_CONTACT",
                "EOI#" + SAMPLE_EOI_ID + " NOTIFICATION#DECISION_RECORDED_STAFF",
                "EOI#" + otherEoi + " NOTIFICATION#DECISION_DECLINED_CONTACT",
                "EOI#" + otherEoi + " NOTIFICATION#DECISION_RECORDED_STAFF");
        List<JsonNode> mails = mails();
        assertThat(mails).extracting(m -> m.path("to").asText())
                .containsExactlyInAnyOrder(CONTACT, STAFF, "principal@kapiti.example.school.nz", STAFF);
        assertThat(mailTo(mails, "principal@kapiti.example.school.nz").path("text").asText())
                .contains("Reason: Two schools are already in another community.");
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("45c48cce2e2d7fbdea1afc51c7c6ad26").contains("4421601300000000017460211002"));
    }

    @Test
    void dynamoDbDependencyDownReportsTheRecordAndSendsNothing() throws IOException {
        EoiDecidedHandler down = handlerOver(
                DynamoDbLocal.clientFor(URI.create("http://localhost:" + FreePort.find())));
        DynamodbEvent event = EventFiles.stream("decision-notifications-insert.json");
        TestContext context = new TestContext("DecisionNotificationsFunction");

        StreamsEventResponse response = down.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(event.getRecords().getFirst().getDynamodb().getSequenceNumber());
        assertThat(mails()).isEmpty();
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR"));
    }

    private List<JsonNode> mails() throws IOException {
        return OutboxFiles.mails(outbox);
    }

    private static JsonNode mailTo(List<JsonNode> mails, String to) {
        return OutboxFiles.mailTo(mails, to);
    }
}
