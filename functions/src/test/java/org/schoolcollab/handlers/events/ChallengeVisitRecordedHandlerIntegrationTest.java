package org.schoolcollab.handlers.events;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.notify.adapters.DynamoNotificationStore;
import org.schoolcollab.notify.adapters.OutboxMailSender;
import org.schoolcollab.plan.AchievementChallenge;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanFileType;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.plan.adapters.PlanItemMapper;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.StreamEvents;
import org.schoolcollab.testsupport.TableServices;
import org.schoolcollab.testsupport.TestContext;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import org.schoolcollab.visit.ChallengeVisitService;
import org.schoolcollab.visit.OnChallengeVisitRecorded;
import org.schoolcollab.visit.adapters.VisitItemMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visit reaction, fed VISIT inserts from the table's real stream: the cluster's contact told the outcome
 * (changes required: upload a new plan version) and staff told, once per visit.
 */
class ChallengeVisitRecordedHandlerIntegrationTest {
    private static final String CONTACT = "head@budmouth.example.sch.uk";
    private static final String STAFF = "board@example.org";
    private static final String PLAN_V1 = "8e1b4c7a-2d5f-4a9e-b3c6-1f0d2e4a6b8c";
    private static final String PLAN_V2 = "3a7c9e1b-5d2f-4b8a-9c6e-0f4d2b8a6e1c";

    @TempDir
    Path outbox;
    private String table;
    private MutableClock clock;
    private ChallengeVisitRecordedHandler handler;
    private String communityId;
    private String changesVisitId;
    private String onTrackVisitId;

    @BeforeEach
    void setUp() {
        table = DynamoDbLocal.createTable("visited");
        clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        handler = new ChallengeVisitRecordedHandler(new OnChallengeVisitRecorded(
                new NotificationDelivery(new DynamoNotificationStore(DynamoDbLocal.client(), table),
                        new OutboxMailSender(outbox, "no-reply@example.org"), clock), STAFF, InMemoryWorld.LINKS));
        DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
        Actor school = new Actor("sub-h", "head@example.sch.uk", Set.of("school"), Optional.of("8201"));
        var body = EoiBodies.withSchools("Weymouth and Portland Cluster", "8201", "8202");
        body.put("programme", "school-improvement");
        body.putObject("contact").put("name", "Helen Marsh").put("email", CONTACT);
        var submitted = Requests.submit(new EoiService(store, clock), school, EoiBodies.text(body), Optional.empty());
        Actor staff = new Actor("staff-1", "office@example.org", Set.of("staff"), Optional.empty());
        communityId = Requests.decide(new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock), staff,
                submitted.location().substring(submitted.location().lastIndexOf('/') + 1),
                "{\"decision\":\"APPROVED\"}").communityId();

        ChallengeVisitService visits = TableServices.visits(DynamoDbLocal.client(), table, clock);
        plan(PLAN_V1, 1);
        clock.set(Instant.parse("2026-03-06T15:00:00Z"));
        changesVisitId = Requests.record(visits, staff, communityId, "{\"visitDate\":\"2026-03-06\",\"planId\":\"" + PLAN_V1
                + "\",\"outcome\":\"CHANGES_REQUIRED\",\"notes\":\"Add a measure for Year 9 reading.\"}").id();
        plan(PLAN_V2, 2);
        clock.set(Instant.parse("2026-03-09T11:30:00Z"));
        onTrackVisitId = Requests.record(visits, staff, communityId, "{\"visitDate\":\"2026-03-09\",\"planId\":\"" + PLAN_V2
                + "\",\"outcome\":\"ON_TRACK\"}").id();
    }

    /** A plan item in the agreed shape, as the plan upload writes it. */
    /** A received version of the cluster's action plan, as the plan-received check leaves it. */
    private void plan(String planId, int version) {
        Plan registered = Plan.registered(planId, communityId, Programme.SCHOOL_IMPROVEMENT, "Cluster",
                "action-plan.pdf", PlanFileType.PDF, 2048, "plans/" + communityId + "/" + planId + "/action-plan.pdf",
                List.of(new AchievementChallenge(ChallengeArea.ATTENDANCE, "Attendance", "Weekly rate")), "sub-h",
                "head@example.sch.uk", clock.instant()).withVersion(version);
        Plan received = new Plan(planId, communityId, registered.programme(), registered.communityName(), version,
                PlanStatus.RECEIVED, registered.fileName(), registered.fileType(), registered.sizeBytes(),
                registered.objectKey(), registered.achievementChallenges(), registered.registeredBySub(),
                registered.registeredByEmail(), registered.registeredAt(), clock.instant(), null, null, "etag", null, null);
        DynamoDbLocal.client().putItem(b -> b.tableName(table).item(PlanItemMapper.toItem(received)));
    }

    /** What the function's FilterCriteria lets through: inserted VISIT items. */
    private DynamodbEvent visitInserts() {
        return StreamEvents.event(StreamEvents.readStream(table).stream()
                .filter(r -> StreamEvents.isInsertOfType(r, VisitItemMapper.TYPE)).toList(), StreamEvents.streamArn(table));
    }

    /** The outbox's mails, oldest first. */
    private List<JsonNode> mails() throws IOException {
        List<JsonNode> mails = new ArrayList<>();
        try (Stream<Path> files = Files.list(outbox)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                mails.add(Json.parse(Files.readString(p)));
            }
        }
        mails.sort(Comparator.comparing(m -> m.path("sentAt").asText()));
        return mails;
    }

    private JsonNode mailWithSubject(List<JsonNode> mails, String subject) {
        return mails.stream().filter(m -> m.path("subject").asText().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no mail with subject " + subject + " in " + mails));
    }

    @Test
    void theContactIsToldEachOutcomeAndStaffEachVisitEvenWhenReplayed() throws IOException {
        DynamodbEvent event = visitInserts();
        assertThat(event.getRecords()).hasSize(2);

        StreamsEventResponse response = handler.handleRequest(event, new TestContext("ChallengeVisitRecordedFunction"));

        assertThat(response.getBatchItemFailures()).isEmpty();
        List<JsonNode> mails = mails();
        assertThat(mails).hasSize(4);
        assertThat(mails).extracting(m -> m.path("to").asText()).containsExactlyInAnyOrder(CONTACT, CONTACT, STAFF, STAFF);

        JsonNode changes = mailWithSubject(mails, "Challenge visit: changes required to Weymouth and Portland Cluster's action plan");
        assertThat(changes.path("to").asText()).isEqualTo(CONTACT);
        assertThat(changes.path("text").asText())
                .contains("Dear Helen Marsh", "6 March 2026", "version 1", "changes are required",
                        "Add a measure for Year 9 reading.", "upload the new version",
                        "https://schools.example.org/#/communities/" + communityId)
                .doesNotContain("POST ", "/plans", changesVisitId);

        JsonNode onTrack = mailWithSubject(mails, "Challenge visit: Weymouth and Portland Cluster is on track");
        assertThat(onTrack.path("to").asText()).isEqualTo(CONTACT);
        assertThat(onTrack.path("text").asText()).contains("9 March 2026", "version 2", "on track")
                .doesNotContain("/plans", "Notes");

        assertThat(mailWithSubject(mails, "Challenge visit recorded: Weymouth and Portland Cluster (changes required)")
                .path("to").asText()).isEqualTo(STAFF);
        assertThat(mailWithSubject(mails, "Challenge visit recorded: Weymouth and Portland Cluster (on track)")
                .path("text").asText()).contains("action plan version 2", "https://schools.example.org/#/communities/"
                + communityId).doesNotContain("staff-1");

        var notifications = DynamoDbLocal.scanType(table, DynamoNotificationStore.TYPE).stream()
                .filter(n -> n.get("kind").s().startsWith("CHALLENGE_VISIT_")).toList();
        assertThat(notifications).extracting(n -> n.get("kind").s()).containsExactlyInAnyOrder(
                OnChallengeVisitRecorded.TO_CONTACT + "#" + changesVisitId, OnChallengeVisitRecorded.TO_STAFF + "#" + changesVisitId,
                OnChallengeVisitRecorded.TO_CONTACT + "#" + onTrackVisitId, OnChallengeVisitRecorded.TO_STAFF + "#" + onTrackVisitId);
        assertThat(notifications).allSatisfy(n -> {
            assertThat(n.get("pk").s()).isEqualTo("COMMUNITY#" + communityId);
            assertThat(n.get("communityId").s()).isEqualTo(communityId);
            assertThat(n.get("status").s()).isEqualTo("SENT");
        });

        handler.handleRequest(event, new TestContext("ChallengeVisitRecordedFunction"));
        handler.handleRequest(visitInserts(), new TestContext("ChallengeVisitRecordedFunction"));
        assertThat(mails()).as("a replay sends nothing").hasSize(4);
    }

    @Test
    void aPoisonVisitIsReportedAloneAndTheOtherIsSent() throws IOException {
        DynamodbEvent event = visitInserts();
        event.getRecords().getFirst().getDynamodb().getNewImage().remove("outcome");
        String poison = event.getRecords().getFirst().getDynamodb().getSequenceNumber();
        TestContext context = new TestContext("ChallengeVisitRecordedFunction");

        StreamsEventResponse response = handler.handleRequest(event, context);

        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly(poison);
        assertThat(context.logLines()).anySatisfy(line -> assertThat(line).startsWith("ERROR").contains(poison));
        assertThat(mails()).extracting(m -> m.path("subject").asText()).containsExactlyInAnyOrder(
                "Challenge visit: Weymouth and Portland Cluster is on track",
                "Challenge visit recorded: Weymouth and Portland Cluster (on track)");
    }
}
