package org.schoolcollab.report;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.community;
import static org.schoolcollab.testsupport.WorldSetUp.endorsed;
import static org.schoolcollab.testsupport.WorldSetUp.refused;

/**
 * Finance's report over the in-memory world: a programme's funding records from one day to another, both days
 * included and counted in the programme's zone, each with the names people know, and the money totalled by kind and
 * currency so an import can be reconciled.
 */
class FundingReportServiceUnitTest {
    private final InMemoryWorld world = new InMemoryWorld();
    private final FundingReportService service = world.fundingReportService();
    private final EoiDecision approval = approve(world, EoiBodies.valid());
    /** Formed 21:14 UTC on 2 March 2026: 3 March in Ōtaki. */
    private final Community otaki = community(world, approval);

    FundingReportServiceUnitTest() {
        world.onCommunityFormed().react(approval);
    }

    private FundingReport report(Programme programme, String from, String to) {
        return service.report(STAFF, programme, Optional.ofNullable(from).map(LocalDate::parse),
                Optional.ofNullable(to).map(LocalDate::parse));
    }

    @Test
    void eachRecordIsARowWithItsCommunityAndSchoolNamesAndTheMoneyIsTotalledByKindAndCurrency() {
        endorsed(world, otaki);

        FundingReport report = report(Programme.KAHUI_AKO, null, null);

        assertThat(report.programme()).isEqualTo(Programme.KAHUI_AKO);
        assertThat(report.from()).isEmpty();
        assertThat(report.to()).isEmpty();
        assertThat(report.rows()).as("3 formation allowances, 8 roles with their induction lines, 3 schools' hours")
                .hasSize(3 + 16 + 3).allSatisfy(r -> assertThat(r.communityName()).isEqualTo("Kāhui Ako o Ōtaki"));
        assertThat(report.rows()).filteredOn(r -> r.record().line().kind() == FundingKind.FORMATION_ALLOWANCE)
                .extracting(FundingReport.Row::schoolName)
                .containsExactly("Ōtaki School", "Waitohu School", "Ōtaki College");
        assertThat(report.rows()).extracting(r -> r.record().createdAt()).isSorted();
        assertThat(report.totals()).containsExactly(
                new FundingReport.Total(FundingKind.ACROSS_SCHOOL_TEACHER_ROLE, Money.of("16000.00", "NZD"), 1),
                new FundingReport.Total(FundingKind.COMMUNITY_LEADER_ROLE, Money.of("25000.00", "NZD"), 1),
                new FundingReport.Total(FundingKind.FORMATION_ALLOWANCE, Money.of("3000.00", "NZD"), 3),
                new FundingReport.Total(FundingKind.ROLE_INDUCTION_AND_NETWORKING, Money.of("4150.00", "NZD"), 8),
                new FundingReport.Total(FundingKind.WITHIN_SCHOOL_TEACHER_ROLE, Money.of("48000.00", "NZD"), 6));
        assertThat(report.totals()).extracting(FundingReport.Total::kind).as("time is not money")
                .doesNotContain(FundingKind.INQUIRY_HOURS);
    }

    @Test
    void theDaysAreTheProgrammesAndBothAreIncluded() {
        // the formation allowance was recorded at 21:14 UTC on 2 March: 3 March in New Zealand
        assertThat(report(Programme.KAHUI_AKO, "2026-03-03", "2026-03-03").rows()).hasSize(3);
        assertThat(report(Programme.KAHUI_AKO, "2026-03-02", "2026-03-02").rows()).isEmpty();
        assertThat(report(Programme.KAHUI_AKO, "2026-03-04", null).rows()).isEmpty();
        assertThat(report(Programme.KAHUI_AKO, null, "2026-03-03").rows()).hasSize(3);
        assertThat(report(Programme.KAHUI_AKO, "2026-03-03", "2026-03-03").from()).contains(LocalDate.of(2026, 3, 3));
    }

    @Test
    void aRecordAtTheLastMomentOfTheLastDayIsIncludedAndOneAtTheFirstMomentOfTheNextIsNot() {
        // 31 March 2026 ends at 11:00 UTC in Ōtaki (NZDT, UTC+13)
        put(otaki, "last-moment", Instant.parse("2026-03-31T10:59:59.999Z"));
        put(otaki, "next-day", Instant.parse("2026-03-31T11:00:00Z"));

        FundingReport march = report(Programme.KAHUI_AKO, "2026-03-31", "2026-03-31");

        assertThat(march.rows()).extracting(r -> r.record().sourceId()).containsExactly("last-moment");
        assertThat(report(Programme.KAHUI_AKO, "2026-04-01", "2026-04-01").rows())
                .extracting(r -> r.record().sourceId()).containsExactly("next-day");
    }

    @Test
    void aClustersGrantsAreTheirProgrammesAndPayTheClusterAsAWhole() {
        Community weymouth = cluster(world);
        world.onGrantAwarded().react(Requests.award(world.grantService(), STAFF, weymouth.id(),
                "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"2500.50\",\"currency\":\"GBP\"}}"));

        FundingReport clusters = report(Programme.SCHOOL_IMPROVEMENT, null, null);

        assertThat(clusters.rows()).singleElement().satisfies(r -> {
            assertThat(r.communityName()).isEqualTo("Weymouth and Portland Cluster");
            assertThat(r.schoolName()).as("no school is paid").isEmpty();
        });
        assertThat(clusters.totals()).containsExactly(
                new FundingReport.Total(FundingKind.GRANT, Money.of("2500.50", "GBP"), 1));
        assertThat(report(Programme.KAHUI_AKO, null, null).rows()).extracting(r -> r.record().programme())
                .containsOnly("kahui-ako");
    }

    @Test
    void aClosedCommunityIsStillNamed() {
        world.communityStore.put(new Community(otaki.id(), otaki.programme(), otaki.name(), otaki.region(),
                otaki.contact(), otaki.members(), CommunityStatus.CLOSED, otaki.eoiId(), otaki.wave(), otaki.formedAt()));

        assertThat(report(Programme.KAHUI_AKO, null, null).rows()).extracting(FundingReport.Row::communityName)
                .containsOnly("Kāhui Ako o Ōtaki");
    }

    @Test
    void withoutAnEndTheReportHoldsRecordsDatedAheadAsAScheduleRunAheadOfTimeDatesThem() {
        put(otaki, "yesterday", world.clock.instant().minusSeconds(86_400));
        put(otaki, "next year", world.clock.instant().plusSeconds(300 * 86_400L));

        assertThat(report(Programme.KAHUI_AKO, null, null).rows()).extracting(r -> r.record().sourceId())
                .contains("yesterday", "next year");
    }

    @Test
    void aPeriodEndingBeforeItBeginsIsA400NamingTo() {
        Rejection.Invalid invalid = refused(Rejection.Invalid.class,
                () -> report(Programme.KAHUI_AKO, "2026-03-03", "2026-03-02"));

        assertThat(invalid.errors()).containsExactly(new FieldError("to", "must be on or after from (2026-03-03)"));
    }

    @Test
    void moreThanTenThousandRecordsAreA422AskingForAShorterPeriod() {
        for (int i = 0; i < FundingReportService.MAX_ROWS - 3; i++) {
            put(otaki, "bulk-" + i, Instant.parse("2026-03-01T00:00:00Z"));
        }
        assertThat(report(Programme.KAHUI_AKO, null, null).rows()).hasSize(FundingReportService.MAX_ROWS);

        put(otaki, "one-too-many", Instant.parse("2026-03-01T00:00:00Z"));
        Rejection.NotApplicable tooMany = refused(Rejection.NotApplicable.class,
                () -> report(Programme.KAHUI_AKO, null, null));

        assertThat(tooMany.code()).isEqualTo("report-too-large");
        assertThat(tooMany.getMessage()).isEqualTo("the period holds 10001 funding records, more than 10000 in one "
                + "report: choose a shorter period with from and to");
        assertThat(report(Programme.KAHUI_AKO, "2026-03-03", "2026-03-03").rows()).hasSize(3);
    }

    @Test
    void onlyStaffReadIt() {
        for (var reader : List.of(MEMBER, CLUSTER_MEMBER)) {
            Rejection.Forbidden forbidden = refused(Rejection.Forbidden.class,
                    () -> service.report(reader, Programme.KAHUI_AKO, Optional.empty(), Optional.empty()));
            assertThat(forbidden.getMessage()).isEqualTo("this action is for programme staff");
        }
    }

    /** A grant-like record of the community, paid to the community as a whole, made at this moment. */
    private void put(Community c, String sourceId, Instant at) {
        world.funding.recordIfAbsent(new FundingRecord(c.id(), c.programme().id(), sourceId,
                new FundingLine(FundingKind.GRANT, null, Money.of("1.00", "NZD"), null, null, "ON_AWARD",
                        "kahui-ako-funding", "2", Map.of()), at));
    }
}
