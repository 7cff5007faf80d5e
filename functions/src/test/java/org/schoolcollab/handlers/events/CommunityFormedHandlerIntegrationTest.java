package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.StreamEvents;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The formation-allowance reaction, fed the APPROVED decision records read from the table's real stream (as
 * template.yaml's filter passes them): one funding record per member school, nothing more on replay.
 */
class CommunityFormedHandlerIntegrationTest {
    private String table;
    private CommunityFormedHandler handler;
    private MutableClock clock;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("formation");
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        handler = new CommunityFormedHandler(new OnCommunityFormed(FundingPolicies.shipped(),
                new DynamoFundingStore(DynamoDbLocal.client(), table), clock));
    }

    private String approve(String programme, String name, String... schools) {
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-" + schools[0], "p@example.school.nz", Set.of("school"), Optional.of(schools[0]));
        var body = EoiBodies.withSchools(name, schools);
        body.put("programme", programme);
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(body), Optional.empty());
        String eoiId = submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        Actor staff = new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty());
        return Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), staff, eoiId, "{\"decision\":\"APPROVED\"}").communityId();
    }

    private DynamodbEvent approvedDecisions() {
        List<Record> decisions = StreamEvents.readStream(table).stream()
                .filter(r -> StreamEvents.isDecisionInsert(r) && "APPROVED".equals(r.dynamodb().newImage().get("decision").s()))
                .toList();
        return StreamEvents.event(decisions, StreamEvents.streamArn(table));
    }

    private List<Map<String, AttributeValue>> fundingItems() {
        return DynamoDbLocal.scanType(table, DynamoFundingStore.TYPE);
    }

    @Test
    void anApprovalRecordsOneAllowancePerSchoolAndAReplayAddsNothing() {
        String community = approve("kahui-ako", "Ōtaki Kāhui Ako", "9201", "9202", "9203", "9204");
        DynamodbEvent event = approvedDecisions();
        assertThat(event.getRecords()).hasSize(1);

        StreamsEventResponse first = handler.handleRequest(event, new TestContext("FormationFundingFunction"));
        assertThat(first.getBatchItemFailures()).isEmpty();
        List<Map<String, AttributeValue>> items = fundingItems();
        assertThat(items).hasSize(4);
        assertThat(items).allSatisfy(i -> {
            assertThat(i.get("pk").s()).isEqualTo("COMMUNITY#" + community);
            assertThat(i.get("amount").s()).isEqualTo("1000.00");
            assertThat(i.get("currency").s()).isEqualTo("NZD");
            assertThat(i.get("policyId").s()).isNotBlank();
            assertThat(i.get("policyVersion").s()).isNotBlank();
            assertThat(i.get("inputs").m()).containsKey("rate");
        });
        List<String> recipients = new ArrayList<>(items.stream().map(i -> i.get("recipientSchoolNumber").s()).toList());
        assertThat(recipients).containsExactlyInAnyOrder("9201", "9202", "9203", "9204");

        handler.handleRequest(event, new TestContext("FormationFundingFunction"));
        handler.handleRequest(approvedDecisions(), new TestContext("FormationFundingFunction"));
        assertThat(fundingItems()).as("replays store nothing new").hasSize(4);
    }

    @Test
    void aSchoolImprovementApprovalHasNoFormationAllowance() {
        approve("school-improvement", "Weymouth and Portland Cluster", "9301", "9302");
        StreamsEventResponse response = handler.handleRequest(approvedDecisions(), new TestContext("FormationFundingFunction"));
        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(fundingItems()).isEmpty();
    }

    @Test
    void aPoisonRecordIsReportedAloneAndTheOthersAreFunded() {
        approve("kahui-ako", "First Community", "9401", "9402");
        approve("kahui-ako", "Second Community", "9501", "9502");
        DynamodbEvent event = approvedDecisions();
        assertThat(event.getRecords()).hasSize(2);
        // Corrupt the first record's image: the decision's schools are missing.
        event.getRecords().getFirst().getDynamodb().getNewImage().remove("schools");
        String poison = event.getRecords().getFirst().getDynamodb().getSequenceNumber();

        StreamsEventResponse response = handler.handleRequest(event, new TestContext("FormationFundingFunction"));
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poison);
        assertThat(fundingItems()).extracting(i -> i.get("recipientSchoolNumber").s()).containsExactlyInAnyOrder("9501", "9502");
    }
}
