package org.schoolcollab.review;

import org.schoolcollab.community.CommunityService;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;
import org.schoolcollab.plan.PlanDecision;

/**
 * Reaction to a plan decision: the community's contact and staff are told what was decided, and on endorsement the
 * community becomes ENDORSED. The roles are not released here: the endorsement recorded them (when it did), and
 * their own record's reaction ({@code OnRolesRecorded}) releases them and says so. So this mail says only what is
 * true when it is sent.
 */
public final class OnPlanDecided {
    public static final String TO_CONTACT = "PLAN_DECISION_CONTACT";
    public static final String TO_STAFF = "PLAN_DECISION_STAFF";

    private final CommunityService communities;
    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnPlanDecided(CommunityService communities, NotificationDelivery delivery, String staffAddress, Links links) {
        this.communities = communities;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    public void react(PlanDecision d) {
        String source = Notification.aboutCommunity(d.communityId());
        var now = delivery.clock().instant();
        if (d.endorsed()) {
            communities.markEndorsed(d.communityId(), d.decidedAt());
        }
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT + "#" + d.planId(), d.contact().email(),
                (d.endorsed() ? "Plan endorsed: " : "Changes requested to your plan: ") + d.communityName(),
                contactText(d, links), now).withCommunityId(d.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF + "#" + d.planId(), staffAddress,
                "Plan " + (d.endorsed() ? "endorsed" : "sent back") + ": " + d.communityName() + " (version "
                        + d.planVersion() + ")", staffText(d, links), now).withCommunityId(d.communityId()));
    }

    static String contactText(PlanDecision d, Links links) {
        Programme p = d.programme();
        StringBuilder b = new StringBuilder(Letters.greeting(p, d.contact().name()));
        String plan = "Version " + d.planVersion() + " of the " + Letters.plan(p) + " of " + d.communityName();
        if (d.endorsed()) {
            b.append(plan).append(" was endorsed on ").append(Letters.date(p, d.decidedAt())).append(".\n\n");
            if (d.releasesRoles()) {
                b.append("Programme staff recorded the community's roles with the endorsement. A separate email will "
                        + "list each role and its amounts once their funding records are made.\n");
            } else {
                b.append("The community's roles were recorded earlier, so this endorsement changes nothing in its "
                        + "funding.\n");
            }
            if (d.comments() != null) {
                b.append("\nComments from programme staff:\n").append(d.comments()).append('\n');
            }
        } else {
            b.append(plan).append(" needs changes before it can be endorsed:\n\n").append(d.comments()).append("\n\n")
                    .append("When the changes are made, upload the new version on the ").append(Letters.community(p))
                    .append("'s page.\n");
        }
        b.append("\nThe ").append(Letters.community(p)).append("'s page: ").append(links.community(d.communityId()))
                .append('\n');
        return b.append(Letters.signOff(p)).toString();
    }

    static String staffText(PlanDecision d, Links links) {
        Programme p = d.programme();
        return "Version " + d.planVersion() + " of the " + Letters.plan(p) + " of " + d.communityName() + " was "
                + (d.endorsed() ? "endorsed" : "sent back for changes") + " by " + Letters.person(d.decidedByEmail())
                + " on " + Letters.date(p, d.decidedAt()) + ".\n"
                + (d.endorsed() && d.leaderSchoolNumber() != null ? "Community leader's school: "
                + d.members().stream().filter(s -> s.schoolNumber().equals(d.leaderSchoolNumber())).findFirst()
                .map(s -> s.name() + " (" + s.schoolNumber() + ")").orElse(d.leaderSchoolNumber()) + "\n" : "")
                + (d.endorsed() ? (d.releasesRoles() ? "The roles were recorded with it; their funding records follow.\n"
                : "Its roles were recorded before; this endorsement adds no funding.\n") : "")
                + (d.comments() == null ? "" : "Comments: " + d.comments() + "\n")
                + "Community: " + links.community(d.communityId()) + "\n";
    }
}
