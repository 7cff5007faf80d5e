package org.schoolcollab.funding;

import org.schoolcollab.kernel.School;
import org.schoolcollab.kernel.SchoolType;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A member school as the funding rules see it: who is paid, its type (only state and state-integrated schools get
 * inquiry time), and the roll and teacher FTE that role counts and inquiry hours are computed from.
 */
public record MemberSchool(String schoolNumber, String name, SchoolType type, int roll, BigDecimal teacherFte) {
    public MemberSchool {
        Objects.requireNonNull(schoolNumber, "schoolNumber");
        Objects.requireNonNull(type, "type");
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

    public static MemberSchool of(School s) {
        return new MemberSchool(s.schoolNumber(), s.name(), s.type(), s.roll(), s.teacherFte());
    }
}
