package org.schoolcollab.funding;

import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.kernel.School;
import org.schoolcollab.notify.Letters;
import org.schoolcollab.notify.Links;
import org.schoolcollab.notify.Notification;
import org.schoolcollab.notify.NotificationDelivery;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reaction to a community's roles being recorded (with its endorsement, or by staff afterwards): the roles and
 * inquiry hours are released from the programme's policy, one funding record per role and payee keyed by the role,
 * so a replay adds nothing; then the community's contact and staff are told what was released, with counts and
 * amounts. The record was checked when it was written, so the release does not stall on a missing setting.
 */
public final class OnRolesRecorded {
    public static final String TO_CONTACT = "ROLES_RELEASED_CONTACT";
    public static final String TO_STAFF = "ROLES_RELEASED_STAFF";
    private static final List<FundingKind> SUMMARY_ORDER = List.of(FundingKind.COMMUNITY_LEADER_ROLE,
            FundingKind.ACROSS_SCHOOL_TEACHER_ROLE, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE,
            FundingKind.ROLE_INDUCTION_AND_NETWORKING, FundingKind.INQUIRY_HOURS);

    private final FundingPolicies policies;
    private final FundingStore funding;
    private final NotificationDelivery delivery;
    private final String staffAddress;
    private final Links links;

    public OnRolesRecorded(FundingPolicies policies, FundingStore funding, NotificationDelivery delivery,
                           String staffAddress, Links links) {
        this.policies = policies;
        this.funding = funding;
        this.delivery = delivery;
        this.staffAddress = staffAddress;
        this.links = links;
    }

    /** Returns how many funding records this call stored (0 on a replay). */
    public int react(RolesRecorded roles) {
        FundingPolicy policy = policies.forProgramme(roles.programme().id());
        List<ReleasedRole> released = RoleFunding.forEndorsement(policy, roles.endorsed(), roles.allocation());
        Map<String, String> recorded = new LinkedHashMap<>();
        recorded.put("planId", roles.planId());
        recorded.put("recordedBy", Letters.person(roles.recordedByEmail()));
        recorded.put("recordedBySub", roles.recordedBySub());
        recorded.put("recordedAt", roles.recordedAt().toString());
        roles.allocation().ifPresent(a -> recorded.put("allocation", describe(a)));
        int stored = 0;
        for (ReleasedRole role : released) {
            if (funding.recordIfAbsent(FundingRecord.role(roles.communityId(), roles.programme().id(), role.key(),
                    role.line().withInputs(recorded), roles.recordedAt()))) {
                stored++;
            }
        }
        String summary = summary(roles, released);
        Programme p = roles.programme();
        String basis = roles.allocation().isPresent() ? "the allocation" : "the funding policy's count, as";
        String source = Notification.aboutCommunity(roles.communityId());
        var now = delivery.clock().instant();
        delivery.deliverOnce(Notification.pending(source, TO_CONTACT, roles.contact().email(),
                "Roles and inquiry time released: " + roles.communityName(),
                Letters.greeting(p, roles.contact().name()) + "The roles of " + roles.communityName()
                        + " have been released, from " + basis + " programme staff recorded on "
                        + Letters.date(p, roles.recordedAt()) + ":\n\n" + summary
                        + "\nEach role, the school that employs it and its amounts are listed with the "
                        + Letters.community(p) + "'s funding on its page:\n" + links.community(roles.communityId()) + "\n"
                        + Letters.signOff(p), now).withCommunityId(roles.communityId()));
        delivery.deliverOnce(Notification.pending(source, TO_STAFF, staffAddress,
                "Roles released: " + roles.communityName(),
                // every record of the release, stored now or by an earlier try whose mail failed: not just this call's
                "The roles of " + roles.communityName() + " were released (" + released.size() + " funding records), "
                        + "from " + basis + " recorded by " + Letters.person(roles.recordedByEmail()) + " on "
                        + Letters.date(p, roles.recordedAt()) + ":\n\n" + summary + "\nCommunity: "
                        + links.community(roles.communityId()) + "\n", now).withCommunityId(roles.communityId()));
        return stored;
    }

    /** The release in lines people read: each kind with its count, what each gets and the total. */
    static String summary(RolesRecorded roles, List<ReleasedRole> released) {
        StringBuilder b = new StringBuilder();
        Map<FundingKind, List<FundingLine>> byKind = new LinkedHashMap<>(); // the roles, their money, then time
        for (FundingKind kind : SUMMARY_ORDER) {
            List<FundingLine> lines = released.stream().map(ReleasedRole::line).filter(l -> l.kind() == kind).toList();
            if (!lines.isEmpty()) {
                byKind.put(kind, lines);
            }
        }
        byKind.forEach((kind, lines) -> {
            int n = lines.size();
            switch (kind) {
                case COMMUNITY_LEADER_ROLE -> b.append("- ").append(Letters.count(n, "community leader role", "community leader roles"))
                        .append(", employed by ").append(school(roles, lines.getFirst().recipientSchoolNumber()))
                        .append(": an allowance of ").append(money(lines.getFirst().amount())).append(" a year")
                        .append(release(lines)).append('\n');
                case ACROSS_SCHOOL_TEACHER_ROLE -> b.append("- ").append(Letters.count(n, "across-school teacher role",
                        "across-school teacher roles")).append(each(lines)).append('\n');
                case WITHIN_SCHOOL_TEACHER_ROLE -> b.append("- ").append(Letters.count(n, "within-school teacher role",
                        "within-school teacher roles")).append(each(lines)).append('\n');
                case ROLE_INDUCTION_AND_NETWORKING -> b.append("- induction and networking money for each role, ")
                        .append(money(FundingLine.total(lines))).append(" in all, to the employing boards\n");
                case INQUIRY_HOURS -> b.append("- teacher inquiry time for ")
                        .append(Letters.count(n, "member school", "member schools")).append(": ")
                        .append(lines.stream().map(l -> school(roles, l.recipientSchoolNumber()) + " "
                                + l.quantity().stripTrailingZeros().toPlainString() + " hours")
                                .collect(Collectors.joining(", "))).append(" a year\n");
                default -> b.append("- ").append(Letters.count(n, Letters.words(kind.name()) + " record",
                        Letters.words(kind.name()) + " records")).append('\n');
            }
        });
        if (byKind.isEmpty()) {
            b.append("- nothing: the programme's policy releases no roles or inquiry time\n");
        }
        return b.toString();
    }

    private static String each(List<FundingLine> lines) {
        if (lines.isEmpty()) {
            return "";
        }
        return ": an allowance of " + money(lines.getFirst().amount()) + " a year each" + release(lines);
    }

    private static String release(List<FundingLine> lines) {
        BigDecimal ftte = lines.getFirst().quantity();
        return ftte == null ? "" : ", with " + ftte.stripTrailingZeros().toPlainString()
                + " FTTE of release time each to the employing board";
    }

    private static String money(Money m) {
        return Letters.money(m);
    }

    private static String school(RolesRecorded roles, String number) {
        return roles.members().stream().filter(s -> s.schoolNumber().equals(number)).findFirst()
                .map(School::name).map(n -> n + " (" + number + ")").orElse("school " + number);
    }

    /** The allocation as entered, for the records: "acrossSchool 1234:2; withinSchool 1234:5,5678:3; merged 0". */
    static String describe(RoleAllocation a) {
        return "acrossSchool " + roles(a.acrossSchool()) + "; withinSchool " + roles(a.withinSchool())
                + "; mergedForExtraAcrossSchool " + a.mergedForExtraAcrossSchool();
    }

    private static String roles(List<RoleAllocation.SchoolRoles> list) {
        return list.isEmpty() ? "none" : list.stream().map(s -> s.schoolNumber() + ":" + s.roles())
                .collect(Collectors.joining(","));
    }
}
