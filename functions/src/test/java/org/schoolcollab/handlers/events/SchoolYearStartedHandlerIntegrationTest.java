package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.adapters.DynamoCommunityStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.OnSchoolYearStarted;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.review.ReviewWorldAccess;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.OutboxFiles;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly schedule, fed the sample Scheduler event (events/school-year-started.json: 1 February 2027, 09:00 in
 * Auckland) over DynamoDB Local: a maintenance allowance per member school of communities formed before 2027, once.
 */
class SchoolYearStartedHandlerIntegrationTest {
    static final String FORMED_2026 = "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091";
    static final String FORMED_2027 = "3c4d5e6f-7081-4923-8b4c-5d6e7f809102";
    static final String CLUSTER = "4d5e6f70-8192-4a34-9c5d-6e7f80910213";

    @TempDir
    Path outbox;
    private String table;
    private SchoolYearStartedHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("yearly");
        MutableClock clock = new MutableClock(Instant.parse("2026-05-04T22:00:00Z"));
        ReviewWorldAccess.community(table, clock, "kahui-ako", FORMED_2026, "9101", "9102", "9103");
        ReviewWorldAccess.community(table, clock, "school-improvement", CLUSTER, "8201", "8202");
        clock.set(Instant.parse("2027-01-20T22:00:00Z")); // 21 January 2027 in Auckland
        ReviewWorldAccess.community(table, clock, "kahui-ako", FORMED_2027, "9201", "9202");
        var client = DynamoDbLocal.client();
        handler = new SchoolYearStartedHandler(new OnSchoolYearStarted(FundingPolicies.shipped(),
                new DynamoFundingStore(client, table), new CommunityService(new DynamoCommunityStore(client, table)),
                new NotificationDelivery(new DynamoNotificationStore(client, table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), clock),
                "office@example.org", InMemoryWorld.LINKS));
    }

    private static ScheduledEvent event() {
        return EventLoader.loadScheduledEvent(EventFiles.path("school-year-started.json").toString());
    }

    private List<FundingRecord> maintenance(String communityId) {
        return new DynamoFundingStore(DynamoDbLocal.client(), table).forCommunity(communityId).stream()
                .filter(r -> r.line().kind().name().equals("MAINTENANCE_ALLOWANCE")).toList();
    }

    @Test
    void eachMemberSchoolOfACommunityFormedLastYearIsPaidOnceForThisYear() throws Exception {
        Map<String, Object> out = handler.handleRequest(event(), new TestContext("YearlyAllowanceFunction"));

        assertThat(maintenance(FORMED_2026)).hasSize(3).allSatisfy(r -> {
            assertThat(r.year()).isEqualTo(2027);
            assertThat(r.sourceId()).isEqualTo("MAINTENANCE#2027");
            assertThat(r.line().amount().value()).isEqualTo("1000.00");
        });
        assertThat(maintenance(FORMED_2027)).as("formed this school year: the formation allowance only").isEmpty();
        assertThat(maintenance(CLUSTER)).as("the cluster programme pays none").isEmpty();
        assertThat(out.get("runs")).asString().contains("schoolYear=2027").contains("recordsStored=3");

        List<JsonNode> mails = OutboxFiles.mails(outbox);
        assertThat(mails).hasSize(2);
        assertThat(OutboxFiles.mailTo(mails, "principal@otaki.example.school.nz").get("text").asText())
                .contains("NZD 1,000.00 for each of its 3 member schools, NZD 3,000.00 in all")
                .contains("https://schools.example.org/#/communities/" + FORMED_2026);
        assertThat(OutboxFiles.mailTo(mails, "office@example.org").get("text").asText())
                .contains("recorded for 1 community formed before 2027, NZD 3,000.00 in all");
    }

    @Test
    void aSecondRunOfTheSameYearRecordsAndSendsNothingMore() throws Exception {
        handler.handleRequest(event(), new TestContext("YearlyAllowanceFunction"));

        Map<String, Object> again = handler.handleRequest(event(), new TestContext("YearlyAllowanceFunction"));

        assertThat(maintenance(FORMED_2026)).hasSize(3);
        assertThat(again.get("runs")).asString().contains("recordsStored=0");
        assertThat(OutboxFiles.mails(outbox)).hasSize(2);
    }
}
