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
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Rule: what a community's endorsement releases, from the programme's policy ({@code rules.roles} and
 * {@code rules.inquiryTime}):
 * <ul>
 *   <li>one community leader role, its allowance keyed by the leader's school type;</li>
 *   <li>N across-school and M within-school teacher roles, each count
 *       {@code rounding(community basis / divisor)}: the basis (the community's total roll or total teacher FTE),
 *       the divisor ({@code pupilsPerRole}, {@code teacherFtePerRole}) and the rounding are the policy's;</li>
 *   <li>inquiry hours for each member school, by {@link InquiryHours}.</li>
 * </ul>
 *
 * <p><b>Model: one line per role.</b> A role is one {@link FundingLine} of kind {@link FundingKind#COMMUNITY_LEADER_ROLE},
 * {@link FundingKind#ACROSS_SCHOOL_TEACHER_ROLE} or {@link FundingKind#WITHIN_SCHOOL_TEACHER_ROLE}, so it becomes
 * one funding record: its {@code amount} is the role's money a year, allowance (paid to the person) plus
 * induction/networking (paid to the employing board); its {@code quantity} is the release time in {@code FTTE}
 * (to the employing board). The inputs itemise each part with whom it is paid to, and name every figure used, so
 * the line can be recomputed from the policy version it names. The leader's line names the leader's school as
 * recipient; a teacher role's names none, because its holder is recruited after release.
 *
 * <p><b>Merging.</b> The policy's 3.3-within-for-1-across merge is applied by this rule only if the policy says it
 * is automatic; the shipped policy says it happens at the community's request, so roles are released unmerged and
 * the lines say so. A policy asking for an automatic merge is refused, not silently ignored.
 *
 * <p><b>Missing settings.</b> If any setting this community needs is {@code MUST_BE_SET}, nothing is computed: a
 * {@link PolicySettingMissingException} names the first one (its {@code path()}) and its message names every one.
 *
 * <p><b>Identity.</b> Each line comes with a key ({@link RoleAllocation}) that depends on the community's roles
 * only, never on the plan version: a community's roles are released once.
 */
public final class RoleFunding {
    static final String ROLES = "rules.roles";
    static final String LEADER = ROLES + ".communityLeader";
    static final String ACROSS = ROLES + ".acrossSchoolTeacher";
    static final String WITHIN = ROLES + ".withinSchoolTeacher";
    static final String MERGE = ROLES + ".merge";
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

    /**
     * The roles and inquiry hours an endorsement releases, in a stable order: {@code LEADER}, {@code ACROSS_SCHOOL#1..N},
     * {@code WITHIN_SCHOOL#1..M}, then {@code INQUIRY_HOURS#<schoolNumber>} in the order the members are given.
     * Empty where the programme has neither roles nor inquiry time (school-improvement).
     *
     * @throws PolicySettingMissingException if a setting needed for this community is MUST_BE_SET
     */
    public static List<RoleAllocation> forEndorsement(FundingPolicy policy, EndorsedCommunity community) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(community, "community");
        boolean roles = rolesApply(policy);
        boolean inquiry = InquiryHours.appliesTo(policy);
        if (!roles && !inquiry) {
            return List.of();
        }
        refuseIfAnyMissing(policy, neededSettings(policy, community, roles, inquiry));

        List<RoleAllocation> out = new ArrayList<>();
        if (roles) {
            String releasedOn = policy.text(ROLES + ".releasedOn");
            if (!RELEASED_ON.equals(releasedOn)) {
                throw new IllegalStateException(policy + " releases roles on " + releasedOn + ", not on endorsement");
            }
            String merge = mergeNote(policy);
            out.add(new RoleAllocation(RoleAllocation.LEADER, leader(policy, community)));
            teacherRoles(policy, ACROSS, FundingKind.ACROSS_SCHOOL_TEACHER_ROLE, RoleAllocation::acrossSchool,
                    community, merge, out);
            teacherRoles(policy, WITHIN, FundingKind.WITHIN_SCHOOL_TEACHER_ROLE, RoleAllocation::withinSchool,
                    community, merge, out);
        }
        if (inquiry) {
            for (MemberSchool school : community.members()) {
                out.add(new RoleAllocation(RoleAllocation.inquiryHours(school.schoolNumber()),
                        InquiryHours.forSchool(policy, school)));
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

    // ------------------------------------------------------------------ the roles

    private static FundingLine leader(FundingPolicy policy, EndorsedCommunity community) {
        int count = policy.integer(LEADER + ".count");
        String per = policy.label(LEADER + ".count.per");
        if (count != 1 || !"COMMUNITY".equals(per)) {
            throw new IllegalStateException(policy + " gives " + count + " community leader(s) per " + per
                    + "; this rule releases exactly one per community");
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("setting", LEADER);
        inputs.put("formula", "amount = allowance[leaderSchoolType] + inductionAndNetworking; quantity = releaseFtte");
        inputs.put("count", "1");
        inputs.put("leaderSchoolNumber", community.leaderSchoolNumber());
        inputs.put("leaderSchoolType", community.leaderSchoolType().name());
        String allowancePath = leaderAllowancePath(policy, community.leaderSchoolType());
        inputs.put("allowanceSetting", allowancePath);
        return roleLine(policy, FundingKind.COMMUNITY_LEADER_ROLE, LEADER, policy.money(allowancePath),
                community.leaderSchoolNumber(), inputs);
    }

    private static void teacherRoles(FundingPolicy policy, String role, FundingKind kind, IntFunction<String> key,
                                     EndorsedCommunity community, String merge, List<RoleAllocation> out) {
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
        Money allowance = policy.money(role + ".allowance");
        for (int n = 1; n <= count; n++) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("setting", role);
            inputs.put("formula", "count = " + rounding + "(" + basis.input + " / " + basis.divisor
                    + "); amount = allowance + inductionAndNetworking; quantity = releaseFtte");
            inputs.put("roleNumber", Integer.toString(n));
            inputs.put("count", Integer.toString(count));
            inputs.put("basis", basis.name());
            inputs.put(basis.input, plain(base));
            inputs.put(basis.divisor, plain(divisor));
            inputs.put("rounding", rounding.name());
            inputs.put("memberSchools", community.members().stream().map(MemberSchool::schoolNumber)
                    .collect(Collectors.joining(",")));
            if (merge != null) {
                inputs.put("merge", merge);
            }
            inputs.put("allowanceSetting", role + ".allowance");
            out.add(new RoleAllocation(key.apply(n), roleLine(policy, kind, role, allowance, null, inputs)));
        }
    }

    /** Allowance + induction/networking as the amount, release time as the quantity, every part in the inputs. */
    private static FundingLine roleLine(FundingPolicy policy, FundingKind kind, String role, Money allowance,
                                        String recipient, Map<String, String> inputs) {
        String induction = role + ".inductionAndNetworking";
        String release = role + ".releaseFtte";
        Money networking = policy.money(induction);
        BigDecimal ftte = policy.decimal(release);
        String period = policy.label(role + ".allowance.period");
        for (String other : List.of(induction, release)) {
            if (!period.equals(policy.label(other + ".period"))) {
                throw new IllegalStateException("'" + other + "' in " + policy + " is paid per "
                        + policy.label(other + ".period") + " but the allowance per " + period
                        + ": one role line has one period");
            }
        }
        inputs.put("allowance", allowance.value());
        inputs.put("allowancePaidTo", policy.label(role + ".allowance.paidTo"));
        inputs.put("inductionAndNetworking", networking.value());
        inputs.put("inductionAndNetworkingPaidTo", policy.label(induction + ".paidTo"));
        inputs.put("releaseFtte", ftte.toPlainString());
        inputs.put("releaseFttePaidTo", policy.label(release + ".paidTo"));
        inputs.put("currency", allowance.currency());
        return new FundingLine(kind, recipient, allowance.plus(networking), ftte, FTTE, period,
                policy.policyId(), policy.version(), inputs);
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

    private static String leaderAllowancePath(FundingPolicy policy, SchoolType type) {
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

    /** Null where the policy has no merge rule; a note for the lines where the merge is left to the community. */
    private static String mergeNote(FundingPolicy policy) {
        if (!policy.has(MERGE)) {
            return null;
        }
        String atRequest = MERGE + ".atCommunityRequest";
        if (!policy.has(atRequest) || !policy.flag(atRequest)) {
            throw new IllegalStateException(policy + " does not say its merge of within-school into across-school roles "
                    + "happens at the community's request (" + atRequest + "); this rule releases roles unmerged "
                    + "and does not merge automatically, so it refuses rather than release other roles than the policy's");
        }
        return "not applied: within-school roles are merged into extra across-school roles only at the community's "
                + "request (" + MERGE + ")";
    }

    /** Every setting this community's release reads, in the order the rule reads them. */
    private static List<String> neededSettings(FundingPolicy policy, EndorsedCommunity community, boolean roles,
                                               boolean inquiry) {
        List<String> paths = new ArrayList<>();
        if (roles) {
            paths.add(ROLES + ".releasedOn");
            paths.add(LEADER + ".count");
            paths.add(leaderAllowancePath(policy, community.leaderSchoolType()));
            paths.add(LEADER + ".inductionAndNetworking");
            paths.add(LEADER + ".releaseFtte");
            for (String role : List.of(ACROSS, WITHIN)) {
                String basis = role + ".count.basis";
                paths.add(basis);
                if (policy.setting(basis).status() != SettingStatus.MUST_BE_SET) {
                    paths.add(role + ".count." + basis(policy, role).divisor);
                }
                paths.add(role + ".count.rounding");
                paths.add(role + ".allowance");
                paths.add(role + ".inductionAndNetworking");
                paths.add(role + ".releaseFtte");
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
