package org.schoolcollab.testsupport;

import org.schoolcollab.kernel.Actor;
import org.schoolcollab.kernel.Rejection;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The same call made by several actors, each of whom must be refused the same way. */
public final class Refusals {
    private Refusals() {}

    /** Each actor's rejection, in order; an actor whose call succeeds or fails otherwise fails the test. */
    public static <R extends Rejection> List<R> of(Class<R> type, List<Actor> actors, Consumer<Actor> call) {
        List<R> refused = new ArrayList<>();
        for (Actor actor : actors) {
            Throwable thrown = null;
            try {
                call.accept(actor);
            } catch (RuntimeException e) {
                thrown = e;
            }
            if (!type.isInstance(thrown)) {
                throw new AssertionError(actor + ": expected " + type.getSimpleName() + ", got "
                        + (thrown == null ? "no rejection" : thrown), thrown);
            }
            refused.add(type.cast(thrown));
        }
        return refused;
    }
}
