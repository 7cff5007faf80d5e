package org.schoolcollab.notify;

import org.junit.jupiter.api.Test;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Page;
import org.schoolcollab.kernel.PageRequest;
import org.schoolcollab.kernel.Rejection;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.PageWalk;
import org.schoolcollab.testsupport.Refusals;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the notification log: staff read every notification, anyone else the mail sent to their own address. */
class NotificationLogUnitTest {
    private static final String STAFF_ADDRESS = InMemoryWorld.STAFF;
    private static final String OTAKI = "principal@otaki.example.school.nz";
    private static final String KAPITI = "principal@kapiti.example.school.nz";
    private static final String COMMUNITY = "1f0e8d7c-6b5a-4c3d-9e2f-0a1b2c3d4e5f";
    private static final String EOI_A = "EOI#00000000-0000-4000-8000-00000000000a";
    private static final String EOI_B = "EOI#00000000-0000-4000-8000-00000000000b";
    private static final Actor STAFF = DecisionBodies.staff();

    private final InMemoryWorld world = new InMemoryWorld();
    private final NotificationLog log = world.notificationLog();

    private void record(String source, String kind, String to, Instant at, String communityId) {
        world.notifications.createIfAbsent(Notification.pending(source, kind, to, kind, "body", at)
                .withCommunityId(communityId));
    }

    /**
     * Six notifications at four times, two pairs created at the same instant as the notifiers create them; the
     * Ōtaki contact's address written in mixed case once. Their kinds, newest first as the table lists them.
     */
    private List<String> sixNotifications() {
        Instant t0 = world.clock.instant();
        record(EOI_A, "EOI_RECEIVED_STAFF", STAFF_ADDRESS, t0, null);
        record(EOI_A, "EOI_RECEIVED_CONTACT", "Principal@Otaki.Example.School.NZ", t0, null);
        record(EOI_A, "DECISION_APPROVED_CONTACT", OTAKI, t0.plusSeconds(60), COMMUNITY);
        record(EOI_A, "DECISION_RECORDED_STAFF", STAFF_ADDRESS, t0.plusSeconds(60), COMMUNITY);
        record(EOI_B, "EOI_RECEIVED_CONTACT", KAPITI, t0.plusSeconds(120), null);
        record("COMMUNITY#" + COMMUNITY, "GRANT_AWARDED_CONTACT", OTAKI, t0.plusSeconds(180), COMMUNITY);
        world.clock.advance(Duration.ofMinutes(5));
        return List.of("GRANT_AWARDED_CONTACT", "EOI_RECEIVED_CONTACT", "DECISION_RECORDED_STAFF",
                "DECISION_APPROVED_CONTACT", "EOI_RECEIVED_STAFF", "EOI_RECEIVED_CONTACT");
    }

    private List<List<String>> pages(Actor actor, Optional<String> communityId, int limit) {
        return PageWalk.pages(limit, page -> log.list(actor, communityId, page), Notification::kind);
    }

    private static Actor user(String email) {
        return new Actor("user-" + email.hashCode(), email, Set.of(Actor.SCHOOL), Optional.of("9101"));
    }

    @Test
    void staffReadEveryNotificationNewestFirstAPageAtATime() {
        List<String> newestFirst = sixNotifications();

        assertThat(pages(STAFF, Optional.empty(), 2)).as("the last page, exactly full, has no token")
                .containsExactly(newestFirst.subList(0, 2), newestFirst.subList(2, 4), newestFirst.subList(4, 6));
        assertThat(log.list(STAFF, Optional.empty(), PageRequest.first(1)).items()).singleElement()
                .satisfies(n -> assertThat(n.sourcePk()).isEqualTo("COMMUNITY#" + COMMUNITY));
    }

    @Test
    void staffMayReadOneCommunitysNotifications() {
        sixNotifications();

        assertThat(pages(STAFF, Optional.of(COMMUNITY), 10)).containsExactly(
                List.of("GRANT_AWARDED_CONTACT", "DECISION_RECORDED_STAFF", "DECISION_APPROVED_CONTACT"));
        assertThat(pages(STAFF, Optional.of("00000000-0000-4000-8000-000000000999"), 10)).containsExactly(List.of());
    }

    @Test
    void aUserReadsTheMailSentToTheirOwnAddressWhateverTheCaseOfEither() {
        sixNotifications();

        for (String email : List.of(OTAKI, "PRINCIPAL@OTAKI.example.school.nz")) {
            Page<Notification> mine = log.list(user(email), Optional.empty(), PageRequest.first(20));
            assertThat(mine.items()).as(email).extracting(Notification::kind)
                    .containsExactly("GRANT_AWARDED_CONTACT", "DECISION_APPROVED_CONTACT", "EOI_RECEIVED_CONTACT");
            assertThat(mine.items().getLast().recipient()).isEqualTo("Principal@Otaki.Example.School.NZ");
        }
        assertThat(pages(user(OTAKI), Optional.of(COMMUNITY), 1).stream().flatMap(List::stream))
                .containsExactly("GRANT_AWARDED_CONTACT", "DECISION_APPROVED_CONTACT");
    }

    @Test
    void aSchoolUserWhoseEmailIsTheStaffAddressReadsThatAddresssMailNotEveryones() {
        sixNotifications();

        assertThat(pages(user(STAFF_ADDRESS), Optional.empty(), 10))
                .containsExactly(List.of("DECISION_RECORDED_STAFF", "EOI_RECEIVED_STAFF"));
    }

    @Test
    void aSignedInUserInNoGroupReadsTheirOwn() {
        sixNotifications();
        Actor nobody = new Actor("kapiti-sub", KAPITI, Set.of(), Optional.empty());

        assertThat(pages(nobody, Optional.empty(), 10)).containsExactly(List.of("EOI_RECEIVED_CONTACT"));
    }

    @Test
    void withoutAVerifiedEmailOnlyStaffMayRead() {
        sixNotifications();

        List<Actor> unverified = List.of(user(OTAKI).withoutEmail(), new Actor("nobody", "", Set.of(), Optional.empty()),
                new Actor("blank", "  ", Set.of(), Optional.empty()));

        assertThat(Refusals.of(Rejection.Forbidden.class, unverified, NotificationLog::requireMayRead))
                .allSatisfy(e -> assertThat(e.getMessage()).contains("verified email"));
        Refusals.of(Rejection.Forbidden.class, unverified, actor -> log.list(actor, Optional.empty(), PageRequest.first(10)));
        NotificationLog.requireMayRead(STAFF.withoutEmail());
        assertThat(log.list(STAFF.withoutEmail(), Optional.empty(), PageRequest.first(10)).items()).hasSize(6);
    }

    @Test
    void aTokenIsForTheLogThatIssuedItOnly() {
        sixNotifications();
        String staffToken = log.list(STAFF, Optional.empty(), PageRequest.first(1)).nextToken().orElseThrow();
        String otakiToken = log.list(user(OTAKI), Optional.empty(), PageRequest.first(1)).nextToken().orElseThrow();

        assertThat(log.list(user(OTAKI.toUpperCase()), Optional.empty(), new PageRequest(10, Optional.of(otakiToken)))
                .items()).extracting(Notification::kind).containsExactly("DECISION_APPROVED_CONTACT", "EOI_RECEIVED_CONTACT");
        record Misuse(Actor reader, String token) {}
        for (Misuse misuse : List.of(new Misuse(user(OTAKI), staffToken), new Misuse(user(KAPITI), otakiToken),
                new Misuse(STAFF, otakiToken))) {
            Rejection.Invalid e = catchThrowableOfType(Rejection.Invalid.class, () -> log.list(misuse.reader(),
                    Optional.empty(), new PageRequest(10, Optional.of(misuse.token()))));
            assertThat(e.errors()).as("%s", misuse).extracting(FieldError::field).containsExactly("nextToken");
        }
    }
}
