package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.OUTSIDER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.community;
import static org.schoolcollab.testsupport.WorldSetUp.decidePlan;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.refused;
import static org.schoolcollab.testsupport.WorldSetUp.streamed;

/** A community's funding over the in-memory world: its records, money by kind and currency, time by kind and units. */
class FundingServiceUnitTest {
    private InMemoryWorld world = new InMemoryWorld();

    /** An approval of this application, funded as the formation reaction funds it. */
    private Community formed(EoiDecision approval) {
        world.onCommunityFormed().react(approval);
        return community(world, approval);
    }

    private CommunityFunding funding(Actor actor, Community community) {
        return world.fundingService().forCommunity(actor, community.id());
    }

    private static List<String> money(CommunityFunding f) {
        return f.totals().stream().map(t -> t.kind() + " " + t.total()).toList();
    }

    private static List<String> time(CommunityFunding f) {
        return f.timeTotals().stream().map(t -> t.kind() + " " + t.units() + " " + t.quantity().toPlainString()).toList();
    }

    @Test
    void membersAndStaffSeeEachSchoolsFormationAllowanceAndTheirTotal() {
        Community community = formed(approve(world, EoiBodies.valid()));

        for (Actor reader : List.of(MEMBER, DecisionBodies.schoolUser("user-9103", "9103"), STAFF)) {
            CommunityFunding f = funding(reader, community);
            assertThat(f.community()).isEqualTo(community);
            assertThat(f.records()).extracting(r -> r.line().recipientSchoolNumber()).containsExactly("9101", "9102", "9103");
            assertThat(f.totals()).containsExactly(new CommunityFunding.MoneyTotal(FundingKind.FORMATION_ALLOWANCE,
                    Money.of("3000.00", "NZD")));
            assertThat(f.timeTotals()).isEmpty();
        }
    }

    @Test
    void releasedRolesAddMoneyByKindAndTimeByKindAndUnits() {
        // policies-test counts the roles: roll 1,035 / 1,500 gives no across-school role, 68.7 FTE / 15 gives 4
        // within-school roles; the leader at Ōtaki School (primary); inquiry hours 50 + 77 + 152 = 279
        world = new InMemoryWorld(new FundingPolicies("policies-test"));
        Community community = formed(approve(world, EoiBodies.valid()));
        Plan plan = received(world, MEMBER, community);
        streamed(world, decidePlan(world, plan, DecisionBodies.endorse("9101")));

        CommunityFunding f = funding(MEMBER, community);

        assertThat(f.records()).as("3 formation, leader and 4 roles each with its induction line, 3 inquiry hours")
                .hasSize(3 + 2 + 8 + 3);
        assertThat(money(f)).containsExactly("COMMUNITY_LEADER_ROLE 25000.00 NZD", "FORMATION_ALLOWANCE 3000.00 NZD",
                "ROLE_INDUCTION_AND_NETWORKING 2600.00 NZD", "WITHIN_SCHOOL_TEACHER_ROLE 32000.00 NZD");
        assertThat(time(f)).containsExactly("COMMUNITY_LEADER_ROLE FTTE 0.40", "INQUIRY_HOURS HOURS 279",
                "WITHIN_SCHOOL_TEACHER_ROLE FTTE 0.32");
        assertThat(f.roles()).isEqualTo(new CommunityFunding.RoleCounts(1, 0, 4));
        assertThat(f.yearTotals()).extracting(t -> t.year() + " " + t.kind() + " " + t.total()).containsExactly(
                "2026 COMMUNITY_LEADER_ROLE 25000.00 NZD", "2026 FORMATION_ALLOWANCE 3000.00 NZD",
                "2026 ROLE_INDUCTION_AND_NETWORKING 2600.00 NZD", "2026 WITHIN_SCHOOL_TEACHER_ROLE 32000.00 NZD");
    }

    @Test
    void moneyIsTotalledPerCurrencyNeverAddedAcrossCurrencies() {
        Community cluster = cluster(world);
        for (String value : List.of("12000.00", "2500.50")) {
            Grant grant = Requests.award(world.grantService(), STAFF, cluster.id(),
                    "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"" + value + "\",\"currency\":\"GBP\"}}");
            world.onGrantAwarded().react(grant);
        }
        // A grant in another currency (recorded under another policy version, say) is its own total.
        world.funding.recordIfAbsent(new FundingRecord(cluster.id(), "school-improvement", "legacy-grant-1",
                new FundingLine(FundingKind.GRANT, null, Money.of("100.00", "EUR"), null, null, "ON_AWARD",
                        "school-improvement-funding", "0", Map.of()), world.clock.instant()));

        CommunityFunding f = funding(CLUSTER_MEMBER, cluster);

        assertThat(money(f)).containsExactly("GRANT 100.00 EUR", "GRANT 14500.50 GBP");
        assertThat(f.timeTotals()).isEmpty();
        assertThat(f.status()).singleElement().satisfies(s -> {
            assertThat(s.part()).isEqualTo(CommunityFunding.Part.GRANTS);
            assertThat(s.sentence()).isEqualTo("3 grants awarded, €100.00 and £14,500.50 in all.");
        });
    }

    private static List<String> status(CommunityFunding f) {
        return f.status().stream().map(st -> st.part() + " " + st.state() + ": " + st.sentence()).toList();
    }

    @Test
    void aNewlyFormedKahuiAkoHearsTheFormationAllowanceIsBeingRecordedAndWhatReleasesTheRest() {
        Community otaki = community(world, approve(world, EoiBodies.valid())); // its formation reaction not run yet

        assertThat(status(funding(MEMBER, otaki))).containsExactly(
                "FORMATION_ALLOWANCE RELEASING: The formation allowance is being recorded for each member school, "
                        + "following the approval; it appears here in a moment.",
                "ROLES NOT_YET: The roles are released when the Kāhui Ako's plan of achievement challenges is endorsed.",
                "INQUIRY_HOURS NOT_YET: Teacher inquiry time is released with the roles, when the plan of achievement "
                        + "challenges is endorsed.",
                "MAINTENANCE_ALLOWANCE NOT_YET: The maintenance allowance is paid to each member school at the start "
                        + "of every school year after the one the Kāhui Ako was formed in: first for 2027.");
        assertThat(funding(MEMBER, otaki).roles()).isEqualTo(new CommunityFunding.RoleCounts(0, 0, 0));
    }

    @Test
    void onceRecordedTheFormationAllowanceIsReleasedWithItsDateAndAmount() {
        Community otaki = formed(approve(world, EoiBodies.valid()));

        assertThat(funding(STAFF, otaki).status().getFirst()).isEqualTo(new CommunityFunding.Status(
                CommunityFunding.Part.FORMATION_ALLOWANCE, CommunityFunding.State.RELEASED,
                "The formation allowance was recorded on 3 March 2026: NZD 1,000.00 for each of 3 member schools."));
    }

    @Test
    void rolesRecordedWithTheEndorsementAreReleasingUntilTheirRecordsAreMadeThenReleasedWithTheirCounts() {
        Community otaki = formed(approve(world, EoiBodies.valid()));
        PlanDecision endorsement = decidePlan(world, received(world, MEMBER, otaki),
                DecisionBodies.endorseWithSampleRoles("9101"));
        world.onPlanDecided().react(endorsement);

        assertThat(status(funding(MEMBER, otaki))).contains(
                "ROLES RELEASING: The roles were recorded on 3 March 2026; their funding records are being made and "
                        + "appear here in a moment.",
                "INQUIRY_HOURS RELEASING: Teacher inquiry time is being recorded with the roles.");

        world.onRolesRecorded().react(world.roles.find(otaki.id()).orElseThrow());
        CommunityFunding f = funding(MEMBER, otaki);

        assertThat(status(f)).contains(
                "ROLES RELEASED: Released on 3 March 2026: 1 community leader role, 1 across-school teacher role and "
                        + "6 within-school teacher roles.",
                "INQUIRY_HOURS RELEASED: Teacher inquiry time was released for 3 member schools: 279 hours a year in all.");
        assertThat(f.roles()).isEqualTo(new CommunityFunding.RoleCounts(1, 1, 6));
    }

    @Test
    void aCommunityEndorsedBeforeRolesWereRecordedWithEndorsementsIsAwaitingItsAllocation() {
        Community otaki = formed(approve(world, EoiBodies.valid()));
        world.communities().markEndorsed(otaki.id(), world.clock.instant()); // as an endorsement before issue 10 did

        CommunityFunding f = funding(MEMBER, otaki);

        assertThat(f.status()).filteredOn(st -> st.part() == CommunityFunding.Part.ROLES
                        || st.part() == CommunityFunding.Part.INQUIRY_HOURS)
                .extracting(CommunityFunding.Status::state).containsOnly(CommunityFunding.State.AWAITING_ALLOCATION);
        assertThat(status(f)).contains(
                "ROLES AWAITING_ALLOCATION: The plan was endorsed. Programme staff are recording the roles the "
                        + "Ministry's staffing system generated for each member school; the roles are released then.",
                "INQUIRY_HOURS AWAITING_ALLOCATION: Teacher inquiry time is released with the roles, once programme "
                        + "staff have recorded them.");
    }

    @Test
    void theMaintenanceAllowanceIsReleasedForTheYearsPaidWithYearTotals() {
        Community otaki = formed(approve(world, EoiBodies.valid()));
        world.onSchoolYearStarted().react(java.time.Instant.parse("2026-12-31T11:00:00Z")); // 1 January 2027 in NZ
        world.onSchoolYearStarted().react(java.time.Instant.parse("2027-12-31T11:00:00Z")); // 2028

        CommunityFunding f = funding(MEMBER, otaki);

        assertThat(status(f)).contains("MAINTENANCE_ALLOWANCE RELEASED: The maintenance allowance was recorded for "
                + "2027, 2028; it is paid again at the start of each school year.");
        assertThat(f.yearTotals()).extracting(t -> t.year() + " " + t.kind() + " " + t.total()).containsExactly(
                "2026 FORMATION_ALLOWANCE 3000.00 NZD", "2027 MAINTENANCE_ALLOWANCE 3000.00 NZD",
                "2028 MAINTENANCE_ALLOWANCE 3000.00 NZD");
        assertThat(money(f)).containsExactly("FORMATION_ALLOWANCE 3000.00 NZD", "MAINTENANCE_ALLOWANCE 6000.00 NZD");
    }

    @Test
    void aClusterHearsOnlyAboutItsGrants() {
        Community weymouth = cluster(world);

        assertThat(status(funding(CLUSTER_MEMBER, weymouth))).containsExactly("GRANTS NOT_YET: No grant has been "
                + "awarded yet; programme staff award grants for a purpose, such as courses.");

        for (String value : List.of("12000.00", "2500.50")) {
            world.onGrantAwarded().react(Requests.award(world.grantService(), STAFF, weymouth.id(),
                    "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"" + value + "\",\"currency\":\"GBP\"}}"));
        }

        assertThat(status(funding(CLUSTER_MEMBER, weymouth)))
                .containsExactly("GRANTS RELEASED: 2 grants awarded, £14,500.50 in all.");
    }

    @Test
    void aCommunitysFundingIsItsOwn() {
        Community otaki = formed(approve(world, EoiBodies.valid()));
        Community kapiti = formed(approve(world, EoiBodies.withSchools("Kāhui Ako o Kāpiti", "9201", "9202")));
        Community cluster = cluster(world);

        assertThat(funding(STAFF, otaki).records()).hasSize(3).allSatisfy(r -> assertThat(r.communityId()).isEqualTo(otaki.id()));
        assertThat(money(funding(STAFF, kapiti))).containsExactly("FORMATION_ALLOWANCE 2000.00 NZD");
        CommunityFunding none = funding(STAFF, cluster);
        assertThat(none.records()).isEmpty();
        assertThat(none.totals()).isEmpty();
    }

    @Test
    void toAnyoneElseTheCommunityAndItsFundingDoNotExist() {
        Community community = formed(approve(world, EoiBodies.valid()));
        cluster(world);
        Actor noSchool = new Actor("sub-x", "x@example.org", Set.of(Actor.SCHOOL), Optional.empty());

        for (Actor stranger : List.of(OUTSIDER, CLUSTER_MEMBER, noSchool)) {
            Rejection.NotFound notFound = refused(Rejection.NotFound.class, () -> funding(stranger, community));
            assertThat(notFound.getMessage()).isEqualTo("no community " + community.id());
        }
        for (String id : List.of("00000000-0000-4000-8000-000000000999", "COMMUNITY#" + community.id())) {
            refused(Rejection.NotFound.class, () -> world.fundingService().forCommunity(STAFF, id));
        }
    }
}
