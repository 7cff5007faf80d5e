package org.schoolcollab.grant;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.testsupport.Requests;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER;
import static org.schoolcollab.testsupport.WorldSetUp.CLUSTER_CONTACT;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.cluster;
import static org.schoolcollab.testsupport.WorldSetUp.mail;
import static org.schoolcollab.testsupport.WorldSetUp.subjects;

/** The grant reaction over the in-memory world: one funding record keyed by the grant, the contact and staff told, once. */
class OnGrantAwardedUnitTest {
    static final String COURSES = "{\"purpose\":\"COURSES\",\"amount\":{\"value\":\"2500.50\",\"currency\":\"GBP\"}}";

    private final InMemoryWorld world = new InMemoryWorld();
    private final Community cluster = cluster(world);
    /** Awarded now; its stream record reaches the reaction a minute later. */
    private final Grant grant = Requests.award(world.grantService(), STAFF, cluster.id(),
            GrantServiceUnitTest.EMPLOYER_ENGAGEMENT);

    OnGrantAwardedUnitTest() {
        world.clock.advance(Duration.ofMinutes(1));
    }

    private void react(Grant g) {
        world.onGrantAwarded().react(g);
    }

    @Test
    void theGrantBecomesOneFundingRecordKeyedByTheGrantAndDatedWhenAwarded() {
        react(grant);

        FundingRecord expected = new FundingRecord(cluster.id(), "school-improvement", grant.id(),
                new FundingLine(FundingKind.GRANT, null, Money.of("12000.00", "GBP"), null, null, "ON_AWARD",
                        "school-improvement-funding", "1", Map.of("grantId", grant.id(), "purpose", "EMPLOYER_ENGAGEMENT",
                        "amount", "12000.00", "currency", "GBP", "awardedBy", STAFF.sub(), "awardedByEmail", STAFF.email(),
                        "description", "Year 10 work placements with Weymouth employers.")), grant.awardedAt());
        assertThat(world.funding.forCommunity(cluster.id())).containsExactly(expected);
        assertThat(expected.key()).isEqualTo("FUNDING#GRANT#" + grant.id() + "#COMMUNITY");
    }

    @Test
    void theContactAndStaffAreTold() {
        react(grant);

        Mail toContact = mail(world, CLUSTER_CONTACT, "Grant awarded: " + CLUSTER);
        assertThat(toContact.text()).as("awarded at 21:14 UTC on 2 March, still 2 March in Dorset").isEqualTo("""
                Dear Helen Marsh,

                An employer engagement grant of £12,000.00 has been awarded to %1$s on 2 March 2026.

                Year 10 work placements with Weymouth employers.

                You can see it with the cluster's funding on its page:
                https://schools.example.org/#/communities/%2$s

                Kind regards,
                The School Improvement Board
                """.formatted(CLUSTER, cluster.id()));
        Mail toStaff = mail(world, InMemoryWorld.STAFF, "Grant recorded: " + CLUSTER + " (£12,000.00)");
        assertThat(toStaff.text()).isEqualTo("""
                An employer engagement grant of £12,000.00 was recorded for %1$s (school improvement clusters).
                Awarded by: %2$s on 2 March 2026
                Community: https://schools.example.org/#/communities/%3$s
                """.formatted(CLUSTER, STAFF.email(), cluster.id()));
        assertThat(toStaff.text()).doesNotContain(STAFF.sub());
        assertThat(world.notifications.all()).extracting(n -> n.kind() + " " + n.communityId()).containsExactlyInAnyOrder(
                OnGrantAwarded.TO_CONTACT + "#" + grant.id() + " " + cluster.id(),
                OnGrantAwarded.TO_STAFF + "#" + grant.id() + " " + cluster.id());
    }

    @Test
    void aStaffMemberWithoutAVerifiedEmailIsNamedAsProgrammeStaff() {
        Grant byUnverified = Requests.award(world.grantService(), STAFF.withoutEmail(), cluster.id(), COURSES);

        react(byUnverified);

        assertThat(mail(world, InMemoryWorld.STAFF, "Grant recorded: " + CLUSTER + " (£2,500.50)").text())
                .contains("Awarded by: programme staff on 2 March 2026\n").doesNotContain(STAFF.sub());
    }

    @Test
    void aReplayStoresAndSendsNothingTwiceAndEachGrantCountsOnItsOwn() {
        Grant courses = Requests.award(world.grantService(), STAFF, cluster.id(), COURSES);
        react(grant);
        react(courses);
        List<FundingRecord> recorded = world.funding.all();
        int attempts = world.mail.attempts();

        world.clock.advance(Duration.ofHours(1));
        react(grant);
        react(courses);

        assertThat(world.funding.all()).isEqualTo(recorded);
        assertThat(recorded).extracting(r -> r.line().amount())
                .containsExactlyInAnyOrder(Money.of("12000.00", "GBP"), Money.of("2500.50", "GBP"));
        assertThat(world.mail.attempts()).isEqualTo(attempts).isEqualTo(4);
        assertThat(subjects(world, InMemoryWorld.STAFF)).containsExactly("Grant recorded: " + CLUSTER + " (£12,000.00)",
                "Grant recorded: " + CLUSTER + " (£2,500.50)");
    }

    @Test
    void aRetryAfterTheContactCouldNotBeToldCompletesTheRestOnce() {
        world.mail.failNextTo(CLUSTER_CONTACT);

        assertThatThrownBy(() -> react(grant)).hasMessageContaining("injected");
        assertThat(world.funding.all()).hasSize(1);
        assertThat(subjects(world, InMemoryWorld.STAFF)).isEmpty();

        react(grant);

        assertThat(world.funding.all()).hasSize(1);
        assertThat(subjects(world, CLUSTER_CONTACT)).containsExactly("Grant awarded: " + CLUSTER);
        assertThat(subjects(world, InMemoryWorld.STAFF)).containsExactly("Grant recorded: " + CLUSTER + " (£12,000.00)");
    }

    @Test
    void theMailsUseTheArticleThePurposeNeeds() {
        Grant courses = Requests.award(world.grantService(), STAFF, cluster.id(), COURSES);
        react(grant);
        react(courses);

        assertThat(world.mail.sentTo(CLUSTER_CONTACT)).extracting(Mail::text).satisfiesExactly(
                first -> assertThat(first).contains("\n\nAn employer engagement grant of £12,000.00 has been awarded"),
                second -> assertThat(second).contains("\n\nA courses grant of £2,500.50 has been awarded"));
        assertThat(world.mail.sentTo(InMemoryWorld.STAFF)).extracting(Mail::text).satisfiesExactly(
                first -> assertThat(first).startsWith("An employer engagement grant of £12,000.00 was recorded"),
                second -> assertThat(second).startsWith("A courses grant of £2,500.50 was recorded"));
    }
}
