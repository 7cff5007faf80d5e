package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.kernel.FieldError;
import org.schoolcollab.kernel.Json;
import org.schoolcollab.kernel.Rejection;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What every HTTP handler shares: reading the request, and turning outcomes and failures into responses. */
public final class HttpApi {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpApi() {}

    /**
     * Runs a route: a domain rejection becomes its problem (400, 403, 404, 409, 422), an ApiException its own, and
     * anything else a 500 that names only the request id.
     */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context,
                                                  Supplier<APIGatewayV2HTTPResponse> route) {
        try {
            return route.get();
        } catch (Rejection r) {
            return problem(r);
        } catch (ApiException e) {
            return problem(e.status(), e.type(), e.title(), e.getMessage(), List.of(), Map.of());
        } catch (RuntimeException e) {
            String requestId = context == null ? "unknown" : context.getAwsRequestId();
            if (context != null) {
                context.getLogger().log("unhandled error on " + routeKey(event) + ": " + e, LogLevel.ERROR);
            }
            return problem(500, "/problems/internal", "Internal error",
                    "the request could not be completed; quote request id " + requestId, List.of(), Map.of());
        }
    }

    private static String routeKey(APIGatewayV2HTTPEvent event) {
        return event == null ? "?" : String.valueOf(event.getRouteKey());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        var headers = new HashMap<String, String>();
        headers.put("content-type", "application/json");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    /** The HTTP status of each kind of rejection. */
    public static int status(Rejection r) {
        return switch (r) {
            case Rejection.Invalid i -> 400;
            case Rejection.Forbidden f -> 403;
            case Rejection.NotFound n -> 404;
            case Rejection.Conflict c -> 409;
            case Rejection.NotApplicable n -> 422;
        };
    }

    public static APIGatewayV2HTTPResponse problem(Rejection r) {
        List<FieldError> errors = r instanceof Rejection.Invalid i ? i.errors() : List.of();
        Map<String, Object> extensions = r instanceof Rejection.Conflict c ? c.details() : Map.of();
        return problem(status(r), "/problems/" + r.code(), r.title(), r.getMessage(), errors, extensions);
    }

    private static APIGatewayV2HTTPResponse problem(int status, String type, String title, String detail,
                                                    List<FieldError> errors, Map<String, Object> extensions) {
        ObjectNode body = Json.object();
        body.put("type", type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        if (!errors.isEmpty()) {
            ArrayNode list = body.putArray("errors");
            errors.forEach(fe -> list.addObject().put("field", fe.field()).put("message", fe.message()));
        }
        extensions.forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(Map.of("content-type", "application/problem+json"))
                .withBody(Json.write(body))
                .build();
    }

    /** Header lookup; HTTP API lower-cases header names, but events written by hand may not. */
    public static Optional<String> header(APIGatewayV2HTTPEvent event, String name) {
        if (event.getHeaders() == null) {
            return Optional.empty();
        }
        return event.getHeaders().entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    public static Optional<String> queryParam(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name));
    }

    public static Optional<String> pathParam(APIGatewayV2HTTPEvent event, String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    /** The route's {id}; API Gateway always sends it, so its absence is a 404 like any unknown resource. */
    public static String idParam(APIGatewayV2HTTPEvent event) {
        return pathParam(event, "id").orElseThrow(() -> Rejection.notFound("no id in path"));
    }

    /** The route's {planId}, as {@link #idParam}. */
    public static String planIdParam(APIGatewayV2HTTPEvent event) {
        return pathParam(event, "planId").orElseThrow(() -> Rejection.notFound("no plan id in path"));
    }

    /** The body as UTF-8 JSON text, after the checks that do not need parsing: type and size. */
    public static String jsonBody(APIGatewayV2HTTPEvent event) {
        String contentType = header(event, "content-type").orElse("").toLowerCase(Locale.ROOT);
        String mediaType = contentType.split(";", 2)[0].strip();
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw ApiException.unsupportedMediaType("send the body as application/json (got '"
                    + (mediaType.isEmpty() ? "none" : mediaType) + "')");
        }
        String raw = event.getBody();
        if (raw == null || raw.isEmpty()) {
            throw Rejection.invalid("body", "a JSON body is required");
        }
        byte[] bytes = event.getIsBase64Encoded()
                ? decodeBase64(raw)
                : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge("the body is " + bytes.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The body as a JSON object ({@link JsonBody#object}), after {@link #jsonBody}'s checks. */
    public static JsonNode jsonObject(APIGatewayV2HTTPEvent event) {
        return JsonBody.object(jsonBody(event));
    }

    private static byte[] decodeBase64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw Rejection.invalid("body", "the body is not valid base64");
        }
    }
}
