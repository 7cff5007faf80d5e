package org.schoolcollab.funding;

import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Rejection;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a community's roles can be released as recorded, checked when staff record them so that the release
 * itself never stalls: the leader's school type has an allowance, an allocation is given where the policy cannot
 * count the roles, a merge has the within-school roles it needs, and every setting the release reads is set.
 */
public final class RoleRelease {
    private RoleRelease() {}

    /**
     * Refuses with the fields at fault: {@code allocationField} names the allocation in the request
     * ({@code roleAllocation} in an endorsement, the body itself ("") when staff record the roles on their own).
     */
    public static void check(FundingPolicy policy, RolesRecorded roles, String allocationField) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = allocationField.isEmpty() ? "" : allocationField + ".";
        EndorsedCommunity community = roles.endorsed();
        try {
            RoleFunding.leaderAllowancePath(policy, community.leaderSchoolType());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("leaderSchoolNumber", "the funding policy states no community leader allowance "
                    + "for a leader from a " + community.leaderSchoolType().name().toLowerCase() + " school; name a "
                    + "leader from a primary, intermediate, area, composite or secondary school"));
        }
        if (roles.allocation().isEmpty() && !RoleFunding.countsRolesItself(policy)) {
            errors.add(new FieldError(allocationField.isEmpty() ? "body" : allocationField, "is required: the Ministry's "
                    + "staffing system generates each school's across-school and within-school roles, and the funding "
                    + "policy has no formula for them, so record the roles each member school generated"));
        }
        roles.allocation().ifPresent(a -> {
            if (a.mergedForExtraAcrossSchool() > 0) {
                int max = RoleFunding.maxMerged(policy);
                BigDecimal needed = RoleFunding.mergeRate(policy).multiply(BigDecimal.valueOf(a.mergedForExtraAcrossSchool()));
                if (a.mergedForExtraAcrossSchool() > max) {
                    errors.add(new FieldError(prefix + "mergedForExtraAcrossSchool", "must be at most " + max));
                } else if (RoleFunding.withinAfterMerge(policy, a) < 0) {
                    errors.add(new FieldError(prefix + "mergedForExtraAcrossSchool", "merging "
                            + a.mergedForExtraAcrossSchool() + " extra across-school role(s) takes " + needed.toPlainString()
                            + " within-school roles, and the allocation has " + a.withinSchoolGenerated()));
                }
            }
        });
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        try {
            RoleFunding.forEndorsement(policy, community, roles.allocation());
        } catch (PolicySettingMissingException missing) {
            throw Rejection.notApplicable("policy-setting-missing", "The funding policy lacks a setting",
                    "the roles cannot be released until the funding policy sets '" + missing.path() + "': "
                            + missing.getMessage());
        }
    }
}
