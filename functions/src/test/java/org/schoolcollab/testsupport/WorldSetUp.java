package org.schoolcollab.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.EoiDecision;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.plan.ObjectRef;
import org.schoolcollab.plan.OnPlanUploaded;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.plan.StoredObject;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;
import org.schoolcollab.visit.ChallengeVisit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set-up for the fast tier, made as requests make it over an {@link InMemoryWorld}: an application submitted by a
 * member school and approved by staff forms the community; a member registers a plan, its file is stored in the
 * bucket and the plan-received reaction checks it.
 */
public final class WorldSetUp {
    /** The bucket the world's uploads land in. */
    public static final String BUCKET = "sc-plans-unit";
    /** The kahui-ako community's contact (EoiBodies.valid()). */
    public static final String CONTACT = "principal@otaki.example.school.nz";
    public static final String KAHUI_AKO = "Kāhui Ako o Ōtaki";
    public static final String CLUSTER = "Weymouth and Portland Cluster";
    public static final String CLUSTER_CONTACT = "head@budmouth.example.sch.uk";
    /** The member school user of the kahui-ako community (school 9101, whose email is also the contact's). */
    public static final Actor MEMBER = DecisionBodies.sampleSchoolUser();
    /** A member school user of the cluster (school 8102). */
    public static final Actor CLUSTER_MEMBER = DecisionBodies.schoolUser("head-8102", "8102");
    public static final Actor STAFF = DecisionBodies.staff();
    /** A school user of a school in no community. */
    public static final Actor OUTSIDER = DecisionBodies.schoolUser("other", "4242");

    private WorldSetUp() {}

    /**
     * The kahui-ako community of EoiBodies.valid(): Ōtaki School 9101 (primary, roll 182, 11.5 FTE), Waitohu School
     * 9102 (primary, 341, 19.2) and Ōtaki College 9103 (secondary, 512, 38); contact Mere Rāwiri.
     */
    public static Community kahuiAko(InMemoryWorld world) {
        return community(world, approve(world, EoiBodies.valid()));
    }

    /** A school-improvement cluster of schools 8101 and 8102, formed now; contact Helen Marsh. */
    public static Community cluster(InMemoryWorld world) {
        ObjectNode eoi = EoiBodies.withSchools(CLUSTER, "8101", "8102");
        eoi.put("programme", "school-improvement");
        eoi.putObject("contact").put("name", "Helen Marsh").put("email", CLUSTER_CONTACT);
        return community(world, approve(world, eoi));
    }

    /** The first school's user submits the application and staff approve it (in the sample wave). */
    public static EoiDecision approve(InMemoryWorld world, ObjectNode eoi) {
        return decide(world, eoi, DecisionBodies.approve());
    }

    /** The first school's user submits the application and staff decide it with this body. */
    public static EoiDecision decide(InMemoryWorld world, ObjectNode eoi, String decisionBody) {
        String firstSchool = eoi.withArray("schools").get(0).path("schoolNumber").asText();
        Requests.Answer submitted = Requests.submit(world.eoiService(),
                DecisionBodies.schoolUser("sub-" + firstSchool, firstSchool), EoiBodies.text(eoi), Optional.empty());
        return Requests.decide(world.formation(), STAFF, submitted.id(), decisionBody);
    }

    public static Community community(InMemoryWorld world, EoiDecision approval) {
        return world.communityStore.find(approval.communityId()).orElseThrow();
    }

    /** A registration body the community's programme accepts: the sample's three challenges, or one priority. */
    public static ObjectNode planBody(Community community) {
        ObjectNode body = PlanSamples.body();
        if (community.programme() != Programme.KAHUI_AKO) {
            body.withArray("achievementChallenges").remove(2);
            body.withArray("achievementChallenges").remove(1);
        }
        return body;
    }

    /** The member registers the next version of the plan, declared as the sample PDF. */
    public static Plan register(InMemoryWorld world, Actor member, Community community) {
        return Requests.register(world.planService(), member, community.id(), Json.write(planBody(community))).plan();
    }

    /** These bytes arrive under the plan's key and S3's event for them is delivered to the reaction. */
    public static OnPlanUploaded.Result upload(InMemoryWorld world, Plan plan, String contentType, byte[] bytes) {
        world.objects.put(BUCKET, plan.objectKey(), contentType, bytes);
        return deliver(world, plan);
    }

    /** S3's event for the object now under the plan's key (its ETag as S3 sends it, unversioned), delivered. */
    public static OnPlanUploaded.Result deliver(InMemoryWorld world, Plan plan) {
        return world.onPlanUploaded().react(objectCreated(world, plan.objectKey()));
    }

    public static OnPlanUploaded.ObjectCreated objectCreated(InMemoryWorld world, String key) {
        String eTag = world.objects.head(new ObjectRef(BUCKET, key, null))
                .map(StoredObject::eTag).orElse(null);
        return new OnPlanUploaded.ObjectCreated(BUCKET, key, eTag, null);
    }

    /** A version registered by the member and received: the sample PDF uploaded and checked. */
    public static Plan received(InMemoryWorld world, Actor member, Community community) {
        Plan plan = register(world, member, community);
        assertThat(upload(world, plan, PlanSamples.PDF, PlanSamples.SAMPLE_PDF).outcome())
                .isEqualTo(OnPlanUploaded.Outcome.RECEIVED);
        return plan(world, plan);
    }

    /** Plain text of exactly this many bytes: a file that is not a PDF, whatever its size. */
    public static byte[] text(int size) {
        return String.format("%-" + size + "s", "Our plan, typed as plain text.").getBytes(StandardCharsets.US_ASCII);
    }

    /** A version received at this moment (the clock is set to it), as {@link #received}. */
    public static Plan receivedAt(InMemoryWorld world, Instant at, Actor member, Community community) {
        world.clock.set(at);
        return received(world, member, community);
    }

    /** The plan as the store has it now. */
    public static Plan plan(InMemoryWorld world, Plan plan) {
        return world.plans.find(plan.communityId(), plan.planId()).orElseThrow();
    }

    /** Staff decide the plan with this body (as the request reader reads it). */
    public static PlanDecision decidePlan(InMemoryWorld world, Plan plan, String body) {
        return Requests.decide(world.planReviewService(), STAFF, plan.communityId(), plan.planId(), body);
    }

    /**
     * What the table's stream delivers after a plan decision, in the order written: the decision to its reaction,
     * then the roles the endorsement recorded with it (when it did) to theirs.
     */
    public static void streamed(InMemoryWorld world, PlanDecision decision) {
        world.onPlanDecided().react(decision);
        if (decision.releasesRoles()) {
            world.onRolesRecorded().react(world.roles.find(decision.communityId()).orElseThrow());
        }
    }

    /**
     * The sample kahui-ako community's plan received and endorsed by staff with {@link DecisionBodies#sampleRoles()},
     * the leader at Ōtaki School (9101), and the stream delivered: its roles are released.
     */
    public static PlanDecision endorsed(InMemoryWorld world, Community community) {
        PlanDecision decision = decidePlan(world, received(world, MEMBER, community),
                DecisionBodies.endorseWithSampleRoles("9101"));
        streamed(world, decision);
        return decision;
    }

    /** Staff record a visit to the cluster with this body (as the request reader reads it). */
    public static ChallengeVisit visit(InMemoryWorld world, Community cluster, String body) {
        return Requests.record(world.visitService(), STAFF, cluster.id(), body);
    }

    public static String visitBody(String visitDate, Plan plan, String outcome) {
        return Json.write(Json.object().put("visitDate", visitDate).put("planId", plan.planId()).put("outcome", outcome));
    }

    public static String visitBody(String visitDate, Plan plan, String outcome, String notes) {
        return Json.write(Json.object().put("visitDate", visitDate).put("planId", plan.planId()).put("outcome", outcome)
                .put("notes", notes));
    }

    /** What was refused, as the edge would catch it; fails if nothing was, or something else was thrown. */
    public static <R extends Rejection> R refused(Class<R> kind, Runnable call) {
        try {
            call.run();
        } catch (Rejection rejection) {
            assertThat(rejection).as(rejection.code() + ": " + rejection.getMessage()).isInstanceOf(kind);
            return kind.cast(rejection);
        }
        throw new AssertionError("expected a " + kind.getSimpleName() + " rejection, but the call was not refused");
    }

    /** The field names of an Invalid rejection, in the order the reader found them. */
    public static List<String> fields(Rejection.Invalid invalid) {
        return invalid.errors().stream().map(FieldError::field).toList();
    }

    /** The one mail sent to this address with this subject. */
    public static Mail mail(InMemoryWorld world, String to, String subject) {
        List<Mail> found = world.mail.sentTo(to).stream().filter(m -> m.subject().equals(subject)).toList();
        assertThat(found).as("mails to %s with subject %s among %s", to, subject, world.mail.sent()).hasSize(1);
        return found.getFirst();
    }

    /** The subjects of the mails sent to this address, in the order sent. */
    public static List<String> subjects(InMemoryWorld world, String to) {
        return world.mail.sentTo(to).stream().map(Mail::subject).toList();
    }

    /** A reader that fails the test if the service reads the command (it should have refused before). */
    public static <T, C> Function<T, C> neverRead() {
        return target -> {
            throw new AssertionError("the command was read for " + target + ", but the call should have been refused first");
        };
    }
}
