package org.schoolcollab.review;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.CommunityFunding;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryPlanReviewStore;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.decidePlan;
import static org.schoolcollab.testsupport.WorldSetUp.fields;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.neverRead;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.refused;

/**
 * POST /communities/{id}/role-allocation over the in-memory world: staff record, once, the roles of a community whose
 * plan was endorsed before endorsements carried them (AWAITING_ALLOCATION), the leader's school taken from its latest
 * endorsement; the record's own reaction releases them.
 */
class RoleAllocationServiceUnitTest {
    private final InMemoryWorld world = new InMemoryWorld();
    private final RoleAllocationService service = world.roleAllocationService();
    private final Community community = kahuiAko(world);

    /** The plan endorsed as endorsements were before issue 10: the decision recorded, the community's roles not. */
    private PlanDecision endorsedBeforeRolesWereRecorded(Plan plan, String leaderSchoolNumber) {
        PlanDecision d = new PlanDecision(community.id(), plan.planId(), plan.version(), Programme.KAHUI_AKO,
                PlanDecision.Outcome.ENDORSED, null, leaderSchoolNumber, STAFF.sub(), STAFF.email(),
                world.clock.instant(), KAHUI_AKO, community.contact(), community.members(), false);
        new InMemoryPlanReviewStore(world.plans, world.roles).recordDecision(d, Optional.empty());
        world.communities().markEndorsed(community.id(), d.decidedAt());
        world.clock.advance(Duration.ofDays(1));
        return d;
    }

    private RolesRecorded record(String body) {
        return Requests.recordRoles(service, STAFF, community.id(), body);
    }

    @Test
    void staffRecordTheRolesOfACommunityEndorsedBeforeEndorsementsCarriedThem() {
        PlanDecision endorsement = endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9103");

        RolesRecorded recorded = record(DecisionBodies.sampleRoles().text());

        assertThat(recorded).isEqualTo(new RolesRecorded(community.id(), Programme.KAHUI_AKO, KAHUI_AKO,
                community.contact(), community.members(), "9103", Optional.of(new RoleAllocation(
                List.of(new RoleAllocation.SchoolRoles("9103", 1)), List.of(new RoleAllocation.SchoolRoles("9101", 1),
                new RoleAllocation.SchoolRoles("9102", 2), new RoleAllocation.SchoolRoles("9103", 3)), 0)),
                endorsement.planId(), STAFF.sub(), STAFF.email(), world.clock.instant()));
        assertThat(world.roles.all()).containsExactly(recorded);
        assertThat(world.funding.all()).as("the record's reaction releases them").isEmpty();
        assertThat(service.releases(recorded)).as("8 roles, each with its induction line, and 3 schools' hours")
                .hasSize(19).first().satisfies(r -> {
                    assertThat(r.line().kind()).isEqualTo(FundingKind.COMMUNITY_LEADER_ROLE);
                    assertThat(r.line().recipientSchoolNumber()).isEqualTo("9103");
                    assertThat(r.line().amount().value()).as("a secondary principal").isEqualTo("30000.00");
                });
    }

    @Test
    void aSecondRecordIsAConflictAndChangesNothing() {
        endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9101");
        RolesRecorded first = record(DecisionBodies.sampleRoles().text());

        Rejection.Conflict conflict = refused(Rejection.Conflict.class,
                () -> record(DecisionBodies.roles().across("9101", 2).text()));

        assertThat(conflict.code()).isEqualTo("roles-already-recorded");
        assertThat(conflict.getMessage()).isEqualTo("a community's roles are recorded once, and were; its funding page "
                + "lists them");
        assertThat(world.roles.all()).containsExactly(first);
    }

    @Test
    void rolesRecordedWithAnEndorsementCannotBeRecordedAgain() {
        decidePlan(world, received(world, MEMBER, community), DecisionBodies.endorseWithSampleRoles("9101"));

        Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> record(DecisionBodies.sampleRoles().text()));

        assertThat(conflict.code()).isEqualTo("roles-already-recorded");
        assertThat(world.roles.all()).singleElement().satisfies(r -> assertThat(r.recordedAt()).isNotNull());
    }

    @Test
    void theLeadersSchoolIsTheLatestEndorsementsNamedThere() {
        endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9101");
        Plan v2 = received(world, MEMBER, community);
        PlanDecision latest = endorsedBeforeRolesWereRecorded(v2, "9102");

        RolesRecorded recorded = record(DecisionBodies.sampleRoles().text());

        assertThat(recorded.leaderSchoolNumber()).isEqualTo("9102");
        assertThat(recorded.planId()).isEqualTo(latest.planId()).isEqualTo(v2.planId());
    }

    @Test
    void withoutAnEndorsedPlanThereIsNothingToRecordRolesFor() {
        Rejection.Conflict none = refused(Rejection.Conflict.class,
                () -> service.record(STAFF, community.id(), neverRead()));
        decidePlan(world, received(world, MEMBER, community), DecisionBodies.changes("Add a measure for wellbeing."));
        Rejection.Conflict sentBack = refused(Rejection.Conflict.class,
                () -> service.record(STAFF, community.id(), neverRead()));

        for (Rejection.Conflict conflict : List.of(none, sentBack)) {
            assertThat(conflict.code()).isEqualTo("not-endorsed");
            assertThat(conflict.getMessage()).contains("give the allocation with the endorsement");
        }
        assertThat(world.roles.all()).isEmpty();
    }

    @Test
    void aClusterHasNoRolesToRecord() {
        Community weymouth = cluster(world);

        Rejection.NotApplicable notApplicable = refused(Rejection.NotApplicable.class,
                () -> service.record(STAFF, weymouth.id(), neverRead()));

        assertThat(notApplicable.code()).isEqualTo("no-roles-in-programme");
        assertThat(notApplicable.getMessage()).startsWith("a school-improvement community has no community leader");
        assertThat(world.roles.all()).isEmpty();
    }

    @Test
    void onlyStaffRecordAndOnlyForACommunityThatExists() {
        endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9101");

        Rejection.Forbidden forbidden = refused(Rejection.Forbidden.class,
                () -> service.record(MEMBER, community.id(), neverRead()));
        Rejection.Forbidden clusterMember = refused(Rejection.Forbidden.class,
                () -> service.record(CLUSTER_MEMBER, community.id(), neverRead()));
        Rejection.NotFound notFound = refused(Rejection.NotFound.class,
                () -> service.record(STAFF, "00000000-0000-4000-8000-000000000999", neverRead()));

        assertThat(forbidden.getMessage()).isEqualTo("this action is for programme staff");
        assertThat(clusterMember.getMessage()).isEqualTo("this action is for programme staff");
        assertThat(notFound.getMessage()).isEqualTo("no community 00000000-0000-4000-8000-000000000999");
        assertThat(world.roles.all()).isEmpty();
    }

    @Test
    void aBadAllocationIsRefusedWithItsFieldsNamedWithoutAPrefix() {
        endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9101");

        Rejection.Invalid unread = refused(Rejection.Invalid.class, () -> record("{}"));
        Rejection.Invalid tooMuchMerge = refused(Rejection.Invalid.class,
                () -> record(DecisionBodies.roles().within("9101", 3).merged(1).text()));

        assertThat(fields(unread)).containsExactly("acrossSchool", "withinSchool");
        assertThat(tooMuchMerge.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("mergedForExtraAcrossSchool");
            assertThat(e.message()).isEqualTo("merging 1 extra across-school role(s) takes 3.3 within-school roles, "
                    + "and the allocation has 3");
        });
        assertThat(world.roles.all()).isEmpty();
    }

    @Test
    void aLeaderWhoseSchoolHasLeftTheCommunityIsAConflict() {
        endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9103");
        Community c = world.communityStore.find(community.id()).orElseThrow();
        world.communityStore.put(new Community(c.id(), c.programme(), c.name(), c.region(), c.contact(),
                c.members().subList(0, 2), c.status(), c.eoiId(), c.wave(), c.formedAt()));

        Rejection.Conflict conflict = refused(Rejection.Conflict.class,
                () -> record(DecisionBodies.roles().within("9101", 1).text()));

        assertThat(conflict.code()).isEqualTo("leader-not-a-member");
        assertThat(conflict.getMessage()).isEqualTo("school 9103, named as the leader's school at the endorsement of "
                + "plan version 1, is no longer a member");
        assertThat(world.roles.all()).isEmpty();
    }

    @Test
    void onceRecordedTheAwaitingCommunitysRolesAreReleasedByTheirReaction() {
        endorsedBeforeRolesWereRecorded(received(world, MEMBER, community), "9101");
        assertThat(world.fundingService().forCommunity(STAFF, community.id()).status())
                .filteredOn(s -> s.part() == CommunityFunding.Part.ROLES).extracting(CommunityFunding.Status::state)
                .containsExactly(CommunityFunding.State.AWAITING_ALLOCATION);

        RolesRecorded recorded = record(DecisionBodies.sampleRoles().text());
        world.onRolesRecorded().react(recorded);

        CommunityFunding funding = world.fundingService().forCommunity(STAFF, community.id());
        assertThat(funding.roles()).isEqualTo(new CommunityFunding.RoleCounts(1, 1, 6));
        assertThat(funding.status()).filteredOn(s -> s.part() == CommunityFunding.Part.ROLES)
                .extracting(CommunityFunding.Status::state).containsExactly(CommunityFunding.State.RELEASED);
        assertThat(world.mail.sentTo(community.contact().email())).extracting(m -> m.subject())
                .contains("Roles and inquiry time released: " + KAHUI_AKO);
    }
}
