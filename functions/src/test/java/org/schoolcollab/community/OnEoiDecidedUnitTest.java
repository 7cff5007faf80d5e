package org.schoolcollab.community;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.schoolcollab.api.DecideEoiRequest;
import org.schoolcollab.eoi.ExpressionOfInterest;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EoiSteps;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** A decision is told to the application's contact and recorded for staff, once each, over the fakes. */
class OnEoiDecidedUnitTest {
    private static final String STAFF = InMemoryWorld.STAFF;
    private static final String CONTACT = "principal@otaki.example.school.nz";
    private static final String WAVE = "2026 Wave 1";
    private static final String REASON = "Ōtaki College has not yet confirmed its board endorsement.";

    private final InMemoryWorld world = new InMemoryWorld();
    private final EoiSteps steps = new EoiSteps(world);
    private final OnEoiDecided reaction = world.onEoiDecided();

    private Notification stored(String eoiId, String kind) {
        return world.notifications.find("EOI#" + eoiId, kind).orElseThrow();
    }

    @Test
    void anApprovalTellsTheContactTheCommunityIdAndNextStepsAndRecordsItForStaff() {
        String eoiId = steps.submitSample().id();
        EoiDecision d = steps.approve(eoiId, WAVE);
        String communityId = d.communityId();

        List<Notification> delivered = reaction.react(d);

        assertThat(delivered).extracting(Notification::kind)
                .containsExactly("DECISION_APPROVED_CONTACT", "DECISION_RECORDED_STAFF");
        assertThat(delivered).extracting(Notification::recipient).containsExactly(CONTACT, STAFF);
        assertThat(delivered).allSatisfy(n -> {
            assertThat(n.sourcePk()).isEqualTo("EOI#" + eoiId);
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
            assertThat(n.eoiId()).isEqualTo(eoiId);
            assertThat(n.communityId()).isEqualTo(communityId);
        });
        assertThat(world.notifications.all()).containsExactlyElementsOf(delivered);

        Notification contact = delivered.get(0);
        assertThat(contact.subject()).isEqualTo("Approved: Kāhui Ako o Ōtaki");
        assertThat(contact.body()).startsWith("Kia ora Mere Rāwiri,\n\n")
                .contains("The expression of interest for Kāhui Ako o Ōtaki has been approved in 2026 Wave 1, on "
                        + "3 March 2026.")
                .contains("What happens next:\n  1. Each member school's formation allowance is recorded")
                .contains("  2. Agree your achievement challenges (3 to 5) with every school board.")
                .contains("  3. Upload your plan on the Kāhui Ako's page.")
                .contains("Your Kāhui Ako's page: https://schools.example.org/#/communities/" + communityId + "\n")
                .endsWith("\nNgā mihi,\nThe Kāhui Ako programme office\n")
                .doesNotContain("/communities/" + communityId + "/plans");
        Notification staff = delivered.get(1);
        assertThat(staff.subject()).isEqualTo("Decision recorded (approved): Kāhui Ako o Ōtaki");
        assertThat(staff.body()).isEqualTo("""
                Decision: approved
                Community: Kāhui Ako o Ōtaki (Kāhui Ako (Communities of Learning), 3 schools)
                Wave: 2026 Wave 1
                Decided by: %s on 3 March 2026
                Application: https://schools.example.org/#/applications/%s
                Community: https://schools.example.org/#/communities/%s
                """.formatted(DecisionBodies.staff().email(), eoiId, communityId));
        assertThat(staff.body()).doesNotContain(DecisionBodies.staff().sub());

        assertThat(world.mail.sent()).containsExactly(new Mail(CONTACT, contact.subject(), contact.body()),
                new Mail(STAFF, staff.subject(), staff.body()));
    }

    @Test
    void anApprovalInNoWaveSaysNoWave() {
        EoiDecision d = steps.approve(steps.submitSample().id(), null);

        reaction.react(d);

        assertThat(world.mail.sentTo(CONTACT)).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Kāhui Ako o Ōtaki has been approved, on 3 March 2026.\n").doesNotContain("approved in"));
        assertThat(world.mail.sentTo(STAFF)).singleElement().satisfies(m -> assertThat(m.text())
                .doesNotContain("Wave:").contains("Community: https://schools.example.org/#/communities/" + d.communityId()));
    }

    @Test
    void aDeclineTellsTheContactTheReasonAndThatTheSchoolsMayApplyAgain() {
        String eoiId = steps.submitSample().id();
        EoiDecision d = steps.decline(eoiId, REASON);

        reaction.react(d);

        Notification contact = stored(eoiId, OnEoiDecided.DECLINED_TO_CONTACT);
        assertThat(contact.recipient()).isEqualTo(CONTACT);
        assertThat(contact.communityId()).isNull();
        assertThat(contact.subject()).isEqualTo("Not approved: Kāhui Ako o Ōtaki");
        assertThat(contact.body()).startsWith("Kia ora Mere Rāwiri,\n\n")
                .contains("The expression of interest for Kāhui Ako o Ōtaki was not approved.")
                .contains("Reason: " + REASON)
                .contains("Your schools are free to apply again. The application: "
                        + "https://schools.example.org/#/applications/" + eoiId + "\n")
                .doesNotContain("community id", "/communities/");
        Notification staff = stored(eoiId, OnEoiDecided.TO_STAFF);
        assertThat(staff.subject()).isEqualTo("Decision recorded (declined): Kāhui Ako o Ōtaki");
        assertThat(staff.body()).contains("Decision: declined\n").contains("Reason: " + REASON + "\n")
                .doesNotContain("/communities/", "Wave:");
        assertThat(world.notifications.all()).hasSize(2);
        assertThat(world.mail.sent()).extracting(Mail::to, Mail::subject).containsExactly(
                tuple(CONTACT, contact.subject()),
                tuple(STAFF, staff.subject()));
    }

    @Test
    void aClustersApprovalGreetsItsContactAsDearAndNamesAStaffMemberWithoutAVerifiedEmailAsProgrammeStaff() {
        ObjectNode body = EoiBodies.withSchools("Weymouth and Portland Cluster", "8101", "8102");
        body.put("programme", "school-improvement");
        body.putObject("contact").put("name", "Helen Marsh").put("email", "head@budmouth.example.sch.uk");
        ExpressionOfInterest eoi = steps.submit(DecisionBodies.schoolUser("sub-8101", "8101"), body);
        EoiDecision d = world.formation().decide(DecisionBodies.staff().withoutEmail(),
                DecideEoiRequest.read(eoi.id(), DecisionBodies.object("APPROVED")));

        reaction.react(d);

        assertThat(world.mail.sentTo("head@budmouth.example.sch.uk")).singleElement().satisfies(m -> assertThat(m.text())
                .startsWith("Dear Helen Marsh,\n\nThe registration of Weymouth and Portland Cluster as an improvement "
                        + "cluster has been approved, on 2 March 2026.\n")
                .contains("Your cluster's page: https://schools.example.org/#/communities/" + d.communityId() + "\n")
                .endsWith("\nKind regards,\nThe School Improvement Board\n"));
        assertThat(world.mail.sentTo(STAFF)).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Community: Weymouth and Portland Cluster (school improvement clusters, 2 schools)\n")
                .contains("Decided by: programme staff on 2 March 2026\n")
                .doesNotContain(DecisionBodies.staff().sub(), "Decided by:  "));
    }

    @Test
    void aReplaySendsNothingTwice() {
        EoiDecision d = steps.approve(steps.submitSample().id(), WAVE);
        reaction.react(d);
        List<Notification> afterFirst = world.notifications.all();

        world.clock.advance(Duration.ofMinutes(1));
        List<Notification> again = reaction.react(d);

        assertThat(again).containsExactlyElementsOf(afterFirst);
        assertThat(world.notifications.all()).isEqualTo(afterFirst);
        assertThat(world.mail.sent()).hasSize(2);
        assertThat(world.mail.attempts()).isEqualTo(2);
    }

    @Test
    void aContactMailThatFailsOnceIsRetriedOnTheNextDeliveryThenEachIsSentExactlyOnce() {
        String eoiId = steps.submitSample().id();
        EoiDecision d = steps.approve(eoiId, WAVE);
        world.mail.failNextTo(CONTACT);

        assertThatThrownBy(() -> reaction.react(d)).hasMessageContaining("injected");

        assertThat(world.mail.sent()).isEmpty();
        assertThat(stored(eoiId, OnEoiDecided.APPROVED_TO_CONTACT).status()).isEqualTo(Notification.Status.PENDING);
        assertThat(world.notifications.find("EOI#" + eoiId, OnEoiDecided.TO_STAFF))
                .as("the staff notification comes after the contact's").isEmpty();

        reaction.react(d);
        reaction.react(d);

        assertThat(world.mail.sent()).extracting(Mail::to).containsExactly(CONTACT, STAFF);
        assertThat(world.mail.attempts()).isEqualTo(3);
        assertThat(world.notifications.all()).extracting(Notification::status).containsOnly(Notification.Status.SENT);
    }

    @Test
    void theSubmissionsAndTheDecisionsNotificationsShareTheApplicationWithoutTouchingEachOther() {
        ExpressionOfInterest eoi = steps.submitSample();
        world.onEoiSubmitted().react(eoi);
        List<Notification> submitted = world.notifications.all();

        reaction.react(steps.approve(eoi.id(), WAVE));

        assertThat(world.notifications.all()).hasSize(4).containsAll(submitted)
                .allSatisfy(n -> assertThat(n.sourcePk()).isEqualTo("EOI#" + eoi.id()));
        assertThat(world.mail.sent()).extracting(Mail::subject).containsExactly(
                "New expression of interest to review: Kāhui Ako o Ōtaki",
                "Expression of interest received: Kāhui Ako o Ōtaki",
                "Approved: Kāhui Ako o Ōtaki",
                "Decision recorded (approved): Kāhui Ako o Ōtaki");
    }
}
