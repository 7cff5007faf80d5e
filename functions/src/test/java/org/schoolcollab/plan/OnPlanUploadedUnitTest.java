package org.schoolcollab.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.schoolcollab.community.Community;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.PlanSamples;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolcollab.testsupport.WorldSetUp.BUCKET;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.deliver;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.mail;
import static org.schoolcollab.testsupport.WorldSetUp.objectCreated;
import static org.schoolcollab.testsupport.WorldSetUp.plan;
import static org.schoolcollab.testsupport.WorldSetUp.planBody;
import static org.schoolcollab.testsupport.WorldSetUp.text;
import static org.schoolcollab.testsupport.WorldSetUp.upload;

/** The plan-received reaction over the in-memory bucket: each stored file checked once, its verdict told once. */
class OnPlanUploadedUnitTest {
    /** The member who uploads (not the community's contact): a rejection is told to them. */
    private static final Actor UPLOADER = DecisionBodies.schoolUser("user-9102", "9102");

    private final InMemoryWorld world = new InMemoryWorld();
    private final Community community = kahuiAko(world);

    private Plan registered(String fileName, String contentType, long sizeBytes) {
        return Requests.register(world.planService(), UPLOADER, community.id(),
                PlanSamples.body(fileName, contentType, sizeBytes)).plan();
    }

    private Plan sample() {
        return registered(PlanSamples.SAMPLE_FILE_NAME, PlanSamples.PDF, PlanSamples.SAMPLE_PDF.length);
    }

    /** These bytes are stored under the plan's key; returns S3's event for them, not yet delivered. */
    private OnPlanUploaded.ObjectCreated stored(Plan plan, byte[] bytes) {
        world.objects.put(BUCKET, plan.objectKey(), PlanSamples.PDF, bytes);
        return objectCreated(world, plan.objectKey());
    }

    private OnPlanUploaded.Result react(OnPlanUploaded.ObjectCreated event) {
        return world.onPlanUploaded().react(event);
    }

    @Test
    void aPdfOfTheDeclaredSizeIsReceivedAndStaffAreToldToReviewIt() {
        Plan plan = sample();

        OnPlanUploaded.Result result = upload(world, plan, PlanSamples.PDF, PlanSamples.SAMPLE_PDF);

        assertThat(result).isEqualTo(new OnPlanUploaded.Result(OnPlanUploaded.Outcome.RECEIVED, "PDF of 142 bytes"));
        Plan now = plan(world, plan);
        assertThat(now.status()).isEqualTo(PlanStatus.RECEIVED);
        assertThat(now.receivedAt()).isEqualTo(world.clock.instant());
        assertThat(now.objectETag()).isEqualTo(PlanSamples.eTag(PlanSamples.SAMPLE_PDF));
        assertThat(now.objectVersionId()).as("the world's bucket keeps no versions").isNull();
        assertThat(now.rejectedAt()).isNull();
        assertThat(now.rejectionReason()).isNull();
        assertThat(world.objects.exists(BUCKET, plan.objectKey())).isTrue();
        assertThat(world.notifications.all()).singleElement().satisfies(n -> {
            assertThat(n.sourcePk()).isEqualTo("COMMUNITY#" + community.id());
            assertThat(n.kind()).isEqualTo(OnPlanUploaded.TO_STAFF + "#" + plan.planId());
            assertThat(n.communityId()).isEqualTo(community.id());
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
        });
        assertThat(world.mail.sent()).hasSize(1);
        Mail toStaff = mail(world, InMemoryWorld.STAFF, "Plan to review: " + KAHUI_AKO + " (version 1)");
        assertThat(toStaff.text()).isEqualTo("""
                A plan was received from %1$s (Kāhui Ako (Communities of Learning)).

                Version: 1
                File: %2$s (a PDF, 142 bytes)
                Achievement challenges: 3
                Uploaded by: user-9102@example.school.nz on 3 March 2026

                Read it and endorse it or ask for changes on the community's page:
                https://schools.example.org/#/communities/%3$s
                """.formatted(KAHUI_AKO, PlanSamples.SAMPLE_FILE_NAME, community.id()));
        assertThat(toStaff.text()).doesNotContain("GET ", "/document", "/#/communities/" + community.id() + "/");
    }

    @Test
    void aClustersActionPlanIsReadBeforeItsNextChallengeVisit() {
        Community cluster = cluster(world);
        Plan plan = Requests.register(world.planService(), CLUSTER_MEMBER, cluster.id(),
                Json.write(planBody(cluster))).plan();

        upload(world, plan, PlanSamples.PDF, PlanSamples.SAMPLE_PDF);

        assertThat(mail(world, InMemoryWorld.STAFF, "Plan to review: " + CLUSTER + " (version 1)").text())
                .as("registered at 21:14 UTC on 2 March: 2 March in Dorset").isEqualTo("""
                An action plan was received from %1$s (school improvement clusters).

                Version: 1
                File: %2$s (a PDF, 142 bytes)
                Priorities: 1
                Uploaded by: head-8102@example.school.nz on 2 March 2026

                Read it before the cluster's next challenge visit, on its page:
                https://schools.example.org/#/communities/%3$s
                """.formatted(CLUSTER, PlanSamples.SAMPLE_FILE_NAME, cluster.id()));
    }

    @Test
    void aWordDocumentIsReceived() {
        byte[] docx = PlanSamples.docx();
        Plan plan = registered("Mahere.docx", PlanSamples.DOCX, docx.length);

        OnPlanUploaded.Result result = upload(world, plan, PlanSamples.DOCX, docx);

        assertThat(result.outcome()).isEqualTo(OnPlanUploaded.Outcome.RECEIVED);
        assertThat(result.detail()).isEqualTo("DOCX of " + docx.length + " bytes");
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);
    }

    static Stream<Arguments> filesThatAreNotThePlanRegistered() {
        byte[] longer = (new String(PlanSamples.SAMPLE_PDF, StandardCharsets.US_ASCII) + "%% appendix\n")
                .getBytes(StandardCharsets.US_ASCII);
        byte[] spreadsheet = PlanSamples.zip("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>");
        return Stream.of(
                Arguments.of("text declared as a PDF", "plan.pdf", PlanSamples.PDF, 142L, text(142),
                        "the file is not a PDF: it does not start with %PDF-"),
                Arguments.of("a PDF longer than declared", "plan.pdf", PlanSamples.PDF, 142L, longer,
                        "the file is 154 bytes, but 142 bytes were declared"),
                Arguments.of("a PDF shorter than declared", "plan.pdf", PlanSamples.PDF, 142L,
                        Arrays.copyOf(PlanSamples.SAMPLE_PDF, 141), "the file is 141 bytes, but 142 bytes were declared"),
                Arguments.of("more than 25 MiB", "plan.pdf", PlanSamples.PDF, 142L,
                        new byte[(int) RegisterPlan.MAX_SIZE_BYTES + 1],
                        "the file is 26214401 bytes; the limit is 26214400 bytes (25 MiB)"),
                Arguments.of("a PDF declared as Word", "plan.docx", PlanSamples.DOCX, 142L, PlanSamples.SAMPLE_PDF,
                        "the file is not a Word .docx document: it is not a ZIP archive"),
                Arguments.of("a spreadsheet declared as Word", "plan.docx", PlanSamples.DOCX, (long) spreadsheet.length,
                        spreadsheet, "the file is not a Word .docx document: it has no word/ part"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filesThatAreNotThePlanRegistered")
    void aFileThatIsNotThePlanRegisteredIsRejectedMovedOutAndTheUploaderToldWhy(String what, String fileName,
                                                                               String contentType, long declared,
                                                                               byte[] stored, String reason) {
        Plan plan = registered(fileName, contentType, declared);

        OnPlanUploaded.Result result = upload(world, plan, contentType, stored);

        assertThat(result).isEqualTo(new OnPlanUploaded.Result(OnPlanUploaded.Outcome.REJECTED, reason));
        Plan now = plan(world, plan);
        String rejectedKey = "rejected/" + community.id() + "/" + plan.planId() + "/" + fileName;
        assertThat(now.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(now.rejectionReason()).isEqualTo(reason);
        assertThat(now.rejectedAt()).isEqualTo(world.clock.instant());
        assertThat(now.receivedAt()).isNull();
        assertThat(now.rejectedObjectKey()).isEqualTo(rejectedKey);
        assertThat(world.objects.exists(BUCKET, plan.objectKey())).as("nothing downstream sees it").isFalse();
        assertThat(world.objects.exists(BUCKET, rejectedKey)).isTrue();
        assertThat(world.mail.sent()).as("staff are not asked to review it").hasSize(1);
        Mail toUploader = mail(world, UPLOADER.email(), "Plan upload not accepted: " + fileName);
        String declaredAs = contentType.equals(PlanSamples.PDF) ? "a PDF" : "a Word document";
        assertThat(toUploader.text()).isEqualTo("""
                Kia ora,

                The file you uploaded as version 1 of the plan of achievement challenges of %1$s was not accepted:

                  %2$s

                It has not been kept with your plan. Upload the file again on the Kāhui Ako's page, as a PDF or a Word document of its exact size:
                https://schools.example.org/#/communities/%3$s

                The file: %4$s (declared as %5$s, %6$s)

                Ngā mihi,
                The Kāhui Ako programme office
                """.formatted(KAHUI_AKO, reason, community.id(), fileName, declaredAs, OnPlanUploaded.size(declared)));
        assertThat(toUploader.text()).doesNotContain("POST ", "/plans");
    }

    @Test
    void aKeyThatNamesNoPlanOrNotTheKeyItsPlanWasRegisteredWithIsIgnored() {
        Plan plan = sample();
        String prefix = "plans/" + community.id() + "/";
        List<String> keys = List.of("plans/readme.txt", prefix + "00000000-0000-4000-8000-000000000999/plan.pdf",
                prefix + plan.planId() + "/another-name.pdf", "rejected/" + plan.objectKey().substring("plans/".length()));

        for (String key : keys) {
            world.objects.put(BUCKET, key, PlanSamples.PDF, PlanSamples.SAMPLE_PDF);
            assertThat(react(objectCreated(world, key)).outcome()).as(key).isEqualTo(OnPlanUploaded.Outcome.UNKNOWN_KEY);
            assertThat(world.objects.exists(BUCKET, key)).as("left where it is: " + key).isTrue();
        }

        assertThat(plan(world, plan)).isEqualTo(plan);
        assertThat(world.notifications.all()).isEmpty();
        assertThat(world.mail.attempts()).isZero();
    }

    @Test
    void aReceivedFileDeliveredAgainChangesNothingAndStaffAreToldOnce() {
        Plan plan = sample();
        OnPlanUploaded.ObjectCreated event = stored(plan, PlanSamples.SAMPLE_PDF);
        react(event);
        Plan received = plan(world, plan);
        List<Notification> notifications = world.notifications.all();

        world.clock.advance(Duration.ofHours(1));
        String quoted = "\"" + event.eTag() + "\"";
        for (OnPlanUploaded.ObjectCreated again : List.of(event,
                new OnPlanUploaded.ObjectCreated(BUCKET, plan.objectKey(), quoted, null),
                new OnPlanUploaded.ObjectCreated(BUCKET, plan.objectKey(), null, "null"))) {
            assertThat(react(again)).isEqualTo(new OnPlanUploaded.Result(OnPlanUploaded.Outcome.ALREADY_DONE,
                    "already RECEIVED"));
        }

        assertThat(plan(world, plan)).isEqualTo(received);
        assertThat(world.notifications.all()).isEqualTo(notifications);
        assertThat(world.mail.attempts()).isEqualTo(1);
    }

    @Test
    void aRejectedFileDeliveredAgainChangesNothingAndTheUploaderIsToldOnce() {
        Plan plan = sample();
        OnPlanUploaded.ObjectCreated event = stored(plan, text(142));
        react(event);
        Plan rejected = plan(world, plan);

        world.clock.advance(Duration.ofHours(1));
        OnPlanUploaded.Result again = react(event);

        assertThat(again).isEqualTo(new OnPlanUploaded.Result(OnPlanUploaded.Outcome.ALREADY_DONE,
                "the file is not a PDF: it does not start with %PDF-"));
        assertThat(plan(world, plan)).isEqualTo(rejected);
        assertThat(world.objects.exists(BUCKET, rejected.rejectedObjectKey())).isTrue();
        assertThat(world.objects.exists(BUCKET, plan.objectKey())).isFalse();
        assertThat(world.mail.attempts()).isEqualTo(1);
    }

    @Test
    void aRetryAfterTheUploaderCouldNotBeToldTellsThemAndMovesNothingAgain() {
        Plan plan = sample();
        OnPlanUploaded.ObjectCreated event = stored(plan, text(142));
        world.mail.failNextTo(UPLOADER.email());

        assertThatThrownBy(() -> react(event)).hasMessageContaining("injected");
        Plan rejected = plan(world, plan);
        assertThat(rejected.status()).isEqualTo(PlanStatus.REJECTED);
        assertThat(rejected.rejectedObjectKey()).as("moved before the mail was tried").isNotNull();
        assertThat(world.mail.sent()).isEmpty();

        OnPlanUploaded.Result retry = react(event);

        assertThat(retry.outcome()).isEqualTo(OnPlanUploaded.Outcome.ALREADY_DONE);
        assertThat(plan(world, plan)).isEqualTo(rejected);
        assertThat(world.mail.sent()).extracting(Mail::to).containsExactly(UPLOADER.email());
        assertThat(world.objects.exists(BUCKET, rejected.rejectedObjectKey())).isTrue();
    }

    @Test
    void aRetryAfterStaffCouldNotBeToldTellsThem() {
        Plan plan = sample();
        world.mail.failNextTo(InMemoryWorld.STAFF);

        assertThatThrownBy(() -> upload(world, plan, PlanSamples.PDF, PlanSamples.SAMPLE_PDF)).hasMessageContaining("injected");
        assertThat(plan(world, plan).status()).isEqualTo(PlanStatus.RECEIVED);

        assertThat(deliver(world, plan).outcome()).isEqualTo(OnPlanUploaded.Outcome.ALREADY_DONE);
        assertThat(world.mail.sent()).extracting(Mail::subject).containsExactly("Plan to review: " + KAHUI_AKO + " (version 1)");
    }

    @Test
    void aFileWrittenOverAReceivedPlanLeavesItsDocumentTheCheckedOne() {
        Plan plan = sample();
        upload(world, plan, PlanSamples.PDF, PlanSamples.SAMPLE_PDF);
        Plan received = plan(world, plan);

        OnPlanUploaded.Result result = upload(world, plan, "text/plain", text(142));

        assertThat(result.outcome()).isEqualTo(OnPlanUploaded.Outcome.WRITTEN_AFTER_CHECK);
        assertThat(result.detail()).contains("ETag " + PlanSamples.eTag(PlanSamples.SAMPLE_PDF));
        assertThat(plan(world, plan)).isEqualTo(received);
        assertThat(world.mail.sent()).hasSize(1);
    }

    @Test
    void anotherUploadToARejectedPlansKeyIsMovedOutTooAndNobodyIsToldAgain() {
        Plan plan = sample();
        upload(world, plan, PlanSamples.PDF, text(142));
        Plan rejected = plan(world, plan);

        OnPlanUploaded.Result late = upload(world, plan, PlanSamples.PDF, PlanSamples.SAMPLE_PDF);

        assertThat(late.outcome()).isEqualTo(OnPlanUploaded.Outcome.LATE_UPLOAD_MOVED);
        assertThat(world.objects.exists(BUCKET, plan.objectKey())).isFalse();
        assertThat(world.objects.read(new ObjectRef(BUCKET, rejected.rejectedObjectKey(), null), 0, 4))
                .asString(StandardCharsets.US_ASCII).isEqualTo("%PDF-");
        assertThat(plan(world, plan)).isEqualTo(rejected);
        assertThat(world.mail.sent()).hasSize(1);
    }

    @Test
    void anEventForAnObjectNoLongerThereIsIgnored() {
        Plan plan = sample();

        OnPlanUploaded.Result result = react(new OnPlanUploaded.ObjectCreated(BUCKET, plan.objectKey(), "abc", null));

        assertThat(result.outcome()).isEqualTo(OnPlanUploaded.Outcome.OBJECT_GONE);
        assertThat(plan(world, plan)).isEqualTo(plan);
        assertThat(world.notifications.all()).isEmpty();
    }
}
