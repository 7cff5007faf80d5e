package org.schoolcollab.funding;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The roles the Ministry's staffing system generated for a community, as programme staff recorded them: how many
 * across-school and within-school teacher roles each member school (the employing board) generated, and how many
 * extra across-school roles the community asked to make by merging within-school roles (0 to 2, at the policy's rate
 * of 3.3 within-school roles each). The product pays from this record; it does not guess the Staffing Order's formula.
 */
public record RoleAllocation(List<SchoolRoles> acrossSchool, List<SchoolRoles> withinSchool,
                             int mergedForExtraAcrossSchool) {
    public static final int MAX_ROLES_PER_SCHOOL = 50;
    public static final int MAX_MERGED = 2;

    /** One school's generated roles of one kind. */
    public record SchoolRoles(String schoolNumber, int roles) {
        public SchoolRoles {
            Objects.requireNonNull(schoolNumber, "schoolNumber");
            if (roles < 0 || roles > MAX_ROLES_PER_SCHOOL) {
                throw new IllegalArgumentException("roles must be 0 to " + MAX_ROLES_PER_SCHOOL + ", got " + roles);
            }
        }
    }

    public RoleAllocation {
        acrossSchool = List.copyOf(acrossSchool);
        withinSchool = List.copyOf(withinSchool);
        if (mergedForExtraAcrossSchool < 0 || mergedForExtraAcrossSchool > MAX_MERGED) {
            throw new IllegalArgumentException("mergedForExtraAcrossSchool must be 0 to " + MAX_MERGED);
        }
        for (List<SchoolRoles> list : List.of(acrossSchool, withinSchool)) {
            Set<String> seen = new HashSet<>();
            for (SchoolRoles s : list) {
                if (!seen.add(s.schoolNumber())) {
                    throw new IllegalArgumentException("school " + s.schoolNumber() + " is listed twice");
                }
            }
        }
    }

    public int acrossSchoolGenerated() {
        return acrossSchool.stream().mapToInt(SchoolRoles::roles).sum();
    }

    public int withinSchoolGenerated() {
        return withinSchool.stream().mapToInt(SchoolRoles::roles).sum();
    }

    /** Every school the allocation names. */
    public Set<String> schoolNumbers() {
        Set<String> all = new HashSet<>();
        acrossSchool.forEach(s -> all.add(s.schoolNumber()));
        withinSchool.forEach(s -> all.add(s.schoolNumber()));
        return all;
    }
}
