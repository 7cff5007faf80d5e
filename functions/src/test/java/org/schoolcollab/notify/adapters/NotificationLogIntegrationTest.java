package org.schoolcollab.notify.adapters;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.community.OnEoiDecided;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.OnEoiSubmitted;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.notify.MailSender;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The notification log over DynamoDB Local: DynamoNotificationStore writes each notification into gsi1 (the staff
 * log) and gsi2 (the recipient's), the real notifiers record what each is about, and DynamoNotificationLogStore
 * reads both newest first, filtering by community across queries.
 */
class NotificationLogIntegrationTest {
    private static final String STAFF = "programme-office@example.org";
    private static final String CONTACT = "principal@otaki.example.school.nz";
    private static final Instant T0 = Instant.parse("2026-03-02T21:14:05Z");

    private final DynamoDbClient dynamo = DynamoDbLocal.client();
    private String table;
    private MutableClock clock;
    private DynamoNotificationStore store;
    private DynamoNotificationLogStore log;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("notification-log");
        clock = new MutableClock(T0);
        store = new DynamoNotificationStore(dynamo, table);
        log = new DynamoNotificationLogStore(dynamo, table);
    }

    private Map<String, AttributeValue> item(String pk, String kind) {
        return dynamo.getItem(b -> b.tableName(table).consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS("NOTIFICATION#" + kind)))).item();
    }

    /** What the index itself holds under this partition key, in index order (oldest first). */
    private List<Map<String, AttributeValue>> index(String index, String pkName, String pkValue) {
        return dynamo.query(b -> b.tableName(table).indexName(index).keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", pkName))
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pkValue)))).items();
    }

    @Test
    void createIfAbsentWritesTheStaffLogAndTheRecipientsLogKeys() {
        Notification n = Notification.pending("EOI#7c9e6679-7425-40de-944b-e07fc1f90ae7", "EOI_RECEIVED_CONTACT",
                "Principal@Otaki.Example.School.NZ", "Expression of interest received", "Kia ora", T0)
                .withEoiId("7c9e6679-7425-40de-944b-e07fc1f90ae7");

        store.createIfAbsent(n);

        Map<String, AttributeValue> item = item(n.sourcePk(), n.kind());
        String sortKey = "2026-03-02T21:14:05.000000000Z#EOI#7c9e6679-7425-40de-944b-e07fc1f90ae7"
                + "#NOTIFICATION#EOI_RECEIVED_CONTACT";
        assertThat(item.get(Keys.GSI1_PK).s()).isEqualTo("NOTIFICATIONS");
        assertThat(item.get(Keys.GSI1_SK).s()).isEqualTo(sortKey);
        assertThat(item.get(Keys.GSI2_PK).s()).isEqualTo("NOTIFY_TO#principal@otaki.example.school.nz");
        assertThat(item.get(Keys.GSI2_SK).s()).isEqualTo(sortKey);
        assertThat(item.get("recipient").s()).as("the address as written").isEqualTo("Principal@Otaki.Example.School.NZ");
        assertThat(item.get("eoiId").s()).isEqualTo("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        assertThat(item).doesNotContainKey("communityId");

        assertThat(index(Keys.GSI1, Keys.GSI1_PK, "NOTIFICATIONS")).singleElement()
                .satisfies(i -> assertThat(i).isEqualTo(item));
        assertThat(index(Keys.GSI2, Keys.GSI2_PK, "NOTIFY_TO#principal@otaki.example.school.nz")).singleElement()
                .satisfies(i -> assertThat(i).isEqualTo(item));
    }

    @Test
    void markingItSentKeepsItInBothLogsAndAReplayWritesNothingNew() {
        Notification n = Notification.pending("EOI#a", "K", CONTACT, "s", "b", T0);
        store.createIfAbsent(n);
        store.markSent("EOI#a", "K", "ses-1", T0.plusSeconds(1));

        Notification again = store.createIfAbsent(Notification.pending("EOI#a", "K", CONTACT, "s", "b", T0.plusSeconds(60)));

        assertThat(again.status()).isEqualTo(Notification.Status.SENT);
        assertThat(DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE)).hasSize(1);
        assertThat(log.all(Optional.empty(), new PageRequest(20, Optional.empty())).items()).singleElement()
                .satisfies(l -> {
                    assertThat(l.messageId()).isEqualTo("ses-1");
                    assertThat(l.createdAt()).isEqualTo(T0);
                });
        assertThat(log.sentTo(CONTACT.toUpperCase(), Optional.empty(), new PageRequest(20, Optional.empty())).items()).hasSize(1);
    }

    @Test
    void timesWithinOneSecondSortInTimeOrderNotInTheirTextsOrder() {
        // Instant.toString gives "…05Z", "…05.500Z", "…05.123456Z": as text, "05Z" would sort last.
        Instant[] times = {T0, T0.plusMillis(123).plusNanos(456_000), T0.plusMillis(500), T0.plusSeconds(1)};
        for (int i = 0; i < times.length; i++) {
            store.createIfAbsent(Notification.pending("EOI#t" + i, "K", CONTACT, "s", "b", times[i]));
        }

        assertThat(log.all(Optional.empty(), new PageRequest(20, Optional.empty())).items()).extracting(Notification::sourcePk)
                .containsExactly("EOI#t3", "EOI#t2", "EOI#t1", "EOI#t0");
    }

    @Test
    void theRealNotifiersRecordTheApplicationAndOnApprovalTheCommunity() {
        DynamoEoiStore eoiStore = new DynamoEoiStore(dynamo, table);
        EoiService eois = new EoiService(eoiStore, clock);
        CommunityFormation decisions = new CommunityFormation(eoiStore, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock);
        AtomicInteger sent = new AtomicInteger();
        MailSender mail = m -> "msg-" + sent.incrementAndGet();
        OnEoiSubmitted onSubmitted = new OnEoiSubmitted(new NotificationDelivery(store, mail, clock), STAFF, InMemoryWorld.LINKS);
        OnEoiDecided onDecision = new OnEoiDecided(new NotificationDelivery(store, mail, clock), STAFF, InMemoryWorld.LINKS);

        String approvedId = submit(eois, EoiBodies.valid(), "9101");
        onSubmitted.react(eoiStore.find(approvedId).orElseThrow());
        clock.advance(Duration.ofMinutes(5));
        EoiDecision approval = Requests.decide(decisions, DecisionBodies.staff(), approvedId, DecisionBodies.approve());
        onDecision.react(approval);
        clock.advance(Duration.ofMinutes(5));
        String declinedId = submit(eois, EoiBodies.withSchools("Kāpiti Coast", "4455", "4456"), "4455");
        onSubmitted.react(eoiStore.find(declinedId).orElseThrow());
        clock.advance(Duration.ofMinutes(5));
        onDecision.react(Requests.decide(decisions, DecisionBodies.staff(), declinedId, DecisionBodies.decline("not yet")));

        List<Notification> all = log.all(Optional.empty(), new PageRequest(20, Optional.empty())).items();
        assertThat(all).extracting(n -> n.eoiId() + " " + n.kind() + " " + n.communityId()).containsExactly(
                declinedId + " DECISION_RECORDED_STAFF null",
                declinedId + " DECISION_DECLINED_CONTACT null",
                declinedId + " EOI_RECEIVED_STAFF null",
                declinedId + " EOI_RECEIVED_CONTACT null",
                approvedId + " DECISION_RECORDED_STAFF " + approval.communityId(),
                approvedId + " DECISION_APPROVED_CONTACT " + approval.communityId(),
                approvedId + " EOI_RECEIVED_STAFF null",
                approvedId + " EOI_RECEIVED_CONTACT null");
        assertThat(all).allSatisfy(n -> assertThat(n.status()).isEqualTo(Notification.Status.SENT));

        assertThat(log.all(Optional.of(approval.communityId()), new PageRequest(20, Optional.empty())).items())
                .extracting(Notification::kind).containsExactly("DECISION_RECORDED_STAFF", "DECISION_APPROVED_CONTACT");
        // Both applications name the same contact address (EoiBodies): their log holds the four mails to it.
        assertThat(log.sentTo(CONTACT, Optional.empty(), new PageRequest(20, Optional.empty())).items())
                .extracting(n -> n.eoiId() + " " + n.kind()).containsExactly(
                        declinedId + " DECISION_DECLINED_CONTACT", declinedId + " EOI_RECEIVED_CONTACT",
                        approvedId + " DECISION_APPROVED_CONTACT", approvedId + " EOI_RECEIVED_CONTACT");
        assertThat(log.sentTo(STAFF, Optional.of(approval.communityId()), new PageRequest(20, Optional.empty())).items())
                .extracting(Notification::kind).containsExactly("DECISION_RECORDED_STAFF");
    }

    @Test
    void aFilteredPageIsFilledFromSeveralQueriesAndPagesOnFromTheLastItemItReturned() {
        // 150 notifications; the community's are the 5th newest, the 120th newest and the oldest.
        String community = "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f";
        for (int i = 0; i < 150; i++) {
            Notification n = Notification.pending("EOI#n" + i, "K", CONTACT, "s", "b", T0.plusSeconds(i));
            store.createIfAbsent(i == 145 || i == 30 || i == 0 ? n.withCommunityId(community) : n);
        }

        Page<Notification> first = log.all(Optional.of(community), new PageRequest(2, Optional.empty()));
        assertThat(first.items()).extracting(Notification::sourcePk).containsExactly("EOI#n145", "EOI#n30");
        assertThat(first.nextToken()).isPresent();
        Page<Notification> second = log.all(Optional.of(community), new PageRequest(2, first.nextToken()));
        assertThat(second.items()).extracting(Notification::sourcePk).containsExactly("EOI#n0");
        assertThat(second.nextToken()).isEmpty();

        Page<Notification> all = log.all(Optional.of(community), new PageRequest(20, Optional.empty()));
        assertThat(all.items()).hasSize(3);
        assertThat(all.nextToken()).isEmpty();
    }

    @Test
    void pastItsQueryBudgetAFilteredPageComesBackShortWithAToken() {
        String community = "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f";
        for (int i = 0; i < 150; i++) {
            Notification n = Notification.pending("EOI#n" + i, "K", CONTACT, "s", "b", T0.plusSeconds(i));
            store.createIfAbsent(i == 10 ? n.withCommunityId(community) : n);
        }
        DynamoNotificationLogStore oneQueryAtATime = new DynamoNotificationLogStore(dynamo, table, 1);

        Page<Notification> first = oneQueryAtATime.all(Optional.of(community), new PageRequest(20, Optional.empty()));
        Page<Notification> second = oneQueryAtATime.all(Optional.of(community), new PageRequest(20, first.nextToken()));

        assertThat(first.items()).isEmpty();
        assertThat(first.nextToken()).isPresent();
        assertThat(second.items()).extracting(Notification::sourcePk).containsExactly("EOI#n10");
        assertThat(second.nextToken()).isEmpty();
    }

    @Test
    void anUnfilteredLastPageThatIsExactlyFullHasNoToken() {
        for (int i = 0; i < 4; i++) {
            store.createIfAbsent(Notification.pending("EOI#n" + i, "K", CONTACT, "s", "b", T0.plusSeconds(i)));
        }

        List<List<String>> pages = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Page<Notification> page = log.sentTo(CONTACT, Optional.empty(), new PageRequest(2, token));
            pages.add(page.items().stream().map(Notification::sourcePk).toList());
            token = page.nextToken();
        } while (token.isPresent() && pages.size() < 10);

        assertThat(pages).containsExactly(List.of("EOI#n3", "EOI#n2"), List.of("EOI#n1", "EOI#n0"));
    }

    @Test
    void aRecipientsTokenIsRefusedForAnotherRecipient() {
        for (int i = 0; i < 3; i++) {
            store.createIfAbsent(Notification.pending("EOI#n" + i, "K", CONTACT, "s", "b", T0.plusSeconds(i)));
        }
        Optional<String> token = log.sentTo(CONTACT, Optional.empty(), new PageRequest(1, Optional.empty())).nextToken();

        assertThat(token).isPresent();
        assertThat(log.sentTo(CONTACT.toUpperCase(), Optional.empty(), new PageRequest(1, token)).items()).hasSize(1);
        assertThatThrownBy(() -> log.sentTo("someone@else.example", Optional.empty(), new PageRequest(1, token)))
                .satisfies(e -> assertThat(Problem.of(e).status()).isEqualTo(400));
    }

    private static String submit(EoiService eois, com.fasterxml.jackson.databind.node.ObjectNode body, String school) {
        var submitted = Requests.submit(eois, DecisionBodies.schoolUser("sub-" + school, school), EoiBodies.text(body),
                Optional.empty());
        return submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
    }
}
