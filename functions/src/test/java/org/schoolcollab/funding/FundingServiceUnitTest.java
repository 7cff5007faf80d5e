package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.grant.Grant;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
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
