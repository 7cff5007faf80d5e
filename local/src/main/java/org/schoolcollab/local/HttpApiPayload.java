package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import org.schoolcollab.local.template.HttpRoute;
import org.schoolcollab.local.template.SamTemplate;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.schoolcollab.local.HttpExchanges.send;

/** API Gateway's payload format 2.0 both ways, so handlers get the event and give the response they would in AWS. */
final class HttpApiPayload {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private HttpApiPayload() {
    }

    /** The event API Gateway sends the function; claims null on a route without the authorizer. */
    static ObjectNode event(HttpExchange exchange, HttpRoute route, String path,
                            Map<String, String> pathParams, Map<String, String> claims, byte[] body) {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", route.routeKey());
        e.put("rawPath", exchange.getRequestURI().getRawPath());
        String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
        e.put("rawQueryString", rawQuery);
        ObjectNode headers = e.putObject("headers");
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                values.forEach(v -> cookies.addAll(List.of(v.split(";\\s*"))));
            } else {
                headers.put(lower, String.join(",", values));
            }
        });
        if (!cookies.isEmpty()) {
            ArrayNode c = e.putArray("cookies");
            cookies.forEach(c::add);
        }
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String pair : rawQuery.isEmpty() ? new String[0] : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            query.computeIfAbsent(decode(kv[0]), k -> new ArrayList<>()).add(kv.length > 1 ? decode(kv[1]) : "");
        }
        if (!query.isEmpty()) {
            ObjectNode q = e.putObject("queryStringParameters");
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
        }
        if (!pathParams.isEmpty()) {
            ObjectNode p = e.putObject("pathParameters");
            pathParams.forEach(p::put);
        }
        requestContext(e.putObject("requestContext"), exchange, route, path, claims);
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("content-type"));
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        return e;
    }

    private static void requestContext(ObjectNode ctx, HttpExchange exchange, HttpRoute route, String path,
                                       Map<String, String> claims) {
        ctx.put("accountId", SamTemplate.ACCOUNT);
        ctx.put("apiId", "local");
        if (claims != null) {
            ObjectNode jwtNode = ctx.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwtNode.putObject("claims");
            claims.forEach(c::put);
            jwtNode.putArray("scopes");
        }
        ctx.put("domainName", "localhost");
        ctx.put("domainPrefix", "localhost");
        ObjectNode http = ctx.putObject("http");
        http.put("method", route.method());
        http.put("path", path);
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", Optional.ofNullable(exchange.getRequestHeaders().getFirst("user-agent")).orElse(""));
        ctx.put("requestId", UUID.randomUUID().toString());
        ctx.put("routeKey", route.routeKey());
        ctx.put("stage", "$default");
        Instant now = Instant.now();
        ctx.put("time", REQUEST_TIME.format(now));
        ctx.put("timeEpoch", now.toEpochMilli());
    }

    /** API Gateway passes text payloads as text and everything else base64-encoded. */
    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String ct = contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("text/") || ct.contains("json") || ct.contains("xml")
                || ct.startsWith("application/x-www-form-urlencoded") || ct.startsWith("application/javascript");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** Turns a handler's response (payload format 2.0) into the HTTP response API Gateway would send. */
    static void relay(HttpExchange exchange, String responseJson) throws IOException {
        JsonNode r = JSON.readTree(responseJson);
        if (r == null || !r.isObject() || !r.has("statusCode")) {
            // Format 2.0 treats any other value as a 200 JSON body.
            send(exchange, 200, "application/json", responseJson, Map.of());
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode h = r.get("headers");
        if (h != null && h.isObject()) {
            h.properties().forEach(entry -> headers.put(entry.getKey(), entry.getValue().asText()));
        }
        JsonNode cookies = r.get("cookies");
        if (cookies != null && cookies.isArray()) {
            cookies.forEach(c -> exchange.getResponseHeaders().add("set-cookie", c.asText()));
        }
        String body = r.path("body").isNull() ? "" : r.path("body").asText("");
        boolean base64 = r.path("isBase64Encoded").asBoolean(r.path("base64Encoded").asBoolean(false));
        byte[] bytes = base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        String contentType = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("content-type"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        headers.keySet().removeIf(k -> k.equalsIgnoreCase("content-type"));
        send(exchange, r.get("statusCode").asInt(), contentType, bytes, headers);
    }
}
