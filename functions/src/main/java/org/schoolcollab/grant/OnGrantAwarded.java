package org.schoolcollab.grant;

import org.schoolcollab.funding.FundingKind;
import org.schoolcollab.funding.FundingLine;
import org.schoolcollab.funding.FundingPolicies;
import org.schoolcollab.funding.FundingPolicy;
import org.schoolcollab.funding.FundingRecord;
import org.schoolcollab.funding.FundingStore;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
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
    private final Links links;

    public OnGrantAwarded(FundingPolicies policies, FundingStore funding, NotificationDelivery delivery, String staffAddress,
                          Links links) {
        this.policies = policies;
        this.funding = funding;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    public void react(Grant g) {
        FundingPolicy policy = policies.forProgramme(g.programme().id());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("grantId", g.id());
        inputs.put("purpose", g.purpose());
        inputs.put("amount", g.amount().value());
        inputs.put("currency", g.amount().currency());
        inputs.put("awardedBy", g.awardedBySub());
        inputs.put("awardedByEmail", g.awardedByEmail());
        if (g.description() != null) {
            inputs.put("description", g.description());
        }
        FundingLine line = new FundingLine(FundingKind.GRANT, null, g.amount(), null, null, "ON_AWARD",
                policy.policyId(), policy.version(), inputs);
        funding.recordIfAbsent(new FundingRecord(g.communityId(), g.programme().id(), g.id(), line, g.awardedAt()));

        String source = Notification.aboutCommunity(g.communityId());
        var now = delivery.clock().instant();
        Programme p = g.programme();
        String purpose = Letters.words(g.purpose());
        String what = Letters.article(purpose) + " " + purpose + " grant of " + Letters.money(g.amount());
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT + "#" + g.id(), g.contact().email(),
                "Grant awarded: " + g.communityName(), Letters.greeting(p, g.contact().name())
                        + capitalised(what) + " has been awarded to " + g.communityName() + " on "
                        + Letters.date(p, g.awardedAt()) + ".\n"
                        + (g.description() == null ? "" : "\n" + g.description() + "\n")
                        + "\nYou can see it with the " + Letters.community(p) + "'s funding on its page:\n"
                        + links.community(g.communityId()) + "\n" + Letters.signOff(p), now)
                .withCommunityId(g.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF + "#" + g.id(), staffAddress,
                "Grant recorded: " + g.communityName() + " (" + Letters.money(g.amount()) + ")",
                capitalised(what) + " was recorded for " + g.communityName() + " (" + Letters.programmeName(p) + ").\n"
                        + "Awarded by: " + Letters.person(g.awardedByEmail()) + " on " + Letters.date(p, g.awardedAt()) + "\n"
                        + "Community: " + links.community(g.communityId()) + "\n", now)
                .withCommunityId(g.communityId()));
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
