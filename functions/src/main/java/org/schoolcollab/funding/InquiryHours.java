package org.schoolcollab.funding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Rule: paid teacher inquiry time for a school, in hours a year:
 * {@code max(minimumHoursPerSchool, round(hoursPerTeacherFte × teacherFte))}, rounded to a whole hour by the
 * policy's stated rounding. Time, not money: the line has hours and no amount.
 */
public final class InquiryHours {
    static final String SETTING = "rules.inquiryTime";
    static final String UNITS = "HOURS";
    private static final String FORMULA = "max(minimumHoursPerSchool, round(hoursPerTeacherFte * teacherFte, rounding, whole hours))";

    private InquiryHours() {}

    /** Whether the programme's policy has inquiry time at all. */
    public static boolean appliesTo(FundingPolicy policy) {
        return policy.has(SETTING) && !policy.isNotApplicable(SETTING);
    }

    /** The hours for a school with this teacher FTE. */
    public static BigDecimal hours(FundingPolicy policy, BigDecimal teacherFte) {
        return compute(policy, teacherFte).hours;
    }

    /** The funding line for one eligible member school (which schools are eligible is the caller's call). */
    public static FundingLine forSchool(FundingPolicy policy, MemberSchool school) {
        Objects.requireNonNull(school, "school");
        Computation c = compute(policy, school.teacherFte());
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("setting", SETTING);
        inputs.put("formula", FORMULA);
        inputs.put("schoolNumber", school.schoolNumber());
        inputs.put("teacherFte", school.teacherFte().toPlainString());
        inputs.put("hoursPerTeacherFte", c.perFte.toPlainString());
        inputs.put("minimumHoursPerSchool", Integer.toString(c.minimum));
        inputs.put("rounding", c.rounding.name());
        return new FundingLine(FundingKind.INQUIRY_HOURS, school.schoolNumber(), null, c.hours, UNITS,
                policy.label(SETTING + ".period"), policy.policyId(), policy.version(), inputs);
    }

    private record Computation(BigDecimal perFte, int minimum, RoundingMode rounding, BigDecimal hours) {}

    private static Computation compute(FundingPolicy policy, BigDecimal teacherFte) {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(teacherFte, "teacherFte");
        if (!appliesTo(policy)) {
            throw new IllegalStateException(policy + " has no inquiry time rule");
        }
        if (teacherFte.signum() < 0) {
            throw new IllegalArgumentException("teacherFte must not be negative, got " + teacherFte.toPlainString());
        }
        BigDecimal perFte = policy.decimal(SETTING + ".hoursPerTeacherFte");
        int minimum = policy.integer(SETTING + ".minimumHoursPerSchool");
        RoundingMode rounding = RoundingMode.valueOf(policy.text(SETTING + ".rounding"));
        BigDecimal rounded = perFte.multiply(teacherFte).setScale(0, rounding);
        return new Computation(perFte, minimum, rounding, rounded.max(BigDecimal.valueOf(minimum)));
    }
}
