package org.schoolcollab.funding;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reaction to the yearly schedule: for each programme that pays a maintenance allowance, each member school of every
 * community formed in an earlier school year, and not closed, receives the allowance for the school year the
 * schedule fired in. Keyed by school and year, so a retried or repeated run pays nothing twice; a community formed
 * this year has had its formation allowance and gets nothing yet.
 */
public final class OnSchoolYearStarted {
    public static final String TO_CONTACT = "MAINTENANCE_ALLOWANCE_CONTACT";
    public static final String TO_STAFF = "MAINTENANCE_ALLOWANCE_STAFF";

    private final FundingPolicies policies;
    private final FundingStore funding;
    private final CommunityService communities;
    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnSchoolYearStarted(FundingPolicies policies, FundingStore funding, CommunityService communities,
                               NotificationDelivery delivery, String staffAddress, Links links) {
        this.policies = policies;
        this.funding = funding;
        this.communities = communities;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    /** What one run recorded, per programme that pays the allowance. */
    public record Run(Programme programme, int schoolYear, int communities, int recordsStored) {}

    public List<Run> react(Instant firedAt) {
        List<Run> runs = new ArrayList<>();
        for (Programme p : Programme.values()) {
            FundingPolicy policy = policies.forProgramme(p.id());
            if (MaintenanceAllowance.appliesTo(policy)) {
                runs.add(pay(p, policy, p.schoolYear(firedAt), firedAt));
            }
        }
        return runs;
    }

    private Run pay(Programme p, FundingPolicy policy, int year, Instant at) {
        String source = MaintenanceAllowance.SOURCE_PREFIX + year;
        int stored = 0;
        Map<Community, List<FundingLine>> paid = new LinkedHashMap<>();
        // Every school is paid before anyone is told, so a mail that fails delays no payment.
        for (Community c : communities.open(p)) {
            if (p.schoolYear(c.formedAt()) >= year) {
                continue; // formed this school year: the formation allowance only
            }
            List<FundingLine> lines = MaintenanceAllowance.forYear(policy, c.members().stream().map(MemberSchool::of).toList(), year);
            for (FundingLine line : lines) {
                if (funding.recordIfAbsent(new FundingRecord(c.id(), p.id(), source, line, at, year))) {
                    stored++;
                }
            }
            if (!lines.isEmpty()) {
                paid.put(c, lines);
            }
        }
        var now = delivery.clock().instant();
        List<RuntimeException> failed = new ArrayList<>();
        paid.forEach((c, lines) -> {
            Money each = lines.getFirst().amount();
            Money sum = FundingLine.total(lines);
            try {
                delivery.deliverOnce(Notification.pending(Notification.aboutCommunity(c.id()), TO_CONTACT + "#" + year,
                        c.contact().email(), "Maintenance allowance for " + year + ": " + c.name(),
                        Letters.greeting(p, c.contact().name()) + "The maintenance allowance of " + c.name() + " for the "
                                + year + " school year has been recorded: " + Letters.money(each) + " for each of its "
                                + Letters.count(lines.size(), "member school", "member schools") + ", "
                                + Letters.money(sum) + " in all, paid to each school's board.\n\n"
                                + "It is listed with the " + Letters.community(p) + "'s funding on its page:\n"
                                + links.community(c.id()) + "\n" + Letters.signOff(p), now).withCommunityId(c.id()));
            } catch (RuntimeException e) {
                failed.add(e); // the others are still told; the run fails at the end, and its retry sends only this one
            }
        });
        if (!paid.isEmpty()) {
            Money total = FundingLine.total(paid.values().stream().flatMap(List::stream).toList());
            delivery.deliverOnce(Notification.pending("PROGRAMME#" + p.id(), TO_STAFF + "#" + year, staffAddress,
                    "Maintenance allowance " + year + " recorded (" + Letters.programmeName(p) + ")",
                    "The " + year + " maintenance allowance was recorded for "
                            + Letters.count(paid.size(), "community", "communities") + " formed before " + year
                            + ", " + Letters.money(total) + " in all.\n"
                            + "Finance can export the year's records from the staff console: " + links.fundingReport()
                            + "\n", now));
        }
        if (!failed.isEmpty()) {
            IllegalStateException e = new IllegalStateException(failed.size() + " of " + paid.size()
                    + " communities could not be told of the " + year + " allowance (recorded all the same)");
            failed.forEach(e::addSuppressed);
            throw e;
        }
        return new Run(p, year, paid.size(), stored);
    }
}
