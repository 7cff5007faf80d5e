package org.schoolcollab.review;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.RoleAllocation;
import org.schoolcollab.funding.RolesRecorded;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.PlanStatus;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryPlanReviewStore;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.community;
import static org.schoolcollab.testsupport.WorldSetUp.fields;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.neverRead;
import static org.schoolcollab.testsupport.WorldSetUp.plan;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.refused;
import static org.schoolcollab.testsupport.WorldSetUp.register;
import static org.schoolcollab.testsupport.WorldSetUp.text;
import static org.schoolcollab.testsupport.WorldSetUp.upload;

/**
 * Staff decide a received kahui-ako plan over the in-memory world: endorse it naming the leader's school and, the
 * first time, recording the roles the Ministry's staffing system generated with it; or send it back.
 */
class PlanReviewServiceUnitTest {
    static final String ENDORSE_9103 = DecisionBodies.endorseWithSampleRoles("9103");
    static final String CHANGES = DecisionBodies.changes("Add a measure for wellbeing.");

    private final InMemoryWorld world = new InMemoryWorld();
    private final PlanReviewService service = world.planReviewService();
    private final Community community = kahuiAko(world);

    private PlanDecision decide(Plan plan, String body) {
        return Requests.decide(service, STAFF, plan.communityId(), plan.planId(), body);
    }

    @Test
    void endorsingAReceivedPlanNamingAMemberLeaderSchoolRecordsTheDecisionWithWhatItsReactionsNeed() {
        Plan plan = received(world, MEMBER, community);

        PlanDecision decision = decide(plan, ENDORSE_9103);

        assertThat(decision).isEqualTo(new PlanDecision(community.id(), plan.planId(), 1, community.programme(),
                PlanDecision.Outcome.ENDORSED, null, "9103", STAFF.sub(), STAFF.email(), world.clock.instant(),
                KAHUI_AKO, community.contact(), community.members(), true));
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.ENDORSED);
        assertThat(world.plans.decisions()).containsExactly(decision);
        assertThat(world.plans.listWithReviews(community.id())).singleElement()
                .satisfies(v -> assertThat(v.review()).contains(decision));
    }

    @Test
    void theFirstEndorsementRecordsTheCommunitysRolesWithTheDecision() {
        Plan plan = received(world, MEMBER, community);

        PlanDecision decision = decide(plan, ENDORSE_9103);

        RoleAllocation sample = new RoleAllocation(List.of(new RoleAllocation.SchoolRoles("9103", 1)),
                List.of(new RoleAllocation.SchoolRoles("9101", 1), new RoleAllocation.SchoolRoles("9102", 2),
                        new RoleAllocation.SchoolRoles("9103", 3)), 0);
        assertThat(world.roles.all()).containsExactly(new RolesRecorded(community.id(), Programme.KAHUI_AKO, KAHUI_AKO,
                community.contact(), community.members(), "9103", Optional.of(sample), plan.planId(), STAFF.sub(),
                STAFF.email(), decision.decidedAt()));
        assertThat(decision.releasesRoles()).isTrue();
        assertThat(world.funding.all()).as("the roles' own reaction releases them").isEmpty();
    }

    @Test
    void withTheShippedPolicyAnEndorsementWithoutTheRolesIsRefusedNamingRoleAllocation() {
        Plan plan = received(world, MEMBER, community);

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> decide(plan, DecisionBodies.endorse("9103")));

        assertThat(fields(invalid)).containsExactly("roleAllocation");
        assertThat(invalid.errors().getFirst().message()).startsWith("is required: the Ministry's staffing system "
                + "generates each school's across-school and within-school roles");
        assertThat(world.plans.decisions()).isEmpty();
        assertThat(world.roles.all()).isEmpty();
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);
    }

    @Test
    void underAPolicyThatCountsTheRolesItselfTheEndorsementRecordsThemWithoutAnAllocation() {
        InMemoryWorld fixture = new InMemoryWorld(new FundingPolicies("policies-test"));
        Community otaki = kahuiAko(fixture);
        Plan plan = received(fixture, MEMBER, otaki);

        PlanDecision decision = Requests.decide(fixture.planReviewService(), STAFF, otaki.id(), plan.planId(),
                DecisionBodies.endorse("9101"));

        assertThat(decision.releasesRoles()).isTrue();
        assertThat(fixture.roles.all()).singleElement().satisfies(r -> {
            assertThat(r.allocation()).isEmpty();
            assertThat(r.leaderSchoolNumber()).isEqualTo("9101");
            assertThat(r.planId()).isEqualTo(plan.planId());
        });
    }

    @Test
    void aLaterVersionIsEndorsedWithoutRecordingTheRolesAgainAndAnAllocationWithItIsAConflict() {
        Plan v1 = received(world, MEMBER, community);
        decide(v1, ENDORSE_9103);
        List<RolesRecorded> recorded = world.roles.all();
        Plan v2 = received(world, MEMBER, community);

        Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> decide(v2,
                DecisionBodies.endorse("9101", DecisionBodies.roles().across("9101", 2))));

        assertThat(conflict.code()).isEqualTo("roles-already-recorded");
        assertThat(plan(world, v2).status()).isEqualTo(PlanStatus.RECEIVED);

        PlanDecision second = decide(v2, DecisionBodies.endorse("9101"));

        assertThat(second.releasesRoles()).isFalse();
        assertThat(second.leaderSchoolNumber()).isEqualTo("9101");
        assertThat(plan(world, v2).status()).isEqualTo(PlanStatus.ENDORSED);
        assertThat(world.roles.all()).as("the first endorsement's, unchanged").isEqualTo(recorded);
    }

    @Test
    void rolesRecordedByStaffAtTheSameMomentMakeTheEndorsementAConflictAndNothingIsWritten() {
        Plan plan = received(world, MEMBER, community);
        InMemoryPlanReviewStore store = new InMemoryPlanReviewStore(world.plans, world.roles);
        RolesRecorded byStaff = new RolesRecorded(community.id(), Programme.KAHUI_AKO, KAHUI_AKO, community.contact(),
                community.members(), "9101", Optional.of(new RoleAllocation(List.of(), List.of(), 0)), plan.planId(),
                "staff-2", "staff-2@programme-office.example.govt.nz", world.clock.instant());
        // Another member of staff records the roles between this endorsement's check and its write.
        PlanReviewStore racing = new PlanReviewStore() {
            @Override
            public Optional<Plan> findPlan(String communityId, String planId) {
                return store.findPlan(communityId, planId);
            }

            @Override
            public void recordDecision(PlanDecision decision, Optional<RolesRecorded> roles) {
                world.roles.record(byStaff);
                store.recordDecision(decision, roles);
            }
        };

        Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> Requests.decide(
                new PlanReviewService(world.communities(), racing, world.roles, world.policies, world.clock), STAFF,
                community.id(), plan.planId(), ENDORSE_9103));

        assertThat(conflict.code()).isEqualTo("roles-already-recorded");
        assertThat(world.roles.all()).containsExactly(byStaff);
        assertThat(world.plans.decisions()).as("all or nothing").isEmpty();
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);
    }

    @Test
    void twoVersionsEndorsedAtTheSameMomentRecordTheRolesOnceAndTheLaterWriteIsAConflict() {
        Plan v1 = received(world, MEMBER, community);
        Plan v2 = received(world, MEMBER, community);
        InMemoryPlanReviewStore store = new InMemoryPlanReviewStore(world.plans, world.roles);
        // Another reviewer endorses version 1, with the roles, between this endorsement's check and its write.
        PlanReviewStore racing = new PlanReviewStore() {
            @Override
            public Optional<Plan> findPlan(String communityId, String planId) {
                return store.findPlan(communityId, planId);
            }

            @Override
            public void recordDecision(PlanDecision decision, Optional<RolesRecorded> roles) {
                Requests.decide(world.planReviewService(), DecisionBodies.staff("staff-2"), community.id(),
                        v1.planId(), DecisionBodies.endorseWithSampleRoles("9101"));
                store.recordDecision(decision, roles);
            }
        };

        Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> Requests.decide(
                new PlanReviewService(world.communities(), racing, world.roles, world.policies, world.clock), STAFF,
                community.id(), v2.planId(), ENDORSE_9103));

        assertThat(conflict.code()).isEqualTo("roles-already-recorded");
        assertThat(world.roles.all()).singleElement().satisfies(r -> {
            assertThat(r.planId()).isEqualTo(v1.planId());
            assertThat(r.recordedBySub()).isEqualTo("staff-2");
            assertThat(r.leaderSchoolNumber()).isEqualTo("9101");
        });
        assertThat(world.plans.decisions()).singleElement().satisfies(d -> assertThat(d.planId()).isEqualTo(v1.planId()));
        assertThat(plan(world, v2).status()).isEqualTo(PlanStatus.RECEIVED);
    }

    @Test
    void aMergeThatNeedsMoreWithinSchoolRolesThanTheSchoolsGeneratedIsRefused() {
        Plan plan = received(world, MEMBER, community);

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> decide(plan, DecisionBodies.endorse("9101",
                DecisionBodies.roles().across("9103", 1).within("9101", 2).within("9102", 1).merged(1))));

        assertThat(invalid.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("roleAllocation.mergedForExtraAcrossSchool");
            assertThat(e.message()).isEqualTo("merging 1 extra across-school role(s) takes 3.3 within-school roles, "
                    + "and the allocation has 3");
        });
        assertThat(world.roles.all()).isEmpty();
        assertThat(world.plans.decisions()).isEmpty();
    }

    @Test
    void aLeaderFromASchoolTypeThePolicyStatesNoAllowanceForIsRefusedBeforeAnythingIsRecorded() {
        ObjectNode eoi = EoiBodies.withSchools("Kāhui Ako o Te Horo", "9201", "9202");
        eoi.withArray("schools").add(EoiBodies.school("9204", "Te Horo Special School", "SPECIAL", 40, "6"));
        Community withSpecial = community(world, approve(world, eoi));
        Plan plan = received(world, DecisionBodies.schoolUser("sub-9201", "9201"), withSpecial);

        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> Requests.decide(service, STAFF,
                withSpecial.id(), plan.planId(), DecisionBodies.endorse("9204",
                        DecisionBodies.roles().within("9201", 1).within("9204", 1))));

        assertThat(invalid.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("leaderSchoolNumber");
            assertThat(e.message()).contains("states no community leader allowance for a leader from a special school");
        });
        assertThat(world.roles.all()).isEmpty();
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);
    }

    @Test
    void askingForChangesNeedsCommentsAndTheyAreKept() {
        Plan plan = received(world, MEMBER, community);

        Rejection.Invalid invalid = refused(Rejection.Invalid.class,
                () -> decide(plan, "{\"decision\":\"CHANGES_REQUESTED\"}"));
        assertThat(fields(invalid)).containsExactly("comments");
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);

        PlanDecision decision = decide(plan, CHANGES);

        assertThat(decision.decision()).isEqualTo(PlanDecision.Outcome.CHANGES_REQUESTED);
        assertThat(decision.comments()).isEqualTo("Add a measure for wellbeing.");
        assertThat(decision.leaderSchoolNumber()).isNull();
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.CHANGES_REQUESTED);
    }

    @Test
    void anEndorsementNamesTheLeadersSchoolAmongTheMembers() {
        Plan plan = received(world, MEMBER, community);

        Rejection.Invalid none = refused(Rejection.Invalid.class, () -> decide(plan, "{\"decision\":\"ENDORSED\"}"));
        Rejection.Invalid stranger = refused(Rejection.Invalid.class,
                () -> decide(plan, "{\"decision\":\"ENDORSED\",\"leaderSchoolNumber\":\"8101\"}"));
        Rejection.Invalid many = refused(Rejection.Invalid.class,
                () -> decide(plan, "{\"decision\":\"MAYBE\",\"comments\":\" \",\"leaderSchoolNumber\":\"5555\",\"amount\":1}"));

        assertThat(fields(none)).containsExactly("leaderSchoolNumber");
        assertThat(stranger.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("school 8101 is not a member of this community"));
        assertThat(fields(many)).containsExactly("amount", "decision", "comments", "leaderSchoolNumber");
        assertThat(world.plans.decisions()).isEmpty();
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);
    }

    @Test
    void aPlanIsDecidedOnceASecondDecisionIsAConflict() {
        Plan plan = received(world, MEMBER, community);
        PlanDecision first = decide(plan, ENDORSE_9103);

        Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> decide(plan, CHANGES));

        assertThat(conflict.code()).isEqualTo("plan-not-received");
        assertThat(conflict.details()).isEmpty();
        assertThat(conflict.getMessage()).isEqualTo("only a RECEIVED plan can be endorsed or sent back, once (this one is ENDORSED)");
        assertThat(world.plans.decisions()).containsExactly(first);
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.ENDORSED);
    }

    @Test
    void aPlanWhoseFileWasNotReceivedCannotBeDecided() {
        Plan awaiting = register(world, MEMBER, community);
        Plan rejected = register(world, MEMBER, community);
        upload(world, rejected, PlanSamples.PDF, text(PlanSamples.SAMPLE_PDF.length));

        for (Plan plan : List.of(awaiting, plan(world, rejected))) {
            Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> decide(plan, ENDORSE_9103));
            assertThat(conflict.code()).isEqualTo("plan-not-received");
            assertThat(conflict.getMessage()).endsWith("(this one is " + plan.status() + ")");
        }
        assertThat(world.plans.decisions()).isEmpty();
    }

    @Test
    void aDecisionRecordedByAnotherReviewerAtTheSameMomentIsAConflict() {
        Plan plan = received(world, MEMBER, community);
        InMemoryPlanReviewStore store = new InMemoryPlanReviewStore(world.plans, world.roles);
        // The other reviewer's decision lands between this one's read of the plan and its write.
        PlanReviewStore racing = new PlanReviewStore() {
            @Override
            public Optional<Plan> findPlan(String communityId, String planId) {
                Optional<Plan> read = store.findPlan(communityId, planId);
                Requests.decide(world.planReviewService(), DecisionBodies.staff("staff-2"), communityId, planId, CHANGES);
                return read;
            }

            @Override
            public void recordDecision(PlanDecision decision, Optional<RolesRecorded> roles) {
                store.recordDecision(decision, roles);
            }
        };

        Rejection.Conflict conflict = refused(Rejection.Conflict.class, () -> Requests.decide(
                new PlanReviewService(world.communities(), racing, world.roles, world.policies, world.clock), STAFF, community.id(), plan.planId(),
                ENDORSE_9103));

        assertThat(conflict.code()).isEqualTo("plan-not-received");
        assertThat(conflict.getMessage()).endsWith("(it was decided just now by someone else)");
        assertThat(world.plans.decisions()).singleElement().satisfies(d -> {
            assertThat(d.decidedBySub()).isEqualTo("staff-2");
            assertThat(d.decision()).isEqualTo(PlanDecision.Outcome.CHANGES_REQUESTED);
        });
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.CHANGES_REQUESTED);
    }

    @Test
    void aClustersPlanIsReviewedByVisitsNotDecidedWhateverTheBody() {
        Community cluster = cluster(world);
        Plan plan = received(world, CLUSTER_MEMBER, cluster);

        Rejection.NotApplicable notApplicable = refused(Rejection.NotApplicable.class,
                () -> service.decide(STAFF, cluster.id(), plan.planId(), neverRead()));

        assertThat(notApplicable.code()).isEqualTo("reviewed-by-visits");
        assertThat(notApplicable.getMessage()).contains("school-improvement", "challenge visits");
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);
        assertThat(world.plans.decisions()).isEmpty();
    }

    @Test
    void onlyStaffDecideAndOnlyAPlanOfTheCommunity() {
        Plan plan = received(world, MEMBER, community);
        Community cluster = cluster(world);
        Plan clusters = received(world, CLUSTER_MEMBER, cluster);

        Rejection.Forbidden forbidden = refused(Rejection.Forbidden.class,
                () -> service.decide(MEMBER, community.id(), plan.planId(), neverRead()));
        assertThat(forbidden.getMessage()).isEqualTo("this action is for programme staff");
        for (String planId : List.of(clusters.planId(), "00000000-0000-4000-8000-000000000999")) {
            Rejection.NotFound notFound = refused(Rejection.NotFound.class, () -> Requests.decide(service, STAFF,
                    community.id(), planId, ENDORSE_9103));
            assertThat(notFound.getMessage()).isEqualTo("no plan " + planId + " in community " + community.id());
        }
        refused(Rejection.NotFound.class, () -> service.decide(STAFF, "00000000-0000-4000-8000-000000000999",
                plan.planId(), neverRead()));

        assertThat(world.plans.decisions()).isEmpty();
        assertThat(world.plans.listWithReviews(community.id())).extracting(v -> v.plan().status())
                .containsExactly(PlanStatus.RECEIVED);
        assertThat(plan(world, clusters).status()).isEqualTo(PlanStatus.RECEIVED);
    }
}
