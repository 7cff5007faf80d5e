package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolcollab.testsupport.WorldSetUp.CONTACT;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.mail;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.subjects;

/**
 * The reaction to a community's roles being recorded, over the in-memory world with the shipped policy. The sample
 * community (Ōtaki School 9101 primary 11.5 FTE, Waitohu School 9102 primary 19.2, Ōtaki College 9103 secondary 38)
 * is endorsed with the sample roles, the leader at Ōtaki School:
 *
 * <pre>
 *   role                        count  allowance each  induction each  release FTTE each
 *   community leader (primary)   1       25,000.00       1,000.00       0.40
 *   across-school (9103)         1       16,000.00         750.00       0.40
 *   within-school (9101 1, 9102 2, 9103 3)
 *                                6        8,000.00         400.00       0.08
 *   induction in all: 1,000 + 750 + 6 x 400 = 4,150.00
 *   inquiry hours: 4 x 11.5 = 46 -> 50 (minimum), 4 x 19.2 = 76.8 -> 77, 4 x 38 = 152
 *   records: 8 roles x 2 lines + 3 schools' hours = 19
 * </pre>
 */
class OnRolesRecordedUnitTest {
    /** A reviewer whose sub ("staff-1") must never reach a mail, and whose email does. */
    private static final Actor REVIEWER = Actor.staff("staff-1", "aroha.reviewer@programme-office.example.govt.nz");
    private static final String PAGE = "https://schools.example.org/#/communities/";

    private final InMemoryWorld world = new InMemoryWorld();
    private final Community community = kahuiAko(world);
    private final Plan plan = received(world, MEMBER, community);
    private final PlanDecision endorsement = Requests.decide(world.planReviewService(), REVIEWER, community.id(),
            plan.planId(), DecisionBodies.endorseWithSampleRoles("9101"));
    private final RolesRecorded roles = world.roles.find(community.id()).orElseThrow();

    OnRolesRecordedUnitTest() {
        world.clock.advance(Duration.ofMinutes(1)); // the stream delivers the record a minute later
    }

    private int react() {
        return world.onRolesRecorded().react(roles);
    }

    @Test
    void theRecordedRolesBecomeOneFundingRecordPerRoleAndPayeeKeyedByTheRole() {
        assertThat(react()).isEqualTo(19);

        List<FundingRecord> records = world.funding.forCommunity(community.id());
        assertThat(records).hasSize(19).allSatisfy(r -> {
            assertThat(r.programme()).isEqualTo("kahui-ako");
            assertThat(r.createdAt()).as("when the roles were recorded").isEqualTo(endorsement.decidedAt());
            assertThat(r.year()).isEqualTo(2026);
            assertThat(r.sourceId()).startsWith(FundingRecord.ROLE_SOURCE);
            assertThat(r.line().policyId() + " v" + r.line().policyVersion()).isEqualTo("kahui-ako-funding v2");
        });
        assertThat(records).extracting(r -> r.line().kind() + " " + r.line().recipientSchoolNumber() + " "
                + r.line().amount()).containsOnlyOnce(
                "COMMUNITY_LEADER_ROLE 9101 25000.00 NZD",
                "ACROSS_SCHOOL_TEACHER_ROLE 9103 16000.00 NZD");
        assertThat(records).filteredOn(r -> r.line().kind() == FundingKind.WITHIN_SCHOOL_TEACHER_ROLE)
                .extracting(r -> r.sourceId() + " " + r.line().recipientSchoolNumber()).containsExactlyInAnyOrder(
                        "ROLES#WITHIN_SCHOOL#1 9101", "ROLES#WITHIN_SCHOOL#2 9102", "ROLES#WITHIN_SCHOOL#3 9102",
                        "ROLES#WITHIN_SCHOOL#4 9103", "ROLES#WITHIN_SCHOOL#5 9103", "ROLES#WITHIN_SCHOOL#6 9103");
        List<FundingRecord> inductions = records.stream()
                .filter(r -> r.line().kind() == FundingKind.ROLE_INDUCTION_AND_NETWORKING).toList();
        assertThat(inductions).hasSize(8);
        assertThat(inductions.stream().map(r -> r.line().amount()).reduce(Money.zero("NZD"), Money::plus))
                .isEqualTo(Money.of("4150.00", "NZD"));
        assertThat(records).filteredOn(r -> r.line().kind() == FundingKind.INQUIRY_HOURS)
                .extracting(r -> r.line().recipientSchoolNumber() + " " + r.line().quantity().toPlainString())
                .containsExactly("9101 50", "9102 77", "9103 152");
    }

    @Test
    void eachRecordNamesWhoRecordedTheRolesWhenForWhichPlanAndTheAllocationAsEntered() {
        react();

        FundingRecord leader = world.funding.forCommunity(community.id()).stream()
                .filter(r -> r.line().kind() == FundingKind.COMMUNITY_LEADER_ROLE).findFirst().orElseThrow();
        assertThat(leader.line().inputs())
                .containsEntry("leaderSchoolNumber", "9101")
                .containsEntry("planId", plan.planId())
                .containsEntry("recordedBy", REVIEWER.email())
                .containsEntry("recordedBySub", "staff-1")
                .containsEntry("recordedAt", endorsement.decidedAt().toString())
                .containsEntry("allocation", "acrossSchool 9103:1; withinSchool 9101:1,9102:2,9103:3; "
                        + "mergedForExtraAcrossSchool 0");
        assertThat(world.funding.all()).allSatisfy(r -> assertThat(r.line().inputs())
                .containsEntry("planId", plan.planId()).containsKey("allocation"));
    }

    @Test
    void theContactIsToldTheCountsAndAmountsWithALinkToTheCommunitysPage() {
        react();

        Mail toContact = mail(world, CONTACT, "Roles and inquiry time released: " + KAHUI_AKO);
        assertThat(toContact.text()).isEqualTo("""
                Kia ora Mere Rāwiri,

                The roles of Kāhui Ako o Ōtaki have been released, from the allocation programme staff recorded on 3 March 2026:

                - 1 community leader role, employed by Ōtaki School (9101): an allowance of NZD 25,000.00 a year, with 0.4 FTTE of release time each to the employing board
                - 1 across-school teacher role: an allowance of NZD 16,000.00 a year each, with 0.4 FTTE of release time each to the employing board
                - 6 within-school teacher roles: an allowance of NZD 8,000.00 a year each, with 0.08 FTTE of release time each to the employing board
                - induction and networking money for each role, NZD 4,150.00 in all, to the employing boards
                - teacher inquiry time for 3 member schools: Ōtaki School (9101) 50 hours, Waitohu School (9102) 77 hours, Ōtaki College (9103) 152 hours a year

                Each role, the school that employs it and its amounts are listed with the Kāhui Ako's funding on its page:
                %s%s

                Ngā mihi,
                The Kāhui Ako programme office
                """.formatted(PAGE, community.id()));
        assertThat(toContact.text()).doesNotContain("staff-1", "/funding", "26,000")
                .doesNotContainPattern("[^#]/communities/");
    }

    @Test
    void staffAreToldWhoRecordedTheRolesAndHowManyRecordsWereMade() {
        react();

        Mail toStaff = mail(world, InMemoryWorld.STAFF, "Roles released: " + KAHUI_AKO);
        assertThat(toStaff.text()).startsWith("The roles of Kāhui Ako o Ōtaki were released (19 funding records), from "
                        + "the allocation recorded by aroha.reviewer@programme-office.example.govt.nz on 3 March 2026:\n\n"
                        + "- 1 community leader role, employed by Ōtaki School (9101): an allowance of NZD 25,000.00")
                .contains("- 6 within-school teacher roles: an allowance of NZD 8,000.00 a year each")
                .endsWith("\nCommunity: " + PAGE + community.id() + "\n")
                .doesNotContain("staff-1")
                .doesNotContainPattern("[^#]/communities/");
        assertThat(world.notifications.all()).filteredOn(n -> n.kind().startsWith("ROLES_RELEASED"))
                .extracting(Notification::kind, Notification::communityId).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(OnRolesRecorded.TO_CONTACT, community.id()),
                        org.assertj.core.groups.Tuple.tuple(OnRolesRecorded.TO_STAFF, community.id()));
    }

    @Test
    void aReplayAddsNoRecordAndSendsNoMail() {
        react();
        List<FundingRecord> first = world.funding.all();
        int attempts = world.mail.attempts();

        world.clock.advance(Duration.ofHours(1));
        assertThat(react()).isZero();

        assertThat(world.funding.all()).isEqualTo(first);
        assertThat(world.mail.attempts()).isEqualTo(attempts);
        assertThat(subjects(world, CONTACT)).containsOnlyOnce("Roles and inquiry time released: " + KAHUI_AKO);
    }

    @Test
    void aRetryAfterTheContactCouldNotBeToldStoresNothingTwiceAndStaffAreToldTheWholeRelease() {
        world.mail.failNextTo(CONTACT);

        assertThatThrownBy(this::react).hasMessageContaining("injected");
        assertThat(world.funding.all()).hasSize(19);
        assertThat(subjects(world, InMemoryWorld.STAFF)).doesNotContain("Roles released: " + KAHUI_AKO);

        assertThat(react()).as("all stored by the first try").isZero();

        assertThat(world.funding.all()).hasSize(19);
        assertThat(subjects(world, CONTACT)).containsOnlyOnce("Roles and inquiry time released: " + KAHUI_AKO);
        assertThat(mail(world, InMemoryWorld.STAFF, "Roles released: " + KAHUI_AKO).text())
                .as("the release's records, not this try's").contains("were released (19 funding records)");
    }

    @Test
    void underAPolicyThatCountsTheRolesTheReleaseFollowsItsFormula() {
        InMemoryWorld fixture = new InMemoryWorld(new FundingPolicies("policies-test"));
        Community otaki = kahuiAko(fixture);
        Plan v1 = received(fixture, MEMBER, otaki);
        Requests.decide(fixture.planReviewService(), REVIEWER, otaki.id(), v1.planId(), DecisionBodies.endorse("9101"));

        // roll 1,035 / 1,500: no across-school role; 68.7 FTE / 15: 4 within-school roles
        assertThat(fixture.onRolesRecorded().react(fixture.roles.find(otaki.id()).orElseThrow())).isEqualTo(2 + 8 + 3);

        assertThat(fixture.funding.all()).allSatisfy(r -> assertThat(r.line().inputs()).doesNotContainKey("allocation"));
        assertThat(fixture.mail.sentTo(CONTACT)).singleElement().satisfies(m -> assertThat(m.text())
                .contains("- 4 within-school teacher roles: an allowance of NZD 8,000.00 a year each")
                .doesNotContain("across-school"));
    }

    @Test
    void theRecordsAreDatedWhenTheRolesWereRecordedNotWhenTheStreamDeliveredThem() {
        Instant recordedAt = roles.recordedAt();
        world.clock.advance(Duration.ofDays(2));

        react();

        assertThat(world.funding.all()).extracting(FundingRecord::createdAt).containsOnly(recordedAt);
        assertThat(mail(world, CONTACT, "Roles and inquiry time released: " + KAHUI_AKO).text())
                .contains("recorded on 3 March 2026:");
    }
}
