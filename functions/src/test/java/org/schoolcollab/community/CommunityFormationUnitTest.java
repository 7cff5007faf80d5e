package org.schoolcollab.community;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.eoi.EoiService;
import org.schoolcollab.eoi.EoiStatus;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EoiSteps;
import org.schoolcollab.testsupport.Outsiders;
import org.schoolcollab.testsupport.Race;
import org.schoolcollab.testsupport.Refusals;
import org.schoolcollab.testsupport.fakes.InMemoryEoiStore;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Staff deciding on applications over the fakes: approval forms the community, a decline frees the schools. */
class CommunityFormationUnitTest {
    private static final Actor STAFF = DecisionBodies.staff();
    private static final String WAVE = "2026 Wave 1";
    private static final String REASON = "Ōtaki College has not yet confirmed its board endorsement.";

    private final InMemoryWorld world = new InMemoryWorld();
    private final CommunityFormation formation = world.formation();
    private final EoiSteps steps = new EoiSteps(world);

    private EoiDecision decide(Actor actor, String eoiId, EoiDecision.Outcome outcome, String wave, String reason) {
        return formation.decide(actor, new DecideEoi(eoiId, outcome, wave, reason));
    }

    /** Everything a decision may change, to show a refused one changed none of it. */
    private List<Object> state() {
        return List.of(world.eois.all(), world.communityStore.all(), world.decisions.recorded(), world.eois.claimCount());
    }

    @Test
    void anApprovalFormsAFormingCommunityOfTheApplicationsSchoolsAndRepointsTheirClaimsAtIt() {
        ExpressionOfInterest eoi = steps.submitSample();
        Instant now = world.clock.instant();

        EoiDecision d = decide(STAFF, eoi.id(), EoiDecision.Outcome.APPROVED, WAVE, null);

        assertThat(d.eoiId()).isEqualTo(eoi.id());
        assertThat(d.decision()).isEqualTo(EoiDecision.Outcome.APPROVED);
        assertThat(d.wave()).isEqualTo(WAVE);
        assertThat(d.reason()).isNull();
        assertThat(d.decidedBySub()).isEqualTo(STAFF.sub());
        assertThat(d.decidedByEmail()).isEqualTo(STAFF.email());
        assertThat(d.decidedAt()).isEqualTo(now);
        assertThat(d.communityId()).isEqualTo("00000000-0000-4000-8000-000000000002");
        assertThat(d.programme()).isEqualTo(Programme.KAHUI_AKO);
        assertThat(d.communityName()).isEqualTo("Kāhui Ako o Ōtaki");
        assertThat(d.contact()).isEqualTo(eoi.application().contact());
        assertThat(d.schools()).isEqualTo(eoi.application().schools());
        assertThat(world.decisions.recorded()).containsExactly(d);

        assertThat(world.communityStore.all()).containsExactly(new Community(d.communityId(), Programme.KAHUI_AKO,
                "Kāhui Ako o Ōtaki", "Wellington", eoi.application().contact(), eoi.application().schools(),
                CommunityStatus.FORMING, eoi.id(), WAVE, now));

        ExpressionOfInterest approved = world.eois.find(eoi.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(EoiStatus.APPROVED);
        assertThat(approved.communityId()).isEqualTo(d.communityId());
        assertThat(approved.history()).containsExactly(eoi.history().getFirst(),
                new ExpressionOfInterest.HistoryEntry(now, "APPROVED", STAFF.sub(), WAVE, null));
        for (String school : List.of("9101", "9102", "9103")) {
            assertThat(world.eois.claim(Programme.KAHUI_AKO, school)).as(school)
                    .contains(new InMemoryEoiStore.Claim(eoi.id(), d.communityId()));
        }
    }

    @Test
    void anApprovalWithoutAWaveButWithAReasonKeepsTheReasonAndNamesNoWave() {
        ExpressionOfInterest eoi = steps.submitSample();

        EoiDecision d = decide(STAFF, eoi.id(), EoiDecision.Outcome.APPROVED, null, "A strong transitions plan.");

        assertThat(world.communityStore.find(d.communityId())).hasValueSatisfying(c -> assertThat(c.wave()).isNull());
        assertThat(world.eois.find(eoi.id()).orElseThrow().history().getLast())
                .isEqualTo(new ExpressionOfInterest.HistoryEntry(d.decidedAt(), "APPROVED", STAFF.sub(), null,
                        "A strong transitions plan."));
    }

    @Test
    void afterAnApprovalTheSchoolsStayHeldByTheCommunity() {
        steps.submitSample();
        steps.approve(world.eois.all().getFirst().id(), WAVE);

        Rejection.Conflict e = catchThrowableOfType(Rejection.Conflict.class, () -> steps.submit(
                DecisionBodies.schoolUser("kapiti", "4455"), EoiBodies.withSchools("Kāpiti", "4455", "9102")));

        assertThat(e.code()).isEqualTo("schools-already-claimed");
        assertThat(e.details()).isEqualTo(Map.of("claimedSchoolNumbers", List.of("9102")));
        assertThat(world.eois.all()).hasSize(1);
    }

    @Test
    void aDeclineFormsNoCommunityAndFreesTheSchoolsToApplyAgain() {
        ExpressionOfInterest eoi = steps.submitSample();
        Instant now = world.clock.instant();

        EoiDecision d = decide(STAFF, eoi.id(), EoiDecision.Outcome.DECLINED, WAVE, REASON);

        assertThat(d.decision()).isEqualTo(EoiDecision.Outcome.DECLINED);
        assertThat(d.reason()).isEqualTo(REASON);
        assertThat(d.communityId()).isNull();
        assertThat(world.decisions.recorded()).containsExactly(d);
        assertThat(world.communityStore.all()).isEmpty();
        ExpressionOfInterest declined = world.eois.find(eoi.id()).orElseThrow();
        assertThat(declined.status()).isEqualTo(EoiStatus.DECLINED);
        assertThat(declined.communityId()).isNull();
        assertThat(declined.history().getLast()).as("a decline's entry names no wave")
                .isEqualTo(new ExpressionOfInterest.HistoryEntry(now, "DECLINED", STAFF.sub(), null, REASON));
        assertThat(world.eois.claimCount()).isZero();

        ExpressionOfInterest again = steps.submitSample();

        assertThat(again.id()).isNotEqualTo(eoi.id());
        assertThat(world.eois.claim(Programme.KAHUI_AKO, "9101")).contains(new InMemoryEoiStore.Claim(again.id(), null));
    }

    @Test
    void aDeclineCannotBeMadeWithoutAReason() {
        assertThatThrownBy(() -> new DecideEoi("00000000-0000-4000-8000-000000000001", EoiDecision.Outcome.DECLINED,
                null, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("says why");
    }

    @ParameterizedTest(name = "{0} then {1}: 409 already-decided")
    @CsvSource({"APPROVED,APPROVED", "APPROVED,DECLINED", "DECLINED,APPROVED", "DECLINED,DECLINED"})
    void aSecondDecisionIsAConflictAndChangesNothing(EoiDecision.Outcome first, EoiDecision.Outcome second) {
        ExpressionOfInterest eoi = steps.submitSample();
        decide(STAFF, eoi.id(), first, WAVE, "first reason");
        List<Object> before = state();

        Rejection.Conflict e = catchThrowableOfType(Rejection.Conflict.class,
                () -> decide(DecisionBodies.staff("other-staff"), eoi.id(), second, "2027 Wave 1", "second reason"));

        assertThat(e.code()).isEqualTo("already-decided");
        assertThat(e.details()).isEmpty();
        assertThat(e.getMessage()).contains("(" + first + ")");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void onlyStaffDecideNotEvenASchoolNamedInTheApplication() {
        ExpressionOfInterest eoi = steps.submitSample();
        List<Object> before = state();
        List<Actor> notStaff = List.of(DecisionBodies.sampleSchoolUser(), DecisionBodies.schoolUser("college", "9103"),
                Outsiders.inNoGroup());

        Refusals.of(Rejection.Forbidden.class, notStaff,
                actor -> decide(actor, eoi.id(), EoiDecision.Outcome.APPROVED, WAVE, null));
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void anUnknownApplicationIsNotFound() {
        steps.submitSample();
        List<Object> before = state();

        Rejection.NotFound e = catchThrowableOfType(Rejection.NotFound.class,
                () -> decide(STAFF, "00000000-0000-4000-8000-000000000999", EoiDecision.Outcome.APPROVED, WAVE, null));

        assertThat(e.getMessage()).isEqualTo("no expression of interest 00000000-0000-4000-8000-000000000999");
        assertThat(state()).isEqualTo(before);
    }

    @ParameterizedTest(name = "id \"{0}\" is not found")
    @EmptySource
    @ValueSource(strings = {"7C9E6679-7425-40DE-944B-E07FC1F90AE7", "not-a-uuid", "EOI#00000000-0000-4000-8000-000000000001"})
    void anIdNotOfTheProductsShapeIsNotFoundEvenWhenAnApplicationHoldsIt(String id) {
        new EoiService(world.eois, world.clock, () -> "7C9E6679-7425-40DE-944B-E07FC1F90AE7").submit(
                DecisionBodies.sampleSchoolUser(), SubmitEoiRequest.read(EoiBodies.text(EoiBodies.valid()), Optional.empty()));
        List<Object> before = state();

        assertThat(catchThrowableOfType(Rejection.NotFound.class,
                () -> formation.decide(STAFF, new DecideEoi(id, EoiDecision.Outcome.APPROVED, WAVE, null))))
                .isNotNull();
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void eightStaffDecidingAtOnceRecordExactlyOneDecisionInEachOfFiveRounds() throws Exception {
        for (int round = 0; round < 5; round++) {
            String school = String.valueOf(5000 + round * 10);
            ExpressionOfInterest eoi = steps.submit("Race " + round, school, String.valueOf(5001 + round * 10));
            List<Callable<EoiDecision>> deciders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Actor staff = DecisionBodies.staff("staff-" + i);
                boolean approve = (i + round) % 2 == 0;
                deciders.add(() -> decide(staff, eoi.id(), approve ? EoiDecision.Outcome.APPROVED
                        : EoiDecision.Outcome.DECLINED, WAVE, approve ? null : "declined by " + staff.sub()));
            }

            List<Object> outcomes = Race.run(deciders);

            List<EoiDecision> won = Race.only(outcomes, EoiDecision.class);
            assertThat(won).as("round %d: %s", round, outcomes).hasSize(1);
            assertThat(Race.only(outcomes, Rejection.Conflict.class)).hasSize(7)
                    .allSatisfy(e -> assertThat(e.code()).isEqualTo("already-decided"));
            EoiDecision winner = won.getFirst();
            assertThat(world.decisions.recorded().getLast()).isEqualTo(winner);
            ExpressionOfInterest decided = world.eois.find(eoi.id()).orElseThrow();
            assertThat(decided.status()).isEqualTo(winner.status());
            assertThat(decided.history()).hasSize(2);
            assertThat(decided.history().getLast().by()).isEqualTo(winner.decidedBySub());
            assertThat(world.communityStore.all().stream().filter(c -> c.eoiId().equals(eoi.id())).toList())
                    .hasSize(winner.approved() ? 1 : 0);
            assertThat(world.eois.claim(Programme.KAHUI_AKO, school))
                    .isEqualTo(winner.approved() ? Optional.of(new InMemoryEoiStore.Claim(eoi.id(), winner.communityId()))
                            : Optional.empty());
        }
        assertThat(world.decisions.recorded()).hasSize(5);
    }

    @Test
    void aDeclineRacingNewApplicationsForTheSameSchoolsLeavesEachSchoolInOneLiveApplication() throws Exception {
        ExpressionOfInterest declined = steps.submit("First try", "5400", "5401");
        List<Callable<Object>> tasks = new ArrayList<>();
        tasks.add(() -> decide(STAFF, declined.id(), EoiDecision.Outcome.DECLINED, null, "try again"));
        for (int i = 0; i < 4; i++) {
            int n = i;
            tasks.add(() -> steps.submit(DecisionBodies.schoolUser("again-" + n, "5400"),
                    EoiBodies.withSchools("Second try " + n, "5400", "5401")));
        }

        List<Object> outcomes = Race.run(tasks);

        assertThat(outcomes.getFirst()).isInstanceOf(EoiDecision.class);
        List<ExpressionOfInterest> resubmitted = Race.only(outcomes, ExpressionOfInterest.class);
        assertThat(resubmitted).as("outcomes %s", outcomes).hasSizeLessThanOrEqualTo(1);
        assertThat(Race.only(outcomes, Rejection.Conflict.class)).hasSize(4 - resubmitted.size())
                .allSatisfy(e -> assertThat(e.code()).isEqualTo("schools-already-claimed"));
        Optional<InMemoryEoiStore.Claim> claim = resubmitted.stream().findFirst()
                .map(e -> new InMemoryEoiStore.Claim(e.id(), null));
        assertThat(world.eois.claim(Programme.KAHUI_AKO, "5400")).isEqualTo(claim);
        assertThat(world.eois.claim(Programme.KAHUI_AKO, "5401")).isEqualTo(claim);
        assertThat(world.eois.find(declined.id()).orElseThrow().status()).isEqualTo(EoiStatus.DECLINED);
    }
}
