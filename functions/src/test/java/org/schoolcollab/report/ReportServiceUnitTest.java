package org.schoolcollab.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EoiSteps;
import org.schoolcollab.testsupport.Outsiders;
import org.schoolcollab.testsupport.Refusals;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A programme in numbers over the fakes. Seven kahui-ako applications: A (rolls 120, 250, 500) and B (80, 90)
 * approved in wave 1, C declined in wave 1, D (300, 310) approved in wave 2, E declined in no wave, F pending,
 * G withdrawn; and one school-improvement cluster approved in wave 1. Each approval's formation allowance is
 * recorded as the stream would record it.
 */
class ReportServiceUnitTest {
    private static final String W1 = "2026 Wave 1";
    private static final String W2 = "2026 Wave 2";
    private static final Actor STAFF = DecisionBodies.staff();

    private final InMemoryWorld world = new InMemoryWorld();
    private final EoiSteps steps = new EoiSteps(world);
    private final ReportService reports = world.reportService();
    private EoiDecision a;
    private EoiDecision d;
    private final List<EoiDecision> approvals = new ArrayList<>();

    /** An application of schools numbered from {@code first} on, with these rolls, by a user of the first. */
    private ExpressionOfInterest apply(String name, int first, int... rolls) {
        ObjectNode body = EoiBodies.valid().put("communityName", "Kāhui Ako " + name);
        ArrayNode schools = body.putArray("schools");
        for (int i = 0; i < rolls.length; i++) {
            String number = String.valueOf(first + i);
            schools.add(EoiBodies.school(number, "Kura " + number, "PRIMARY", rolls[i], "6.5"));
        }
        return steps.submit(DecisionBodies.schoolUser("sub-" + first, String.valueOf(first)), body);
    }

    private EoiDecision approve(ExpressionOfInterest eoi, String wave) {
        EoiDecision decision = steps.approve(eoi.id(), wave);
        assertThat(world.onCommunityFormed().react(decision)).isEqualTo(
                eoi.application().programme() == Programme.KAHUI_AKO ? eoi.application().schools().size() : 0);
        approvals.add(decision);
        return decision;
    }

    private void decline(ExpressionOfInterest eoi, String wave) {
        ObjectNode body = DecisionBodies.object("DECLINED").put("reason", "Not in this round.");
        if (wave != null) {
            body.put("wave", wave);
        }
        world.onCommunityFormed().react(steps.decide(eoi.id(), body));
    }

    @BeforeEach
    void twoWaves() {
        a = approve(apply("A", 1000, 120, 250, 500), W1);
        approve(apply("B", 1010, 80, 90), W1);
        decline(apply("C", 1020, 100, 100), W1);
        d = approve(apply("D", 1030, 300, 310), W2);
        decline(apply("E", 1040, 100, 100), null);
        apply("F", 1050, 100, 100);
        ExpressionOfInterest g = ExpressionOfInterest.submitted("00000000-0000-4000-8000-0000000000ff",
                SubmitEoiRequest.parse(EoiBodies.text(EoiBodies.withSchools("Kāhui Ako G", "1060", "1061"))), "sub-1060",
                "g@example.school.nz", world.clock.instant());
        world.eois.create(new ExpressionOfInterest(g.id(), g.application(), EoiStatus.WITHDRAWN, g.submittedBySub(),
                g.submittedByEmail(), g.submittedAt(), g.history()), Optional.empty());
        approve(steps.submit(DecisionBodies.schoolUser("dorset", "2000"),
                EoiBodies.withSchools("Weymouth Cluster", "2000", "2001", "2002").put("programme", "school-improvement")), W1);
        world.clock.set(Instant.parse("2026-06-30T03:00:00Z"));
    }

    private ProgrammeSummary report(Programme programme, String wave) {
        return reports.summary(STAFF, programme, Optional.ofNullable(wave));
    }

    private static ProgrammeSummary.FundingTotal total(FundingKind kind, String value, String currency) {
        return new ProgrammeSummary.FundingTotal(kind.name(), Money.of(value, currency));
    }

    private void record(EoiDecision decision, String source, FundingKind kind, Money amount, BigDecimal hours) {
        world.funding.recordIfAbsent(new FundingRecord(decision.communityId(), "kahui-ako", source,
                new FundingLine(kind, null, amount, hours, hours == null ? null : "HOURS", "YEAR", "test-policy", "1",
                        Map.of()), world.clock.instant()));
    }

    @Test
    void aWavesFiguresCountItsDecisionsAndCommunitiesButEveryApplicationReceived() {
        ProgrammeSummary s = report(Programme.KAHUI_AKO, W1);

        assertThat(s.programme()).isEqualTo(Programme.KAHUI_AKO);
        assertThat(s.wave()).isEqualTo(W1);
        assertThat(s.applications()).isEqualTo(new ProgrammeSummary.Applications(7, 2, 1, 1, 1));
        assertThat(List.of(s.communities(), s.schools(), s.pupils())).containsExactly(2L, 5L, 1040L);
        assertThat(s.funding()).containsExactly(total(FundingKind.FORMATION_ALLOWANCE, "5000.00", "NZD"));
        assertThat(s.generatedAt()).isEqualTo(Instant.parse("2026-06-30T03:00:00Z"));
    }

    @Test
    void withoutAWaveTheWholeProgrammeIsCounted() {
        ProgrammeSummary s = report(Programme.KAHUI_AKO, null);

        assertThat(s.wave()).isNull();
        assertThat(s.applications()).isEqualTo(new ProgrammeSummary.Applications(7, 3, 2, 1, 1));
        assertThat(List.of(s.communities(), s.schools(), s.pupils())).containsExactly(3L, 7L, 1650L);
        assertThat(s.funding()).containsExactly(total(FundingKind.FORMATION_ALLOWANCE, "7000.00", "NZD"));
    }

    @Test
    void theSecondWaveHasOnlyItsOwn() {
        ProgrammeSummary s = report(Programme.KAHUI_AKO, W2);

        assertThat(s.applications()).isEqualTo(new ProgrammeSummary.Applications(7, 1, 0, 1, 1));
        assertThat(List.of(s.communities(), s.schools(), s.pupils())).containsExactly(1L, 2L, 610L);
        assertThat(s.funding()).containsExactly(total(FundingKind.FORMATION_ALLOWANCE, "2000.00", "NZD"));
    }

    @Test
    void aWaveWithNothingInItIsZerosAndAWaveIsMatchedExactly() {
        for (String wave : List.of("2016-03", "2026 Wave", "2026 Wave 1 ", "2026 wave 1")) {
            ProgrammeSummary s = report(Programme.KAHUI_AKO, wave);

            assertThat(s.applications()).as(wave).isEqualTo(new ProgrammeSummary.Applications(7, 0, 0, 1, 1));
            assertThat(List.of(s.communities(), s.schools(), s.pupils())).as(wave).containsOnly(0L);
            assertThat(s.funding()).as(wave).isEmpty();
        }
    }

    @Test
    void eachProgrammeHasItsOwnFiguresWhateverTheWavesAreCalled() {
        ProgrammeSummary s = report(Programme.SCHOOL_IMPROVEMENT, W1);

        assertThat(s.applications()).isEqualTo(new ProgrammeSummary.Applications(1, 1, 0, 0, 0));
        assertThat(List.of(s.communities(), s.schools(), s.pupils())).containsExactly(1L, 3L, 300L);
        assertThat(s.funding()).as("no formation allowance under school-improvement").isEmpty();
    }

    @Test
    void fundingIsTotalledByKindThenCurrencyCountingMoneyOnly() {
        record(a, "grant-1", FundingKind.GRANT, Money.of("2500.00", "NZD"), null);
        record(a, "grant-2", FundingKind.GRANT, Money.of("150.50", "AUD"), null);
        record(a, "grant-3", FundingKind.GRANT, Money.of("0.50", "NZD"), null);
        record(a, "inquiry", FundingKind.INQUIRY_HOURS, null, new BigDecimal("40"));
        record(a, "leader", FundingKind.COMMUNITY_LEADER_ROLE, Money.of("5000.00", "NZD"), new BigDecimal("0.4"));
        record(d, "grant-4", FundingKind.GRANT, Money.of("1000.00", "NZD"), null);

        assertThat(report(Programme.KAHUI_AKO, W1).funding()).containsExactly(
                total(FundingKind.COMMUNITY_LEADER_ROLE, "5000.00", "NZD"),
                total(FundingKind.FORMATION_ALLOWANCE, "5000.00", "NZD"),
                total(FundingKind.GRANT, "150.50", "AUD"),
                total(FundingKind.GRANT, "2500.50", "NZD"));
        assertThat(report(Programme.KAHUI_AKO, null).funding()).contains(
                total(FundingKind.FORMATION_ALLOWANCE, "7000.00", "NZD"), total(FundingKind.GRANT, "3500.50", "NZD"));
    }

    @Test
    void aReplayedApprovalAddsNoMoney() {
        approvals.forEach(decision -> assertThat(world.onCommunityFormed().react(decision)).isZero());

        assertThat(report(Programme.KAHUI_AKO, null).funding())
                .containsExactly(total(FundingKind.FORMATION_ALLOWANCE, "7000.00", "NZD"));
        assertThat(world.funding.all()).hasSize(7);
    }

    @Test
    void onlyStaffSeeTheFigures() {
        assertThat(Refusals.of(Rejection.Forbidden.class, List.of(DecisionBodies.schoolUser("sub-1000", "1000"),
                Outsiders.inNoGroup()), actor -> reports.summary(actor, Programme.KAHUI_AKO, Optional.of(W1))))
                .extracting(Rejection::getMessage).containsOnly("this action is for programme staff");
    }
}
