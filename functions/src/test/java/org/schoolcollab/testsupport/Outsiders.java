package org.schoolcollab.testsupport;

import org.schoolcollab.kernel.Actor;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Signed-in callers who are neither programme staff nor school users with a school number. */
public final class Outsiders {
    private Outsiders() {}

    /** In no group, though the token names school 9101. */
    public static Actor inNoGroup() {
        return new Actor("nobody", "n@example.org", Set.of(), Optional.of("9101"));
    }

    /** In the school group, but with no school number. */
    public static Actor schoolUserWithoutANumber() {
        return new Actor("no-number", "n@example.school.nz", Set.of(Actor.SCHOOL), Optional.empty());
    }

    /** In a group the product does not know, naming school 9101. */
    public static Actor inAnotherGroup() {
        return new Actor("finance", "f@example.org", Set.of("finance"), Optional.of("9101"));
    }

    public static List<Actor> all() {
        return List.of(inNoGroup(), schoolUserWithoutANumber(), inAnotherGroup());
    }
}
