package org.schoolcollab.community;

import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.util.List;

/**
 * A decision is told to the application's contact (approved, with the programme's next steps; or declined, with the
 * reason) and recorded for staff. Each notification is keyed by the application, so a replay sends nothing twice.
 */
public final class OnEoiDecided {
    public static final String APPROVED_TO_CONTACT = "DECISION_APPROVED_CONTACT";
    public static final String DECLINED_TO_CONTACT = "DECISION_DECLINED_CONTACT";
    public static final String TO_STAFF = "DECISION_RECORDED_STAFF";

    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnEoiDecided(NotificationDelivery delivery, String staffAddress, Links links) {
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    public List<Notification> react(EoiDecision d) {
        String source = Notification.aboutApplication(d.eoiId());
        boolean approved = d.approved();
        var now = delivery.clock().instant();
        Notification contact = Notification.pending(source, approved ? APPROVED_TO_CONTACT : DECLINED_TO_CONTACT,
                d.contact().email(),
                (approved ? "Approved: " : "Not approved: ") + d.communityName(), contactText(d), now)
                .withEoiId(d.eoiId()).withCommunityId(d.communityId());
        Notification staff = Notification.pending(source, TO_STAFF, staffAddress,
                "Decision recorded (" + (approved ? "approved" : "declined") + "): " + d.communityName(), staffText(d), now)
                .withEoiId(d.eoiId()).withCommunityId(d.communityId());
        return List.of(delivery.deliverOnce(contact), delivery.deliverOnce(staff));
    }

    String contactText(EoiDecision d) {
        Programme p = d.programme();
        StringBuilder b = new StringBuilder(Letters.greeting(p, d.contact().name()));
        if (d.approved() && p == Programme.KAHUI_AKO) {
            b.append("The expression of interest for ").append(d.communityName()).append(" has been approved")
                    .append(d.wave() == null ? "" : " in " + d.wave()).append(", on ")
                    .append(Letters.date(p, d.decidedAt())).append(".\n\n")
                    .append("What happens next:\n")
                    .append("  1. Each member school's formation allowance is recorded in the next few moments; you can\n")
                    .append("     see it under Funding on the Kāhui Ako's page.\n")
                    .append("  2. Agree your achievement challenges (3 to 5) with every school board.\n")
                    .append("  3. Upload your plan on the Kāhui Ako's page.\n")
                    .append("  4. Programme staff review it; its endorsement releases the community's roles and teacher\n")
                    .append("     inquiry time.\n\n")
                    .append("Your Kāhui Ako's page: ").append(links.community(d.communityId())).append('\n');
        } else if (d.approved()) {
            b.append("The registration of ").append(d.communityName()).append(" as an improvement cluster has been approved")
                    .append(d.wave() == null ? "" : " in " + d.wave()).append(", on ")
                    .append(Letters.date(p, d.decidedAt())).append(".\n\n")
                    .append("What happens next:\n")
                    .append("  1. Agree the cluster's priorities with each head teacher and governing board.\n")
                    .append("  2. Upload your action plan on the cluster's page.\n")
                    .append("  3. The School Improvement Board reviews it with you at challenge visits.\n\n")
                    .append("Your cluster's page: ").append(links.community(d.communityId())).append('\n');
        } else {
            b.append("The ").append(p == Programme.KAHUI_AKO ? "expression of interest" : "registration").append(" for ")
                    .append(d.communityName()).append(" was not approved.\n\n")
                    .append("Reason: ").append(d.reason()).append("\n\n")
                    .append("Your schools are free to apply again. The application: ")
                    .append(links.application(d.eoiId())).append('\n');
        }
        return b.append(Letters.signOff(p)).toString();
    }

    String staffText(EoiDecision d) {
        Programme p = d.programme();
        return "Decision: " + (d.approved() ? "approved" : "declined") + "\n"
                + "Community: " + d.communityName() + " (" + Letters.programmeName(p) + ", " + d.schools().size()
                + " schools)\n"
                + (d.wave() == null ? "" : "Wave: " + d.wave() + "\n")
                + (d.reason() == null ? "" : "Reason: " + d.reason() + "\n")
                + "Decided by: " + Letters.person(d.decidedByEmail()) + " on " + Letters.date(p, d.decidedAt()) + "\n"
                + "Application: " + links.application(d.eoiId()) + "\n"
                + (d.communityId() == null ? "" : "Community: " + links.community(d.communityId()) + "\n");
    }
}
