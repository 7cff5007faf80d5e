package org.schoolcollab.visit;

import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

/**
 * Reaction to a visit record: the cluster's contact told the outcome (changes required: what to change, and to
 * upload a new version of the action plan), and staff told it was recorded. Each notification is keyed by the visit,
 * so a replay sends nothing twice.
 */
public final class OnChallengeVisitRecorded {
    public static final String TO_CONTACT = "CHALLENGE_VISIT_CONTACT";
    public static final String TO_STAFF = "CHALLENGE_VISIT_STAFF";

    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnChallengeVisitRecorded(NotificationDelivery delivery, String staffAddress, Links links) {
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    public void react(ChallengeVisit v) {
        String source = Notification.aboutCommunity(v.communityId());
        var now = delivery.clock().instant();
        Programme p = v.programme();
        String day = Letters.date(v.visitDate());
        String reviewed = "the challenge visit on " + day + " reviewed version " + v.planVersion() + " of the action plan";
        String notes = v.notes() == null ? "" : "\nNotes from the visit:\n" + v.notes() + "\n";
        String page = links.community(v.communityId());
        String subject;
        String body;
        if (v.outcome() == VisitOutcome.ON_TRACK) {
            subject = "Challenge visit: " + v.communityName() + " is on track";
            body = Letters.greeting(p, v.contact().name())
                    + "At " + v.communityName() + ", " + reviewed + ": the plan is on track.\n" + notes
                    + "\nThe cluster's visits are on its page:\n" + page + "\n" + Letters.signOff(p);
        } else {
            subject = "Challenge visit: changes required to " + v.communityName() + "'s action plan";
            body = Letters.greeting(p, v.contact().name())
                    + "At " + v.communityName() + ", " + reviewed + ": changes are required.\n" + notes
                    + "\nWhat to do next: agree the changes with the head teachers, then upload the new version of the "
                    + "action plan on the cluster's page:\n" + page + "\n" + Letters.signOff(p);
        }
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT + "#" + v.id(), v.contact().email(), subject, body,
                now).withCommunityId(v.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF + "#" + v.id(), staffAddress,
                "Challenge visit recorded: " + v.communityName() + " ("
                        + (v.outcome() == VisitOutcome.ON_TRACK ? "on track" : "changes required") + ")",
                "A challenge visit to " + v.communityName() + " on " + day + " was recorded: "
                        + Letters.words(v.outcome().name()) + ", action plan version " + v.planVersion() + ".\n" + notes
                        + "\nRecorded by: " + Letters.person(v.recordedByEmail()) + " on " + Letters.date(p, v.recordedAt()) + "\n"
                        + "Cluster: " + page + "\n", now).withCommunityId(v.communityId()));
    }
}
