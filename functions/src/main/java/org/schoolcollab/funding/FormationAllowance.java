package org.schoolcollab.funding;

import org.schoolcollab.kernel.Money;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Rule: on approval of a community, each member school receives the policy's formation allowance. */
public final class FormationAllowance {
    static final String SETTING = "rules.formationAllowance";

    private FormationAllowance() {}

    /**
     * One line per member school, in the order given; none where the programme has no formation allowance.
     * Throws {@link PolicySettingMissingException} if the policy marks the allowance MUST_BE_SET.
     */
    public static List<FundingLine> forApproval(FundingPolicy policy, List<MemberSchool> schools) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(schools, "schools");
        Optional<Money> rate = policy.formationAllowancePerSchool();
        if (rate.isEmpty()) {
            return List.of();
        }
        // A school listed twice would be paid twice: refuse rather than pay.
        Set<String> seen = new HashSet<>();
        for (MemberSchool school : schools) {
            if (!seen.add(school.schoolNumber())) {
                throw new IllegalArgumentException("school " + school.schoolNumber() + " is listed more than once");
            }
        }
        String period = policy.formationAllowancePeriod();
        List<FundingLine> lines = new ArrayList<>(schools.size());
        for (MemberSchool school : schools) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("setting", SETTING);
            inputs.put("formula", "rate per member school");
            inputs.put("schoolNumber", school.schoolNumber());
            inputs.put("rate", rate.get().value());
            inputs.put("currency", rate.get().currency());
            lines.add(new FundingLine(FundingKind.FORMATION_ALLOWANCE, school.schoolNumber(), rate.get(), null, null,
                    period, policy.policyId(), policy.version(), inputs));
        }
        return List.copyOf(lines);
    }
}
