package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.grant.GrantService;
import org.schoolcollab.grant.OnGrantAwarded;
import org.schoolcollab.grant.adapters.DynamoGrantStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.StreamEvents;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The grant reaction, fed GRANT inserts from the table's real stream: a funding record and two emails, once. */
class GrantAwardedHandlerIntegrationTest {
    @TempDir
    Path outbox;
    private String table;
    private MutableClock clock;
    private GrantAwardedHandler handler;
    private String communityId;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("granted");
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        handler = new GrantAwardedHandler(new OnGrantAwarded(FundingPolicies.shipped(),
                new DynamoFundingStore(DynamoDbLocal.client(), table),
                new NotificationDelivery(new DynamoNotificationStore(DynamoDbLocal.client(), table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), clock), "board@example.org", InMemoryWorld.LINKS));
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-h", "head@example.sch.uk", Set.of("school"), Optional.of("8201"));
        var body = EoiBodies.withSchools("Weymouth and Portland Cluster", "8201", "8202");
        body.put("programme", "school-improvement");
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(body), Optional.empty());
        Actor staff = new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty());
        communityId = Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), staff,
                submitted.location().substring(submitted.location().lastIndexOf('/') + 1),
                "{\"decision\":\"APPROVED\"}").communityId();
        GrantService grants = new GrantService(new CommunityService(new DynamoCommunityStore(DynamoDbLocal.client(), table)),
                new DynamoGrantStore(DynamoDbLocal.client(), table), FundingPolicies.shipped(), clock);
        Requests.award(grants, staff, communityId, "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"2500.50\",\"currency\":\"GBP\"}}");
        Requests.award(grants, staff, communityId, "{\"purpose\":\"EMPLOYER_ENGAGEMENT\",\"amount\":{\"value\":\"12000.00\",\"currency\":\"GBP\"}}");
    }

    private DynamodbEvent grantInserts() {
        List<Record> grants = StreamEvents.readStream(table).stream()
                .filter(r -> StreamEvents.isInsertOfType(r, "GRANT"))
                .toList();
        return StreamEvents.event(grants, StreamEvents.streamArn(table));
    }

    private long mails() throws IOException {
        try (Stream<Path> files = Files.list(outbox)) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        }
    }

    @Test
    void eachGrantBecomesOneFundingRecordAndTwoEmailsEvenWhenReplayed() throws IOException {
        DynamodbEvent event = grantInserts();
        assertThat(event.getRecords()).hasSize(2);
        StreamsEventResponse response = handler.handleRequest(event, new TestContext("GrantAwardedFunction"));
        assertThat(response.getBatchItemFailures()).isEmpty();

        var funding = DynamoDbLocal.scanType(table, DynamoFundingStore.TYPE);
        assertThat(funding).hasSize(2).allSatisfy(f -> {
            assertThat(f.get("pk").s()).isEqualTo("COMMUNITY#" + communityId);
            assertThat(f.get("kind").s()).isEqualTo("GRANT");
            assertThat(f.get("currency").s()).isEqualTo("GBP");
            assertThat(f.get("policyId").s()).isEqualTo("school-improvement-funding");
        });
        assertThat(funding).extracting(f -> f.get("amount").s()).containsExactlyInAnyOrder("2500.50", "12000.00");
        assertThat(mails()).isEqualTo(4);

        handler.handleRequest(event, new TestContext("GrantAwardedFunction"));
        handler.handleRequest(grantInserts(), new TestContext("GrantAwardedFunction"));
        assertThat(DynamoDbLocal.scanType(table, DynamoFundingStore.TYPE)).hasSize(2);
        assertThat(mails()).as("a replay sends nothing").isEqualTo(4);
    }

    @Test
    void aPoisonGrantIsReportedAloneAndTheOtherIsRecorded() {
        DynamodbEvent event = grantInserts();
        event.getRecords().getFirst().getDynamodb().getNewImage().remove("amount");
        String poison = event.getRecords().getFirst().getDynamodb().getSequenceNumber();
        StreamsEventResponse response = handler.handleRequest(event, new TestContext("GrantAwardedFunction"));
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poison);
        assertThat(DynamoDbLocal.scanType(table, DynamoFundingStore.TYPE)).hasSize(1);
    }
}
