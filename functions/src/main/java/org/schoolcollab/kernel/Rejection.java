package org.schoolcollab.kernel;

import java.util.List;
import java.util.Map;

/**
 * Why the domain refused to do what was asked. Each kind is a different thing for the caller to do (fix the
 * request, stop asking, look elsewhere, reload, or accept that the rule does not apply), so the edge can answer
 * each with its own HTTP problem without the domain knowing HTTP. {@link #code()} names the problem's type.
 */
public abstract sealed class Rejection extends RuntimeException {
    private final String code;
    private final String title;

    private Rejection(String code, String title, String detail) {
        // Expected outcomes, not faults: no stack trace to fill in.
        super(detail, null, false, false);
        this.code = code;
        this.title = title;
    }

    /** A stable, kebab-case name of what went wrong, e.g. {@code schools-already-claimed}. */
    public String code() {
        return code;
    }

    /** A short human summary, the same for every rejection of this code. */
    public String title() {
        return title;
    }

    public static Invalid invalid(List<FieldError> errors) {
        return new Invalid(errors);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public static Forbidden forbidden(String detail) {
        return new Forbidden(detail);
    }

    public static NotFound notFound(String detail) {
        return new NotFound(detail);
    }

    public static Conflict conflict(String code, String title, String detail, Map<String, Object> details) {
        return new Conflict(code, title, detail, details);
    }

    public static NotApplicable notApplicable(String code, String title, String detail) {
        return new NotApplicable(code, title, detail);
    }

    /** The command breaks field rules: every field at fault, with what is wrong with it. */
    public static final class Invalid extends Rejection {
        private final List<FieldError> errors;

        private Invalid(List<FieldError> errors) {
            super("validation", "The request is not valid", errors.size() == 1
                    ? errors.getFirst().field() + ": " + errors.getFirst().message()
                    : errors.size() + " fields are invalid");
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid command names at least one field");
            }
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** The actor may not do this, whatever the request says. */
    public static final class Forbidden extends Rejection {
        private Forbidden(String detail) {
            super("forbidden", "Not allowed", detail);
        }
    }

    /** No such thing, or none this actor may see: the two are not told apart. */
    public static final class NotFound extends Rejection {
        private NotFound(String detail) {
            super("not-found", "Not found", detail);
        }
    }

    /** The thing is not in a state that allows it (decided already, claimed by another); details say what it is in. */
    public static final class Conflict extends Rejection {
        private final Map<String, Object> details;

        private Conflict(String code, String title, String detail, Map<String, Object> details) {
            super(code, title, detail);
            this.details = Map.copyOf(details);
        }

        public Map<String, Object> details() {
            return details;
        }
    }

    /** A well-formed request that the rules do not provide for here (no grants in this programme, say). */
    public static final class NotApplicable extends Rejection {
        private NotApplicable(String code, String title, String detail) {
            super(code, title, detail);
        }
    }
}
