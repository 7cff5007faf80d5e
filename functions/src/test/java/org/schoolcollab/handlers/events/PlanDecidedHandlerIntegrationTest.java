package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.OnRolesRecorded;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.funding.adapters.RolesRecordedItemMapper;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.review.OnPlanDecided;
import org.schoolcollab.review.ReviewWorldAccess;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.Endorsements;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.OutboxFiles;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.StreamEvents;
import org.schoolcollab.testsupport.TableServices;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan-decision reaction, fed PLAN_DECISION inserts from the table's real stream. Worked example under the
 * test-fixture policy (policies-test/kahui-ako.json: 1,500 pupils per across-school role, 15 teacher FTE per
 * within-school role): 3 primary schools of roll 100 and 6.5 FTE each → roll 300, FTE 19.5 → 0 across-school
 * roles, 1 within-school role, 1 leader (primary principal: 25,000 + 1,000 induction), and inquiry time
 * max(50, 4 × 6.5) = 50 hours for each of the 3 schools: 5 funding records.
 */
class PlanDecidedHandlerIntegrationTest {
    static final String COMMUNITY_ID = "6c3e4f5a-7b8c-4d9e-8f0a-1b2c3d4e5f6a";

    @TempDir
    Path outbox;
    private String table;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("decided");
        clock = new MutableClock(Instant.parse("2026-03-09T02:30:00Z"));
        ReviewWorldAccess.community(table, clock, "kahui-ako", COMMUNITY_ID, "9301", "9302", "9303");
    }

    private PlanDecidedHandler handler(FundingPolicies policies) {
        var client = DynamoDbLocal.client();
        return new PlanDecidedHandler(new OnPlanDecided(new CommunityService(new DynamoCommunityStore(client, table)),
                new NotificationDelivery(new DynamoNotificationStore(client, table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), clock), "office@example.org",
                InMemoryWorld.LINKS));
    }

    private void decide(String planId, int version, String body) {
        ReviewWorldAccess.plan(table, clock, COMMUNITY_ID, planId, version, PlanStatus.RECEIVED);
        Requests.decide(TableServices.planReview(DynamoDbLocal.client(), table, clock), staff(), COMMUNITY_ID, planId, body);
    }

    private static Actor staff() {
        return new Actor("staff-r", "r@example.govt.nz", java.util.Set.of("staff"), Optional.empty());
    }

    private DynamodbEvent planDecisions() {
        List<Record> records = StreamEvents.readStream(table).stream()
                .filter(r -> StreamEvents.isInsertOfType(r, "PLAN_DECISION"))
                .toList();
        return StreamEvents.event(records, StreamEvents.streamArn(table));
    }

    private List<Map<String, AttributeValue>> funding() {
        return DynamoDbLocal.scanType(table, DynamoFundingStore.TYPE);
    }

    private List<String> subjects() throws IOException {
        return OutboxFiles.mails(outbox).stream().map(m -> m.get("subject").asText()).toList();
    }

    private String communityStatus() {
        return DynamoDbLocal.client().getItem(b -> b.tableName(table).key(CommunityItemMapper.key(COMMUNITY_ID)))
                .item().get("status").s();
    }

    @Test
    void anEndorsementMarksTheCommunityEndorsedAndSaysTheRolesFollowInTheirOwnMail() throws IOException {
        PlanDecidedHandler handler = handler(FundingPolicies.shipped());
        decide("11111111-1111-4111-8111-111111111111", 1, Endorsements.body("9301", "9301", "9302", "9303"));
        StreamsEventResponse response = handler.handleRequest(planDecisions(), new TestContext("PlanDecidedFunction"));
        assertThat(response.getBatchItemFailures()).isEmpty();

        assertThat(communityStatus()).isEqualTo("ENDORSED");
        assertThat(funding()).as("the roles record's own reaction releases them").isEmpty();
        assertThat(subjects()).containsExactlyInAnyOrder("Plan endorsed: Ōtaki Kāhui Ako",
                "Plan endorsed: Ōtaki Kāhui Ako (version 1)");
        assertThat(text("Plan endorsed: Ōtaki Kāhui Ako")).contains("was endorsed on 9 March 2026")
                .contains("A separate email will list each role and its amounts")
                .contains("https://schools.example.org/#/communities/" + COMMUNITY_ID)
                .doesNotContain("released;", "/funding", "POST ");

        // A replay sends nothing more; a later version endorsed without an allocation says the roles stand.
        handler.handleRequest(planDecisions(), new TestContext("PlanDecidedFunction"));
        assertThat(subjects()).hasSize(2);
        clock.advance(java.time.Duration.ofDays(30));
        decide("22222222-2222-4222-8222-222222222222", 2, "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"9302\"}");
        handler.handleRequest(planDecisions(), new TestContext("PlanDecidedFunction"));
        assertThat(subjects()).hasSize(4);
        assertThat(funding()).isEmpty();
    }

    @Test
    void theEndorsementsRolesRecordOnTheRealStreamIsReleasedOnceByItsOwnReaction() throws IOException {
        decide("33333333-3333-4333-8333-333333333333", 1, Endorsements.body("9301", "9301", "9302", "9303"));
        var client = DynamoDbLocal.client();
        RolesRecordedHandler roles = new RolesRecordedHandler(new OnRolesRecorded(FundingPolicies.shipped(),
                new DynamoFundingStore(client, table), new NotificationDelivery(new DynamoNotificationStore(client, table),
                new OutboxMailSender(outbox, "no-reply@example.org"), clock), "office@example.org", InMemoryWorld.LINKS));
        DynamodbEvent inserts = StreamEvents.event(StreamEvents.readStream(table).stream()
                .filter(r -> StreamEvents.isInsertOfType(r, RolesRecordedItemMapper.TYPE)).toList(), StreamEvents.streamArn(table));
        assertThat(inserts.getRecords()).hasSize(1);

        assertThat(roles.handleRequest(inserts, new TestContext("RolesRecordedFunction")).getBatchItemFailures()).isEmpty();
        roles.handleRequest(inserts, new TestContext("RolesRecordedFunction"));

        List<Map<String, AttributeValue>> records = funding();
        assertThat(records).extracting(r -> r.get("kind").s() + " " + (r.containsKey("amount") ? r.get("amount").s() : r.get("quantity").s()))
                .containsExactlyInAnyOrder("COMMUNITY_LEADER_ROLE 25000.00", "ACROSS_SCHOOL_TEACHER_ROLE 16000.00",
                        "WITHIN_SCHOOL_TEACHER_ROLE 8000.00", "WITHIN_SCHOOL_TEACHER_ROLE 8000.00",
                        "WITHIN_SCHOOL_TEACHER_ROLE 8000.00", "ROLE_INDUCTION_AND_NETWORKING 1000.00",
                        "ROLE_INDUCTION_AND_NETWORKING 750.00", "ROLE_INDUCTION_AND_NETWORKING 400.00",
                        "ROLE_INDUCTION_AND_NETWORKING 400.00", "ROLE_INDUCTION_AND_NETWORKING 400.00",
                        "INQUIRY_HOURS 50", "INQUIRY_HOURS 50", "INQUIRY_HOURS 50");
        assertThat(subjects()).containsExactlyInAnyOrder("Roles and inquiry time released: Ōtaki Kāhui Ako",
                "Roles released: Ōtaki Kāhui Ako");
        assertThat(text("Roles and inquiry time released: Ōtaki Kāhui Ako"))
                .contains("- 1 community leader role, employed by School 9301 (9301): an allowance of NZD 25,000.00 a year")
                .contains("- 3 within-school teacher roles: an allowance of NZD 8,000.00 a year each");
    }

    private String text(String subject) throws IOException {
        return OutboxFiles.mails(outbox).stream().filter(m -> m.get("subject").asText().equals(subject)).findFirst()
                .orElseThrow().get("text").asText();
    }

    @Test
    void changesRequestedTellTheCommunityAndReleaseNothing() throws IOException {
        PlanDecidedHandler handler = handler(new FundingPolicies("policies-test"));
        decide("44444444-4444-4444-8444-444444444444", 1,
                "{\"decision\":\"CHANGES_REQUESTED\",\"comments\":\"Add a measure for transitions.\"}");
        handler.handleRequest(planDecisions(), new TestContext("PlanDecidedFunction"));
        assertThat(funding()).isEmpty();
        assertThat(communityStatus()).isEqualTo("FORMING");
        assertThat(subjects()).contains("Changes requested to your plan: Ōtaki Kāhui Ako");
    }
}
