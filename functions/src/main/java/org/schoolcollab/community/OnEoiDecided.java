package org.schoolcollab.community;

import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.util.List;

/** A decision is told to the application's contact (approved with next steps, or declined with the reason) and recorded for staff. */
public final class OnEoiDecided {
    public static final String APPROVED_TO_CONTACT = "DECISION_APPROVED_CONTACT";
    public static final String DECLINED_TO_CONTACT = "DECISION_DECLINED_CONTACT";
    public static final String TO_STAFF = "DECISION_RECORDED_STAFF";

    private final NotificationDelivery delivery;
    private final String staffAddress;

    public OnEoiDecided(NotificationDelivery delivery, String staffAddress) {
        this.delivery = delivery;
        this.staffAddress = staffAddress;
    }

    public List<Notification> react(EoiDecision d) {
        String source = Notification.aboutApplication(d.eoiId());
        boolean approved = d.decision() == EoiDecision.Outcome.APPROVED;
        var now = delivery.clock().instant();
        Notification contact = Notification.pending(source, approved ? APPROVED_TO_CONTACT : DECLINED_TO_CONTACT,
                d.contact().email(),
                (approved ? "Approved: " : "Not approved: ") + d.communityName(), contactText(d), now)
                .withEoiId(d.eoiId()).withCommunityId(d.communityId());
        Notification staff = Notification.pending(source, TO_STAFF, staffAddress,
                "Decision recorded (" + d.decision() + "): " + d.communityName(), staffText(d), now)
                .withEoiId(d.eoiId()).withCommunityId(d.communityId());
        return List.of(delivery.deliverOnce(contact), delivery.deliverOnce(staff));
    }

    static String contactText(EoiDecision d) {
        StringBuilder b = new StringBuilder("Kia ora " + d.contact().name() + ",\n\n");
        if (d.decision() == EoiDecision.Outcome.APPROVED) {
            b.append("The expression of interest for ").append(d.communityName()).append(" has been approved")
                    .append(d.wave() == null ? "" : " in " + d.wave()).append(".\n\n")
                    .append("Your community id is ").append(d.communityId()).append(".\n\n")
                    .append("Next steps:\n")
                    .append("  1. Agree your achievement challenges with every school board.\n")
                    .append("  2. Upload your plan for the community at /communities/").append(d.communityId()).append("/plans.\n")
                    .append("  3. Programme staff review it; endorsement releases the community's resources.\n");
        } else {
            b.append("The expression of interest for ").append(d.communityName()).append(" was not approved.\n\n")
                    .append("Reason: ").append(d.reason()).append("\n\n")
                    .append("Your schools are free to apply again.\n");
        }
        b.append("\nReference: ").append(d.eoiId()).append('\n');
        return b.toString();
    }

    static String staffText(EoiDecision d) {
        return "Decision: " + d.decision() + "\n"
                + "Community: " + d.communityName() + " (" + d.programme().id() + ", " + d.schools().size() + " schools)\n"
                + (d.wave() == null ? "" : "Wave: " + d.wave() + "\n")
                + (d.reason() == null ? "" : "Reason: " + d.reason() + "\n")
                + (d.communityId() == null ? "" : "Community id: " + d.communityId() + "\n")
                + "Decided by: " + d.decidedBySub() + " at " + d.decidedAt() + "\n"
                + "Application: /expressions-of-interest/" + d.eoiId() + "\n";
    }
}
