package org.schoolcollab.eoi;

import org.schoolcollab.kernel.School;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.time.Clock;
import java.util.List;

/**
 * A new expression of interest becomes two notifications: staff are asked to review it, the contact is told it
 * arrived. Each is recorded first and sent once; a replay finds it SENT and does nothing.
 */
public final class OnEoiSubmitted {
    public static final String TO_STAFF = "EOI_RECEIVED_STAFF";
    public static final String TO_CONTACT = "EOI_RECEIVED_CONTACT";

    private final NotificationDelivery delivery;
    private final String staffAddress;

    public OnEoiSubmitted(NotificationDelivery delivery, String staffAddress) {
        this.delivery = delivery;
        this.staffAddress = staffAddress;
    }

    public List<Notification> react(ExpressionOfInterest eoi) {
        Clock clock = delivery.clock();
        String source = Notification.aboutApplication(eoi.id());
        EoiApplication app = eoi.application();
        Notification staff = Notification.pending(source, TO_STAFF, staffAddress,
                "New expression of interest to review: " + app.communityName(), staffText(eoi), clock.instant())
                .withEoiId(eoi.id());
        Notification contact = Notification.pending(source, TO_CONTACT, app.contact().email(),
                "Expression of interest received: " + app.communityName(), contactText(eoi), clock.instant())
                .withEoiId(eoi.id());
        return List.of(delivery.deliverOnce(staff), delivery.deliverOnce(contact));
    }

    static String staffText(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        StringBuilder b = new StringBuilder()
                .append("A new expression of interest is waiting for review.\n\n")
                .append("Community: ").append(app.communityName()).append('\n')
                .append("Programme: ").append(app.programme().id()).append('\n');
        if (app.region() != null) {
            b.append("Region: ").append(app.region()).append('\n');
        }
        b.append("Schools (").append(app.schools().size()).append("):\n");
        for (School s : app.schools()) {
            b.append("  - ").append(s.schoolNumber()).append(' ').append(s.name())
                    .append(" (").append(s.type()).append(", roll ").append(s.roll()).append(")\n");
        }
        b.append("Total roll: ").append(app.totalRoll()).append('\n')
                .append("Reference: ").append(eoi.id()).append('\n')
                .append("Review it at: /expressions-of-interest/").append(eoi.id()).append('\n');
        return b.toString();
    }

    static String contactText(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        return "Kia ora " + app.contact().name() + ",\n\n"
                + "We have received the expression of interest for " + app.communityName() + " ("
                + app.schools().size() + " schools).\n"
                + "Your reference is " + eoi.id() + ".\n\n"
                + "Programme staff will review it and let you know their decision.\n";
    }
}
