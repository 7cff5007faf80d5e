package org.schoolcollab.community;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.handlers.events.EoiDecidedHandler;
import org.schoolcollab.handlers.events.EoiSubmittedHandler;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.MailSender;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.testsupport.DecisionBodies;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decisions made by the real service, read back from the table's real stream (DynamoDB Local's streams API),
 * filtered as template.yaml filters them for DecisionNotificationsFunction, and delivered to the handler:
 * notification records beside the application and mails in an outbox folder.
 */
class OnEoiDecidedIntegrationTest {
    private static final String STAFF = "programme-office@example.org";
    private static final String FROM = "no-reply@example.org";
    private static final String CONTACT = "principal@otaki.example.school.nz";
    private static final String KAPITI_CONTACT = "principal@kapiti.example.school.nz";
    private static final String REASON = "Ōtaki College has not yet confirmed its board endorsement.";

    @TempDir
    Path outbox;
    private String table;
    private MutableClock clock;
    private EoiService eois;
    private CommunityFormation decisions;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("decision-notify");
        clock = new MutableClock(Instant.parse("2026-03-02T21:14:05Z"));
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        eois = new EoiService(store, clock);
        decisions = new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock);
    }

    private EoiDecidedHandler handler(MailSender mail) {
        return new EoiDecidedHandler(new OnEoiDecided(new NotificationDelivery(
                new DynamoNotificationStore(DynamoDbLocal.client(), table), mail, clock), STAFF, InMemoryWorld.LINKS));
    }

    private EoiDecidedHandler handler() {
        return handler(new OutboxMailSender(outbox, FROM));
    }

    @Test
    void anApprovalOnTheStreamTellsTheContactTheCommunityIdAndNextStepsAndRecordsItForStaff() throws Exception {
        String id = submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
        EoiDecision approval = decide(id, DecisionBodies.approve());
        DynamodbEvent event = decisionInsertsOnTheStream();
        assertThat(event.getRecords()).as("only the decision insert passes the filter: not the EOI, its update, "
                + "the community or the claims").hasSize(1);

        StreamsEventResponse response = handler().handleRequest(event, new TestContext("DecisionNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        Map<String, AttributeValue> contact = notification(id, OnEoiDecided.APPROVED_TO_CONTACT);
        Map<String, AttributeValue> staff = notification(id, OnEoiDecided.TO_STAFF);
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).hasSize(2);
        String communityId = approval.communityId();
        assertThat(communityId).matches("[0-9a-f-]{36}");

        assertThat(contact.get("recipient").s()).isEqualTo(CONTACT);
        assertThat(contact.get("kind").s()).isEqualTo("DECISION_APPROVED_CONTACT");
        assertThat(contact.get("sourcePk").s()).isEqualTo("EOI#" + id);
        assertThat(contact.get("status").s()).isEqualTo("SENT");
        assertThat(contact.get("subject").s()).isEqualTo("Approved: Kāhui Ako o Ōtaki");
        assertThat(contact.get("body").s())
                .startsWith("Kia ora Mere Rāwiri,")
                .contains("The expression of interest for Kāhui Ako o Ōtaki has been approved in 2026 Wave 1, on 3 March 2026.")
                .contains("What happens next:")
                .contains("2. Agree your achievement challenges (3 to 5) with every school board.")
                .contains("Your Kāhui Ako's page: https://schools.example.org/#/communities/" + communityId)
                .doesNotContain("/plans");

        assertThat(staff.get("recipient").s()).isEqualTo(STAFF);
        assertThat(staff.get("status").s()).isEqualTo("SENT");
        assertThat(staff.get("subject").s()).isEqualTo("Decision recorded (approved): Kāhui Ako o Ōtaki");
        assertThat(staff.get("body").s())
                .contains("Decision: approved")
                .contains("Community: Kāhui Ako o Ōtaki (Kāhui Ako (Communities of Learning), 3 schools)")
                .contains("Wave: 2026 Wave 1")
                .contains("Community: https://schools.example.org/#/communities/" + communityId)
                .contains("Decided by: " + DecisionBodies.staff().email() + " on 3 March 2026")
                .contains("Application: https://schools.example.org/#/applications/" + id)
                .doesNotContain(DecisionBodies.staff().sub());

        List<JsonNode> mails = mails();
        assertThat(mails).hasSize(2);
        JsonNode contactMail = mailTo(mails, CONTACT);
        JsonNode staffMail = mailTo(mails, STAFF);
        assertThat(contactMail.path("from").asText()).isEqualTo(FROM);
        assertThat(contactMail.path("subject").asText()).isEqualTo("Approved: Kāhui Ako o Ōtaki");
        assertThat(contactMail.path("text").asText()).isEqualTo(contact.get("body").s()).contains(communityId);
        assertThat(contactMail.path("id").asText()).isEqualTo(contact.get("messageId").s());
        assertThat(staffMail.path("subject").asText()).isEqualTo(staff.get("subject").s());
        assertThat(staffMail.path("text").asText()).isEqualTo(staff.get("body").s());
        assertThat(staffMail.path("id").asText()).isEqualTo(staff.get("messageId").s());

        // The notification writes are on the stream too, but the filter keeps them from the function.
        assertThat(decisionInsertsOnTheStream().getRecords()).hasSize(1);
    }

    @Test
    void aDeclineOnTheStreamTellsTheContactTheReason() throws Exception {
        String id = submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
        decide(id, DecisionBodies.decline(REASON));

        StreamsEventResponse response = handler().handleRequest(decisionInsertsOnTheStream(),
                new TestContext("DecisionNotificationsFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).extracting(n -> n.get("sk").s())
                .containsExactly("NOTIFICATION#DECISION_DECLINED_CONTACT", "NOTIFICATION#DECISION_RECORDED_STAFF");
        List<JsonNode> mails = mails();
        assertThat(mails).hasSize(2);
        JsonNode contactMail = mailTo(mails, CONTACT);
        assertThat(contactMail.path("subject").asText()).isEqualTo("Not approved: Kāhui Ako o Ōtaki");
        assertThat(contactMail.path("text").asText())
                .startsWith("Kia ora Mere Rāwiri,")
                .contains("was not approved")
                .contains("Reason: " + REASON)
                .contains("Your schools are free to apply again.")
                .contains("The application: https://schools.example.org/#/applications/" + id)
                .doesNotContain("community id", "/communities/");
        JsonNode staffMail = mailTo(mails, STAFF);
        assertThat(staffMail.path("subject").asText()).isEqualTo("Decision recorded (declined): Kāhui Ako o Ōtaki");
        assertThat(staffMail.path("text").asText()).contains("Decision: declined").contains("Reason: " + REASON)
                .doesNotContain("Community id:");
    }

    @Test
    void replayingTheSameBatchTwiceSendsNothingNewAndStoresNothingNew() throws Exception {
        String approved = submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
        decide(approved, DecisionBodies.approve());
        String declined = submit(DecisionBodies.schoolUser("kapiti", "4455"), kapiti());
        decide(declined, DecisionBodies.decline(REASON));
        DynamodbEvent event = decisionInsertsOnTheStream();
        assertThat(event.getRecords()).hasSize(2);
        EoiDecidedHandler handler = handler();
        assertThat(handler.handleRequest(event, new TestContext("DecisionNotificationsFunction")).getBatchItemFailures())
                .isEmpty();
        List<Map<String, AttributeValue>> afterFirst = DynamoDbLocal.scan(table);
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).hasSize(4);
        assertThat(mails()).hasSize(4);

        for (int replay = 2; replay <= 3; replay++) {
            clock.advance(Duration.ofMinutes(1));
            StreamsEventResponse response = handler.handleRequest(event, new TestContext("DecisionNotificationsFunction"));

            assertThat(response.getBatchItemFailures()).as("replay %d", replay).isEmpty();
            assertThat(DynamoDbLocal.scan(table)).as("replay %d", replay).isEqualTo(afterFirst);
            assertThat(mails()).as("replay %d", replay).hasSize(4);
        }
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsReportedAloneAndTheOthersAreDelivered() throws Exception {
        String first = submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
        decide(first, DecisionBodies.approve());
        // A half-written decision item, as a faulty writer or a manual edit would leave it: type DECISION, little else.
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("EOI#0d4e8f2a-6b1c-4a9e-8f3d-7c5b2a1e9d04"),
                "sk", AttributeValue.fromS("DECISION"),
                "type", AttributeValue.fromS("DECISION"),
                "eoiId", AttributeValue.fromS("0d4e8f2a-6b1c-4a9e-8f3d-7c5b2a1e9d04"),
                "decision", AttributeValue.fromS("APPROVED"))));
        String third = submit(DecisionBodies.schoolUser("kapiti", "4455"), kapiti());
        decide(third, DecisionBodies.decline(REASON));
        DynamodbEvent event = decisionInsertsOnTheStream();
        assertThat(event.getRecords()).hasSize(3);
        String poisonSequence = event.getRecords().get(1).getDynamodb().getSequenceNumber();
        TestContext context = new TestContext("DecisionNotificationsFunction");

        StreamsEventResponse response = handler().handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poisonSequence);
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE))
                .extracting(n -> n.get("pk").s() + " " + n.get("kind").s()).containsExactlyInAnyOrder(
                        "EOI#" + first + " DECISION_APPROVED_CONTACT", "EOI#" + first + " DECISION_RECORDED_STAFF",
                        "EOI#" + third + " DECISION_DECLINED_CONTACT", "EOI#" + third + " DECISION_RECORDED_STAFF");
        assertThat(mails()).extracting(m -> m.path("to").asText())
                .containsExactlyInAnyOrder(CONTACT, STAFF, KAPITI_CONTACT, STAFF);
        assertThat(mailTo(mails(), KAPITI_CONTACT).path("text").asText()).contains("Reason: " + REASON);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains(poisonSequence));
    }

    @Test
    void aContactSendThatFailsOnce_faultInjected_isReportedThenEachMailIsSentExactlyOnce() throws Exception {
        String id = submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
        decide(id, DecisionBodies.approve());
        DynamodbEvent event = decisionInsertsOnTheStream();
        String sequence = event.getRecords().getFirst().getDynamodb().getSequenceNumber();
        var mail = new FailsOnceForRecipientMailSender(
                new OutboxMailSender(outbox, FROM), CONTACT);
        EoiDecidedHandler handler = handler(mail);

        StreamsEventResponse first = handler.handleRequest(event, new TestContext("DecisionNotificationsFunction"));

        assertThat(first.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(sequence);
        assertThat(mails()).isEmpty();
        assertThat(notification(id, OnEoiDecided.APPROVED_TO_CONTACT).get("status").s()).isEqualTo("PENDING");

        StreamsEventResponse redelivery = handler.handleRequest(event, new TestContext("DecisionNotificationsFunction"));
        handler.handleRequest(event, new TestContext("DecisionNotificationsFunction"));

        assertThat(redelivery.getBatchItemFailures()).isEmpty();
        assertThat(mails()).extracting(m -> m.path("to").asText()).containsExactlyInAnyOrder(CONTACT, STAFF);
        assertThat(mail.attempts(CONTACT)).isEqualTo(2);
        assertThat(mail.attempts(STAFF)).isEqualTo(1);
        assertThat(notification(id, OnEoiDecided.APPROVED_TO_CONTACT).get("status").s()).isEqualTo("SENT");
        assertThat(notification(id, OnEoiDecided.TO_STAFF).get("status").s()).isEqualTo("SENT");
    }

    @Test
    void theSubmissionAndDecisionReactionsShareTheApplicationsPartitionWithoutTouchingEachOther() throws Exception {
        String id = submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid());
        decide(id, DecisionBodies.approve());
        String arn = StreamEvents.streamArn(table);
        List<Record> stream = StreamEvents.readStream(table);
        DynamodbEvent submissions = StreamEvents.event(stream.stream().filter(StreamEvents::isEoiInsert).toList(), arn);
        DynamodbEvent decided = StreamEvents.event(stream.stream().filter(StreamEvents::isDecisionInsert).toList(), arn);
        EoiSubmittedHandler onSubmitted = new EoiSubmittedHandler(new OnEoiSubmitted(new NotificationDelivery(new DynamoNotificationStore(DynamoDbLocal.client(), table), new OutboxMailSender(outbox, FROM), clock), STAFF, InMemoryWorld.LINKS));

        assertThat(onSubmitted.handleRequest(submissions, new TestContext("EoiNotificationsFunction"))
                .getBatchItemFailures()).isEmpty();
        assertThat(handler().handleRequest(decided, new TestContext("DecisionNotificationsFunction"))
                .getBatchItemFailures()).isEmpty();

        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).extracting(n -> n.get("sk").s())
                .containsExactly("NOTIFICATION#DECISION_APPROVED_CONTACT", "NOTIFICATION#DECISION_RECORDED_STAFF",
                        "NOTIFICATION#EOI_RECEIVED_CONTACT", "NOTIFICATION#EOI_RECEIVED_STAFF");
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE))
                .allSatisfy(n -> assertThat(n.get("pk").s()).isEqualTo("EOI#" + id));
        assertThat(mails()).extracting(m -> m.path("subject").asText()).containsExactlyInAnyOrder(
                "New expression of interest to review: Kāhui Ako o Ōtaki",
                "Expression of interest received: Kāhui Ako o Ōtaki",
                "Approved: Kāhui Ako o Ōtaki",
                "Decision recorded (approved): Kāhui Ako o Ōtaki");
        // The application itself is as the decision left it: the reactions write only their own items.
        assertThat(DynamoDbLocal.scanType(table, "EOI")).singleElement()
                .satisfies(e -> assertThat(e.get("status").s()).isEqualTo("APPROVED"));
    }

    // ------------------------------------------------------------------ helpers

    private String submit(Actor caller, ObjectNode body) throws Exception {
        var submitted = Requests.submit(eois, caller, EoiBodies.text(body), Optional.empty());
        clock.advance(Duration.ofSeconds(30));
        return Json.parse(submitted.body()).path("id").asText();
    }

    private EoiDecision decide(String id, String body) {
        EoiDecision decision = Requests.decide(decisions, DecisionBodies.staff(), id, body);
        clock.advance(Duration.ofSeconds(30));
        return decision;
    }

    private static ObjectNode kapiti() {
        ObjectNode body = EoiBodies.withSchools("Kāpiti Coast Schools", "4455", "4456");
        body.with("contact").put("email", KAPITI_CONTACT);
        return body;
    }

    private DynamodbEvent decisionInsertsOnTheStream() {
        List<Record> records = StreamEvents.readStream(table).stream().filter(StreamEvents::isDecisionInsert).toList();
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
}
