package org.schoolcollab.visit;

import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

/**
 * Reaction to a visit record: the cluster's contact told the outcome (changes required: what to change, and to
 * upload a new plan version), and staff told it was recorded. Each notification is keyed by the visit, so a
 * replay sends nothing twice.
 */
public final class OnChallengeVisitRecorded {
    public static final String TO_CONTACT = "CHALLENGE_VISIT_CONTACT";
    public static final String TO_STAFF = "CHALLENGE_VISIT_STAFF";

    private final NotificationDelivery delivery;
    private final String staffAddress;

    public OnChallengeVisitRecorded(NotificationDelivery delivery, String staffAddress) {
        this.delivery = delivery;
        this.staffAddress = staffAddress;
    }

    public void react(ChallengeVisit v) {
        String source = Notification.aboutCommunity(v.communityId());
        var now = delivery.clock().instant();
        String reviewed = "the challenge visit on " + v.visitDate() + " reviewed version " + v.planVersion()
                + " of the action plan";
        String notes = v.notes() == null ? "" : "\nNotes from the visit:\n" + v.notes() + "\n";
        String subject;
        String body;
        if (v.outcome() == VisitOutcome.ON_TRACK) {
            subject = "Challenge visit: " + v.communityName() + " is on track";
            body = "Hello " + v.contact().name() + ",\n\n"
                    + "At " + v.communityName() + ", " + reviewed + ": the plan is on track.\n" + notes
                    + "\nYou can see the community's visits at /communities/" + v.communityId() + ".\n"
                    + "Reference: " + v.id() + "\n";
        } else {
            subject = "Challenge visit: changes required to " + v.communityName() + "'s action plan";
            body = "Hello " + v.contact().name() + ",\n\n"
                    + "At " + v.communityName() + ", " + reviewed + ": changes are required.\n" + notes
                    + "\nPlease upload a new version of the action plan with the changes at POST /communities/"
                    + v.communityId() + "/plans.\n"
                    + "You can see the community's visits at /communities/" + v.communityId() + ".\n"
                    + "Reference: " + v.id() + "\n";
        }
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT + "#" + v.id(), v.contact().email(), subject, body,
                now).withCommunityId(v.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF + "#" + v.id(), staffAddress,
                "Challenge visit recorded: " + v.communityName() + " (" + v.outcome() + ")",
                "A challenge visit to " + v.communityName() + " (" + v.programme().id() + ") on " + v.visitDate()
                        + " was recorded: " + v.outcome() + ", plan version " + v.planVersion() + ".\n" + notes
                        + "\nRecorded by: " + v.recordedBySub() + " at " + v.recordedAt() + "\n"
                        + "Community: /communities/" + v.communityId() + "\nPlan: " + v.planId() + "\nVisit: " + v.id()
                        + "\n", now).withCommunityId(v.communityId()));
    }
}
