package org.schoolcollab.review;

import org.junit.jupiter.api.Test;
import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.notify.Mail;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.plan.Plan;
import org.schoolcollab.plan.PlanDecision;
import org.schoolcollab.testsupport.DecisionBodies;
import org.schoolcollab.testsupport.fakes.InMemoryWorld;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.schoolcollab.testsupport.WorldSetUp.CONTACT;
import static org.schoolcollab.testsupport.WorldSetUp.KAHUI_AKO;
import static org.schoolcollab.testsupport.WorldSetUp.MEMBER;
import static org.schoolcollab.testsupport.WorldSetUp.STAFF;
import static org.schoolcollab.testsupport.WorldSetUp.decidePlan;
import static org.schoolcollab.testsupport.WorldSetUp.kahuiAko;
import static org.schoolcollab.testsupport.WorldSetUp.mail;
import static org.schoolcollab.testsupport.WorldSetUp.received;
import static org.schoolcollab.testsupport.WorldSetUp.subjects;

/**
 * The plan-decision reaction over the in-memory world: it marks the community endorsed and tells the contact and
 * staff what was decided, and only what is true when the mail is sent. It releases nothing: the endorsement recorded
 * the community's roles (the first time), and their own reaction (OnRolesRecorded) releases them and says so.
 */
class OnPlanDecidedUnitTest {
    static final String ENDORSE_9101 = DecisionBodies.endorseWithSampleRoles("9101");
    static final String CHANGES = DecisionBodies.changes("Add a measure for wellbeing.");
    static final String PAGE = "https://schools.example.org/#/communities/";

    private InMemoryWorld world = new InMemoryWorld();
    private Community community = kahuiAko(world);

    /** A version received and decided with this body; the reaction runs a minute later. */
    private PlanDecision decided(String body) {
        Plan plan = received(world, MEMBER, community);
        PlanDecision decision = decidePlan(world, plan, body);
        world.clock.advance(Duration.ofMinutes(1));
        return decision;
    }

    private void react(PlanDecision decision) {
        world.onPlanDecided().react(decision);
    }

    private Community stored() {
        return world.communityStore.find(community.id()).orElseThrow();
    }

    @Test
    void anEndorsementThatRecordedTheRolesMarksTheCommunityEndorsedAndSaysASeparateMailWillListThem() {
        PlanDecision d = decided(ENDORSE_9101);
        assertThat(d.releasesRoles()).isTrue();

        react(d);

        Mail toContact = mail(world, CONTACT, "Plan endorsed: " + KAHUI_AKO);
        assertThat(toContact.text()).isEqualTo("""
                Kia ora Mere Rāwiri,

                Version 1 of the plan of achievement challenges of Kāhui Ako o Ōtaki was endorsed on 3 March 2026.

                Programme staff recorded the community's roles with the endorsement. A separate email will list each \
                role and its amounts once their funding records are made.

                The Kāhui Ako's page: %s%s

                Ngā mihi,
                The Kāhui Ako programme office
                """.formatted(PAGE, community.id()));
        Mail toStaff = mail(world, InMemoryWorld.STAFF, "Plan endorsed: " + KAHUI_AKO + " (version 1)");
        assertThat(toStaff.text()).isEqualTo("""
                Version 1 of the plan of achievement challenges of Kāhui Ako o Ōtaki was endorsed by %s on 3 March 2026.
                Community leader's school: Ōtaki School (9101)
                The roles were recorded with it; their funding records follow.
                Community: %s%s
                """.formatted(STAFF.email(), PAGE, community.id()));
        assertThat(toContact.text() + toStaff.text()).doesNotContain(STAFF.sub(), "/funding", d.planId())
                .doesNotContain(" /communities/");
        assertThat(stored().status()).isEqualTo(CommunityStatus.ENDORSED);
        assertThat(world.communityStore.endorsedAt(community.id())).contains(d.decidedAt());
        assertThat(world.notifications.all()).filteredOn(n -> n.kind().startsWith("PLAN_DECISION"))
                .extracting(Notification::kind).containsExactlyInAnyOrder(
                        OnPlanDecided.TO_CONTACT + "#" + d.planId(), OnPlanDecided.TO_STAFF + "#" + d.planId());
        assertThat(world.notifications.all()).allSatisfy(n -> assertThat(n.communityId()).isEqualTo(community.id()));
    }

    @Test
    void theReactionReleasesNothingItselfTheRolesRecordedWithTheEndorsementDoThat() {
        PlanDecision d = decided(ENDORSE_9101);

        react(d);

        assertThat(world.funding.all()).isEmpty();
        assertThat(world.roles.find(community.id())).hasValueSatisfying(r -> {
            assertThat(r.planId()).isEqualTo(d.planId());
            assertThat(r.leaderSchoolNumber()).isEqualTo("9101");
        });
        assertThat(subjects(world, CONTACT)).containsExactly("Plan endorsed: " + KAHUI_AKO);
    }

    @Test
    void whenTheRolesAreNotYetReleasedTheContactIsNotToldTheyAre() {
        react(decided(ENDORSE_9101));

        assertThat(world.funding.all()).isEmpty();
        assertThat(mail(world, CONTACT, "Plan endorsed: " + KAHUI_AKO).text())
                .doesNotContain("roles and teacher inquiry time are released", "have been released", "were released")
                .contains("A separate email will list each role and its amounts once their funding records are made.");
    }

    @Test
    void aLaterVersionEndorsedAfterTheRolesWereRecordedSaysItChangesNothingInTheFunding() {
        react(decided(ENDORSE_9101));
        world.clock.advance(Duration.ofDays(30));
        PlanDecision v2 = decided(DecisionBodies.endorse("9103"));
        assertThat(v2.releasesRoles()).isFalse();

        react(v2);

        assertThat(world.mail.sentTo(CONTACT)).extracting(Mail::subject)
                .containsExactly("Plan endorsed: " + KAHUI_AKO, "Plan endorsed: " + KAHUI_AKO);
        assertThat(world.mail.sentTo(CONTACT).getLast().text())
                .contains("Version 2 of the plan of achievement challenges of Kāhui Ako o Ōtaki was endorsed on "
                        + "2 April 2026.\n\nThe community's roles were recorded earlier, so this endorsement changes "
                        + "nothing in its funding.\n")
                .doesNotContain("separate email");
        assertThat(mail(world, InMemoryWorld.STAFF, "Plan endorsed: " + KAHUI_AKO + " (version 2)").text())
                .contains("Community leader's school: Ōtaki College (9103)\n"
                        + "Its roles were recorded before; this endorsement adds no funding.\n");
        assertThat(world.communityStore.endorsedAt(community.id())).as("the first endorsement's time")
                .isPresent().get().isNotEqualTo(v2.decidedAt());
    }

    @Test
    void underAPolicyThatCountsTheRolesItselfAnEndorsementWithoutAnAllocationRecordsThemToo() {
        world = new InMemoryWorld(new FundingPolicies("policies-test"));
        community = kahuiAko(world);
        PlanDecision d = decided(DecisionBodies.endorse("9101"));

        react(d);

        assertThat(d.releasesRoles()).isTrue();
        assertThat(world.roles.find(community.id())).hasValueSatisfying(r -> assertThat(r.allocation()).isEmpty());
        assertThat(mail(world, CONTACT, "Plan endorsed: " + KAHUI_AKO).text())
                .contains("Programme staff recorded the community's roles with the endorsement.");
    }

    @Test
    void aReplayTellsNobodyAgain() {
        PlanDecision d = decided(ENDORSE_9101);
        react(d);
        int attempts = world.mail.attempts();

        world.clock.advance(Duration.ofHours(1));
        react(d);

        assertThat(world.mail.attempts()).isEqualTo(attempts).isEqualTo(3);
        assertThat(world.communityStore.endorsedAt(community.id())).contains(d.decidedAt());
    }

    @Test
    void changesRequestedTellTheCommunityWhatToChangeAndLeaveItFormingEvenWhenReplayed() {
        PlanDecision d = decided(CHANGES);

        react(d);
        react(d);

        assertThat(world.funding.all()).isEmpty();
        assertThat(world.roles.all()).isEmpty();
        assertThat(stored().status()).isEqualTo(CommunityStatus.FORMING);
        assertThat(world.communityStore.endorsedAt(community.id())).isEmpty();
        Mail toContact = mail(world, CONTACT, "Changes requested to your plan: " + KAHUI_AKO);
        assertThat(toContact.text()).isEqualTo("""
                Kia ora Mere Rāwiri,

                Version 1 of the plan of achievement challenges of Kāhui Ako o Ōtaki needs changes before it can be endorsed:

                Add a measure for wellbeing.

                When the changes are made, upload the new version on the Kāhui Ako's page.

                The Kāhui Ako's page: %s%s

                Ngā mihi,
                The Kāhui Ako programme office
                """.formatted(PAGE, community.id()));
        Mail toStaff = mail(world, InMemoryWorld.STAFF, "Plan sent back: " + KAHUI_AKO + " (version 1)");
        assertThat(toStaff.text()).isEqualTo("""
                Version 1 of the plan of achievement challenges of Kāhui Ako o Ōtaki was sent back for changes by %s on 3 March 2026.
                Comments: Add a measure for wellbeing.
                Community: %s%s
                """.formatted(STAFF.email(), PAGE, community.id()));
        assertThat(world.mail.attempts()).as("received, then the decision to contact and staff, once").isEqualTo(3);
    }

    @Test
    void aStaffMemberWithoutAVerifiedEmailIsNamedAsProgrammeStaff() {
        Plan plan = received(world, MEMBER, community);
        PlanDecision d = org.schoolcollab.testsupport.Requests.decide(world.planReviewService(), STAFF.withoutEmail(),
                community.id(), plan.planId(), CHANGES);

        react(d);

        assertThat(mail(world, InMemoryWorld.STAFF, "Plan sent back: " + KAHUI_AKO + " (version 1)").text())
                .contains("was sent back for changes by programme staff on 3 March 2026.\n")
                .doesNotContain(STAFF.sub());
    }

    @Test
    void aClosedCommunityStaysClosedWhenItsPlanIsEndorsed() {
        Community c = community;
        world.communityStore.put(new Community(c.id(), c.programme(), c.name(), c.region(), c.contact(), c.members(),
                CommunityStatus.CLOSED, c.eoiId(), c.wave(), c.formedAt()));

        react(decided(ENDORSE_9101));

        assertThat(stored().status()).isEqualTo(CommunityStatus.CLOSED);
        assertThat(world.communityStore.endorsedAt(community.id())).isEmpty();
    }
}
