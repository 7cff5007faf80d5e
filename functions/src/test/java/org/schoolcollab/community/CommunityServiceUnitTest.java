package org.schoolcollab.community;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EoiSteps;
import org.schoolcollab.testsupport.Outsiders;
import org.schoolcollab.testsupport.PageWalk;
import org.schoolcollab.testsupport.Refusals;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading communities over the fakes: who sees one, staff's lists by programme and status, endorsement. */
class CommunityServiceUnitTest {
    private static final Actor STAFF = DecisionBodies.staff();
    private static final String UPPER_CASE_ID = "1F0E8D7C-6B5A-4C3D-9E2F-0A1B2C3D4E5F";

    private final InMemoryWorld world = new InMemoryWorld();
    private final CommunityService service = world.communities();
    private final EoiSteps steps = new EoiSteps(world);

    /** An application of these schools, submitted by a user of the first and approved: its community. */
    private Community formed(String name, String... schools) {
        String communityId = steps.approve(steps.submit(name, schools).id(), "2026 Wave 1").communityId();
        return world.communityStore.find(communityId).orElseThrow();
    }

    private Community otaki() {
        return formed("Kāhui Ako o Ōtaki", "9101", "9102", "9103");
    }

    private static Community withId(Community c, String id, CommunityStatus status) {
        return new Community(id, c.programme(), c.name(), c.region(), c.contact(), c.members(), status, c.eoiId(),
                c.wave(), c.formedAt());
    }

    // ------------------------------------------------------------------ one community

    @Test
    void staffAndTheUsersOfEveryMemberSchoolSeeTheCommunity() {
        Community otaki = otaki();
        formed("Kāpiti Coast", "4455", "4456");

        for (Actor reader : List.of(STAFF, DecisionBodies.schoolUser("otaki", "9101"),
                DecisionBodies.schoolUser("waitohu", "9102"), DecisionBodies.schoolUser("college", "9103"))) {
            assertThat(service.get(reader, otaki.id())).as("%s", reader).isEqualTo(otaki);
        }
        assertThat(otaki.members()).extracting(m -> m.schoolNumber()).containsExactly("9101", "9102", "9103");
    }

    @Test
    void anyoneElseIsToldItDoesNotExistAsForAnUnknownId() {
        Community otaki = otaki();
        formed("Kāpiti Coast", "4455", "4456");
        List<Actor> outsiders = new ArrayList<>(Outsiders.all());
        outsiders.add(DecisionBodies.schoolUser("kapiti", "4455"));

        assertThat(Refusals.of(Rejection.NotFound.class, outsiders, outsider -> service.get(outsider, otaki.id())))
                .extracting(Rejection::getMessage).containsOnly("no community " + otaki.id());
        assertThat(catchThrowableOfType(Rejection.NotFound.class,
                () -> service.get(STAFF, "00000000-0000-4000-8000-000000000999"))).isNotNull();
    }

    @Test
    void theApplicationsIdIsNotTheCommunitysId() {
        Community otaki = otaki();

        assertThat(catchThrowableOfType(Rejection.NotFound.class, () -> service.get(STAFF, otaki.eoiId()))).isNotNull();
    }

    @ParameterizedTest(name = "id \"{0}\" is not found")
    @NullAndEmptySource
    @ValueSource(strings = {UPPER_CASE_ID, "not-a-uuid", "kahui-ako", "COMMUNITY#1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f"})
    void anIdNotOfTheProductsShapeIsNotFoundEvenWhenACommunityHoldsIt(String id) {
        world.communityStore.put(withId(otaki(), UPPER_CASE_ID, CommunityStatus.FORMING));

        assertThat(catchThrowableOfType(Rejection.NotFound.class, () -> service.get(STAFF, id))).isNotNull();
    }

    // ------------------------------------------------------------------ lists

    /** Five kahui-ako communities formed a minute or more apart, and one school-improvement cluster between them. */
    private List<Community> fiveCommunities() {
        List<Community> formed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            formed.add(formed("Kāhui Ako " + i, String.valueOf(7100 + 10 * i), String.valueOf(7101 + 10 * i)));
            if (i == 2) {
                steps.approve(steps.submit(DecisionBodies.schoolUser("dorset", "8000"),
                        EoiBodies.withSchools("Weymouth Cluster", "8000", "8001").put("programme", "school-improvement")).id(), null);
            }
            world.clock.advance(Duration.ofHours(i));
        }
        return formed;
    }

    private List<String> ids(Programme programme, Optional<CommunityStatus> status, int limit) {
        return PageWalk.all(limit, page -> service.list(STAFF, programme, status, page), Community::id);
    }

    private static List<String> ids(List<Community> communities) {
        return communities.stream().map(Community::id).toList();
    }

    @Test
    void staffListAProgrammesCommunitiesOldestFirstAPageAtATime() {
        List<Community> formed = fiveCommunities();

        Page<Community> first = service.list(STAFF, Programme.KAHUI_AKO, Optional.empty(), PageRequest.first(2));

        assertThat(first.items()).isEqualTo(formed.subList(0, 2));
        assertThat(first.nextToken()).isPresent();
        assertThat(ids(Programme.KAHUI_AKO, Optional.empty(), 2)).containsExactlyElementsOf(ids(formed));
        assertThat(ids(Programme.SCHOOL_IMPROVEMENT, Optional.empty(), 2)).singleElement()
                .satisfies(id -> assertThat(world.communityStore.find(id).orElseThrow().name()).isEqualTo("Weymouth Cluster"));
    }

    @Test
    void aStatusKeepsOnlyTheCommunitiesInIt() {
        List<Community> formed = fiveCommunities();
        service.markEndorsed(formed.get(1).id(), world.clock.instant());
        service.markEndorsed(formed.get(3).id(), world.clock.instant());
        world.communityStore.put(withId(formed.get(4), formed.get(4).id(), CommunityStatus.CLOSED));

        assertThat(ids(Programme.KAHUI_AKO, Optional.of(CommunityStatus.ENDORSED), 1))
                .containsExactly(formed.get(1).id(), formed.get(3).id());
        assertThat(ids(Programme.KAHUI_AKO, Optional.of(CommunityStatus.FORMING), 1))
                .containsExactly(formed.get(0).id(), formed.get(2).id());
        assertThat(ids(Programme.KAHUI_AKO, Optional.of(CommunityStatus.CLOSED), 1)).containsExactly(formed.get(4).id());
        assertThat(ids(Programme.KAHUI_AKO, Optional.empty(), 100)).as("oldest first across statuses")
                .containsExactlyElementsOf(ids(formed));
    }

    @Test
    void theListIsOldestFirstWithinOneSecond() {
        String first = steps.submit("First", "7100", "7101").id();
        String second = steps.submit("Second", "7110", "7111").id();
        world.clock.set(Instant.parse("2026-03-02T21:30:05Z"));
        String formedFirst = steps.approve(first, null).communityId();
        world.clock.set(Instant.parse("2026-03-02T21:30:05.500Z"));
        String formedSecond = steps.approve(second, null).communityId();

        assertThat(ids(Programme.KAHUI_AKO, Optional.empty(), 100)).containsExactly(formedFirst, formedSecond);
    }

    @Test
    void aTokenIsAPlaceInTheProgrammesListSoAStatusMayContinueFromIt() {
        List<Community> formed = fiveCommunities();
        service.markEndorsed(formed.get(0).id(), world.clock.instant());
        service.markEndorsed(formed.get(3).id(), world.clock.instant());
        String afterTheSecond = service.list(STAFF, Programme.KAHUI_AKO, Optional.empty(), PageRequest.first(2))
                .nextToken().orElseThrow();

        Page<Community> endorsedAfter = service.list(STAFF, Programme.KAHUI_AKO, Optional.of(CommunityStatus.ENDORSED),
                new PageRequest(10, Optional.of(afterTheSecond)));

        assertThat(endorsedAfter.items()).extracting(Community::id).containsExactly(formed.get(3).id());
    }

    @Test
    void aTokenOfAnotherProgrammesListIsInvalid() {
        fiveCommunities();
        String dorsetToken = service.list(STAFF, Programme.SCHOOL_IMPROVEMENT, Optional.empty(), PageRequest.first(1))
                .nextToken().orElseThrow();

        Rejection.Invalid e = catchThrowableOfType(Rejection.Invalid.class, () -> service.list(STAFF,
                Programme.KAHUI_AKO, Optional.empty(), new PageRequest(10, Optional.of(dorsetToken))));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("nextToken");
    }

    @Test
    void onlyStaffListEvenAMemberSchoolIsForbidden() {
        Community otaki = otaki();

        Refusals.of(Rejection.Forbidden.class, List.of(DecisionBodies.schoolUser("otaki", "9101"), Outsiders.inNoGroup()),
                actor -> service.list(actor, Programme.KAHUI_AKO, Optional.empty(), PageRequest.first(10)));
        assertThat(service.list(STAFF, Programme.KAHUI_AKO, Optional.empty(), PageRequest.first(10)).items())
                .containsExactly(otaki);
    }

    // ------------------------------------------------------------------ endorsement

    @Test
    void endorsementMovesAFormingCommunityToEndorsedOnce() {
        Community otaki = otaki();
        Instant endorsed = world.clock.instant();

        service.markEndorsed(otaki.id(), endorsed);
        service.markEndorsed(otaki.id(), endorsed.plus(Duration.ofDays(3)));

        assertThat(world.communityStore.find(otaki.id())).contains(withId(otaki, otaki.id(), CommunityStatus.ENDORSED));
        assertThat(world.communityStore.endorsedAt(otaki.id())).as("the first endorsement's time").contains(endorsed);
    }

    @Test
    void aClosedCommunityStaysClosedAndAnUnknownOneIsLeftAlone() {
        Community otaki = otaki();
        Community closed = withId(otaki, otaki.id(), CommunityStatus.CLOSED);
        world.communityStore.put(closed);
        List<Community> before = world.communityStore.all();

        service.markEndorsed(closed.id(), world.clock.instant());
        service.markEndorsed("00000000-0000-4000-8000-000000000999", world.clock.instant());

        assertThat(world.communityStore.all()).isEqualTo(before);
        assertThat(world.communityStore.endorsedAt(closed.id())).isEmpty();
    }
}
