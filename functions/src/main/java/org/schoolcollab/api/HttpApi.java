package org.schoolcollab.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.schoolcollab.common.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What every HTTP handler shares: reading the request, and turning outcomes and failures into responses. */
public final class HttpApi {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private HttpApi() {}

    /** Runs a route; an ApiException becomes its problem, anything else a 500 that names only the request id. */
    public static APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context,
                                                  Supplier<APIGatewayV2HTTPResponse> route) {
        try {
            return route.get();
        } catch (ApiException e) {
            return problem(e);
        } catch (RuntimeException e) {
            String requestId = context == null ? "unknown" : context.getAwsRequestId();
            if (context != null) {
                context.getLogger().log("unhandled error on " + routeKey(event) + ": " + e, LogLevel.ERROR);
            }
            return problem(new ApiException(500, "/problems/internal", "Internal error",
                    "the request could not be completed; quote request id " + requestId, java.util.List.of(), Map.of()));
        }
    }

    private static String routeKey(APIGatewayV2HTTPEvent event) {
        return event == null ? "?" : String.valueOf(event.getRouteKey());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return json(status, body, Map.of());
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body, Map<String, String> extraHeaders) {
        var headers = new java.util.HashMap<String, String>();
        headers.put("content-type", "application/json");
        headers.putAll(extraHeaders);
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(headers)
                .withBody(Json.write(body))
                .build();
    }

    public static APIGatewayV2HTTPResponse problem(ApiException e) {
        ObjectNode body = Json.object();
        body.put("type", e.type());
        body.put("title", e.title());
        body.put("status", e.status());
        body.put("detail", e.getMessage());
        if (!e.errors().isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            e.errors().forEach(fe -> errors.addObject().put("field", fe.field()).put("message", fe.message()));
        }
        e.extensions().forEach((k, v) -> body.set(k, Json.MAPPER.valueToTree(v)));
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(e.status())
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
        return pathParam(event, "id").orElseThrow(() -> ApiException.notFound("no id in path"));
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
            throw ApiException.badRequest("body", "a JSON body is required");
        }
        byte[] bytes = event.getIsBase64Encoded()
                ? decodeBase64(raw)
                : raw.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_BODY_BYTES) {
            throw ApiException.payloadTooLarge("the body is " + bytes.length + " bytes; the limit is " + MAX_BODY_BYTES);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] decodeBase64(String raw) {
        try {
            return Base64.getDecoder().decode(raw);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("body", "the body is not valid base64");
        }
    }
}
