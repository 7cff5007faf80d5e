package org.schoolcollab.visit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.OUTSIDER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.approve;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.community;
import static org.schoolcollab.testsupport.WorldSetUp.fields;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.neverRead;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.receivedAt;
import static org.schoolcollab.testsupport.WorldSetUp.refused;
import static org.schoolcollab.testsupport.WorldSetUp.register;
import static org.schoolcollab.testsupport.WorldSetUp.text;
import static org.schoolcollab.testsupport.WorldSetUp.upload;
import static org.schoolcollab.testsupport.WorldSetUp.visit;
import static org.schoolcollab.testsupport.WorldSetUp.visitBody;

/**
 * Staff record challenge visits to a school-improvement cluster over the in-memory world. The cluster forms on
 * 2 March 2026 (the world's start); it is 9 March, and version 1 of its action plan has been received.
 */
class ChallengeVisitServiceUnitTest {
    private final InMemoryWorld world = new InMemoryWorld();
    private final Community cluster = cluster(world);
    private final Plan v1 = receivedAt(world, Instant.parse("2026-03-09T10:00:00Z"), CLUSTER_MEMBER, cluster);

    /** The one field at fault, as "field: message". */
    private String invalid(InMemoryWorld in, Community at, String body) {
        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> visit(in, at, body));
        assertThat(invalid.errors()).hasSize(1);
        FieldError e = invalid.errors().getFirst();
        return e.field() + ": " + e.message();
    }

    @Test
    void staffRecordAVisitReviewingAReceivedVersionOfTheClustersPlan() {
        ChallengeVisit visit = visit(world, cluster, visitBody("2026-03-06", v1, "CHANGES_REQUIRED",
                "Year 9 reading needs a measure."));

        assertThat(visit).isEqualTo(new ChallengeVisit(visit.id(), cluster.id(), Programme.SCHOOL_IMPROVEMENT,
                v1.planId(), 1, LocalDate.parse("2026-03-06"), VisitOutcome.CHANGES_REQUIRED,
                "Year 9 reading needs a measure.", STAFF.sub(), STAFF.email(), world.clock.instant(), CLUSTER,
                cluster.contact()));
        assertThat(visit.id()).matches("[0-9a-f-]{36}");
        assertThat(world.visits.list(cluster.id())).containsExactly(visit);
        assertThat(world.visitService().list(cluster)).containsExactly(visit);
    }

    @Test
    void aVisitIsOnADayFromTheClustersFormationToToday() {
        visit(world, cluster, visitBody("2026-03-02", v1, "ON_TRACK"));
        visit(world, cluster, visitBody("2026-03-09", v1, "ON_TRACK"));

        assertThat(invalid(world, cluster, visitBody("2026-03-10", v1, "ON_TRACK")))
                .isEqualTo("visitDate: must not be in the future (today is 2026-03-09)");
        assertThat(invalid(world, cluster, visitBody("2026-03-01", v1, "ON_TRACK")))
                .isEqualTo("visitDate: must not be before the community formed (2026-03-02)");
        assertThat(world.visits.list(cluster.id())).extracting(ChallengeVisit::visitDate)
                .containsExactly(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-02"));
    }

    @Test
    void todayAndTheFormationDayAreLondonDates() {
        // 23:30 UTC on 30 June is already 1 July in London (BST): the cluster forms, and it is today, on 1 July.
        InMemoryWorld summer = new InMemoryWorld();
        summer.clock.set(Instant.parse("2026-06-30T23:30:00Z"));
        Community formed = cluster(summer);
        Plan plan = received(summer, CLUSTER_MEMBER, formed);

        visit(summer, formed, visitBody("2026-07-01", plan, "ON_TRACK"));

        assertThat(invalid(summer, formed, visitBody("2026-06-30", plan, "ON_TRACK")))
                .isEqualTo("visitDate: must not be before the community formed (2026-07-01)");
        assertThat(invalid(summer, formed, visitBody("2026-07-02", plan, "ON_TRACK")))
                .isEqualTo("visitDate: must not be in the future (today is 2026-07-01)");
        assertThat(summer.visits.list(formed.id())).hasSize(1);
    }

    @Test
    void theVisitReviewsAVersionOfThisClustersPlanWhoseFileWasReceived() {
        Plan awaiting = register(world, CLUSTER_MEMBER, cluster);
        Plan rejected = register(world, CLUSTER_MEMBER, cluster);
        upload(world, rejected, PlanSamples.PDF, text(PlanSamples.SAMPLE_PDF.length));
        ObjectNode bridport = EoiBodies.withSchools("Bridport Cluster", "8201", "8202").put("programme", "school-improvement");
        Community other = community(world, approve(world, bridport));
        Plan elsewhere = received(world, DecisionBodies.schoolUser("head-8201", "8201"), other);
        String unknown = "00000000-0000-4000-8000-000000000999";

        Map<String, String> expected = Map.of(
                awaiting.planId(), "planId: plan " + awaiting.planId()
                        + " (version 2) has no received document to review (status AWAITING_UPLOAD)",
                rejected.planId(), "planId: plan " + rejected.planId()
                        + " (version 3) has no received document to review (status REJECTED)",
                elsewhere.planId(), "planId: no plan " + elsewhere.planId() + " in this community",
                unknown, "planId: no plan " + unknown + " in this community",
                "P1", "planId: must be the id of a plan of this community");
        expected.forEach((planId, problem) -> assertThat(invalid(world, cluster,
                "{\"visitDate\":\"2026-03-06\",\"planId\":\"" + planId + "\",\"outcome\":\"ON_TRACK\"}"))
                .as(planId).isEqualTo(problem));
        assertThat(world.visits.list(cluster.id())).isEmpty();
    }

    @Test
    void everyFieldAtFaultIsNamedAtOnce() {
        Rejection.Invalid invalid = refused(Rejection.Invalid.class, () -> visit(world, cluster,
                "{\"visitDate\":\"yesterday\",\"planId\":\"00000000-0000-4000-8000-000000000000\",\"outcome\":\"FINE\","
                        + "\"notes\":\"\",\"rating\":5}"));

        assertThat(fields(invalid)).containsExactly("rating", "visitDate", "planId", "outcome", "notes");
        assertThat(world.visits.list(cluster.id())).isEmpty();
    }

    @Test
    void aKahuiAkoCommunityHasNoChallengeVisits() {
        Community kahuiAko = kahuiAko(world);
        received(world, MEMBER, kahuiAko);

        Rejection.NotApplicable notApplicable = refused(Rejection.NotApplicable.class,
                () -> world.visitService().record(STAFF, kahuiAko.id(), neverRead()));

        assertThat(notApplicable.code()).isEqualTo("not-a-cluster");
        assertThat(notApplicable.getMessage()).contains("is a kahui-ako community", "only for school-improvement clusters");
        assertThat(world.visits.list(kahuiAko.id())).isEmpty();
        assertThat(world.visitService().list(kahuiAko)).isEmpty();
    }

    @Test
    void onlyStaffRecordVisitsAndOnlyToAClusterThatExists() {
        for (Actor school : List.of(CLUSTER_MEMBER, OUTSIDER)) {
            Rejection.Forbidden forbidden = refused(Rejection.Forbidden.class,
                    () -> world.visitService().record(school, cluster.id(), neverRead()));
            assertThat(forbidden.getMessage()).isEqualTo("this action is for programme staff");
        }
        for (String id : List.of("00000000-0000-4000-8000-000000000999", "../../etc/passwd")) {
            refused(Rejection.NotFound.class, () -> world.visitService().record(STAFF, id, neverRead()));
        }
        assertThat(world.visits.list(cluster.id())).isEmpty();
    }

    @Test
    void visitsAreListedNewestFirstByVisitDateThenByWhenRecorded() {
        ChallengeVisit late = visit(world, cluster, visitBody("2026-03-08", v1, "ON_TRACK"));
        world.clock.advance(Duration.ofMinutes(5));
        ChallengeVisit early = visit(world, cluster, visitBody("2026-03-03", v1, "ON_TRACK"));
        world.clock.advance(Duration.ofMinutes(5));
        ChallengeVisit sameDayLater = visit(world, cluster, visitBody("2026-03-03", v1, "CHANGES_REQUIRED"));

        assertThat(world.visitService().list(cluster)).containsExactly(late, sameDayLater, early);
    }
}
