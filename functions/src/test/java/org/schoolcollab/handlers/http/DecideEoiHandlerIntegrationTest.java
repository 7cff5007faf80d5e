package org.schoolcollab.handlers.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.transformers.v2.dynamodb.DynamodbAttributeValueTransformer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.community.adapters.CommunityItemMapper;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.community.adapters.EoiDecisionItemMapper;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.eoi.adapters.SchoolClaims;
import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.adapters.Keys;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EventFiles;
import org.schoolcollab.testsupport.FreePort;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Problems;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.TestContext;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_COMMUNITY_ID;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_EOI_ID;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_STAFF_EMAIL;
import static org.schoolcollab.testsupport.EventFiles.SAMPLE_STAFF_SUB;

/**
 * POST /expressions-of-interest/{id}/decision, driven by the events in events/ over DynamoDB Local: the one
 * conditional transaction that records the decision, moves the application on, and forms the community or
 * releases the schools.
 */
class DecideEoiHandlerIntegrationTest {
    private static final Instant SUBMITTED = Instant.parse("2026-03-02T21:14:05.123Z");
    /** When the sample events decide (their requestContext time). */
    private static final Instant DECIDED = Instant.parse("2026-03-09T02:30:00Z");
    private static final String EOI_PK = "EOI#" + SAMPLE_EOI_ID;
    /** The application's entry in each of its schools' lists, written at submission and never changed. */
    private static final String SCHOOL_SK = "EOI#2026-03-02T21:14:05.123000000Z#" + SAMPLE_EOI_ID;
    private static final List<String> CLAIM_PKS =
            List.of("CLAIM#kahui-ako#9101", "CLAIM#kahui-ako#9102", "CLAIM#kahui-ako#9103");
    /** The wave and reason events/decide-eoi-approve.json and decide-eoi-decline.json send. */
    private static final String WAVE = "2026 Wave 1";
    private static final String DECLINE_REASON = "Ōtaki College has not yet confirmed its board endorsement; "
            + "please apply again once every board has endorsed the community.";

    private String table;
    private DynamoEoiStore store;
    private MutableClock clock;
    private DecideEoiHandler handler;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("decide");
        store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        clock = new MutableClock(SUBMITTED);
        // The EOI the decide events name, submitted by the sample school user of 9101.
        Requests.submit(new EoiService(store, clock, () -> SAMPLE_EOI_ID), DecisionBodies.sampleSchoolUser(),
                EoiBodies.text(EoiBodies.valid()), Optional.empty());
        clock.set(DECIDED);
        handler = new DecideEoiHandler(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock, () -> SAMPLE_COMMUNITY_ID));
    }

    private APIGatewayV2HTTPResponse decide(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestContext("DecideEoiFunction"));
    }

    private static APIGatewayV2HTTPEvent withBody(String eventName, String body) {
        APIGatewayV2HTTPEvent event = EventFiles.api(eventName);
        event.setBody(body);
        event.getHeaders().put("content-length", String.valueOf(body.getBytes(StandardCharsets.UTF_8).length));
        return event;
    }

    // ------------------------------------------------------------------ approve

    @Test
    void decideEoiApproveEventIs201WithTheCommunityAsLocation() {
        APIGatewayV2HTTPResponse response = decide(EventFiles.api("decide-eoi-approve.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("content-type", "application/json")
                .containsEntry("location", "/communities/" + SAMPLE_COMMUNITY_ID);
        JsonNode body = Problems.json(response);
        assertThat(body.path("eoiId").asText()).isEqualTo(SAMPLE_EOI_ID);
        assertThat(body.path("decision").asText()).isEqualTo("APPROVED");
        assertThat(body.path("wave").asText()).isEqualTo("2026 Wave 1");
        assertThat(body.path("decidedAt").asText()).isEqualTo("2026-03-09T02:30:00Z");
        assertThat(body.path("decidedBy").path("sub").asText()).isEqualTo(SAMPLE_STAFF_SUB);
        assertThat(body.path("decidedBy").path("email").asText()).isEqualTo(SAMPLE_STAFF_EMAIL);
        assertThat(body.path("communityId").asText()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(body.has("reason")).isFalse();
    }

    @Test
    void approvalWritesTheDecisionFormsTheCommunityAndMovesTheEoiInOneGo() {
        decide(EventFiles.api("decide-eoi-approve.json"));

        List<Map<String, AttributeValue>> items = DynamoDbLocal.scan(table);
        assertThat(items).extracting(i -> i.get("pk").s() + " " + i.get("sk").s()).containsExactly(
                "CLAIM#kahui-ako#9101 CLAIM", "CLAIM#kahui-ako#9102 CLAIM", "CLAIM#kahui-ako#9103 CLAIM",
                "COMMUNITY#" + SAMPLE_COMMUNITY_ID + " COMMUNITY", EOI_PK + " DECISION", EOI_PK + " EOI",
                "SCHOOL#9101 " + SCHOOL_SK, "SCHOOL#9102 " + SCHOOL_SK, "SCHOOL#9103 " + SCHOOL_SK);

        // The application: APPROVED, in the APPROVED queue, naming its community, with a history entry.
        Map<String, AttributeValue> eoiItem = items.get(5);
        assertThat(eoiItem.get("status").s()).isEqualTo("APPROVED");
        assertThat(eoiItem.get("gsi1pk").s()).isEqualTo("EOI_STATUS#APPROVED");
        assertThat(eoiItem.get("gsi1sk").s()).isEqualTo(Keys.sortable(SUBMITTED) + "#" + SAMPLE_EOI_ID);
        assertThat(eoiItem.get("communityId").s()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(eoiItem.get("decidedAt").s()).isEqualTo("2026-03-09T02:30:00Z");
        ExpressionOfInterest eoi = EoiItemMapper.fromItem(eoiItem);
        assertThat(eoi.status()).isEqualTo(EoiStatus.APPROVED);
        assertThat(eoi.communityId()).isEqualTo(SAMPLE_COMMUNITY_ID);
        // The decision's entry says what was decided: the approval's wave (no reason was given).
        assertThat(eoi.history()).containsExactly(
                new ExpressionOfInterest.HistoryEntry(SUBMITTED, "SUBMITTED", EventFiles.SAMPLE_SUB),
                new ExpressionOfInterest.HistoryEntry(DECIDED, "APPROVED", SAMPLE_STAFF_SUB, WAVE, null));
        assertThat(eoiItem.get("history").l().get(1).m()).containsOnlyKeys("at", "event", "by", "wave");
        assertThat(eoiItem.get("history").l().get(0).m()).containsOnlyKeys("at", "event", "by");
        assertThat(eoi.application().communityName()).isEqualTo("Kāhui Ako o Ōtaki");

        // The decision: exactly the item events/decision-notifications-insert.json carries as its new image.
        Map<String, AttributeValue> decisionItem = items.get(4);
        Map<String, AttributeValue> streamImage = DynamodbAttributeValueTransformer.toAttributeValueMapV2(
                EventFiles.stream("decision-notifications-insert.json").getRecords().getFirst().getDynamodb().getNewImage());
        assertThat(decisionItem).isEqualTo(streamImage);
        assertThat(decisionItem.get("type").s()).isEqualTo("DECISION");
        assertThat(decisionItem.get("decision").s()).isEqualTo("APPROVED");
        assertThat(decisionItem.get("communityId").s()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(decisionItem.get("decidedBySub").s()).isEqualTo(SAMPLE_STAFF_SUB);
        assertThat(decisionItem).doesNotContainKey("reason");
        EoiDecision decision = EoiDecisionItemMapper.fromItem(decisionItem);
        assertThat(decision.contact().name()).isEqualTo("Mere Rāwiri");
        assertThat(decision.schools()).extracting(School::name)
                .containsExactly("Ōtaki School", "Waitohu School", "Ōtaki College");

        // The community: FORMING, members copied from the application, names exactly as sent.
        Map<String, AttributeValue> communityItem = items.get(3);
        assertThat(communityItem.get("type").s()).isEqualTo("COMMUNITY");
        assertThat(communityItem.get("gsi1pk").s()).isEqualTo("COMMUNITY#kahui-ako");
        assertThat(communityItem.get("gsi1sk").s()).isEqualTo("2026-03-09T02:30:00.000000000Z#" + SAMPLE_COMMUNITY_ID);
        assertThat(communityItem.get("schoolCount").n()).isEqualTo("3");
        assertThat(communityItem.get("totalRoll").n()).isEqualTo("1035");
        Community community = CommunityItemMapper.fromItem(communityItem);
        assertThat(community.id()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(community.status()).isEqualTo(CommunityStatus.FORMING);
        assertThat(community.name()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(community.region()).isEqualTo("Wellington");
        assertThat(community.programme().id()).isEqualTo("kahui-ako");
        assertThat(community.eoiId()).isEqualTo(SAMPLE_EOI_ID);
        assertThat(community.wave()).isEqualTo("2026 Wave 1");
        assertThat(community.formedAt()).isEqualTo(DECIDED);
        assertThat(community.contact().name()).isEqualTo("Mere Rāwiri");
        assertThat(community.contact().email()).isEqualTo("principal@otaki.example.school.nz");
        assertThat(community.members()).isEqualTo(eoi.application().schools());
        assertThat(community.members()).extracting(School::name)
                .containsExactly("Ōtaki School", "Waitohu School", "Ōtaki College");
        assertThat(community.members().get(1).teacherFte()).isEqualTo(new BigDecimal("19.2"));

        // Each claim now holds its school for the community, still naming the application.
        assertThat(items.subList(0, 3)).allSatisfy(claim -> {
            assertThat(claim.get("communityId").s()).isEqualTo(SAMPLE_COMMUNITY_ID);
            assertThat(claim.get("eoiId").s()).isEqualTo(SAMPLE_EOI_ID);
            assertThat(claim.get("type").s()).isEqualTo(SchoolClaims.TYPE);
        });
    }

    @Test
    void afterApprovalTheApplicationShowsItsCommunityAndSitsInTheApprovedQueue() {
        decide(EventFiles.api("decide-eoi-approve.json"));
        EoiService reads = new EoiService(store, clock);

        JsonNode eoi = Problems.json(new GetEoiHandler(reads).handleRequest(EventFiles.api("get-eoi.json"),
                new TestContext("GetEoiFunction")));
        APIGatewayV2HTTPEvent approvedQueue = EventFiles.api("list-eois-staff.json");
        approvedQueue.setQueryStringParameters(Map.of("status", "APPROVED"));
        JsonNode approved = Problems.json(new ListEoisHandler(reads).handleRequest(approvedQueue,
                new TestContext("ListEoisFunction")));
        JsonNode submitted = Problems.json(new ListEoisHandler(reads).handleRequest(EventFiles.api("list-eois-staff.json"),
                new TestContext("ListEoisFunction")));

        assertThat(eoi.path("status").asText()).isEqualTo("APPROVED");
        assertThat(eoi.path("communityId").asText()).isEqualTo(SAMPLE_COMMUNITY_ID);
        assertThat(eoi.path("history")).extracting(h -> h.path("event").asText()).containsExactly("SUBMITTED", "APPROVED");
        assertThat(eoi.path("history").get(1).path("by").asText()).isEqualTo(SAMPLE_STAFF_SUB);
        assertThat(eoi.path("history").get(1).path("wave").asText()).isEqualTo(WAVE);
        assertThat(eoi.path("history").get(1).has("reason")).as("no reason was given").isFalse();
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(eoi.path("history").get(0)))
                .containsExactlyInAnyOrder("at", "event", "by");
        assertThat(approved.path("items")).extracting(i -> i.path("id").asText()).containsExactly(SAMPLE_EOI_ID);
        assertThat(submitted.path("items")).isEmpty();
    }

    @Test
    void anApprovalsReasonAndWaveAreInItsHistoryEntryForTheSchoolToSee() {
        String reason = "Strong shared plan for transitions; ngā mihi.";
        assertThat(decide(withBody("decide-eoi-approve.json",
                "{\"decision\": \"APPROVED\", \"wave\": \"" + WAVE + "\", \"reason\": \"" + reason + "\"}"))
                .getStatusCode()).isEqualTo(201);

        assertThat(store.find(SAMPLE_EOI_ID).orElseThrow().history()).last()
                .isEqualTo(new ExpressionOfInterest.HistoryEntry(DECIDED, "APPROVED", SAMPLE_STAFF_SUB, WAVE, reason));
        JsonNode entry = Problems.json(new GetEoiHandler(new EoiService(store, clock)).handleRequest(
                EventFiles.api("get-eoi.json"), new TestContext("GetEoiFunction"))).path("history").get(1);
        assertThat(entry.path("wave").asText()).isEqualTo(WAVE);
        assertThat(entry.path("reason").asText()).isEqualTo(reason);
    }

    @Test
    void anApprovalWithoutAWaveHasNoWaveInItsHistoryEntry() {
        assertThat(decide(withBody("decide-eoi-approve.json", "{\"decision\": \"APPROVED\"}")).getStatusCode())
                .isEqualTo(201);

        assertThat(store.find(SAMPLE_EOI_ID).orElseThrow().history()).last()
                .isEqualTo(new ExpressionOfInterest.HistoryEntry(DECIDED, "APPROVED", SAMPLE_STAFF_SUB));
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE).getFirst().get("history").l().get(1).m())
                .containsOnlyKeys("at", "event", "by");
    }

    @Test
    void afterApprovalTheSchoolsAreStillHeldSoANewEoiNamingThemIs409() {
        decide(EventFiles.api("decide-eoi-approve.json"));
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        Problem e = Problem.of(catchThrowable(() -> Requests.submit(new EoiService(store, clock), 
                DecisionBodies.sampleSchoolUser(), EoiBodies.text(EoiBodies.valid()), Optional.empty())));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.extensions()).containsEntry("claimedSchoolNumbers", List.of("9101", "9102", "9103"));
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void approvingTheLargestApplicationFormsItsCommunityInOneTransaction() {
        // 30 schools: the EOI update, the decision, the community and 30 claims are 33 writes in one transaction.
        String[] numbers = new String[30];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = String.valueOf(8000 + i);
        }
        String bigId = "0a0b0c0d-0e0f-4a1b-8c2d-3e4f5a6b7c8d";
        Requests.submit(new EoiService(store, clock, () -> bigId), DecisionBodies.schoolUser("big", "8000"),
                EoiBodies.text(EoiBodies.withSchools("Te Kāhui Nui", numbers)), Optional.empty());
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setPathParameters(Map.of("id", bigId));

        APIGatewayV2HTTPResponse response = decide(event);

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        Community community = CommunityItemMapper.fromItem(DynamoDbLocal.scanType(table, "COMMUNITY").getFirst());
        assertThat(community.members()).hasSize(30);
        assertThat(community.name()).isEqualTo("Te Kāhui Nui");
        assertThat(DynamoDbLocal.scanType(table, SchoolClaims.TYPE))
                .filteredOn(c -> c.get("eoiId").s().equals(bigId)).hasSize(30)
                .allSatisfy(c -> assertThat(c.get("communityId").s()).isEqualTo(SAMPLE_COMMUNITY_ID));
    }

    @Test
    void aWaveOfFiftyCharactersWithMacronsIsAccepted() {
        String wave = "Ō".repeat(50);
        APIGatewayV2HTTPResponse response = decide(withBody("decide-eoi-approve.json",
                "{\"decision\": \"APPROVED\", \"wave\": \"" + wave + "\"}"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(DynamoDbLocal.scanType(table, "DECISION").getFirst().get("wave").s()).isEqualTo(wave);
        assertThat(DynamoDbLocal.scanType(table, "COMMUNITY").getFirst().get("wave").s()).isEqualTo(wave);
    }

    // ------------------------------------------------------------------ decline

    @Test
    void decideEoiDeclineEventIs201AndReleasesTheSchools() {
        APIGatewayV2HTTPResponse response = decide(EventFiles.api("decide-eoi-decline.json"));

        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
        assertThat(response.getHeaders()).containsEntry("location", "/expressions-of-interest/" + SAMPLE_EOI_ID);
        JsonNode body = Problems.json(response);
        assertThat(body.path("decision").asText()).isEqualTo("DECLINED");
        assertThat(body.path("reason").asText()).startsWith("Ōtaki College has not yet confirmed");
        assertThat(body.has("communityId")).isFalse();

        // No community, no claims: only the application, its decision and the schools' lists of it (unchanged:
        // a school still sees its declined application) are left.
        List<Map<String, AttributeValue>> items = DynamoDbLocal.scan(table);
        assertThat(items).extracting(i -> i.get("pk").s() + " " + i.get("sk").s())
                .containsExactly(EOI_PK + " DECISION", EOI_PK + " EOI",
                        "SCHOOL#9101 " + SCHOOL_SK, "SCHOOL#9102 " + SCHOOL_SK, "SCHOOL#9103 " + SCHOOL_SK);
        ExpressionOfInterest eoi = EoiItemMapper.fromItem(items.get(1));
        assertThat(eoi.status()).isEqualTo(EoiStatus.DECLINED);
        assertThat(eoi.communityId()).isNull();
        assertThat(items.get(1).get("gsi1pk").s()).isEqualTo("EOI_STATUS#DECLINED");
        // The decline's entry carries its reason; the wave is on the decision record (reports), not the entry.
        assertThat(eoi.history()).last()
                .isEqualTo(new ExpressionOfInterest.HistoryEntry(DECIDED, "DECLINED", SAMPLE_STAFF_SUB, null, DECLINE_REASON));
        Map<String, AttributeValue> decision = items.get(0);
        assertThat(decision.get("decision").s()).isEqualTo("DECLINED");
        assertThat(decision.get("reason").s()).isEqualTo(DECLINE_REASON);
        assertThat(decision.get("wave").s()).isEqualTo(WAVE);
        assertThat(decision).doesNotContainKey("communityId");
    }

    @Test
    void afterADeclineTheSchoolsSeeWhyInTheApplicationsHistory() {
        decide(EventFiles.api("decide-eoi-decline.json"));
        GetEoiHandler get = new GetEoiHandler(new EoiService(store, clock));

        // The submitting school, and another school the application names: the reason is what the contact was emailed.
        for (APIGatewayV2HTTPEvent event : List.of(EventFiles.api("get-eoi.json"),
                EventFiles.asSchoolUser(EventFiles.api("get-eoi.json"), "college-sub", "9103"))) {
            JsonNode eoi = Problems.json(get.handleRequest(event, new TestContext("GetEoiFunction")));
            assertThat(eoi.path("status").asText()).isEqualTo("DECLINED");
            JsonNode entry = eoi.path("history").get(1);
            assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(entry)).containsExactlyInAnyOrder("at", "event", "by", "reason");
            assertThat(entry.path("event").asText()).isEqualTo("DECLINED");
            assertThat(entry.path("at").asText()).isEqualTo("2026-03-09T02:30:00Z");
            assertThat(entry.path("reason").asText()).isEqualTo(DECLINE_REASON);
        }
    }

    @Test
    void afterADeclineTheSameSchoolsSubmitANewEoiSuccessfully() throws Exception {
        decide(EventFiles.api("decide-eoi-decline.json"));
        String newId = "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9";
        clock.set(DECIDED.plusSeconds(3600));

        Requests.Answer again = Requests.submit(new EoiService(store, clock, () -> newId), DecisionBodies.sampleSchoolUser(),
                EoiBodies.text(EoiBodies.valid()), Optional.empty());

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.location()).isEqualTo("/expressions-of-interest/" + newId);
        List<Map<String, AttributeValue>> claims = DynamoDbLocal.scanType(table, SchoolClaims.TYPE);
        assertThat(claims).extracting(c -> c.get("pk").s()).containsExactlyElementsOf(CLAIM_PKS);
        assertThat(claims).allSatisfy(c -> {
            assertThat(c.get("eoiId").s()).isEqualTo(newId);
            assertThat(c).doesNotContainKey("communityId");
        });
        assertThat(DynamoDbLocal.scanType(table, EoiItemMapper.TYPE)).extracting(i -> i.get("status").s())
                .containsExactlyInAnyOrder("DECLINED", "SUBMITTED");
    }

    @Test
    void aDeclineWithoutAReasonIs400NamingReasonAndChangesNothing() {
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        JsonNode problem = Problems.assertProblem(decide(withBody("decide-eoi-decline.json",
                "{\"decision\": \"DECLINED\", \"wave\": \"2026 Wave 1\"}")), 400);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(Problems.errorFields(problem)).containsExactly("reason");
        assertThat(problem.path("detail").asText()).startsWith("reason: is required");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ a second decision

    @ParameterizedTest(name = "{0} then {1} -> 409")
    @CsvSource({
            "decide-eoi-approve.json, decide-eoi-approve.json",
            "decide-eoi-approve.json, decide-eoi-decline.json",
            "decide-eoi-decline.json, decide-eoi-approve.json",
            "decide-eoi-decline.json, decide-eoi-decline.json"})
    void aSecondDecisionIs409AndChangesNothing(String first, String second) {
        assertThat(decide(EventFiles.api(first)).getStatusCode()).isEqualTo(201);
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);
        clock.set(DECIDED.plusSeconds(60));
        handler = new DecideEoiHandler(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock,
                () -> "99999999-9999-4999-8999-999999999999"));

        JsonNode problem = Problems.assertProblem(decide(EventFiles.api(second)), 409);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/already-decided");
        assertThat(problem.path("detail").asText()).contains("already been decided");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    // ------------------------------------------------------------------ who and what

    @Test
    void anUnknownEoiIs404AndWritesNothing() {
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);
        String unknown = "00000000-0000-4000-8000-000000000000";
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setPathParameters(Map.of("id", unknown));

        JsonNode problem = Problems.assertProblem(decide(event), 404);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/not-found");
        assertThat(problem.path("detail").asText()).contains(unknown);
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @ParameterizedTest(name = "id {0} -> 404")
    @ValueSource(strings = {"not-a-uuid", "7C9E6679-7425-40DE-944B-E07FC1F90AE7", "../../etc/passwd", ""})
    void malformedIdsAre404(String id) {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setPathParameters(Map.of("id", id));

        Problems.assertProblem(decide(event), 404);
        assertThat(DynamoDbLocal.scanType(table, "DECISION")).isEmpty();
    }

    @Test
    void anIdLongerThanADynamoDbKeyAllowsIs404NotA500() {
        // A partition key holds at most 2048 bytes: passed on, DynamoDB would refuse the key and the answer be a 500.
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setPathParameters(Map.of("id", "a".repeat(2100)));

        Problems.assertProblem(decide(event), 404);
    }

    @Test
    void noIdInThePathIs404() {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setPathParameters(null);

        Problems.assertProblem(decide(event), 404);
    }

    @Test
    void decideEoiSchoolUserEventIs403AndChangesNothing() {
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        JsonNode problem = Problems.assertProblem(decide(EventFiles.api("decide-eoi-school-user.json")), 403);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/forbidden");
        assertThat(problem.toString()).doesNotContain("Ōtaki");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void aSchoolUserIs403EvenWithABadBody() {
        // Who may decide is settled before the body is read: a school user learns nothing about the body rules.
        Problems.assertProblem(decide(withBody("decide-eoi-school-user.json", "{\"decision\": \"MAYBE\"}")), 403);
    }

    @Test
    void aUserInNoGroupIs403() {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        EventFiles.claims(event).remove("cognito:groups");

        Problems.assertProblem(decide(event), 403);
        assertThat(DynamoDbLocal.scanType(table, "DECISION")).isEmpty();
    }

    @Test
    void noVerifiedIdentityIs401() {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.getRequestContext().setAuthorizer(null);

        Problems.assertProblem(decide(event), 401);
        assertThat(DynamoDbLocal.scanType(table, "DECISION")).isEmpty();
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("an unknown field", "{\"decision\": \"APPROVED\", \"colour\": \"blue\"}", "colour"),
                Arguments.of("a forged decider", "{\"decision\": \"APPROVED\", \"decidedBy\": {\"sub\": \"x\"}}", "decidedBy"),
                Arguments.of("a community id chosen by the caller",
                        "{\"decision\": \"APPROVED\", \"communityId\": \"" + SAMPLE_COMMUNITY_ID + "\"}", "communityId"),
                Arguments.of("decision MAYBE", "{\"decision\": \"MAYBE\"}", "decision"),
                Arguments.of("decision in lower case", "{\"decision\": \"approved\"}", "decision"),
                Arguments.of("decision not a string", "{\"decision\": true}", "decision"),
                Arguments.of("no decision", "{\"wave\": \"2026 Wave 1\"}", "decision"),
                Arguments.of("decision null", "{\"decision\": null}", "decision"),
                Arguments.of("wave of 51 characters", "{\"decision\": \"APPROVED\", \"wave\": \"" + "w".repeat(51) + "\"}", "wave"),
                Arguments.of("wave a number", "{\"decision\": \"APPROVED\", \"wave\": 1}", "wave"),
                Arguments.of("wave blank", "{\"decision\": \"APPROVED\", \"wave\": \"  \"}", "wave"),
                Arguments.of("reason blank on a decline", "{\"decision\": \"DECLINED\", \"reason\": \" \"}", "reason"),
                Arguments.of("reason of 2001 characters",
                        "{\"decision\": \"DECLINED\", \"reason\": \"" + "r".repeat(2001) + "\"}", "reason"),
                Arguments.of("malformed JSON", "{\"decision\": \"APPROVED\",", "body"),
                Arguments.of("trailing tokens", "{\"decision\": \"APPROVED\"} {}", "body"),
                Arguments.of("a duplicated key", "{\"decision\": \"DECLINED\", \"decision\": \"APPROVED\"}", "body"),
                Arguments.of("an array", "[{\"decision\": \"APPROVED\"}]", "body"),
                Arguments.of("JSON null", "null", "body"));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {2}")
    @MethodSource("badBodies")
    void aBadBodyIs400NamingTheFieldAndChangesNothing(String what, String body, String field) {
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        JsonNode problem = Problems.assertProblem(decide(withBody("decide-eoi-approve.json", body)), 400);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/validation");
        assertThat(Problems.errorFields(problem)).containsExactly(field);
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void aWrongContentTypeIs415AndChangesNothing() {
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.getHeaders().put("content-type", "text/plain; charset=utf-8");

        JsonNode problem = Problems.assertProblem(decide(event), 415);

        assertThat(problem.path("type").asText()).isEqualTo("/problems/unsupported-media-type");
        assertThat(problem.path("detail").asText()).contains("text/plain");
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }

    @Test
    void noBodyIs400NamingTheBody() {
        APIGatewayV2HTTPEvent event = EventFiles.api("decide-eoi-approve.json");
        event.setBody(null);

        JsonNode problem = Problems.assertProblem(decide(event), 400);

        assertThat(Problems.errorFields(problem)).containsExactly("body");
        assertThat(DynamoDbLocal.scanType(table, "DECISION")).isEmpty();
    }

    @Test
    void dynamoDbDependencyDownIs500NamingOnlyTheRequestId() {
        URI closed = URI.create("http://localhost:" + FreePort.find());
        DecideEoiHandler down = new DecideEoiHandler(new CommunityFormation(
                new DynamoEoiStore(DynamoDbLocal.clientFor(closed), table),
                new DynamoDecisionStore(DynamoDbLocal.clientFor(closed), table), clock, () -> SAMPLE_COMMUNITY_ID));
        TestContext context = new TestContext("DecideEoiFunction", "decide-req-9");
        List<Map<String, AttributeValue>> before = DynamoDbLocal.scan(table);

        APIGatewayV2HTTPResponse response = down.handleRequest(EventFiles.api("decide-eoi-approve.json"), context);

        JsonNode problem = Problems.assertProblem(response, 500);
        assertThat(problem.path("type").asText()).isEqualTo("/problems/internal");
        assertThat(problem.path("detail").asText())
                .isEqualTo("the request could not be completed; quote request id decide-req-9");
        assertThat(SubmitEoiHandlerIntegrationTest.fieldNames(problem)).containsExactlyInAnyOrder("type", "title", "status", "detail");
        assertThat(response.getBody()).doesNotContain(table, "localhost", String.valueOf(closed.getPort()),
                "Exception", SAMPLE_EOI_ID);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR")
                .contains("POST /expressions-of-interest/{id}/decision"));
        assertThat(DynamoDbLocal.scan(table)).isEqualTo(before);
    }
}
