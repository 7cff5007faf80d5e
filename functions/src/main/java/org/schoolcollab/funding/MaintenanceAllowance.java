package org.schoolcollab.funding;

import org.schoolcollab.kernel.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rule: each year after the year its community formed, each member school receives the policy's maintenance
 * allowance ({@code rules.maintenanceAllowance}); where a dated alternative covers the school year (its 1 January
 * falls from {@code from} to {@code to}), that amount instead ($2,000 in 2019 and 2020).
 */
public final class MaintenanceAllowance {
    static final String SETTING = "rules.maintenanceAllowance";
    /** The source id of a school year's allowance: "MAINTENANCE#2027", so each school is paid once a year. */
    public static final String SOURCE_PREFIX = "MAINTENANCE#";

    private MaintenanceAllowance() {}

    /** Whether the programme pays a yearly allowance at all (stated, and neither NOT_APPLICABLE nor for people only). */
    public static boolean appliesTo(FundingPolicy policy) {
        if (!policy.has(SETTING) || policy.isNotApplicable(SETTING)) {
            return false;
        }
        return policy.setting(SETTING).status() != SettingStatus.INFORMATIONAL;
    }

    /** The amount for a school year: a dated alternative covering its 1 January, else the standing amount. */
    public static Money rateFor(FundingPolicy policy, int year) {
        LocalDate firstDay = LocalDate.of(year, 1, 1);
        String alternatives = SETTING + ".datedAlternatives";
        for (int i = 0; policy.has(alternatives + "[" + i + "]"); i++) {
            String at = alternatives + "[" + i + "]";
            LocalDate from = LocalDate.parse(policy.label(at + ".from"));
            LocalDate to = LocalDate.parse(policy.label(at + ".to"));
            if (!firstDay.isBefore(from) && !firstDay.isAfter(to)) {
                return policy.money(at);
            }
        }
        return policy.money(SETTING);
    }

    /** One line per member school, in the order given, for that school year. */
    public static List<FundingLine> forYear(FundingPolicy policy, List<MemberSchool> schools, int year) {
        Objects.requireNonNull(schools, "schools");
        if (!appliesTo(policy)) {
            return List.of();
        }
        Money rate = rateFor(policy, year);
        String period = policy.label(SETTING + ".period");
        List<FundingLine> lines = new ArrayList<>(schools.size());
        for (MemberSchool school : schools) {
            Map<String, String> inputs = new LinkedHashMap<>();
            inputs.put("setting", SETTING);
            inputs.put("formula", "rate per member school for the school year (a dated alternative where one covers it)");
            inputs.put("schoolNumber", school.schoolNumber());
            inputs.put("schoolYear", Integer.toString(year));
            inputs.put("rate", rate.value());
            inputs.put("currency", rate.currency());
            lines.add(new FundingLine(FundingKind.MAINTENANCE_ALLOWANCE, school.schoolNumber(), rate, null, null, period,
                    policy.policyId(), policy.version(), inputs));
        }
        return List.copyOf(lines);
    }
}
