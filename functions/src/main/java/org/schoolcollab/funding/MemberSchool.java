package org.schoolcollab.funding;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A member school as the funding rules see it: who is paid, and the roll and teacher FTE that role counts and
 * inquiry hours are computed from. Callers map their own school records (the EOI's, the community's) into it.
 */
public record MemberSchool(String schoolNumber, String name, int roll, BigDecimal teacherFte) {
    public MemberSchool {
        Objects.requireNonNull(schoolNumber, "schoolNumber");
        Objects.requireNonNull(teacherFte, "teacherFte");
        if (schoolNumber.isBlank()) {
            throw new IllegalArgumentException("schoolNumber must not be blank");
        }
        if (roll < 0) {
            throw new IllegalArgumentException("roll must not be negative, got " + roll + " for school " + schoolNumber);
        }
        if (teacherFte.signum() < 0) {
            throw new IllegalArgumentException("teacherFte must not be negative, got " + teacherFte.toPlainString()
                    + " for school " + schoolNumber);
        }
    }
}
