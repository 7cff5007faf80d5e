package org.schoolcollab.notify;

import org.junit.jupiter.api.Test;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** At most one mail per source record and kind: recorded first, sent, then marked SENT. */
class NotificationDeliveryUnitTest {
    private static final String SOURCE = "EOI#00000000-0000-4000-8000-000000000001";
    private static final String TO = "principal@otaki.example.school.nz";

    private final InMemoryWorld world = new InMemoryWorld();
    private final NotificationDelivery delivery = world.delivery();

    private Notification wanted(String kind, String subject) {
        return Notification.pending(SOURCE, kind, TO, subject, "Kia ora,\n\n" + subject + "\n",
                world.clock.instant()).withEoiId("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void aNewNotificationIsRecordedBeforeItIsSentAndMarkedSentAfter() {
        List<Optional<Notification>> storedWhenSent = new ArrayList<>();
        NotificationDelivery looking = new NotificationDelivery(world.notifications, mail -> {
            storedWhenSent.add(world.notifications.find(SOURCE, "K"));
            return world.mail.send(mail);
        }, world.clock);
        Notification wanted = wanted("K", "Expression of interest received");
        Instant created = wanted.createdAt();
        world.clock.advance(Duration.ofSeconds(5));

        Notification delivered = looking.deliverOnce(wanted);

        assertThat(storedWhenSent).containsExactly(Optional.of(wanted));
        assertThat(delivered).isEqualTo(new Notification(SOURCE, "K", TO, wanted.subject(), wanted.body(),
                Notification.Status.SENT, created, "mail-1", world.clock.instant(),
                "00000000-0000-4000-8000-000000000001", null));
        assertThat(world.notifications.all()).containsExactly(delivered);
        assertThat(world.mail.sent()).containsExactly(new Mail(TO, wanted.subject(), wanted.body()));
    }

    @Test
    void theSameSourceAndKindAgainSendsNothingAndAnswersTheFirst() {
        Notification first = delivery.deliverOnce(wanted("K", "First"));
        world.clock.advance(Duration.ofMinutes(5));

        Notification again = delivery.deliverOnce(Notification.pending(SOURCE, "K", "someone@else.example", "Second",
                "another body", world.clock.instant()));

        assertThat(again).isEqualTo(first);
        assertThat(world.notifications.all()).containsExactly(first);
        assertThat(world.mail.sent()).extracting(Mail::subject).containsExactly("First");
        assertThat(world.mail.attempts()).isEqualTo(1);
    }

    @Test
    void eachKindOfASourceIsANotificationOfItsOwn() {
        delivery.deliverOnce(wanted("EOI_RECEIVED_CONTACT", "Received"));
        delivery.deliverOnce(wanted("DECISION_APPROVED_CONTACT", "Approved"));
        delivery.deliverOnce(Notification.pending("EOI#00000000-0000-4000-8000-000000000002", "EOI_RECEIVED_CONTACT",
                TO, "Received too", "b", world.clock.instant()));

        assertThat(world.notifications.all()).extracting(Notification::messageId).containsExactly("mail-1", "mail-2", "mail-3");
        assertThat(world.mail.sentTo(TO)).extracting(Mail::subject).containsExactly("Received", "Approved", "Received too");
    }

    @Test
    void aFailedSendLeavesItPendingAndTheNextDeliverySendsWhatWasRecorded() {
        world.mail.failNextTo(TO);

        assertThatThrownBy(() -> delivery.deliverOnce(wanted("K", "Recorded first"))).hasMessageContaining("injected");

        assertThat(world.notifications.find(SOURCE, "K")).hasValueSatisfying(n -> {
            assertThat(n.status()).isEqualTo(Notification.Status.PENDING);
            assertThat(n.messageId()).isNull();
            assertThat(n.sentAt()).isNull();
        });
        assertThat(world.mail.sent()).isEmpty();

        world.clock.advance(Duration.ofMinutes(1));
        Notification delivered = delivery.deliverOnce(wanted("K", "Wanted later"));
        delivery.deliverOnce(wanted("K", "Wanted later still"));

        assertThat(delivered.status()).isEqualTo(Notification.Status.SENT);
        assertThat(delivered.subject()).isEqualTo("Recorded first");
        assertThat(delivered.sentAt()).isEqualTo(world.clock.instant());
        assertThat(world.mail.sent()).extracting(Mail::subject).containsExactly("Recorded first");
        assertThat(world.mail.attempts()).isEqualTo(2);
    }
}
