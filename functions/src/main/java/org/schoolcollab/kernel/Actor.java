package org.schoolcollab.kernel;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting, as the identity provider verified it (the edge reads it from the token, never from a body): their
 * id, email, groups ({@value #SCHOOL} or {@value #STAFF}) and, for a school user, their school's number.
 */
public record Actor(String sub, String email, Set<String> groups, Optional<String> schoolNumber) {
    public static final String SCHOOL = "school";
    public static final String STAFF = "staff";

    public Actor {
        Objects.requireNonNull(sub, "sub");
        email = email == null ? "" : email;
        groups = Set.copyOf(groups);
        Objects.requireNonNull(schoolNumber, "schoolNumber");
    }

    public static Actor staff(String sub, String email) {
        return new Actor(sub, email, Set.of(STAFF), Optional.empty());
    }

    public static Actor schoolUser(String sub, String email, String schoolNumber) {
        return new Actor(sub, email, Set.of(SCHOOL), Optional.of(schoolNumber));
    }

    public boolean isStaff() {
        return groups.contains(STAFF);
    }

    public boolean isSchoolUser() {
        return groups.contains(SCHOOL) && schoolNumber.isPresent();
    }

    /** Whether this is a user of that school. */
    public boolean isOfSchool(String number) {
        return isSchoolUser() && schoolNumber.get().equals(number);
    }

    public void requireStaff() {
        if (!isStaff()) {
            throw Rejection.forbidden("this action is for programme staff");
        }
    }

    public void requireSchoolUser() {
        if (!isSchoolUser()) {
            throw Rejection.forbidden("this action is for school users with a school number");
        }
    }

    /** The same person without an email: what is left when the identity provider has not verified theirs. */
    public Actor withoutEmail() {
        return new Actor(sub, "", groups, schoolNumber);
    }
}
