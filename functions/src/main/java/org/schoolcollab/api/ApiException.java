package org.schoolcollab.api;

import java.util.List;
import java.util.Map;

/** A failure the caller can act on; rendered as application/problem+json (RFC 9457). */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ApiException(int status, String type, String title, String detail,
                        List<FieldError> errors, Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public static ApiException validation(List<FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.getFirst().field() + ": " + errors.getFirst().message()
                : errors.size() + " fields are invalid";
        return new ApiException(400, "/problems/validation", "The request is not valid", detail, errors, Map.of());
    }

    public static ApiException badRequest(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "/problems/unauthorized", "Not signed in", detail, List.of(), Map.of());
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "/problems/forbidden", "Not allowed", detail, List.of(), Map.of());
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "/problems/not-found", "Not found", detail, List.of(), Map.of());
    }

    public static ApiException conflict(String type, String title, String detail, Map<String, Object> extensions) {
        return new ApiException(409, type, title, detail, List.of(), extensions);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "/problems/payload-too-large", "Request body too large", detail, List.of(), Map.of());
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "/problems/unsupported-media-type", "Unsupported content type", detail, List.of(), Map.of());
    }

    public static ApiException unprocessable(String type, String title, String detail) {
        return new ApiException(422, type, title, detail, List.of(), Map.of());
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
    public List<FieldError> errors() { return errors; }
    public Map<String, Object> extensions() { return extensions; }
}
