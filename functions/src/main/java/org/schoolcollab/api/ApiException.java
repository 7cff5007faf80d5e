package org.schoolcollab.api;

/**
 * A failure of the HTTP exchange itself, before any domain rule is reached (no identity, a body too large or of
 * the wrong type) or after one failed unexpectedly; rendered as application/problem+json (RFC 9457).
 */
public class ApiException extends RuntimeException {
    private final int status;
    private final String type;
    private final String title;

    public ApiException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "/problems/unauthorized", "Not signed in", detail);
    }

    public static ApiException payloadTooLarge(String detail) {
        return new ApiException(413, "/problems/payload-too-large", "Request body too large", detail);
    }

    public static ApiException unsupportedMediaType(String detail) {
        return new ApiException(415, "/problems/unsupported-media-type", "Unsupported content type", detail);
    }

    public int status() { return status; }
    public String type() { return type; }
    public String title() { return title; }
}
