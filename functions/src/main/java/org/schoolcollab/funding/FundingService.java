package org.schoolcollab.funding;

import org.schoolcollab.community.Community;
import org.schoolcollab.community.CommunityService;
import org.schoolcollab.community.CommunityStatus;
import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.Programme;
import org.schoolcollab.notify.Letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.schoolcollab.funding.CommunityFunding.Part;
import static org.schoolcollab.funding.CommunityFunding.State;
import static org.schoolcollab.funding.CommunityFunding.Status;

/**
 * A community's funding: where each kind stands, in words, its records, and their totals by kind and currency, by
 * school year, and by units of time; the released roles counted.
 */
public final class FundingService {
    private final CommunityService communities;
    private final FundingStore store;
    private final RolesStore roles;
    private final FundingPolicies policies;

    public FundingService(CommunityService communities, FundingStore store, RolesStore roles, FundingPolicies policies) {
        this.communities = communities;
        this.store = store;
        this.roles = roles;
        this.policies = policies;
    }

    /** Members' schools and staff only: the community check answers 404 to anyone else. */
    public CommunityFunding forCommunity(Actor actor, String communityId) {
        Community community = communities.get(actor, communityId);
        List<FundingRecord> records = store.forCommunity(community.id());
        Map<String, CommunityFunding.MoneyTotal> money = new TreeMap<>();
        Map<String, CommunityFunding.YearTotal> years = new TreeMap<>();
        Map<String, CommunityFunding.TimeTotal> time = new TreeMap<>();
        for (FundingRecord r : records) {
            FundingLine line = r.line();
            if (line.amount() != null) {
                money.merge(line.kind() + "|" + line.amount().currency(),
                        new CommunityFunding.MoneyTotal(line.kind(), line.amount()),
                        (a, b) -> new CommunityFunding.MoneyTotal(a.kind(), a.total().plus(b.total())));
                years.merge(r.year() + "|" + line.kind() + "|" + line.amount().currency(),
                        new CommunityFunding.YearTotal(r.year(), line.kind(), line.amount()),
                        (a, b) -> new CommunityFunding.YearTotal(a.year(), a.kind(), a.total().plus(b.total())));
            }
            if (line.quantity() != null) {
                time.merge(line.kind() + "|" + line.units(),
                        new CommunityFunding.TimeTotal(line.kind(), line.units(), line.quantity()),
                        (a, b) -> new CommunityFunding.TimeTotal(a.kind(), a.units(), a.quantity().add(b.quantity())));
            }
        }
        CommunityFunding.RoleCounts counts = new CommunityFunding.RoleCounts(count(records, FundingKind.COMMUNITY_LEADER_ROLE),
                count(records, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE), count(records, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE));
        return new CommunityFunding(community, status(community, records, counts), records,
                new ArrayList<>(money.values()), new ArrayList<>(years.values()), new ArrayList<>(time.values()), counts);
    }

    private List<Status> status(Community c, List<FundingRecord> records, CommunityFunding.RoleCounts counts) {
        FundingPolicy policy = policies.forProgramme(c.programme().id());
        Programme p = c.programme();
        String community = Letters.community(p);
        List<Status> out = new ArrayList<>();
        if (policy.formationAllowancePerSchool().isPresent()) {
            List<FundingRecord> formation = of(records, FundingKind.FORMATION_ALLOWANCE);
            out.add(formation.isEmpty()
                    ? new Status(Part.FORMATION_ALLOWANCE, State.RELEASING, "The formation allowance is being recorded "
                    + "for each member school, following the approval; it appears here in a moment.")
                    : new Status(Part.FORMATION_ALLOWANCE, State.RELEASED, "The formation allowance was recorded on "
                    + Letters.date(p, formation.getFirst().createdAt()) + ": " + Letters.money(formation.getFirst().line().amount())
                    + " for each of " + Letters.count(formation.size(), "member school", "member schools") + "."));
        }
        boolean rolesApply = RoleFunding.rolesApply(policy);
        boolean inquiryApplies = InquiryHours.appliesTo(policy);
        if (rolesApply || inquiryApplies) {
            List<FundingRecord> hours = of(records, FundingKind.INQUIRY_HOURS);
            boolean released = counts.communityLeader() > 0 || !hours.isEmpty();
            // The roles record is read only while the records do not settle the state already (most reads).
            Optional<RolesRecorded> recorded = released ? Optional.empty() : roles.find(c.id());
            State state;
            if (released) {
                state = State.RELEASED;
            } else if (recorded.isPresent()) {
                state = State.RELEASING;
            } else if (c.status() == CommunityStatus.ENDORSED) {
                state = State.AWAITING_ALLOCATION;
            } else {
                state = State.NOT_YET;
            }
            if (rolesApply) {
                out.add(new Status(Part.ROLES, state, switch (state) {
                    case RELEASED -> "Released on " + Letters.date(p, of(records, FundingKind.COMMUNITY_LEADER_ROLE).stream()
                            .findFirst().map(FundingRecord::createdAt).orElse(hours.getFirst().createdAt())) + ": "
                            + Letters.count(counts.communityLeader(), "community leader role", "community leader roles") + ", "
                            + Letters.count(counts.acrossSchool(), "across-school teacher role", "across-school teacher roles")
                            + " and " + Letters.count(counts.withinSchool(), "within-school teacher role",
                            "within-school teacher roles") + ".";
                    case RELEASING -> "The roles were recorded on " + Letters.date(p, recorded.orElseThrow().recordedAt())
                            + "; their funding records are being made and appear here in a moment.";
                    case AWAITING_ALLOCATION -> "The plan was endorsed. Programme staff are recording the roles the "
                            + "Ministry's staffing system generated for each member school; the roles are released then.";
                    case NOT_YET -> "The roles are released when the " + community + "'s " + Letters.plan(p)
                            + " is endorsed.";
                }));
            }
            if (inquiryApplies) {
                out.add(new Status(Part.INQUIRY_HOURS, state, switch (state) {
                    case RELEASED -> hours.isEmpty() ? "No member school is eligible for teacher inquiry time (only state "
                            + "and state-integrated schools are)." : "Teacher inquiry time was released for "
                            + Letters.count(hours.size(), "member school", "member schools") + ": "
                            + hours.stream().map(h -> h.line().quantity()).reduce(java.math.BigDecimal::add).orElseThrow()
                            .stripTrailingZeros().toPlainString() + " hours a year in all.";
                    case RELEASING -> "Teacher inquiry time is being recorded with the roles.";
                    case AWAITING_ALLOCATION -> "Teacher inquiry time is released with the roles, once programme staff "
                            + "have recorded them.";
                    case NOT_YET -> "Teacher inquiry time is released with the roles, when the " + Letters.plan(p)
                            + " is endorsed.";
                }));
            }
        }
        if (MaintenanceAllowance.appliesTo(policy)) {
            List<FundingRecord> paid = of(records, FundingKind.MAINTENANCE_ALLOWANCE);
            int firstYear = p.schoolYear(c.formedAt()) + 1;
            out.add(paid.isEmpty()
                    ? new Status(Part.MAINTENANCE_ALLOWANCE, State.NOT_YET, "The maintenance allowance is paid to each "
                    + "member school at the start of every school year after the one the " + community
                    + " was formed in: first for " + firstYear + ".")
                    : new Status(Part.MAINTENANCE_ALLOWANCE, State.RELEASED, "The maintenance allowance was recorded for "
                    + paid.stream().map(FundingRecord::year).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + "; it is paid again at the start of each "
                    + "school year."));
        }
        if (!policy.grantPurposes().isEmpty()) {
            List<FundingRecord> grants = of(records, FundingKind.GRANT);
            out.add(grants.isEmpty()
                    ? new Status(Part.GRANTS, State.NOT_YET, "No grant has been awarded yet; programme staff award "
                    + "grants for a purpose, such as " + Letters.words(policy.grantPurposes().getFirst()) + ".")
                    : new Status(Part.GRANTS, State.RELEASED, Letters.count(grants.size(), "grant", "grants")
                    + " awarded, " + inAll(grants) + " in all."));
        }
        return out;
    }

    /** The records' money, a sum per currency (never added across currencies): "£14,500.50 and €100.00". */
    private static String inAll(List<FundingRecord> records) {
        Map<String, Money> byCurrency = new TreeMap<>();
        records.forEach(r -> byCurrency.merge(r.line().amount().currency(), r.line().amount(), Money::plus));
        return byCurrency.values().stream().map(Letters::money).collect(Collectors.joining(" and "));
    }

    private static List<FundingRecord> of(List<FundingRecord> records, FundingKind kind) {
        return records.stream().filter(r -> r.line().kind() == kind).toList();
    }

    private static int count(List<FundingRecord> records, FundingKind kind) {
        return of(records, kind).size();
    }
}
