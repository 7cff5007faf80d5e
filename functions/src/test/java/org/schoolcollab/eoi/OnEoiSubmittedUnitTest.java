package org.schoolcollab.eoi;

import org.junit.jupiter.api.Test;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.EoiBodies;
import org.schoolcollab.testsupport.EoiSteps;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A new application becomes two notifications, recorded and sent once each, over the fakes. */
class OnEoiSubmittedUnitTest {
    private static final String STAFF = InMemoryWorld.STAFF;
    private static final String CONTACT = "principal@otaki.example.school.nz";

    private final InMemoryWorld world = new InMemoryWorld();
    private final EoiSteps steps = new EoiSteps(world);
    private final OnEoiSubmitted reaction = world.onEoiSubmitted();

    @Test
    void staffAreAskedToReviewItAndTheContactIsToldItArrived() {
        ExpressionOfInterest eoi = steps.submitSample();
        Instant now = world.clock.instant();

        List<Notification> delivered = reaction.react(eoi);

        assertThat(delivered).extracting(Notification::kind).containsExactly("EOI_RECEIVED_STAFF", "EOI_RECEIVED_CONTACT");
        assertThat(delivered).extracting(Notification::recipient).containsExactly(STAFF, CONTACT);
        assertThat(delivered).extracting(Notification::messageId).containsExactly("mail-1", "mail-2");
        assertThat(delivered).allSatisfy(n -> {
            assertThat(n.sourcePk()).isEqualTo("EOI#" + eoi.id());
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
            assertThat(n.createdAt()).isEqualTo(now);
            assertThat(n.sentAt()).isEqualTo(now);
            assertThat(n.eoiId()).isEqualTo(eoi.id());
            assertThat(n.communityId()).isNull();
        });
        assertThat(world.notifications.all()).containsExactlyElementsOf(delivered);

        Notification staff = delivered.get(0);
        assertThat(staff.subject()).isEqualTo("New expression of interest to review: Kāhui Ako o Ōtaki");
        assertThat(staff.body()).isEqualTo("""
                A new expression of interest is waiting for review.

                Community: Kāhui Ako o Ōtaki
                Programme: Kāhui Ako (Communities of Learning)
                Region: Wellington
                Schools (3):
                  - 9101 Ōtaki School (primary, roll 182)
                  - 9102 Waitohu School (primary, roll 341)
                  - 9103 Ōtaki College (secondary, roll 512)
                Total roll: 1035
                Submitted by: principal@otaki.example.school.nz on 3 March 2026

                Review it: https://schools.example.org/#/applications/%s
                """.formatted(eoi.id()));
        Notification contact = delivered.get(1);
        assertThat(contact.subject()).isEqualTo("Expression of interest received: Kāhui Ako o Ōtaki");
        assertThat(contact.body()).as("submitted on 2 March UTC, which is 3 March in Ōtaki")
                .startsWith("Kia ora Mere Rāwiri,\n\n")
                .contains("We have received the expression of interest for Kāhui Ako o Ōtaki (3 schools) on 3 March 2026.")
                .contains("programme staff review it and email you their decision")
                .contains("https://schools.example.org/#/applications/" + eoi.id() + "\n")
                .endsWith("\nNgā mihi,\nThe Kāhui Ako programme office\n")
                .doesNotContain("/expressions-of-interest/");

        assertThat(world.mail.sent()).containsExactly(new Mail(STAFF, staff.subject(), staff.body()),
                new Mail(CONTACT, contact.subject(), contact.body()));
    }

    @Test
    void withoutARegionTheStaffTextHasNoRegionLine() {
        ExpressionOfInterest eoi = steps.submit(DecisionBodies.sampleSchoolUser(), EoiBodies.valid().without("region"));

        reaction.react(eoi);

        assertThat(world.mail.sentTo(STAFF)).singleElement().satisfies(m -> assertThat(m.text())
                .contains("Programme: Kāhui Ako (Communities of Learning)\nSchools (3):").doesNotContain("Region"));
    }

    @Test
    void aReplayFindsBothSentAndSendsNothingAgain() {
        ExpressionOfInterest eoi = steps.submitSample();
        reaction.react(eoi);
        List<Notification> afterFirst = world.notifications.all();

        for (int replay = 2; replay <= 3; replay++) {
            world.clock.advance(Duration.ofMinutes(1));
            List<Notification> again = reaction.react(eoi);

            assertThat(again).as("replay %d", replay).containsExactlyElementsOf(afterFirst);
            assertThat(world.notifications.all()).as("replay %d", replay).isEqualTo(afterFirst);
        }
        assertThat(world.mail.sent()).hasSize(2);
        assertThat(world.mail.attempts()).isEqualTo(2);
    }

    @Test
    void aMailThatFailsOnceIsRetriedOnTheNextDeliveryAndThenSentExactlyOnce() {
        ExpressionOfInterest eoi = steps.submitSample();
        world.mail.failNextTo(CONTACT);

        assertThatThrownBy(() -> reaction.react(eoi)).hasMessageContaining("injected");

        assertThat(world.mail.sent()).extracting(Mail::to).containsExactly(STAFF);
        assertThat(world.notifications.find("EOI#" + eoi.id(), OnEoiSubmitted.TO_STAFF).orElseThrow().status())
                .isEqualTo(Notification.Status.SENT);
        assertThat(world.notifications.find("EOI#" + eoi.id(), OnEoiSubmitted.TO_CONTACT)).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(Notification.Status.PENDING);
            assertThat(n.messageId()).isNull();
            assertThat(n.sentAt()).isNull();
        });

        world.clock.advance(Duration.ofMinutes(1));
        reaction.react(eoi);
        reaction.react(eoi);

        assertThat(world.mail.sent()).extracting(Mail::to).containsExactly(STAFF, CONTACT);
        assertThat(world.mail.attempts()).as("the staff mail once, the contact's twice").isEqualTo(3);
        assertThat(world.notifications.find("EOI#" + eoi.id(), OnEoiSubmitted.TO_CONTACT)).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
            assertThat(n.messageId()).isEqualTo("mail-2");
            assertThat(n.sentAt()).isEqualTo(world.clock.instant());
        });
    }
}
