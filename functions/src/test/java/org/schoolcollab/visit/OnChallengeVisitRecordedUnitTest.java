package org.schoolcollab.visit;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_CONTACT;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.mail;
import static org.schoolcollab.testsupport.WorldSetUp.receivedAt;
import static org.schoolcollab.testsupport.WorldSetUp.subjects;
import static org.schoolcollab.testsupport.WorldSetUp.visit;
import static org.schoolcollab.testsupport.WorldSetUp.visitBody;

/** The visit reaction over the in-memory world: the cluster's contact told the outcome, staff told, once per visit. */
class OnChallengeVisitRecordedUnitTest {
    static final String CHANGES_SUBJECT = "Challenge visit: changes required to " + CLUSTER + "'s action plan";
    static final String ON_TRACK_SUBJECT = "Challenge visit: " + CLUSTER + " is on track";

    private final InMemoryWorld world = new InMemoryWorld();
    private final Community cluster = cluster(world);
    private final Plan v1 = receivedAt(world, Instant.parse("2026-03-06T15:00:00Z"), CLUSTER_MEMBER, cluster);

    /** The visit is recorded now, and its stream record reaches the reaction a minute later. */
    private ChallengeVisit reactedTo(String body) {
        ChallengeVisit visit = visit(world, cluster, body);
        world.clock.advance(Duration.ofMinutes(1));
        world.onChallengeVisitRecorded().react(visit);
        return visit;
    }

    @Test
    void changesRequiredTellTheContactWhatToChangeAndStaffThatItWasRecorded() {
        ChallengeVisit v = reactedTo(visitBody("2026-03-06", v1, "CHANGES_REQUIRED", "Add a measure for Year 9 reading."));

        Mail toContact = mail(world, CLUSTER_CONTACT, CHANGES_SUBJECT);
        assertThat(toContact.text()).isEqualTo("""
                Dear Helen Marsh,

                At %1$s, the challenge visit on 6 March 2026 reviewed version 1 of the action plan: changes are required.

                Notes from the visit:
                Add a measure for Year 9 reading.

                What to do next: agree the changes with the head teachers, then upload the new version of the action plan on the cluster's page:
                https://schools.example.org/#/communities/%2$s

                Kind regards,
                The School Improvement Board
                """.formatted(CLUSTER, cluster.id()));
        Mail toStaff = mail(world, InMemoryWorld.STAFF, "Challenge visit recorded: " + CLUSTER + " (changes required)");
        assertThat(toStaff.text()).isEqualTo("""
                A challenge visit to %1$s on 6 March 2026 was recorded: changes required, action plan version 1.

                Notes from the visit:
                Add a measure for Year 9 reading.

                Recorded by: %2$s on 6 March 2026
                Cluster: https://schools.example.org/#/communities/%3$s
                """.formatted(CLUSTER, STAFF.email(), cluster.id()));
        assertThat(toContact.text() + toStaff.text()).doesNotContain(STAFF.sub(), "POST ", v.id());
        assertThat(world.notifications.all()).filteredOn(n -> n.kind().startsWith("CHALLENGE_VISIT")).extracting(Notification::kind)
                .containsExactlyInAnyOrder(OnChallengeVisitRecorded.TO_CONTACT + "#" + v.id(),
                        OnChallengeVisitRecorded.TO_STAFF + "#" + v.id());
        assertThat(world.notifications.all()).allSatisfy(n -> {
            assertThat(n.communityId()).isEqualTo(cluster.id());
            assertThat(n.status()).isEqualTo(Notification.Status.SENT);
        });
    }

    @Test
    void onTrackWithoutNotesSaysSoAndAsksForNothing() {
        ChallengeVisit v = reactedTo(visitBody("2026-03-06", v1, "ON_TRACK"));

        Mail toContact = mail(world, CLUSTER_CONTACT, ON_TRACK_SUBJECT);
        assertThat(toContact.text()).contains("reviewed version 1 of the action plan: the plan is on track.\n\n"
                        + "The cluster's visits are on its page:\nhttps://schools.example.org/#/communities/" + cluster.id())
                .doesNotContain("/plans", "Notes", "What to do next", v.id());
        assertThat(mail(world, InMemoryWorld.STAFF, "Challenge visit recorded: " + CLUSTER + " (on track)").text())
                .contains("was recorded: on track, action plan version 1.\n\nRecorded by: ").doesNotContain("Notes");
    }

    @Test
    void aStaffMemberWithoutAVerifiedEmailIsNamedAsProgrammeStaff() {
        ChallengeVisit v = Requests.record(world.visitService(), STAFF.withoutEmail(), cluster.id(),
                visitBody("2026-03-06", v1, "ON_TRACK"));

        world.onChallengeVisitRecorded().react(v);

        assertThat(mail(world, InMemoryWorld.STAFF, "Challenge visit recorded: " + CLUSTER + " (on track)").text())
                .contains("\nRecorded by: programme staff on 6 March 2026\n").doesNotContain(STAFF.sub());
    }

    @Test
    void aReplaySendsNothingTwiceAndEachVisitIsToldOnItsOwn() {
        ChallengeVisit first = reactedTo(visitBody("2026-03-06", v1, "CHANGES_REQUIRED"));
        ChallengeVisit second = reactedTo(visitBody("2026-03-06", v1, "ON_TRACK"));
        int attempts = world.mail.attempts();

        world.clock.advance(Duration.ofHours(1));
        world.onChallengeVisitRecorded().react(first);
        world.onChallengeVisitRecorded().react(second);

        assertThat(world.mail.attempts()).isEqualTo(attempts);
        assertThat(subjects(world, CLUSTER_CONTACT)).containsExactly(CHANGES_SUBJECT, ON_TRACK_SUBJECT);
        assertThat(world.notifications.all()).filteredOn(n -> n.kind().startsWith("CHALLENGE_VISIT")).hasSize(4);
    }

    @Test
    void aRetryAfterTheContactCouldNotBeToldTellsTheContactAndStaffOnceEach() {
        ChallengeVisit v = visit(world, cluster, visitBody("2026-03-06", v1, "ON_TRACK"));
        world.mail.failNextTo(CLUSTER_CONTACT);

        assertThatThrownBy(() -> world.onChallengeVisitRecorded().react(v)).hasMessageContaining("injected");
        assertThat(subjects(world, InMemoryWorld.STAFF)).as("not yet").noneMatch(s -> s.startsWith("Challenge visit"));

        world.onChallengeVisitRecorded().react(v);

        assertThat(subjects(world, CLUSTER_CONTACT)).containsExactly(ON_TRACK_SUBJECT);
        assertThat(subjects(world, InMemoryWorld.STAFF)).filteredOn(s -> s.startsWith("Challenge visit"))
                .containsExactly("Challenge visit recorded: " + CLUSTER + " (on track)");
    }
}
