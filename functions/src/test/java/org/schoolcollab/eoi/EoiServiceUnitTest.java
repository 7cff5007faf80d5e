package org.schoolcollab.eoi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.api.SubmitEoiRequest;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EoiSteps;
import org.schoolcollab.testsupport.Outsiders;
import org.schoolcollab.testsupport.PageWalk;
import org.schoolcollab.testsupport.Race;
import org.schoolcollab.testsupport.Refusals;
import org.schoolcollab.testsupport.fakes.InMemoryEoiStore;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Submitting, reading and listing applications over the in-memory store: the rules, the refusals, the claims. */
class EoiServiceUnitTest {
    private static final Actor OTAKI = DecisionBodies.sampleSchoolUser();
    private static final Actor STAFF = DecisionBodies.staff();
    private static final String FIRST_ID = "00000000-0000-4000-8000-000000000001";
    private static final String UPPER_CASE_ID = "7C9E6679-7425-40DE-944B-E07FC1F90AE7";

    private final InMemoryWorld world = new InMemoryWorld();
    private final EoiService service = world.eoiService();
    private final EoiSteps steps = new EoiSteps(world);

    private EoiService.Submitted submit(Actor actor, ObjectNode body, String idempotencyKey) {
        return service.submit(actor, SubmitEoiRequest.read(EoiBodies.text(body), Optional.ofNullable(idempotencyKey)));
    }

    private static ObjectNode otherBody() {
        return EoiBodies.withSchools("Something else", "9101", "7777");
    }

    // ------------------------------------------------------------------ submitting

    @Test
    void aSchoolUserSubmitsAndTheApplicationIsStoredWithEachSchoolClaimedForIt() {
        Instant now = world.clock.instant();

        EoiService.Submitted submitted = submit(OTAKI, EoiBodies.valid(), null);

        ExpressionOfInterest eoi = submitted.eoi();
        assertThat(submitted.replayed()).isFalse();
        assertThat(eoi.id()).isEqualTo(FIRST_ID);
        assertThat(eoi.application()).isEqualTo(SubmitEoiRequest.parse(EoiBodies.text(EoiBodies.valid())));
        assertThat(eoi.status()).isEqualTo(EoiStatus.SUBMITTED);
        assertThat(eoi.submittedBySub()).isEqualTo(OTAKI.sub());
        assertThat(eoi.submittedByEmail()).isEqualTo(OTAKI.email());
        assertThat(eoi.submittedAt()).isEqualTo(now);
        assertThat(eoi.history()).containsExactly(new ExpressionOfInterest.HistoryEntry(now, "SUBMITTED", OTAKI.sub()));
        assertThat(eoi.communityId()).isNull();
        assertThat(world.eois.all()).containsExactly(eoi);
        for (String school : List.of("9101", "9102", "9103")) {
            assertThat(world.eois.claim(Programme.KAHUI_AKO, school)).as(school)
                    .contains(new InMemoryEoiStore.Claim(FIRST_ID, null));
        }
        assertThat(world.eois.claimCount()).isEqualTo(3);
        assertThat(world.eois.claim(Programme.SCHOOL_IMPROVEMENT, "9101")).isEmpty();
    }

    @Test
    void onlySchoolUsersWithASchoolNumberMaySubmit() {
        List<Actor> others = new ArrayList<>(Outsiders.all());
        others.add(STAFF);

        assertThat(Refusals.of(Rejection.Forbidden.class, others, actor -> submit(actor, EoiBodies.valid(), null)))
                .extracting(Rejection::code).containsOnly("forbidden");
        assertThat(world.eois.all()).isEmpty();
        assertThat(world.eois.claimCount()).isZero();
    }

    @Test
    void theApplicationMustNameTheSubmittersOwnSchool() {
        Actor kapiti = DecisionBodies.schoolUser("kapiti", "4455");

        Rejection.Invalid e = catchThrowableOfType(Rejection.Invalid.class, () -> submit(kapiti, EoiBodies.valid(), null));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("schools");
        assertThat(e.errors().getFirst().message()).contains("your own school (4455)");
        assertThat(world.eois.all()).isEmpty();
        assertThat(world.eois.claimCount()).isZero();
    }

    @Test
    void schoolsClaimedInTheProgrammeAreAConflictNamingExactlyThoseAndNothingIsWritten() {
        ExpressionOfInterest first = submit(OTAKI, EoiBodies.valid(), null).eoi();
        Actor kapiti = DecisionBodies.schoolUser("kapiti", "4455");

        Rejection.Conflict e = catchThrowableOfType(Rejection.Conflict.class, () -> submit(kapiti,
                EoiBodies.withSchools("Overlap", "9103", "4455", "9102", "4456"), "kapiti-key"));

        assertThat(e.code()).isEqualTo("schools-already-claimed");
        assertThat(e.details()).isEqualTo(Map.of("claimedSchoolNumbers", List.of("9103", "9102")));
        assertThat(e.getMessage()).contains("kahui-ako").contains("9103, 9102");
        assertThat(world.eois.all()).containsExactly(first);
        assertThat(world.eois.claimCount()).isEqualTo(3);
        assertThat(world.eois.claim(Programme.KAHUI_AKO, "4455")).isEmpty();
        assertThat(world.eois.findIdempotencyRecord(kapiti.sub() + "#kapiti-key", world.clock.instant()))
                .as("no key kept for a refused submission").isEmpty();
    }

    @Test
    void theSameSchoolsMayApplyInTheOtherProgramme() {
        submit(OTAKI, EoiBodies.valid(), null);

        ExpressionOfInterest other = submit(OTAKI, EoiBodies.valid().put("programme", "school-improvement"), null).eoi();

        assertThat(other.application().programme()).isEqualTo(Programme.SCHOOL_IMPROVEMENT);
        assertThat(world.eois.all()).hasSize(2);
        assertThat(world.eois.claim(Programme.SCHOOL_IMPROVEMENT, "9101"))
                .contains(new InMemoryEoiStore.Claim(other.id(), null));
    }

    @Test
    void withoutAKeyTheSameBodySentTwiceIsRefusedAsClaimed() {
        submit(OTAKI, EoiBodies.valid(), null);

        Rejection.Conflict e = catchThrowableOfType(Rejection.Conflict.class, () -> submit(OTAKI, EoiBodies.valid(), null));

        assertThat(e.details()).containsEntry("claimedSchoolNumbers", List.of("9101", "9102", "9103"));
        assertThat(world.eois.all()).hasSize(1);
    }

    // ------------------------------------------------------------------ idempotency keys

    @Test
    void aRetryWithTheSameKeyAndBodyAnswersTheFirstApplicationAsItWasFirstRecorded() {
        EoiService.Submitted first = submit(OTAKI, EoiBodies.valid(), "retry-me");
        steps.approve(first.eoi().id(), "2026 Wave 1");
        world.clock.advance(Duration.ofMinutes(10));

        EoiService.Submitted again = submit(OTAKI, EoiBodies.valid(), "retry-me");

        assertThat(again.replayed()).isTrue();
        assertThat(again.eoi()).isEqualTo(first.eoi());
        assertThat(again.eoi().status()).isEqualTo(EoiStatus.SUBMITTED);
        assertThat(again.eoi().history()).hasSize(1);
        assertThat(again.eoi().communityId()).isNull();
        assertThat(world.eois.all()).singleElement().satisfies(stored -> {
            assertThat(stored.id()).isEqualTo(first.eoi().id());
            assertThat(stored.status()).as("the store has moved on; the answer has not").isEqualTo(EoiStatus.APPROVED);
        });
    }

    @Test
    void aKeyReusedWithAnotherBodyIsNotApplicableAndWritesNothing() {
        ExpressionOfInterest first = submit(OTAKI, EoiBodies.valid(), "reused").eoi();

        Rejection.NotApplicable e = catchThrowableOfType(Rejection.NotApplicable.class,
                () -> submit(OTAKI, otherBody(), "reused"));

        assertThat(e.code()).isEqualTo("idempotency-key-reused");
        assertThat(e.getMessage()).contains("different request body");
        assertThat(world.eois.all()).containsExactly(first);
        assertThat(world.eois.claim(Programme.KAHUI_AKO, "7777")).isEmpty();
    }

    @Test
    void keysAreScopedToTheUser() {
        ExpressionOfInterest mine = submit(OTAKI, EoiBodies.valid(), "shared-key").eoi();

        EoiService.Submitted theirs = submit(DecisionBodies.schoolUser("kapiti", "4455"),
                EoiBodies.withSchools("Kāpiti", "4455", "4456"), "shared-key");

        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.eoi().id()).isNotEqualTo(mine.id());
        assertThat(world.eois.all()).hasSize(2);
    }

    @Test
    void anUnexpiredKeyStillRefusesAnotherBodyOneSecondBeforeItExpires() {
        Instant first = world.clock.instant();
        submit(OTAKI, EoiBodies.valid(), "day-key");
        world.clock.set(first.plus(EoiService.IDEMPOTENCY_TTL).minusSeconds(1));

        Rejection.NotApplicable e = catchThrowableOfType(Rejection.NotApplicable.class,
                () -> submit(OTAKI, otherBody(), "day-key"));

        assertThat(e.code()).isEqualTo("idempotency-key-reused");
        assertThat(world.eois.all()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}s after the expiry instant")
    @ValueSource(longs = {0, 1, 3600})
    void anExpiredKeyMayBeUsedAgainAndThenNamesTheNewApplication(long secondsAfterExpiry) {
        Instant first = world.clock.instant();
        ExpressionOfInterest yesterday = submit(OTAKI, EoiBodies.withSchools("Yesterday", "9101", "9102"), "day-key").eoi();
        world.clock.set(first.plus(EoiService.IDEMPOTENCY_TTL).plusSeconds(secondsAfterExpiry));
        ObjectNode today = EoiBodies.withSchools("Today", "9101", "7777").put("programme", "school-improvement");

        EoiService.Submitted second = submit(OTAKI, today, "day-key");
        EoiService.Submitted retry = submit(OTAKI, today, "day-key");

        assertThat(second.replayed()).isFalse();
        assertThat(second.eoi().id()).isNotEqualTo(yesterday.id());
        assertThat(second.eoi().application().communityName()).isEqualTo("Today");
        assertThat(retry.replayed()).isTrue();
        assertThat(retry.eoi()).isEqualTo(second.eoi());
        assertThat(world.eois.all()).extracting(ExpressionOfInterest::id).containsExactly(yesterday.id(), second.eoi().id());
    }

    // ------------------------------------------------------------------ races

    @Test
    void tenSchoolUsersNamingTheSameSchoolAtOnceHaveExactlyOneWinner() throws Exception {
        List<Callable<EoiService.Submitted>> racers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String own = String.valueOf(6000 + i);
            racers.add(() -> submit(DecisionBodies.schoolUser("racer-" + own, own),
                    EoiBodies.withSchools("Race " + own, "5000", own), null));
        }

        List<Object> outcomes = Race.run(racers);

        List<EoiService.Submitted> winners = Race.only(outcomes, EoiService.Submitted.class);
        assertThat(winners).as("outcomes %s", outcomes).hasSize(1);
        assertThat(Race.only(outcomes, Rejection.Conflict.class)).hasSize(9).allSatisfy(e -> {
            assertThat(e.code()).isEqualTo("schools-already-claimed");
            assertThat(e.details()).isEqualTo(Map.of("claimedSchoolNumbers", List.of("5000")));
        });
        ExpressionOfInterest winner = winners.getFirst().eoi();
        assertThat(world.eois.all()).containsExactly(winner);
        assertThat(world.eois.claimCount()).as("the losers' own schools stay free").isEqualTo(2);
        for (String school : winner.application().schoolNumbers()) {
            assertThat(world.eois.claim(Programme.KAHUI_AKO, school)).contains(new InMemoryEoiStore.Claim(winner.id(), null));
        }
    }

    @Test
    void eightConcurrentRetriesWithOneKeyStoreOneApplicationAndAllAnswerIt() throws Exception {
        List<Callable<EoiService.Submitted>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(() -> submit(OTAKI, EoiBodies.valid(), "double-click"));
        }

        List<Object> outcomes = Race.run(retries);

        List<EoiService.Submitted> answers = Race.only(outcomes, EoiService.Submitted.class);
        assertThat(answers).as("outcomes %s", outcomes).hasSize(8);
        assertThat(answers).extracting(a -> a.eoi().id()).containsOnly(world.eois.all().getFirst().id());
        assertThat(answers).filteredOn(a -> !a.replayed()).hasSize(1);
        assertThat(world.eois.all()).hasSize(1);
        assertThat(world.eois.claimCount()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ reading one

    @Test
    void staffAndEveryNamedSchoolReadTheApplicationAsItIsNow() {
        ExpressionOfInterest eoi = submit(OTAKI, EoiBodies.valid(), null).eoi();
        steps.decline(eoi.id(), "Waitohu's board has not endorsed it.");

        for (Actor reader : List.of(STAFF, OTAKI, DecisionBodies.schoolUser("waitohu", "9102"),
                DecisionBodies.schoolUser("college", "9103"))) {
            ExpressionOfInterest read = service.get(reader, eoi.id());
            assertThat(read.id()).as("%s", reader).isEqualTo(eoi.id());
            assertThat(read.status()).isEqualTo(EoiStatus.DECLINED);
            assertThat(read.history()).extracting(ExpressionOfInterest.HistoryEntry::reason)
                    .containsExactly(null, "Waitohu's board has not endorsed it.");
        }
    }

    @Test
    void anyoneElseIsToldItDoesNotExistAsForAnUnknownId() {
        ExpressionOfInterest eoi = submit(OTAKI, EoiBodies.valid(), null).eoi();
        List<Actor> outsiders = new ArrayList<>(Outsiders.all());
        outsiders.add(DecisionBodies.schoolUser("kapiti", "4455"));

        assertThat(Refusals.of(Rejection.NotFound.class, outsiders, outsider -> service.get(outsider, eoi.id())))
                .extracting(Rejection::getMessage).containsOnly("no expression of interest " + eoi.id());
        assertThat(catchThrowableOfType(Rejection.NotFound.class,
                () -> service.get(STAFF, "00000000-0000-4000-8000-000000000999"))).isNotNull();
    }

    @ParameterizedTest(name = "id \"{0}\" is not found")
    @NullAndEmptySource
    @ValueSource(strings = {UPPER_CASE_ID, "not-a-uuid", "../../etc/passwd", "7c9e6679-7425-40de-944b-e07fc1f90ae7-and-more"})
    void anIdNotOfTheProductsShapeIsNotFoundEvenWhenARecordHoldsIt(String id) {
        // A record under an id the product never issues: the service must refuse the id without looking it up.
        new EoiService(world.eois, world.clock, () -> UPPER_CASE_ID).submit(OTAKI,
                SubmitEoiRequest.read(EoiBodies.text(EoiBodies.valid()), Optional.empty()));
        assertThat(world.eois.find(UPPER_CASE_ID)).isPresent();

        assertThat(catchThrowableOfType(Rejection.NotFound.class, () -> service.get(STAFF, id))).isNotNull();
    }

    // ------------------------------------------------------------------ lists

    /** Seven applications of two schools each, a minute or more apart; their ids in submission order. */
    private List<String> sevenInTheQueue() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String school = String.valueOf(3000 + 2 * i);
            ids.add(steps.submit("Community " + i, school, String.valueOf(3001 + 2 * i)).id());
            world.clock.advance(Duration.ofMinutes(i % 2 == 0 ? 0 : 90));
        }
        return ids;
    }

    private List<List<String>> pages(Actor actor, Optional<EoiStatus> status, int limit) {
        return PageWalk.pages(limit, page -> service.list(actor, status, page), ExpressionOfInterest::id);
    }

    @Test
    void staffGetTheSubmittedQueueOldestFirstAPageAtATime() {
        List<String> ids = sevenInTheQueue();

        assertThat(pages(STAFF, Optional.empty(), 3))
                .containsExactly(ids.subList(0, 3), ids.subList(3, 6), ids.subList(6, 7));
        assertThat(pages(STAFF, Optional.of(EoiStatus.SUBMITTED), 100)).containsExactly(ids);
    }

    @Test
    void aDecisionMovesAnApplicationFromTheSubmittedQueueToItsStatussQueue() {
        List<String> ids = sevenInTheQueue();
        steps.decline(ids.get(2), "not this round");
        steps.approve(ids.get(4), null);

        assertThat(pages(STAFF, Optional.empty(), 100).getFirst())
                .containsExactly(ids.get(0), ids.get(1), ids.get(3), ids.get(5), ids.get(6));
        assertThat(pages(STAFF, Optional.of(EoiStatus.DECLINED), 100)).containsExactly(List.of(ids.get(2)));
        assertThat(pages(STAFF, Optional.of(EoiStatus.APPROVED), 100)).containsExactly(List.of(ids.get(4)));
        assertThat(pages(STAFF, Optional.of(EoiStatus.WITHDRAWN), 100)).containsExactly(List.of());
    }

    @Test
    void theQueueIsOldestFirstWithinOneSecond() {
        world.clock.set(Instant.parse("2026-03-02T21:14:05Z"));
        String first = submit(OTAKI, EoiBodies.valid(), null).eoi().id();
        world.clock.set(Instant.parse("2026-03-02T21:14:05.500Z"));
        String second = submit(DecisionBodies.schoolUser("kapiti", "4455"),
                EoiBodies.withSchools("Kāpiti", "4455", "4456"), null).eoi().id();

        assertThat(pages(STAFF, Optional.empty(), 100)).containsExactly(List.of(first, second));
    }

    /**
     * Ōtaki (9101) applies with 9102 and is declined, applies again with 9103, and applies to the other programme
     * with 9104; Kāpiti (8801, 8802) applies once. Their ids in that order.
     */
    private List<String> fourApplications() {
        List<String> ids = new ArrayList<>();
        ids.add(steps.submit(OTAKI, EoiBodies.withSchools("Ōtaki first", "9101", "9102")).id());
        steps.decline(ids.getFirst(), "Waitohu's board has not endorsed it.");
        ids.add(steps.submit(OTAKI, EoiBodies.withSchools("Ōtaki second", "9101", "9103")).id());
        ids.add(steps.submit(OTAKI, EoiBodies.withSchools("Ōtaki improving", "9101", "9104")
                .put("programme", "school-improvement")).id());
        ids.add(steps.submit("Kāpiti", "8801", "8802").id());
        return ids;
    }

    @Test
    void aSchoolUserListsEveryApplicationNamingTheirSchoolNewestFirstOfAnyProgrammeAndStatus() {
        List<String> ids = fourApplications();

        assertThat(pages(OTAKI, Optional.empty(), 1).stream().flatMap(List::stream))
                .containsExactly(ids.get(2), ids.get(1), ids.get(0));
        List<ExpressionOfInterest> all = service.list(OTAKI, Optional.empty(), PageRequest.first(100)).items();
        assertThat(all).extracting(ExpressionOfInterest::status)
                .containsExactly(EoiStatus.SUBMITTED, EoiStatus.SUBMITTED, EoiStatus.DECLINED);
        assertThat(pages(DecisionBodies.schoolUser("waitohu", "9102"), Optional.empty(), 10)).containsExactly(List.of(ids.get(0)));
        assertThat(pages(DecisionBodies.schoolUser("kapiti", "8802"), Optional.empty(), 10)).containsExactly(List.of(ids.get(3)));
        assertThat(pages(DecisionBodies.schoolUser("nobody", "1234"), Optional.empty(), 10)).containsExactly(List.of());
    }

    @Test
    void aSchoolUsersStatusKeepsOnlyThatStatusAndStillFillsThePage() {
        List<String> ids = fourApplications();

        assertThat(pages(OTAKI, Optional.of(EoiStatus.DECLINED), 1).stream().flatMap(List::stream))
                .containsExactly(ids.get(0));
        assertThat(pages(OTAKI, Optional.of(EoiStatus.SUBMITTED), 2).getFirst()).containsExactly(ids.get(2), ids.get(1));
        assertThat(pages(OTAKI, Optional.of(EoiStatus.APPROVED), 1).stream().flatMap(List::stream)).isEmpty();
    }

    @Test
    void aTokenIsForTheListThatIssuedItOnly() {
        fourApplications();
        String otakiToken = service.list(OTAKI, Optional.empty(), PageRequest.first(1)).nextToken().orElseThrow();
        String queueToken = service.list(STAFF, Optional.empty(), PageRequest.first(1)).nextToken().orElseThrow();

        for (Actor other : List.of(DecisionBodies.schoolUser("college", "9103"), STAFF)) {
            Rejection.Invalid e = catchThrowableOfType(Rejection.Invalid.class,
                    () -> service.list(other, Optional.empty(), new PageRequest(10, Optional.of(otakiToken))));
            assertThat(e.errors()).as("%s", other).extracting(FieldError::field).containsExactly("nextToken");
        }
        Rejection.Invalid e = catchThrowableOfType(Rejection.Invalid.class, () -> service.list(STAFF,
                Optional.of(EoiStatus.DECLINED), new PageRequest(10, Optional.of(queueToken))));
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("nextToken");
    }

    @Test
    void onlyStaffAndSchoolUsersWithASchoolNumberMayList() {
        fourApplications();
        Refusals.of(Rejection.Forbidden.class, Outsiders.all(), EoiService::requireMayList);
        Refusals.of(Rejection.Forbidden.class, Outsiders.all(),
                actor -> service.list(actor, Optional.empty(), PageRequest.first(10)));
        EoiService.requireMayList(STAFF);
        EoiService.requireMayList(OTAKI);
        assertThat(service.list(OTAKI, Optional.empty(), PageRequest.first(10)).items()).hasSize(3);
    }
}
