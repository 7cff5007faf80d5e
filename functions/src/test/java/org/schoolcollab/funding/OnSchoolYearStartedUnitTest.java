package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_CONTACT;
import static org.schoolcollab.testsupport.WorldSetUp.CONTACT;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.community;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.mail;

/**
 * The yearly schedule over the in-memory world with the shipped policies: each member school of every open Kāhui Ako
 * formed in an earlier school year is paid the maintenance allowance for the school year the schedule fired in (New
 * Zealand's: 1 January 2027 there is still 31 December 2026 in UTC), once per school and year. School improvement
 * clusters have no such allowance.
 */
class OnSchoolYearStartedUnitTest {
    /** Midnight at the start of 1 January 2027 in Ōtaki (NZDT, UTC+13): 31 December 2026 in UTC. */
    private static final Instant NEW_YEAR_2027 = Instant.parse("2026-12-31T11:00:00Z");
    private static final String PAGE = "https://schools.example.org/#/communities/";

    private final InMemoryWorld world = new InMemoryWorld();

    private List<OnSchoolYearStarted.Run> fire(Instant at) {
        world.clock.set(at);
        return world.onSchoolYearStarted().react(at);
    }

    /** A kahui-ako community of these schools (primary, roll 100, 6.5 FTE each), formed at this moment. */
    private Community formedAt(Instant at, String name, String... schools) {
        world.clock.set(at);
        ObjectNode eoi = EoiBodies.withSchools(name, schools);
        eoi.putObject("contact").put("name", "Contact of " + name).put("email", schools[0] + "@example.school.nz");
        return community(world, approve(world, eoi));
    }

    private List<FundingRecord> maintenance(Community c) {
        return world.funding.forCommunity(c.id()).stream()
                .filter(r -> r.line().kind() == FundingKind.MAINTENANCE_ALLOWANCE).toList();
    }

    @Test
    void aCommunityFormedIn2026IsPaidFor2027OncePerMemberSchool() {
        Community otaki = kahuiAko(world); // formed on 3 March 2026

        List<OnSchoolYearStarted.Run> runs = fire(NEW_YEAR_2027);

        assertThat(runs).containsExactly(new OnSchoolYearStarted.Run(Programme.KAHUI_AKO, 2027, 1, 3));
        assertThat(maintenance(otaki)).extracting(r -> r.line().recipientSchoolNumber()).containsExactly("9101", "9102", "9103");
        assertThat(maintenance(otaki)).allSatisfy(r -> {
            assertThat(r.sourceId()).isEqualTo("MAINTENANCE#2027");
            assertThat(r.year()).as("the school year it pays for, in New Zealand").isEqualTo(2027);
            assertThat(r.createdAt()).isEqualTo(NEW_YEAR_2027);
            assertThat(r.programme()).isEqualTo("kahui-ako");
            assertThat(r.line().amount()).isEqualTo(Money.of("1000.00", "NZD"));
            assertThat(r.line().period()).isEqualTo("YEAR");
            assertThat(r.line().policyId() + " v" + r.line().policyVersion()).isEqualTo("kahui-ako-funding v2");
            assertThat(r.line().inputs()).containsEntry("schoolYear", "2027").containsEntry("rate", "1000.00")
                    .containsEntry("setting", "rules.maintenanceAllowance");
            assertThat(r.key()).isEqualTo("FUNDING#MAINTENANCE_ALLOWANCE#MAINTENANCE#2027#"
                    + r.line().recipientSchoolNumber());
        });
    }

    @Test
    void theContactIsToldTheAllowanceAndStaffGetOneSummary() {
        Community otaki = kahuiAko(world);

        fire(NEW_YEAR_2027);

        Mail toContact = mail(world, CONTACT, "Maintenance allowance for 2027: " + KAHUI_AKO);
        assertThat(toContact.text()).isEqualTo("""
                Kia ora Mere Rāwiri,

                The maintenance allowance of Kāhui Ako o Ōtaki for the 2027 school year has been recorded: NZD 1,000.00 \
                for each of its 3 member schools, NZD 3,000.00 in all, paid to each school's board.

                It is listed with the Kāhui Ako's funding on its page:
                %s%s

                Ngā mihi,
                The Kāhui Ako programme office
                """.formatted(PAGE, otaki.id()));
        Mail toStaff = mail(world, InMemoryWorld.STAFF,
                "Maintenance allowance 2027 recorded (Kāhui Ako (Communities of Learning))");
        assertThat(toStaff.text()).isEqualTo("""
                The 2027 maintenance allowance was recorded for 1 community formed before 2027, NZD 3,000.00 in all.
                Finance can export the year's records from the staff console: https://schools.example.org/#/staff/funding
                """);
        assertThat(world.notifications.all()).extracting(n -> n.sourcePk() + " " + n.kind()).containsExactlyInAnyOrder(
                "COMMUNITY#" + otaki.id() + " " + OnSchoolYearStarted.TO_CONTACT + "#2027",
                "PROGRAMME#kahui-ako " + OnSchoolYearStarted.TO_STAFF + "#2027");
    }

    @Test
    void runningTwiceInAYearPaysAndTellsNothingMore() {
        Community otaki = kahuiAko(world);
        fire(NEW_YEAR_2027);
        List<FundingRecord> first = world.funding.all();
        int attempts = world.mail.attempts();

        List<OnSchoolYearStarted.Run> again = fire(NEW_YEAR_2027.plusSeconds(3600));

        assertThat(again).containsExactly(new OnSchoolYearStarted.Run(Programme.KAHUI_AKO, 2027, 1, 0));
        assertThat(world.funding.all()).isEqualTo(first);
        assertThat(maintenance(otaki)).hasSize(3);
        assertThat(world.mail.attempts()).isEqualTo(attempts).isEqualTo(2);
    }

    @Test
    void eachSchoolYearIsPaidOnItsOwn() {
        Community otaki = kahuiAko(world);
        fire(NEW_YEAR_2027);

        fire(Instant.parse("2027-12-31T11:00:00Z")); // 1 January 2028 in Ōtaki

        assertThat(maintenance(otaki)).extracting(r -> r.year() + " " + r.line().recipientSchoolNumber())
                .containsExactlyInAnyOrder("2027 9101", "2027 9102", "2027 9103", "2028 9101", "2028 9102", "2028 9103");
        assertThat(world.mail.sentTo(CONTACT)).extracting(Mail::subject).containsExactly(
                "Maintenance allowance for 2027: " + KAHUI_AKO, "Maintenance allowance for 2028: " + KAHUI_AKO);
    }

    @Test
    void aCommunityFormedThisSchoolYearHasOnlyItsFormationAllowance() {
        Community formedIn2027 = formedAt(Instant.parse("2027-02-10T22:00:00Z"), "Kāhui Ako o Kāpiti", "9201", "9202");
        // 1 January 2027 in Ōtaki, though 2026 in UTC: formed in 2027 where its schools are
        Community onNewYearsDay = formedAt(Instant.parse("2026-12-31T12:00:00Z"), "Kāhui Ako o Paekākāriki", "9301", "9302");

        List<OnSchoolYearStarted.Run> runs = fire(Instant.parse("2027-03-01T00:00:00Z"));

        assertThat(runs).containsExactly(new OnSchoolYearStarted.Run(Programme.KAHUI_AKO, 2027, 0, 0));
        assertThat(maintenance(formedIn2027)).isEmpty();
        assertThat(maintenance(onNewYearsDay)).isEmpty();
        assertThat(world.mail.sentTo(InMemoryWorld.STAFF)).extracting(Mail::subject)
                .noneMatch(s -> s.startsWith("Maintenance allowance"));

        fire(Instant.parse("2027-12-31T11:00:00Z"));

        assertThat(maintenance(formedIn2027)).extracting(FundingRecord::year).containsOnly(2028).hasSize(2);
        assertThat(maintenance(onNewYearsDay)).extracting(FundingRecord::year).containsOnly(2028).hasSize(2);
    }

    @Test
    void in2019And2020TheAllowanceIsTwoThousandAndOtherwiseOneThousand() {
        Community formedIn2018 = formedAt(Instant.parse("2018-05-01T00:00:00Z"), "Kāhui Ako o Levin", "9401", "9402");

        fire(Instant.parse("2018-12-31T11:00:00Z")); // 1 January 2019 in New Zealand
        fire(Instant.parse("2019-12-31T11:00:00Z")); // 2020
        fire(Instant.parse("2020-12-31T11:00:00Z")); // 2021

        assertThat(maintenance(formedIn2018)).extracting(r -> r.year() + " " + r.line().recipientSchoolNumber() + " "
                + r.line().amount().value()).containsExactlyInAnyOrder(
                "2019 9401 2000.00", "2019 9402 2000.00",
                "2020 9401 2000.00", "2020 9402 2000.00",
                "2021 9401 1000.00", "2021 9402 1000.00");
        assertThat(mail(world, "9401@example.school.nz", "Maintenance allowance for 2020: Kāhui Ako o Levin").text())
                .contains("NZD 2,000.00 for each of its 2 member schools, NZD 4,000.00 in all");
    }

    @Test
    void aSchoolImprovementClusterGetsNone() {
        Community weymouth = cluster(world);

        List<OnSchoolYearStarted.Run> runs = fire(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(runs).extracting(OnSchoolYearStarted.Run::programme).containsExactly(Programme.KAHUI_AKO);
        assertThat(world.funding.forCommunity(weymouth.id())).isEmpty();
        assertThat(world.mail.sentTo(CLUSTER_CONTACT)).isEmpty();
    }

    @Test
    void aClosedCommunityGetsNoneWhileAnEndorsedOneIsPaid() {
        Community otaki = kahuiAko(world);
        Community closed = formedAt(Instant.parse("2026-04-01T00:00:00Z"), "Kāhui Ako o Waikanae", "9501", "9502");
        world.communityStore.put(new Community(closed.id(), closed.programme(), closed.name(), closed.region(),
                closed.contact(), closed.members(), CommunityStatus.CLOSED, closed.eoiId(), closed.wave(),
                closed.formedAt()));
        world.communities().markEndorsed(otaki.id(), Instant.parse("2026-06-01T00:00:00Z"));

        List<OnSchoolYearStarted.Run> runs = fire(NEW_YEAR_2027);

        assertThat(runs).containsExactly(new OnSchoolYearStarted.Run(Programme.KAHUI_AKO, 2027, 1, 3));
        assertThat(maintenance(closed)).isEmpty();
        assertThat(maintenance(otaki)).hasSize(3);
        assertThat(world.mail.sentTo("9501@example.school.nz")).isEmpty();
    }
}
