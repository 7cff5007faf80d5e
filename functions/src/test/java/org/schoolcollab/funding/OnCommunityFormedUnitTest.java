package org.schoolcollab.funding;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.decide;

/** The formation-allowance reaction over the in-memory world: one record per member school on approval, once. */
class OnCommunityFormedUnitTest {
    private final InMemoryWorld world = new InMemoryWorld();
    /** The approval of EoiBodies.valid() (schools 9101, 9102, 9103); its stream record reaches the reaction later. */
    private final EoiDecision approval = approve(world, EoiBodies.valid());

    OnCommunityFormedUnitTest() {
        world.clock.advance(Duration.ofMinutes(1));
    }

    private int react(EoiDecision decision) {
        return world.onCommunityFormed().react(decision);
    }

    @Test
    void anApprovalRecordsThePolicysAllowanceForEachMemberSchool() {
        assertThat(react(approval)).isEqualTo(3);

        List<FundingRecord> records = world.funding.forCommunity(approval.communityId());
        assertThat(records).extracting(r -> r.line().recipientSchoolNumber()).containsExactly("9101", "9102", "9103");
        assertThat(records.getFirst()).isEqualTo(new FundingRecord(approval.communityId(), "kahui-ako", approval.eoiId(),
                new FundingLine(FundingKind.FORMATION_ALLOWANCE, "9101", Money.of("1000.00", "NZD"), null, null,
                        "ON_APPROVAL", "kahui-ako-funding", "2", Map.of("setting", "rules.formationAllowance",
                        "formula", "rate per member school", "schoolNumber", "9101", "rate", "1000.00", "currency", "NZD")),
                world.clock.instant()));
        assertThat(records).extracting(FundingRecord::key).containsExactly(
                "FUNDING#FORMATION_ALLOWANCE#" + approval.eoiId() + "#9101",
                "FUNDING#FORMATION_ALLOWANCE#" + approval.eoiId() + "#9102",
                "FUNDING#FORMATION_ALLOWANCE#" + approval.eoiId() + "#9103");
    }

    @Test
    void aReplayOfTheApprovalStoresNothingMore() {
        react(approval);
        List<FundingRecord> recorded = world.funding.all();

        world.clock.advance(Duration.ofDays(1));
        assertThat(react(approval)).isZero();
        assertThat(react(world.decisions.recorded().getFirst())).as("as the stream carries it").isZero();

        assertThat(world.funding.all()).isEqualTo(recorded);
    }

    @Test
    void aDeclineFundsNothing() {
        EoiDecision decline = decide(world, EoiBodies.withSchools("Kāhui Ako o Kāpiti", "9201", "9202"),
                DecisionBodies.decline("Two schools are not yet a community."));

        assertThat(react(decline)).isZero();

        assertThat(world.funding.all()).isEmpty();
    }

    @Test
    void aClusterHasNoFormationAllowance() {
        cluster(world);
        EoiDecision clusters = world.decisions.recorded().getLast();

        assertThat(react(clusters)).isZero();

        assertThat(world.funding.all()).isEmpty();
    }

    @Test
    void theLinesNameThePolicyVersionTheyWereComputedWith() {
        InMemoryWorld fixture = new InMemoryWorld(new FundingPolicies("policies-test"));
        EoiDecision approved = approve(fixture, EoiBodies.valid());

        assertThat(fixture.onCommunityFormed().react(approved)).isEqualTo(3);

        assertThat(fixture.funding.all()).extracting(r -> r.line().policyId() + " v" + r.line().policyVersion())
                .containsOnly("kahui-ako-funding-test-fixture v3");
    }
}
