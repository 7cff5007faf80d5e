package org.schoolcollab.testsupport;

import org.schoolcollab.api.ApiException;
import org.schoolcollab.api.HttpApi;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Rejection;

import java.util.List;
import java.util.Map;

/**
 * A failure as the HTTP edge answers it (status, problem type, field errors, extensions), whether the domain
 * rejected the command or the exchange itself failed: what tests of services assert on without a handler.
 */
public record Problem(int status, String type, String title, String detail, List<FieldError> errors,
                      Map<String, Object> extensions) {

    /** The problem for a caught failure; null when nothing was thrown. */
    public static Problem of(Throwable t) {
        if (t == null) {
            return null;
        }
        if (t instanceof Rejection r) {
            return new Problem(HttpApi.status(r), "/problems/" + r.code(), r.title(), r.getMessage(),
                    r instanceof Rejection.Invalid i ? i.errors() : List.of(),
                    r instanceof Rejection.Conflict c ? c.details() : Map.of());
        }
        if (t instanceof ApiException e) {
            return new Problem(e.status(), e.type(), e.title(), e.getMessage(), List.of(), Map.of());
        }
        throw new AssertionError("expected a rejection or an HTTP failure, got " + t, t);
    }

    public String getMessage() {
        return detail;
    }
}
