package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.OnRolesRecorded;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.OutboxFiles;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The roles reaction, fed the sample ROLES_RECORDED insert (events/roles-recorded-insert.json: a leader from the
 * secondary school 9103, 2 across-school and 5 within-school roles): its funding records in DynamoDB Local and its
 * two emails in the outbox, once however often the record is delivered.
 */
class RolesRecordedHandlerIntegrationTest {
    static final String COMMUNITY_ID = "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f";

    @TempDir
    Path outbox;
    private String table;
    private RolesRecordedHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("roles");
        MutableClock clock = new MutableClock(Instant.parse("2026-09-12T01:15:02Z"));
        handler = new RolesRecordedHandler(new OnRolesRecorded(FundingPolicies.shipped(),
                new DynamoFundingStore(DynamoDbLocal.client(), table),
                new NotificationDelivery(new DynamoNotificationStore(DynamoDbLocal.client(), table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), clock),
                "office@example.org", InMemoryWorld.LINKS));
    }

    private List<FundingRecord> records() {
        return new DynamoFundingStore(DynamoDbLocal.client(), table).forCommunity(COMMUNITY_ID);
    }

    private static long count(List<FundingRecord> records, String kind, String amount) {
        return records.stream().filter(r -> r.line().kind().name().equals(kind))
                .filter(r -> amount == null || r.line().amount().value().equals(amount)).count();
    }

    @Test
    void theRecordedRolesAreReleasedAsOneRecordPerRoleAndPayeeAndTheContactIsToldWithCountsAndAmounts() throws Exception {
        DynamodbEvent event = EventFiles.stream("roles-recorded-insert.json");
        StreamsEventResponse response = handler.handleRequest(event, new TestContext("RolesRecordedFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<FundingRecord> records = records();
        assertThat(count(records, "COMMUNITY_LEADER_ROLE", "30000.00")).as("a secondary principal's allowance").isEqualTo(1);
        assertThat(count(records, "ACROSS_SCHOOL_TEACHER_ROLE", "16000.00")).isEqualTo(2);
        assertThat(count(records, "WITHIN_SCHOOL_TEACHER_ROLE", "8000.00")).isEqualTo(5);
        assertThat(count(records, "ROLE_INDUCTION_AND_NETWORKING", null)).isEqualTo(8);
        assertThat(count(records, "INQUIRY_HOURS", null)).as("three state schools").isEqualTo(3);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.line().policyVersion()).isEqualTo("2");
            assertThat(r.line().inputs()).containsEntry("recordedBy", "reviewer@programme-office.example.govt.nz")
                    .containsEntry("planId", "5b2d3f4a-6c7e-4f8a-9b0c-1d2e3f4a5b6c");
        });
        assertThat(records.stream().filter(r -> r.line().kind().name().equals("WITHIN_SCHOOL_TEACHER_ROLE"))
                .map(r -> r.line().recipientSchoolNumber()).toList()).containsExactly("9101", "9102", "9102", "9103", "9103");

        List<JsonNode> mails = OutboxFiles.mails(outbox);
        assertThat(mails).hasSize(2);
        String contact = OutboxFiles.mailTo(mails, "principal@otaki.example.school.nz").get("text").asText();
        assertThat(contact).startsWith("Kia ora Mere Rāwiri,")
                .contains("- 1 community leader role, employed by Ōtaki College (9103): an allowance of NZD 30,000.00 a year")
                .contains("- 2 across-school teacher roles: an allowance of NZD 16,000.00 a year each")
                .contains("- 5 within-school teacher roles: an allowance of NZD 8,000.00 a year each")
                .contains("https://schools.example.org/#/communities/" + COMMUNITY_ID)
                .doesNotContain("POST ").doesNotContain("c4a1e7b2");
        String staff = OutboxFiles.mailTo(mails, "office@example.org").get("text").asText();
        assertThat(staff).contains("recorded by reviewer@programme-office.example.govt.nz on 12 September 2026");
    }

    @Test
    void aReplayedRecordAddsNoRecordAndSendsNoMail() throws Exception {
        handler.handleRequest(EventFiles.stream("roles-recorded-insert.json"), new TestContext("RolesRecordedFunction"));
        int records = records().size();

        StreamsEventResponse again = handler.handleRequest(EventFiles.stream("roles-recorded-insert.json"),
                new TestContext("RolesRecordedFunction"));

        assertThat(again.getBatchItemFailures()).isEmpty();
        assertThat(records().size()).isEqualTo(records).isEqualTo(1 + 1 + 2 + 2 + 5 + 5 + 3);
        assertThat(OutboxFiles.mails(outbox)).hasSize(2);
    }
}
