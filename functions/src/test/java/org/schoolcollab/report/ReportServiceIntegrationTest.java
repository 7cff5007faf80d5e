package org.schoolcollab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.api.ReportJson;
import org.schoolcollab.community.CommunityFormation;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.community.adapters.DynamoDecisionStore;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.adapters.DynamoEoiStore;
import org.schoolcollab.eoi.adapters.EoiItemMapper;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.OnCommunityFormed;
import org.schoolcollab.funding.adapters.DynamoFundingStore;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.report.adapters.DynamoReportStore;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.DynamoDbLocal;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.MutableClock;
import org.schoolcollab.testsupport.Problem;
import org.schoolcollab.testsupport.Requests;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first New Zealand wave reproduced (shared/FACTS.md §1): in December 2014 the Minister approved 11
 * communities from 71 expressions of interest, 83 schools and about 38,000 pupils. Here 71 kahui-ako
 * applications go in through {@link EoiService}, 11 of them (83 schools, rolls summing to 38,000) are approved
 * in wave 2014-12 through {@link CommunityFormation}, each approval is given to {@link OnCommunityFormed} as the
 * stream would give it, and the report over DynamoDB Local shows exactly those figures.
 */
class ReportServiceIntegrationTest {
    static final String WAVE = "2014-12";
    static final String NEXT_WAVE = "2015-05";
    static final int APPLICATIONS = 71;
    /** Schools in each of the 11 approved communities: 6 of 8 and 5 of 7, 83 in all. */
    static final int[] APPROVED_SIZES = {8, 8, 8, 8, 8, 8, 7, 7, 7, 7, 7};
    static final int PUPILS = 38_000;
    /** Queries go a few items a page, so every read must follow LastEvaluatedKey to the end. */
    static final int PAGE = 4;
    private static final Instant OPENED = Instant.parse("2014-10-01T21:00:00Z");

    /** The first wave, loaded once for the tests that only read; tests that decide more load their own. */
    private static FirstWave shared;
    private FirstWave wave;
    private MutableClock reportClock;
    private SmallPagesClient reads;
    private ReportService reports;

    @BeforeAll
    static void loadOnce() {
        shared = FirstWave.load();
    }

    @BeforeEach
    void reportOnTheSharedWave() {
        use(shared);
    }

    /** Reports on this wave's table, through a client of small pages that records every query. */
    private void use(FirstWave w) {
        wave = w;
        reportClock = new MutableClock(Instant.parse("2014-12-18T03:00:00Z"));
        reads = new SmallPagesClient(DynamoDbLocal.client());
        reports = new ReportService(new DynamoReportStore(reads, w.table), new DynamoFundingStore(reads, w.table),
                reportClock);
    }

    /**
     * 71 kahui-ako applications through EoiService, 11 of them (83 schools, 38,000 pupils) approved in wave
     * 2014-12 through CommunityFormation, each approval then given to OnCommunityFormed as the stream would.
     */
    static final class FirstWave {
        final String table = DynamoDbLocal.createTable("report");
        final MutableClock clock = new MutableClock(OPENED);
        final EoiService eois;
        final CommunityFormation decisions;
        final OnCommunityFormed formationFunding;
        /** The 11 applications approved in wave 2014-12, and the 60 others (two schools each). */
        final List<String> firstWave = new ArrayList<>();
        final List<String> others = new ArrayList<>();
        final List<EoiDecision> approvals = new ArrayList<>();

        private FirstWave() {
            DynamoEoiStore store = new DynamoEoiStore(DynamoDbLocal.client(), table);
            eois = new EoiService(store, clock);
            decisions = new CommunityFormation(store, new DynamoDecisionStore(DynamoDbLocal.client(), table), clock);
            formationFunding = new OnCommunityFormed(FundingPolicies.shipped(),
                    new DynamoFundingStore(DynamoDbLocal.client(), table), clock);
        }

        static FirstWave load() {
            FirstWave w = new FirstWave();
            List<Integer> rolls = firstWaveRolls();
            int approvedSchool = 0;
            int otherSchool = 0;
            for (int i = 0; i < APPLICATIONS; i++) {
                w.clock.advance(Duration.ofMinutes(37));
                // The approved applications are spread through the submissions, not the first 11.
                boolean approve = i % 6 == 2 && w.firstWave.size() < APPROVED_SIZES.length;
                List<ObjectNode> schools = new ArrayList<>();
                if (approve) {
                    int community = w.firstWave.size();
                    for (int s = 0; s < APPROVED_SIZES[community]; s++) {
                        String number = String.valueOf(1000 + community * 10 + s);
                        schools.add(EoiBodies.school(number, "Kura " + number, s == 0 ? "SECONDARY" : "PRIMARY",
                                rolls.get(approvedSchool++), s == 0 ? "32.5" : "12.4"));
                    }
                    w.firstWave.add(w.submit("Kāhui Ako " + (community + 1), schools));
                } else {
                    for (int s = 0; s < 2; s++) {
                        String number = String.valueOf(3000 + otherSchool++);
                        schools.add(EoiBodies.school(number, "Kura " + number, "PRIMARY", 100, "6.5"));
                    }
                    w.others.add(w.submit("Applicant " + (w.others.size() + 1), schools));
                }
            }
            assertThat(w.firstWave).hasSize(11);
            assertThat(w.others).hasSize(60);
            assertThat(approvedSchool).isEqualTo(83);

            w.clock.set(Instant.parse("2014-12-16T22:00:00Z"));
            for (String id : w.firstWave) {
                w.clock.advance(Duration.ofMinutes(5));
                w.approvals.add(w.decide(id, WAVE));
            }
            return w;
        }

        String submit(String communityName, List<ObjectNode> schools) {
            ObjectNode body = EoiBodies.valid();
            body.put("communityName", communityName);
            ArrayNode array = body.putArray("schools");
            schools.forEach(array::add);
            return submit(body);
        }

        String submit(ObjectNode body) {
            String first = body.path("schools").get(0).path("schoolNumber").asText();
            var submitted = Requests.submit(eois, DecisionBodies.schoolUser("sub-" + first, first), EoiBodies.text(body),
                    Optional.empty());
            return submitted.location().substring(submitted.location().lastIndexOf('/') + 1);
        }

        /** Approves in the wave, and runs the formation funding as the stream would on the decision record. */
        EoiDecision decide(String id, String wave) {
            EoiDecision d = Requests.decide(decisions, DecisionBodies.staff(), id,
                    Json.write(Json.object().put("decision", "APPROVED").put("wave", wave)));
            formationFunding.react(d);
            return d;
        }

        EoiDecision decline(String id, String wave) {
            EoiDecision d = Requests.decide(decisions, DecisionBodies.staff(), id, Json.write(Json.object()
                    .put("decision", "DECLINED").put("wave", wave).put("reason", "Not in this round.")));
            formationFunding.react(d);
            return d;
        }
    }

    /** 83 different rolls (200 to 699, then what makes 38,000), so a sum of anything else cannot come out right. */
    private static List<Integer> firstWaveRolls() {
        List<Integer> rolls = new ArrayList<>();
        for (int k = 0; k < 82; k++) {
            rolls.add(200 + (k * 97) % 500);
        }
        int last = PUPILS - rolls.stream().mapToInt(Integer::intValue).sum();
        assertThat(last).as("the last roll").isBetween(0, 10_000);
        rolls.add(last);
        return rolls;
    }

    private ProgrammeSummary report(String programme, String wave) {
        return Requests.summary(reports, DecisionBodies.staff(), Optional.of(programme), Optional.ofNullable(wave));
    }

    private static ProgrammeSummary.FundingTotal nzd(String value) {
        return new ProgrammeSummary.FundingTotal("FORMATION_ALLOWANCE", Money.of(value, "NZD"));
    }

    @Test
    void theFirstNewZealandWave() {
        ProgrammeSummary s = report("kahui-ako", WAVE);

        assertThat(s.programme().id()).isEqualTo("kahui-ako");
        assertThat(s.wave()).isEqualTo(WAVE);
        assertThat(s.applications()).isEqualTo(new ProgrammeSummary.Applications(71, 11, 0, 60, 0));
        assertThat(s.communities()).isEqualTo(11);
        assertThat(s.schools()).isEqualTo(83);
        assertThat(s.pupils()).isEqualTo(38_000);
        assertThat(s.funding()).containsExactly(nzd("83000.00"));
        assertThat(s.generatedAt()).isEqualTo(Instant.parse("2014-12-18T03:00:00Z"));
        assertThat(ReportJson.summary(s).toString()).isEqualTo("{\"programme\":\"kahui-ako\",\"wave\":\"2014-12\","
                + "\"applications\":{\"received\":71,\"approved\":11,\"declined\":0,\"pending\":60,\"withdrawn\":0},"
                + "\"communities\":11,\"schools\":83,\"pupils\":38000,"
                + "\"funding\":[{\"kind\":\"FORMATION_ALLOWANCE\",\"currency\":\"NZD\",\"value\":\"83000.00\"}],"
                + "\"generatedAt\":\"2014-12-18T03:00:00Z\"}");
    }

    @Test
    void withoutAWaveTheProgrammeHasTheSameFiguresWhileThereIsOneWave() {
        ProgrammeSummary s = report("kahui-ako", null);

        assertThat(s.wave()).isNull();
        assertThat(s.applications()).isEqualTo(new ProgrammeSummary.Applications(71, 11, 0, 60, 0));
        assertThat(List.of(s.communities(), s.schools(), s.pupils())).containsExactly(11L, 83L, 38_000L);
        assertThat(s.funding()).containsExactly(nzd("83000.00"));
        assertThat(ReportJson.summary(s).get("wave").isNull()).as("wave is null, not absent").isTrue();
    }

    @Test
    void readsAreQueriesOnGsi1AndTheCommunitiesFundingPartitionsFollowedToTheirLastPage() {
        report("kahui-ako", WAVE);

        assertThat(reads.queries).isNotEmpty().allSatisfy(q -> assertThat(
                "gsi1".equals(q.indexName()) || q.expressionAttributeValues().get(":pk").s().startsWith("COMMUNITY#"))
                .as("a gsi1 query or a community partition (the template's grants): %s", q).isTrue());
        long statusQueries = reads.queries.stream()
                .filter(q -> q.expressionAttributeValues().get(":pk").s().startsWith("EOI_STATUS#")).count();
        // 71 applications at 4 a page: many pages per status, each a query of its own.
        assertThat(statusQueries).isGreaterThan(APPLICATIONS / PAGE);
        assertThat(reads.queries.stream().filter(q -> q.indexName() == null).count())
                .as("funding partitions: 11 communities of 7 or 8 records, 4 a page").isGreaterThanOrEqualTo(11 * 2);
    }

    @Test
    void aSchoolImprovementReportInTheSameTableShowsNoneOfIt() {
        ProgrammeSummary s = report("school-improvement", WAVE);
        ProgrammeSummary all = report("school-improvement", null);

        for (ProgrammeSummary r : List.of(s, all)) {
            assertThat(r.programme().id()).isEqualTo("school-improvement");
            assertThat(r.applications()).isEqualTo(new ProgrammeSummary.Applications(0, 0, 0, 0, 0));
            assertThat(List.of(r.communities(), r.schools(), r.pupils())).containsOnly(0L);
            assertThat(r.funding()).isEmpty();
        }
    }

    @Test
    void aClusterApprovedInAWaveOfTheSameNameStaysInItsOwnProgramme() {
        use(FirstWave.load());
        ObjectNode body = EoiBodies.withSchools("Weymouth and Portland Cluster", "1000", "1001", "1002");
        body.put("programme", "school-improvement");
        wave.decide(wave.submit(body), WAVE);

        ProgrammeSummary dorset = report("school-improvement", WAVE);
        ProgrammeSummary nz = report("kahui-ako", WAVE);

        assertThat(dorset.applications()).isEqualTo(new ProgrammeSummary.Applications(1, 1, 0, 0, 0));
        assertThat(List.of(dorset.communities(), dorset.schools(), dorset.pupils())).containsExactly(1L, 3L, 300L);
        assertThat(dorset.funding()).as("no formation allowance under school-improvement").isEmpty();
        assertThat(nz.applications()).isEqualTo(new ProgrammeSummary.Applications(71, 11, 0, 60, 0));
        assertThat(List.of(nz.communities(), nz.schools(), nz.pupils())).containsExactly(11L, 83L, 38_000L);
        assertThat(nz.funding()).containsExactly(nzd("83000.00"));
    }

    @Test
    void aSecondWavesDecisionsDoNotLeakIntoTheFirst() {
        use(FirstWave.load());
        wave.clock.set(Instant.parse("2015-05-20T22:00:00Z"));
        for (String id : wave.others.subList(0, 3)) {
            wave.clock.advance(Duration.ofMinutes(5));
            wave.decide(id, NEXT_WAVE);
        }
        wave.decline(wave.others.get(3), NEXT_WAVE);
        wave.decline(wave.others.get(4), NEXT_WAVE);

        ProgrammeSummary first = report("kahui-ako", WAVE);
        ProgrammeSummary second = report("kahui-ako", NEXT_WAVE);
        ProgrammeSummary all = report("kahui-ako", null);

        // received and pending are not narrowed by a wave: all applications, and those undecided now.
        assertThat(first.applications()).isEqualTo(new ProgrammeSummary.Applications(71, 11, 0, 55, 0));
        assertThat(List.of(first.communities(), first.schools(), first.pupils())).containsExactly(11L, 83L, 38_000L);
        assertThat(first.funding()).containsExactly(nzd("83000.00"));

        assertThat(second.applications()).isEqualTo(new ProgrammeSummary.Applications(71, 3, 2, 55, 0));
        assertThat(List.of(second.communities(), second.schools(), second.pupils())).containsExactly(3L, 6L, 600L);
        assertThat(second.funding()).containsExactly(nzd("6000.00"));

        assertThat(all.applications()).isEqualTo(new ProgrammeSummary.Applications(71, 14, 2, 55, 0));
        assertThat(List.of(all.communities(), all.schools(), all.pupils())).containsExactly(14L, 89L, 38_600L);
        assertThat(all.funding()).containsExactly(nzd("89000.00"));

        assertThat(report("kahui-ako", "2016-03").applications())
                .as("a wave with no decisions").isEqualTo(new ProgrammeSummary.Applications(71, 0, 0, 55, 0));
    }

    @Test
    void aReplayedApprovalOnTheStreamAddsNoMoney() {
        wave.approvals.forEach(d -> assertThat(wave.formationFunding.react(d)).as("stored again").isZero());

        assertThat(report("kahui-ako", WAVE).funding()).containsExactly(nzd("83000.00"));
    }

    @Test
    void theApplicationCarriesItsDecisionsWave() {
        use(FirstWave.load());
        EoiDecision declined = Requests.decide(wave.decisions, DecisionBodies.staff(), wave.others.getFirst(),
                DecisionBodies.decline("no wave named"));

        var approved = item(wave.firstWave.getFirst());
        var undecided = item(wave.others.get(1));
        var declinedItem = item(declined.eoiId());

        assertThat(approved.get("wave").s()).isEqualTo(WAVE);
        assertThat(undecided).doesNotContainKey("wave");
        assertThat(declinedItem).as("a decision without a wave sets none").doesNotContainKey("wave");
        assertThat(report("kahui-ako", null).applications().declined()).isEqualTo(1);
        assertThat(report("kahui-ako", WAVE).applications().declined()).isZero();
    }

    @Test
    void aWaveIsMatchedExactly() {
        assertThat(report("kahui-ako", "2014-1").communities()).isZero();
        assertThat(report("kahui-ako", "2014-12 ").communities()).isZero();
        assertThat(report("kahui-ako", "2014-12").communities()).isEqualTo(11);
    }

    @Test
    void onlyStaffAndOnlyAKnownProgramme() {
        assertThatThrownBy(() -> Requests.summary(reports, DecisionBodies.schoolUser("sub-1000", "1000"),
                Optional.of("kahui-ako"), Optional.of(WAVE)))
                .satisfies(e -> assertThat(Problem.of(e).status()).isEqualTo(403));
        assertThatThrownBy(() -> report("kahui_ako", WAVE))
                .satisfies(e -> assertThat(Problem.of(e).errors())
                        .extracting(f -> f.field()).containsExactly("programme"));
        assertThat(reads.queries).as("refused before any read").isEmpty();
    }

    private java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(String eoiId) {
        return DynamoDbLocal.client().getItem(b -> b.tableName(wave.table).key(EoiItemMapper.key(eoiId))
                .consistentRead(true)).item();
    }

    /**
     * DynamoDB Local, a few items a page, so paging is exercised: every query is recorded; anything but a
     * query (a Scan) is refused by the interface's defaults.
     */
    static final class SmallPagesClient implements DynamoDbClient {
        final List<QueryRequest> queries = new CopyOnWriteArrayList<>();
        private final DynamoDbClient real;

        SmallPagesClient(DynamoDbClient real) {
            this.real = real;
        }

        @Override
        public QueryResponse query(QueryRequest request) {
            queries.add(request);
            return real.query(request.toBuilder().limit(PAGE).build());
        }

        @Override
        public String serviceName() {
            return real.serviceName();
        }

        @Override
        public void close() {}
    }
}
