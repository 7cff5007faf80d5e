package org.schoolcollab.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.ChallengeArea;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.BUCKET;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.OUTSIDER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.fields;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.neverRead;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.refused;
import static org.schoolcollab.testsupport.WorldSetUp.register;
import static org.schoolcollab.testsupport.WorldSetUp.text;
import static org.schoolcollab.testsupport.WorldSetUp.upload;

/** Plans over the in-memory world: members register versions and upload them; members and staff download them. */
class PlanServiceUnitTest {
    private final InMemoryWorld world = new InMemoryWorld();
    private final PlanService service = world.planService();
    private final Community community = kahuiAko(world);

    @Test
    void eachRegistrationByAMemberIsTheNextVersionAwaitingItsUpload() {
        Instant first = world.clock.instant();
        List<Plan> registered = new ArrayList<>();
        for (String school : List.of("9101", "9102", "9103")) {
            registered.add(register(world, DecisionBodies.schoolUser("user-" + school, school), community));
            world.clock.advance(Duration.ofMinutes(1));
        }

        assertThat(registered).extracting(Plan::version).containsExactly(1, 2, 3);
        assertThat(service.list(community)).isEqualTo(registered);
        Plan v1 = registered.getFirst();
        assertThat(v1.status()).isEqualTo(PlanStatus.AWAITING_UPLOAD);
        assertThat(v1.communityId()).isEqualTo(community.id());
        assertThat(v1.programme()).isEqualTo(Programme.KAHUI_AKO);
        assertThat(v1.communityName()).isEqualTo(KAHUI_AKO);
        assertThat(v1.fileName()).isEqualTo(PlanSamples.SAMPLE_FILE_NAME);
        assertThat(v1.fileType()).isEqualTo(PlanFileType.PDF);
        assertThat(v1.sizeBytes()).isEqualTo(PlanSamples.SAMPLE_PDF.length);
        assertThat(v1.objectKey()).isEqualTo("plans/" + community.id() + "/" + v1.planId()
                + "/Kahui-Ako-o-Otaki-achievement-plan-2026.pdf");
        assertThat(v1.achievementChallenges()).extracting(AchievementChallenge::area)
                .containsExactly(ChallengeArea.ATTENDANCE, ChallengeArea.ACHIEVEMENT, ChallengeArea.TRANSITIONS);
        assertThat(v1.registeredBySub()).isEqualTo("user-9101");
        assertThat(v1.registeredByEmail()).isEqualTo("user-9101@example.school.nz");
        assertThat(v1.registeredAt()).isEqualTo(first);
        assertThat(v1.receivedAt()).isNull();
        assertThat(v1.objectETag()).isNull();
        assertThat(registered).extracting(Plan::planId).doesNotHaveDuplicates();
        assertThat(world.objects.exists(BUCKET, v1.objectKey())).as("nothing is stored until the school uploads").isFalse();
    }

    @Test
    void versionsAreCountedPerCommunity() {
        register(world, MEMBER, community);
        register(world, MEMBER, community);
        Community cluster = cluster(world);

        Plan clusters = register(world, CLUSTER_MEMBER, cluster);

        assertThat(clusters.version()).isEqualTo(1);
        assertThat(clusters.programme()).isEqualTo(Programme.SCHOOL_IMPROVEMENT);
        assertThat(service.list(community)).extracting(Plan::version).containsExactly(1, 2);
    }

    @Test
    void theRegistrationReturnsAnUploadOfExactlyItsKeyTypeAndLengthOnce() {
        PlanService.Registered r = Requests.register(service, MEMBER, community.id(),
                PlanSamples.body("Mahere Kāhui Ako.docx", PlanSamples.DOCX, 5_000));

        assertThat(r.plan().objectKey()).isEqualTo("plans/" + community.id() + "/" + r.plan().planId() + "/Mahere-Kahui-Ako.docx");
        assertThat(r.upload().method()).isEqualTo("PUT");
        assertThat(r.upload().url()).isEqualTo("https://plans.example/" + r.plan().objectKey() + "?upload&length=5000");
        assertThat(r.upload().headers()).isEqualTo(Map.of("content-type", PlanSamples.DOCX, "if-none-match", "*"));
        assertThat(r.upload().expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(world.plans.find(community.id(), r.plan().planId())).contains(r.plan());
    }

    @Test
    void staffMayNotRegisterAPlanOnASchoolsBehalf() {
        Rejection.Forbidden forbidden = refused(Rejection.Forbidden.class,
                () -> service.register(STAFF, community.id(), neverRead()));

        assertThat(forbidden.code()).isEqualTo("forbidden");
        assertThat(forbidden.getMessage()).contains("programme staff may not upload one on a school's behalf");
        assertThat(world.plans.list(community.id())).isEmpty();
    }

    @Test
    void toAnyoneButItsMembersTheCommunityDoesNotExistWhateverTheyAsk() {
        cluster(world);
        Actor noSchool = new Actor("sub-x", "x@example.org", Set.of(), Optional.empty());
        for (Actor stranger : List.of(OUTSIDER, CLUSTER_MEMBER, noSchool)) {
            Rejection.NotFound notFound = refused(Rejection.NotFound.class,
                    () -> service.register(stranger, community.id(), neverRead()));
            assertThat(notFound.getMessage()).isEqualTo("no community " + community.id());
        }
        for (String id : List.of("00000000-0000-4000-8000-000000000999", "COMMUNITY#x", "../" + community.id())) {
            refused(Rejection.NotFound.class, () -> service.register(MEMBER, id, neverRead()));
        }
        assertThat(world.plans.list(community.id())).isEmpty();
    }

    @Test
    void aBodyBreakingTheRulesIsInvalidNamingEveryFieldAndRegistersNothing() {
        ObjectNode body = PlanSamples.body().put("contentType", "text/plain").put("url", "https://elsewhere.example");
        body.withArray("achievementChallenges").remove(2);

        Rejection.Invalid invalid = refused(Rejection.Invalid.class,
                () -> Requests.register(service, MEMBER, community.id(), Json.write(body)));

        assertThat(fields(invalid)).containsExactly("url", "contentType", "achievementChallenges");
        assertThat(world.plans.list(community.id())).isEmpty();
    }

    @Test
    void whatAPlanMustNameIsItsCommunitysProgrammes() {
        ObjectNode onePriority = PlanSamples.body();
        onePriority.withArray("achievementChallenges").remove(2);
        onePriority.withArray("achievementChallenges").remove(1);
        Community cluster = cluster(world);

        Rejection.Invalid kahuiAko = refused(Rejection.Invalid.class,
                () -> Requests.register(service, MEMBER, community.id(), Json.write(onePriority)));
        Plan clusters = Requests.register(service, CLUSTER_MEMBER, cluster.id(), Json.write(onePriority)).plan();

        assertThat(kahuiAko.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("achievementChallenges");
            assertThat(e.message()).isEqualTo("a kahui-ako plan names 3 to 5 achievement challenges (got 1)");
        });
        assertThat(clusters.achievementChallenges()).extracting(AchievementChallenge::area)
                .containsExactly(ChallengeArea.ATTENDANCE);
        assertThat(world.plans.list(community.id())).isEmpty();
    }

    @Test
    void theDocumentIsAConflictWhileItsFileIsAwaited() {
        Plan plan = register(world, MEMBER, community);

        Rejection.Conflict conflict = refused(Rejection.Conflict.class,
                () -> service.document(MEMBER, community.id(), plan.planId()));

        assertThat(conflict.code()).isEqualTo("plan-not-received");
        assertThat(conflict.details()).isEqualTo(Map.of("planStatus", "AWAITING_UPLOAD"));
        assertThat(conflict.getMessage()).startsWith("version 1's file has not been received yet");
    }

    @Test
    void theDocumentOfARejectedFileIsAConflictSayingWhy() {
        Plan plan = register(world, MEMBER, community);
        upload(world, plan, PlanSamples.PDF, text(PlanSamples.SAMPLE_PDF.length));

        Rejection.Conflict conflict = refused(Rejection.Conflict.class,
                () -> service.document(STAFF, community.id(), plan.planId()));

        assertThat(conflict.code()).isEqualTo("plan-rejected");
        assertThat(conflict.details()).isEqualTo(Map.of("planStatus", "REJECTED"));
        assertThat(conflict.getMessage())
                .isEqualTo("version 1's file was rejected: the file is not a PDF: it does not start with %PDF-");
    }

    @Test
    void membersAndStaffGetAFiveMinuteDownloadOfTheReceivedFileUnderItsOwnName() {
        Plan plan = received(world, MEMBER, community);
        world.clock.advance(Duration.ofHours(2));

        for (Actor reader : List.of(MEMBER, DecisionBodies.schoolUser("user-9103", "9103"), STAFF)) {
            PlanUrls.Download download = service.document(reader, community.id(), plan.planId());
            assertThat(download.url()).isEqualTo("https://plans.example/" + plan.objectKey() + "?download&name="
                    + PlanSamples.SAMPLE_FILE_NAME);
            assertThat(download.expiresAt()).isEqualTo(world.clock.instant().plus(Duration.ofMinutes(5)));
        }
    }

    @Test
    void theDownloadIsOfTheObjectVersionTheChecksRecorded() {
        // On a deployment's versioned bucket the check records the version it read: the download names it, so a
        // later write to the key is never what is served.
        Plan plan = register(world, MEMBER, community);
        String checked = "3HL4kqtJlcpXroDTDmJ-rmSpXd3dIbrHY";
        world.plans.markReceived(community.id(), plan.planId(), world.clock.instant(), new StoredObject(plan.objectKey(),
                plan.sizeBytes(), PlanSamples.eTag(PlanSamples.SAMPLE_PDF), checked, PlanSamples.PDF));

        assertThat(service.document(MEMBER, community.id(), plan.planId()).url())
                .isEqualTo("https://plans.example/" + plan.objectKey() + "?download&v=" + checked + "&name="
                        + PlanSamples.SAMPLE_FILE_NAME);
    }

    @Test
    void aPlanNotOfACommunityTheCallerMaySeeIsNotFound() {
        Plan plan = received(world, MEMBER, community);
        Community cluster = cluster(world);
        Plan clusters = received(world, CLUSTER_MEMBER, cluster);

        refused(Rejection.NotFound.class, () -> service.document(OUTSIDER, community.id(), plan.planId()));
        refused(Rejection.NotFound.class, () -> service.document(CLUSTER_MEMBER, community.id(), plan.planId()));
        for (String planId : List.of(clusters.planId(), "00000000-0000-4000-8000-000000000999", "PLAN#x",
                "PLAN#" + plan.planId())) {
            Rejection.NotFound notFound = refused(Rejection.NotFound.class,
                    () -> service.document(STAFF, community.id(), planId));
            assertThat(notFound.getMessage()).isEqualTo("no plan " + planId + " in community " + community.id());
        }
        assertThat(service.find(community, clusters.planId())).isEmpty();
        assertThat(service.find(community, "PLAN#x")).isEmpty();
        assertThat(service.find(community, plan.planId())).contains(plan);
    }

    @Test
    void versionsAreListedNewestFirstEachWithStaffsDecisionOnceMade() {
        Plan v1 = received(world, MEMBER, community);
        Requests.decide(world.planReviewService(), STAFF, community.id(), v1.planId(),
                "{\"decision\":\"CHANGES_REQUESTED\",\"comments\":\"Add a measure for wellbeing.\"}");
        world.clock.advance(Duration.ofDays(7));
        Plan v2 = received(world, MEMBER, community);
        PlanDecision endorsed = Requests.decide(world.planReviewService(), STAFF, community.id(), v2.planId(),
                DecisionBodies.endorseWithSampleRoles("9102"));
        Plan v3 = register(world, MEMBER, community);

        List<PlanWithReview> versions = service.versions(community);

        assertThat(versions).extracting(v -> v.plan().planId()).containsExactly(v3.planId(), v2.planId(), v1.planId());
        assertThat(versions).extracting(v -> v.plan().status())
                .containsExactly(PlanStatus.AWAITING_UPLOAD, PlanStatus.ENDORSED, PlanStatus.CHANGES_REQUESTED);
        assertThat(versions.get(0).review()).isEmpty();
        assertThat(versions.get(1).review()).contains(endorsed);
        assertThat(versions.get(2).review()).hasValueSatisfying(r -> {
            assertThat(r.decision()).isEqualTo(PlanDecision.Outcome.CHANGES_REQUESTED);
            assertThat(r.comments()).isEqualTo("Add a measure for wellbeing.");
            assertThat(r.planVersion()).isEqualTo(1);
        });
        assertThat(service.list(community)).extracting(Plan::version).containsExactly(1, 2, 3);
    }
}
