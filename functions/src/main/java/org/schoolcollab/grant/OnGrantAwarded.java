package org.schoolcollab.grant;

import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reaction to a grant record: its funding record, then the contact and staff told. Each step is keyed by the
 * grant, so a replay stores and sends nothing twice.
 */
public final class OnGrantAwarded {
    public static final String TO_CONTACT = "GRANT_AWARDED_CONTACT";
    public static final String TO_STAFF = "GRANT_AWARDED_STAFF";

    private final FundingPolicies policies;
    private final FundingStore funding;
    private final NotificationDelivery delivery;
    private final String staffAddress;

    public OnGrantAwarded(FundingPolicies policies, FundingStore funding, NotificationDelivery delivery, String staffAddress) {
        this.policies = policies;
        this.funding = funding;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
    }

    public void react(Grant g) {
        FundingPolicy policy = policies.forProgramme(g.programme().id());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("grantId", g.id());
        inputs.put("purpose", g.purpose());
        inputs.put("amount", g.amount().value());
        inputs.put("currency", g.amount().currency());
        inputs.put("awardedBy", g.awardedBySub());
        FundingLine line = new FundingLine(FundingKind.GRANT, null, g.amount(), null, null, "ON_AWARD",
                policy.policyId(), policy.version(), inputs);
        funding.recordIfAbsent(new FundingRecord(g.communityId(), g.programme().id(), g.id(), line, g.awardedAt()));

        String source = Notification.aboutCommunity(g.communityId());
        var now = delivery.clock().instant();
        String what = g.purpose().replace('_', ' ').toLowerCase() + " grant of " + g.amount();
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT + "#" + g.id(), g.contact().email(),
                "Grant awarded: " + g.communityName(), "Kia ora " + g.contact().name() + ",\n\n"
                        + "A " + what + " has been awarded to " + g.communityName() + ".\n"
                        + (g.description() == null ? "" : "\n" + g.description() + "\n")
                        + "\nYou can see it with the community's funding at /communities/" + g.communityId() + "/funding.\n"
                        + "Reference: " + g.id() + "\n", now).withCommunityId(g.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF + "#" + g.id(), staffAddress,
                "Grant recorded: " + g.communityName() + " (" + g.amount() + ")",
                "A " + what + " was recorded for " + g.communityName() + " (" + g.programme().id() + ").\n"
                        + "Awarded by: " + g.awardedBySub() + " at " + g.awardedAt() + "\n"
                        + "Community: /communities/" + g.communityId() + "\nGrant: " + g.id() + "\n", now)
                .withCommunityId(g.communityId()));
    }
}
