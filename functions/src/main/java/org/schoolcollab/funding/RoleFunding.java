package org.schoolcollab.funding;

import com.fasterxml.jackson.databind.JsonNode;
import org.schoolcollab.kernel.Money;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rule: what a community's endorsement releases, from the programme's policy ({@code rules.roles} and
 * {@code rules.inquiryTime}):
 * <ul>
 *   <li>one community leader role, its allowance keyed by the leader's school type;</li>
 *   <li>the across-school and within-school teacher roles the Ministry's staffing system generated, as staff recorded
 *       them ({@link RoleAllocation}: by employing school, with the community's merge of within-school roles into extra
 *       across-school roles); or, where no allocation was recorded and the policy states a count formula, each count
 *       {@code rounding(community basis / divisor)};</li>
 *   <li>inquiry hours for each state member school (early learning services and tertiary providers get none), by
 *       {@link InquiryHours}.</li>
 * </ul>
 *
 * <p><b>One line per role and payee.</b> A role is one {@link FundingLine} of kind {@link FundingKind#COMMUNITY_LEADER_ROLE},
 * {@link FundingKind#ACROSS_SCHOOL_TEACHER_ROLE} or {@link FundingKind#WITHIN_SCHOOL_TEACHER_ROLE}: its {@code amount} is
 * the allowance a year (paid to the person), its {@code quantity} the release time in {@code FTTE} (to the employing
 * board). The role's induction and networking money, paid to the employing board, is a line of its own
 * ({@link FundingKind#ROLE_INDUCTION_AND_NETWORKING}) with the same key, so each payment a finance system makes is one
 * record. The lines name the employing school where the allocation names one, every figure they use, and how the
 * count was reached, so they can be recomputed from the policy version they name.
 *
 * <p><b>Missing settings.</b> If any setting this community needs is {@code MUST_BE_SET}, nothing is computed: a
 * {@link PolicySettingMissingException} names the first one (its {@code path()}) and its message names every one.
 *
 * <p><b>Identity.</b> Each line comes with a key ({@link ReleasedRole}) that depends on the community's roles only,
 * never on the plan version: a community's roles are released once.
 */
public final class RoleFunding {
    static final String ROLES = "rules.roles";
    static final String LEADER = ROLES + ".communityLeader";
    static final String ACROSS = ROLES + ".acrossSchoolTeacher";
    static final String WITHIN = ROLES + ".withinSchoolTeacher";
    static final String MERGE = ROLES + ".merge";
    static final String MERGE_RATE = MERGE + ".withinSchoolRolesPerExtraAcrossSchoolRole";
    static final String MERGE_MAX = MERGE + ".maxExtraAcrossSchoolRoles";
    static final String RELEASED_ON = "ENDORSEMENT";
    static final String FTTE = "FTTE";

    private RoleFunding() {}

    /** What the count of a teacher role is computed on, as the policy's {@code count.basis} names it. */
    private enum Basis {
        COMMUNITY_ROLL("communityRoll", "pupilsPerRole"),
        COMMUNITY_TEACHER_FTE("communityTeacherFte", "teacherFtePerRole");

        final String input;
        final String divisor;

        Basis(String input, String divisor) {
            this.input = input;
            this.divisor = divisor;
        }
    }

    /** One role to release: its key, and the school that employs its holder (null where none is named yet). */
    private record Role(String key, String employingSchool, Map<String, String> inputs) {}

    /**
     * The roles and inquiry hours an endorsement releases, in a stable order: {@code LEADER}, {@code ACROSS_SCHOOL#1..N},
     * {@code WITHIN_SCHOOL#1..M} (each role, then its induction line), then {@code INQUIRY_HOURS#<schoolNumber>} in the
     * order the members are given. Empty where the programme has neither roles nor inquiry time (school-improvement).
     *
     * @param allocation the roles staff recorded; empty: count them with the policy's formula
     * @throws PolicySettingMissingException if a setting needed for this community is MUST_BE_SET
     * @throws IllegalArgumentException      if the allocation names a school that is not a member, or merges more
     *                                       within-school roles than it has
     */
    public static List<ReleasedRole> forEndorsement(FundingPolicy policy, EndorsedCommunity community,
                                                    Optional<RoleAllocation> allocation) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(community, "community");
        boolean roles = rolesApply(policy);
        boolean inquiry = InquiryHours.appliesTo(policy);
        if (!roles && !inquiry) {
            return List.of();
        }
        refuseIfAnyMissing(policy, neededSettings(policy, community, allocation, roles, inquiry));

        List<ReleasedRole> out = new ArrayList<>();
        if (roles) {
            String releasedOn = policy.text(ROLES + ".releasedOn");
            if (!RELEASED_ON.equals(releasedOn)) {
                throw new IllegalStateException(policy + " releases roles on " + releasedOn + ", not on endorsement");
            }
            refuseAutomaticMerge(policy);
            leader(policy, community, out);
            List<Role> across;
            List<Role> within;
            if (allocation.isPresent()) {
                requireMembers(community, allocation.get());
                across = allocatedAcross(policy, allocation.get());
                within = allocatedWithin(policy, allocation.get());
            } else {
                across = counted(policy, ACROSS, ReleasedRole.ACROSS_SCHOOL, community);
                within = counted(policy, WITHIN, ReleasedRole.WITHIN_SCHOOL, community);
            }
            teacherRoles(policy, ACROSS, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE, across, out);
            teacherRoles(policy, WITHIN, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE, within, out);
        }
        if (inquiry) {
            for (MemberSchool school : community.members()) {
                if (school.type().isStateSchool()) {
                    out.add(new ReleasedRole(ReleasedRole.inquiryHours(school.schoolNumber()),
                            InquiryHours.forSchool(policy, school)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether the policy has role rules; a policy must state them, or state NOT_APPLICABLE. */
    public static boolean rolesApply(FundingPolicy policy) {
        if (!policy.has(ROLES)) {
            throw new IllegalStateException(policy + " states no role rule (" + ROLES
                    + "); state it NOT_APPLICABLE with a reason where the programme has none");
        }
        return !policy.isNotApplicable(ROLES);
    }

    /** Whether the policy can count the teacher roles itself (its count settings are all set). */
    public static boolean countsRolesItself(FundingPolicy policy) {
        for (String role : List.of(ACROSS, WITHIN)) {
            if (policy.setting(role + ".count.basis").status() == SettingStatus.MUST_BE_SET
                    || policy.setting(role + ".count." + basis(policy, role).divisor).status() == SettingStatus.MUST_BE_SET) {
                return false;
            }
        }
        return true;
    }

    /** How many within-school roles make one extra across-school role (3.3), and at most how many extras (2). */
    public static BigDecimal mergeRate(FundingPolicy policy) {
        return policy.decimal(MERGE_RATE);
    }

    public static int maxMerged(FundingPolicy policy) {
        return policy.integer(MERGE_MAX);
    }

    /** The within-school roles left after the merge: the generated ones less the rate per extra role, rounded down. */
    public static int withinAfterMerge(FundingPolicy policy, RoleAllocation allocation) {
        BigDecimal left = BigDecimal.valueOf(allocation.withinSchoolGenerated())
                .subtract(mergeRate(policy).multiply(BigDecimal.valueOf(allocation.mergedForExtraAcrossSchool())));
        return left.signum() < 0 ? -1 : left.setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    /**
     * The policy's merge of within-school into extra across-school roles must be at the community's request: this rule
     * merges only as the allocation staff record says the community asked, never automatically, so it refuses a
     * policy that says otherwise rather than release other roles than the policy's.
     */
    private static void refuseAutomaticMerge(FundingPolicy policy) {
        if (!policy.has(MERGE)) {
            return;
        }
        String atRequest = MERGE + ".atCommunityRequest";
        if (!policy.has(atRequest) || !policy.flag(atRequest)) {
            throw new IllegalStateException(policy + " does not say its merge of within-school into across-school roles "
                    + "happens at the community's request (" + atRequest + "); this rule merges only as the recorded "
                    + "allocation asks and does not merge automatically, so it refuses rather than release other roles "
                    + "than the policy's");
        }
    }

    // ------------------------------------------------------------------ the roles

    private static void leader(FundingPolicy policy, EndorsedCommunity community, List<ReleasedRole> out) {
        int count = policy.integer(LEADER + ".count");
        String per = policy.label(LEADER + ".count.per");
        if (count != 1 || !"COMMUNITY".equals(per)) {
            throw new IllegalStateException(policy + " gives " + count + " community leader(s) per " + per
                    + "; this rule releases exactly one per community");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("setting", LEADER);
        inputs.put("formula", "amount = allowance[leaderSchoolType]; quantity = releaseFtte");
        inputs.put("count", "1");
        inputs.put("leaderSchoolNumber", community.leaderSchoolNumber());
        inputs.put("leaderSchoolType", community.leaderSchoolType().name());
        String allowancePath = leaderAllowancePath(policy, community.leaderSchoolType());
        inputs.put("allowanceSetting", allowancePath);
        out.add(new ReleasedRole(ReleasedRole.LEADER, roleLine(policy, FundingKind.COMMUNITY_LEADER_ROLE, LEADER,
                policy.money(allowancePath), community.leaderSchoolNumber(), inputs)));
        out.add(new ReleasedRole(ReleasedRole.LEADER, inductionLine(policy, LEADER, community.leaderSchoolNumber(),
                ReleasedRole.LEADER)));
    }

    /** The recorded across-school roles, school by school in the order given, then the extra ones from the merge. */
    private static List<Role> allocatedAcross(FundingPolicy policy, RoleAllocation allocation) {
        List<Role> roles = new ArrayList<>();
        int total = allocation.acrossSchoolGenerated() + allocation.mergedForExtraAcrossSchool();
        for (RoleAllocation.SchoolRoles s : allocation.acrossSchool()) {
            for (int i = 0; i < s.roles(); i++) {
                roles.add(allocated(ReleasedRole.acrossSchool(roles.size() + 1), s.schoolNumber(), total, allocation,
                        "generated by school " + s.schoolNumber()));
            }
        }
        for (int i = 0; i < allocation.mergedForExtraAcrossSchool(); i++) {
            Role merged = allocated(ReleasedRole.acrossSchool(roles.size() + 1), null, total, allocation,
                    "an extra across-school role from merging " + mergeRate(policy).toPlainString()
                            + " within-school roles, at the community's request");
            merged.inputs().put("mergeSetting", MERGE_RATE);
            roles.add(merged);
        }
        return roles;
    }

    /**
     * The recorded within-school roles that remain after the merge: the generated ones less the rate per extra
     * across-school role, rounded down, taken from the schools in the order given (the last listed give theirs up).
     */
    private static List<Role> allocatedWithin(FundingPolicy policy, RoleAllocation allocation) {
        int kept = withinAfterMerge(policy, allocation);
        if (kept < 0) {
            throw new IllegalArgumentException("merging " + allocation.mergedForExtraAcrossSchool()
                    + " extra across-school role(s) needs " + mergeRate(policy).multiply(
                    BigDecimal.valueOf(allocation.mergedForExtraAcrossSchool())).toPlainString()
                    + " within-school roles; the allocation has " + allocation.withinSchoolGenerated());
        }
        List<Role> roles = new ArrayList<>();
        for (RoleAllocation.SchoolRoles s : allocation.withinSchool()) {
            for (int i = 0; i < s.roles() && roles.size() < kept; i++) {
                roles.add(allocated(ReleasedRole.withinSchool(roles.size() + 1), s.schoolNumber(), kept, allocation,
                        "generated by school " + s.schoolNumber()));
            }
        }
        return roles;
    }

    private static Role allocated(String key, String school, int count, RoleAllocation allocation, String basis) {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("count", Integer.toString(count));
        inputs.put("countFrom", "ALLOCATION");
        inputs.put("basis", basis);
        inputs.put("acrossSchoolGenerated", Integer.toString(allocation.acrossSchoolGenerated()));
        inputs.put("withinSchoolGenerated", Integer.toString(allocation.withinSchoolGenerated()));
        inputs.put("mergedForExtraAcrossSchool", Integer.toString(allocation.mergedForExtraAcrossSchool()));
        return new Role(key, school, inputs);
    }

    /** The roles the policy's count formula gives, with no employing school named (none was recorded). */
    private static List<Role> counted(FundingPolicy policy, String role, String keyPrefix, EndorsedCommunity community) {
        Basis basis = basis(policy, role);
        BigDecimal base = switch (basis) {
            case COMMUNITY_ROLL -> BigDecimal.valueOf(community.members().stream().mapToLong(MemberSchool::roll).sum());
            case COMMUNITY_TEACHER_FTE -> community.members().stream().map(MemberSchool::teacherFte)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        };
        String divisorPath = role + ".count." + basis.divisor;
        BigDecimal divisor = policy.decimal(divisorPath);
        if (divisor.signum() <= 0) { // the loader refuses such a document; kept so no division by zero is possible
            throw new IllegalStateException("setting '" + divisorPath + "' in " + policy + " must be greater than 0");
        }
        RoundingMode rounding = RoundingMode.valueOf(policy.text(role + ".count.rounding"));
        int count = base.divide(divisor, 0, rounding).intValueExact();
        List<Role> roles = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("count", Integer.toString(count));
            inputs.put("countFrom", "POLICY_FORMULA");
            inputs.put("formula", "count = " + rounding + "(" + basis.input + " / " + basis.divisor + ")");
            inputs.put("basis", basis.name());
            inputs.put(basis.input, plain(base));
            inputs.put(basis.divisor, plain(divisor));
            inputs.put("rounding", rounding.name());
            inputs.put("memberSchools", community.members().stream().map(MemberSchool::schoolNumber)
                    .collect(Collectors.joining(",")));
            roles.add(new Role(keyPrefix + n, null, inputs));
        }
        return roles;
    }

    private static void teacherRoles(FundingPolicy policy, String role, FundingKind kind, List<Role> roles,
                                     List<ReleasedRole> out) {
        Money allowance = policy.money(role + ".allowance");
        int n = 0;
        for (Role r : roles) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("setting", role);
            inputs.put("roleNumber", Integer.toString(++n));
            inputs.putAll(r.inputs());
            if (r.employingSchool() != null) {
                inputs.put("employingSchoolNumber", r.employingSchool());
            }
            inputs.put("allowanceSetting", role + ".allowance");
            out.add(new ReleasedRole(r.key(), roleLine(policy, kind, role, allowance, r.employingSchool(), inputs)));
            out.add(new ReleasedRole(r.key(), inductionLine(policy, role, r.employingSchool(), r.key())));
        }
    }

    /** The allowance (to the person) as the amount, the release time (to the employing board) as the quantity. */
    private static FundingLine roleLine(FundingPolicy policy, FundingKind kind, String role, Money allowance,
                                        String employingSchool, Map<String, String> inputs) {
        String release = role + ".releaseFtte";
        BigDecimal ftte = policy.decimal(release);
        String period = samePeriod(policy, role, role + ".allowance", release);
        inputs.put("allowance", allowance.value());
        inputs.put("allowancePaidTo", policy.label(role + ".allowance.paidTo"));
        inputs.put("releaseFtte", ftte.toPlainString());
        inputs.put("releaseFttePaidTo", policy.label(release + ".paidTo"));
        inputs.put("currency", allowance.currency());
        return new FundingLine(kind, employingSchool, allowance, ftte, FTTE, period, policy.policyId(),
                policy.version(), inputs);
    }

    /** The role's induction and networking money, to the employing board. */
    private static FundingLine inductionLine(FundingPolicy policy, String role, String employingSchool, String roleKey) {
        String induction = role + ".inductionAndNetworking";
        Money networking = policy.money(induction);
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("setting", induction);
        inputs.put("role", roleKey);
        inputs.put("amount", networking.value());
        inputs.put("paidTo", policy.label(induction + ".paidTo"));
        inputs.put("currency", networking.currency());
        if (employingSchool != null) {
            inputs.put("employingSchoolNumber", employingSchool);
        }
        return new FundingLine(FundingKind.ROLE_INDUCTION_AND_NETWORKING, employingSchool, networking, null, null,
                samePeriod(policy, role, role + ".allowance", induction), policy.policyId(), policy.version(), inputs);
    }

    /** The period the role's parts are paid per; one role's lines share it. */
    private static String samePeriod(FundingPolicy policy, String role, String first, String other) {
        String period = policy.label(first + ".period");
        if (!period.equals(policy.label(other + ".period"))) {
            throw new IllegalStateException("'" + other + "' in " + policy + " is paid per "
                    + policy.label(other + ".period") + " but '" + first + "' per " + period
                    + ": one role's lines have one period (" + role + ")");
        }
        return period;
    }

    // ------------------------------------------------------------------ what the policy says

    private static Basis basis(FundingPolicy policy, String role) {
        String basis = policy.text(role + ".count.basis");
        for (Basis b : Basis.values()) {
            if (b.name().equals(basis)) {
                return b;
            }
        }
        throw new IllegalStateException("setting '" + role + ".count.basis' in " + policy + " is " + basis
                + "; this rule counts roles on COMMUNITY_ROLL or COMMUNITY_TEACHER_FTE");
    }

    /** The leader's allowance setting for a school type, or an IllegalArgumentException naming the types it has. */
    public static String leaderAllowancePath(FundingPolicy policy, SchoolType type) {
        String path = LEADER + ".allowance." + type.name();
        if (!policy.has(path)) {
            JsonNode allowance = PolicyTree.at(policy.document(), LEADER + ".allowance");
            List<String> stated = new ArrayList<>();
            allowance.properties().forEach(e -> {
                if (PolicyTree.isFigure(e.getValue())) {
                    stated.add(e.getKey());
                }
            });
            throw new IllegalArgumentException(policy + " states no community leader allowance for a leader whose "
                    + "school type is " + type + " (it states " + String.join(", ", stated) + ")");
        }
        return path;
    }

    private static void requireMembers(EndorsedCommunity community, RoleAllocation allocation) {
        for (String school : allocation.schoolNumbers()) {
            if (community.members().stream().noneMatch(m -> m.schoolNumber().equals(school))) {
                throw new IllegalArgumentException("the allocation names school " + school
                        + ", which is not a member of community " + community.communityId());
            }
        }
    }

    /** Every setting this community's release reads, in the order the rule reads them. */
    private static List<String> neededSettings(FundingPolicy policy, EndorsedCommunity community,
                                               Optional<RoleAllocation> allocation, boolean roles, boolean inquiry) {
        List<String> paths = new ArrayList<>();
        if (roles) {
            paths.add(ROLES + ".releasedOn");
            paths.add(LEADER + ".count");
            paths.add(leaderAllowancePath(policy, community.leaderSchoolType()));
            paths.add(LEADER + ".inductionAndNetworking");
            paths.add(LEADER + ".releaseFtte");
            for (String role : List.of(ACROSS, WITHIN)) {
                if (allocation.isEmpty()) {
                    String basis = role + ".count.basis";
                    paths.add(basis);
                    if (policy.setting(basis).status() != SettingStatus.MUST_BE_SET) {
                        paths.add(role + ".count." + basis(policy, role).divisor);
                    }
                    paths.add(role + ".count.rounding");
                }
                paths.add(role + ".allowance");
                paths.add(role + ".inductionAndNetworking");
                paths.add(role + ".releaseFtte");
            }
            if (allocation.isPresent() && allocation.get().mergedForExtraAcrossSchool() > 0) {
                paths.add(MERGE_RATE);
                paths.add(MERGE_MAX);
            }
        }
        if (inquiry) {
            paths.add(InquiryHours.SETTING + ".hoursPerTeacherFte");
            paths.add(InquiryHours.SETTING + ".minimumHoursPerSchool");
            paths.add(InquiryHours.SETTING + ".rounding");
        }
        return paths;
    }

    /** Refuses before computing anything, naming every missing setting, so one new policy version can set them all. */
    private static void refuseIfAnyMissing(FundingPolicy policy, List<String> paths) {
        List<PolicySetting> missing = paths.stream().map(policy::setting)
                .filter(s -> s.status() == SettingStatus.MUST_BE_SET).toList();
        if (missing.isEmpty()) {
            return;
        }
        PolicySetting first = missing.getFirst();
        String reason = first.reason();
        if (missing.size() > 1) {
            reason += " Role funding also needs " + missing.stream().skip(1).map(s -> "'" + s.path() + "'")
                    .collect(Collectors.joining(", ")) + ", MUST_BE_SET as well.";
        }
        throw new PolicySettingMissingException(policy.resource(), policy.policyId(), policy.version(), first.path(),
                reason);
    }

    private static String plain(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
