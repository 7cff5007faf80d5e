package org.schoolcollab.eoi;

import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.time.Instant;
import java.util.List;

/**
 * A new expression of interest becomes two notifications: staff are asked to review it, the contact is told it
 * arrived and what happens next. Each is recorded first and sent once; a replay finds it SENT and does nothing.
 */
public final class OnEoiSubmitted {
    public static final String TO_STAFF = "EOI_RECEIVED_STAFF";
    public static final String TO_CONTACT = "EOI_RECEIVED_CONTACT";

    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnEoiSubmitted(NotificationDelivery delivery, String staffAddress, Links links) {
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    public List<Notification> react(ExpressionOfInterest eoi) {
        Instant now = delivery.clock().instant();
        String source = Notification.aboutApplication(eoi.id());
        EoiApplication app = eoi.application();
        Notification staff = Notification.pending(source, TO_STAFF, staffAddress,
                "New expression of interest to review: " + app.communityName(), staffText(eoi), now)
                .withEoiId(eoi.id());
        Notification contact = Notification.pending(source, TO_CONTACT, app.contact().email(),
                "Expression of interest received: " + app.communityName(), contactText(eoi), now)
                .withEoiId(eoi.id());
        return List.of(delivery.deliverOnce(staff), delivery.deliverOnce(contact));
    }

    String staffText(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        StringBuilder b = new StringBuilder()
                .append("A new expression of interest is waiting for review.\n\n")
                .append("Community: ").append(app.communityName()).append('\n')
                .append("Programme: ").append(Letters.programmeName(app.programme())).append('\n');
        if (app.region() != null) {
            b.append("Region: ").append(app.region()).append('\n');
        }
        b.append("Schools (").append(app.schools().size()).append("):\n");
        for (School s : app.schools()) {
            b.append("  - ").append(s.schoolNumber()).append(' ').append(s.name())
                    .append(" (").append(Letters.words(s.type().name())).append(", roll ").append(s.roll()).append(")\n");
        }
        b.append("Total roll: ").append(app.totalRoll()).append('\n')
                .append("Submitted by: ").append(Letters.person(eoi.submittedByEmail(), "a school user")).append(" on ")
                .append(Letters.date(app.programme(), eoi.submittedAt())).append("\n\n")
                .append("Review it: ").append(links.application(eoi.id())).append('\n');
        return b.toString();
    }

    String contactText(ExpressionOfInterest eoi) {
        EoiApplication app = eoi.application();
        Programme p = app.programme();
        return Letters.greeting(p, app.contact().name())
                + "We have received the expression of interest for " + app.communityName() + " ("
                + app.schools().size() + " schools) on " + Letters.date(p, eoi.submittedAt()) + ".\n\n"
                + "What happens next: programme staff review it and email you their decision. You can follow it here:\n"
                + links.application(eoi.id()) + "\n"
                + Letters.signOff(p);
    }
}
