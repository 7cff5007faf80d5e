package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.schoolcollab.local.template.HttpRoute;
import org.schoolcollab.local.template.SamTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API as API Gateway runs it: routes from the template, the JWT authorizer, payload format 2.0 events
 * to the real handlers, their responses back to the client. Plus the local-only routes under /local.
 */
final class HttpGateway implements AutoCloseable {
    /** API Gateway's own limit on a request payload. */
    static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private record Route(HttpRoute route, Pattern pattern, List<String> params, LocalFunction function) {}

    private final List<Route> routes = new ArrayList<>();
    private final LocalJwt jwt;
    private final Outbox outbox;
    private final StaticSite site;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    HttpGateway(int port, List<LocalFunction> functions, LocalJwt jwt, Outbox outbox, StaticSite site) throws IOException {
        this.jwt = jwt;
        this.outbox = outbox;
        this.site = site;
        for (LocalFunction f : functions) {
            for (HttpRoute r : f.definition().routes()) {
                List<String> params = new ArrayList<>();
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(r.path());
                StringBuilder regex = new StringBuilder("^");
                int last = 0;
                while (m.find()) {
                    regex.append(Pattern.quote(r.path().substring(last, m.start())));
                    String name = m.group(1);
                    if (name.endsWith("+")) {
                        params.add(name.substring(0, name.length() - 1));
                        regex.append("(.+)");
                    } else {
                        params.add(name);
                        regex.append("([^/]+)");
                    }
                    last = m.end();
                }
                regex.append(Pattern.quote(r.path().substring(last))).append("$");
                routes.add(new Route(r, Pattern.compile(regex.toString()), params, f));
            }
        }
        // Literal paths win over parameterised ones, as in API Gateway.
        routes.sort((a, b) -> Integer.compare(a.params().size(), b.params().size()));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
    }

    StaticSite site() {
        return site;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<String> routeKeys() {
        return routes.stream().map(r -> r.route().routeKey()).toList();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/local/")) {
                serveLocal(exchange, path);
            } else {
                serveApi(exchange, path);
            }
        } catch (Exception e) {
            System.err.println("gateway error: " + e);
            try {
                send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}", Map.of());
            } catch (IOException ignored) {
                // the client has gone
            }
        }
    }

    private void serveApi(HttpExchange exchange, String rawPath) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Route match = null;
        Matcher matcher = null;
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(rawPath);
            if (r.route().method().equals(method) && m.matches()) {
                match = r;
                matcher = m;
                break;
            }
        }
        if (match == null) {
            Optional<StaticSite.Response> file = method.equals("GET") || method.equals("HEAD")
                    ? site.get(rawPath) : Optional.empty();
            if (file.isPresent()) {
                StaticSite.Response r = file.get();
                send(exchange, r.status(), r.contentType(), method.equals("HEAD") ? new byte[0] : r.body(), r.headers());
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}", Map.of());
            }
            return;
        }
        Map<String, String> claims = null;
        if (match.route().authorized()) {
            Optional<Map<String, Object>> verified = bearer(exchange).flatMap(jwt::verify);
            if (verified.isEmpty()) {
                send(exchange, 401, "application/json", "{\"message\":\"Unauthorized\"}",
                        Map.of("www-authenticate", "Bearer"));
                return;
            }
            claims = LocalJwt.asApiGatewayClaims(verified.get());
        }
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            send(exchange, 413, "application/json", "{\"message\":\"Request Entity Too Large\"}", Map.of());
            return;
        }
        Map<String, String> pathParams = new LinkedHashMap<>();
        for (int i = 0; i < match.params().size(); i++) {
            pathParams.put(match.params().get(i),
                    URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        String event = JSON.writeValueAsString(event(exchange, match.route(), path, pathParams, claims, body));
        String response;
        try {
            response = match.function().invoke(event);
        } catch (RuntimeException e) {
            // An unhandled function error: API Gateway answers 500 and says nothing more.
            System.err.println("function " + match.function().id() + " failed: " + e);
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}", Map.of());
            return;
        }
        relay(exchange, response);
    }

    private ObjectNode event(HttpExchange exchange, HttpRoute route, String path,
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
        ObjectNode ctx = e.putObject("requestContext");
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
        if (body.length > 0) {
            boolean text = isText(exchange.getRequestHeaders().getFirst("content-type"));
            e.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            e.put("isBase64Encoded", !text);
        } else {
            e.put("isBase64Encoded", false);
        }
        return e;
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

    /** Turns a handler's response (payload format 2.0) into the HTTP response API Gateway would send. */
    private void relay(HttpExchange exchange, String responseJson) throws IOException {
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

    private void serveLocal(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (path.equals("/local/tokens") && method.equals("POST")) {
            issueToken(exchange);
        } else if (path.equals("/local/outbox") && method.equals("GET")) {
            send(exchange, 200, "application/json", JSON.writeValueAsString(outbox.list()), Map.of());
        } else if (path.startsWith("/local/outbox/") && method.equals("GET")) {
            Optional<JsonNode> mail = outbox.find(path.substring("/local/outbox/".length()));
            if (mail.isPresent()) {
                send(exchange, 200, "application/json", JSON.writeValueAsString(mail.get()), Map.of());
            } else {
                localProblem(exchange, 404, "no such mail in the outbox");
            }
        } else if (path.equals("/local/jwks.json") && method.equals("GET")) {
            send(exchange, 200, "application/json", jwt.publicJwks(), Map.of());
        } else if (path.equals("/local/health") && method.equals("GET")) {
            send(exchange, 200, "application/json", "{\"status\":\"ok\"}", Map.of());
        } else {
            localProblem(exchange, 404, "no local route " + method + " " + path);
        }
    }

    /** POST /local/tokens {"sub","email","groups":["school"|"staff"],"schoolNumber","expiresInSeconds"}. */
    private void issueToken(HttpExchange exchange) throws IOException {
        byte[] raw = readBody(exchange.getRequestBody());
        JsonNode body;
        try {
            body = raw == null ? null : JSON.readTree(raw);
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            localProblem(exchange, 400, "send a JSON object: {\"sub\",\"email\",\"groups\",\"schoolNumber\"}");
            return;
        }
        String sub = body.path("sub").asText("");
        String email = body.path("email").asText("");
        List<String> groups = new ArrayList<>();
        body.path("groups").forEach(g -> groups.add(g.asText()));
        String school = body.hasNonNull("schoolNumber") ? body.get("schoolNumber").asText() : null;
        long ttl = body.path("expiresInSeconds").asLong(3600);
        List<String> problems = new ArrayList<>();
        if (sub.isBlank()) problems.add("sub is required");
        if (email.isBlank()) problems.add("email is required");
        if (groups.isEmpty() || !LocalJwt.allowedGroups().containsAll(groups)) problems.add("groups must be [\"school\"] or [\"staff\"]");
        if (groups.contains("school") && (school == null || !school.matches("[0-9]{1,10}"))) problems.add("a school user needs a schoolNumber of digits");
        // Negative lifetimes are allowed on purpose: they make expired tokens for tests.
        if (ttl > 86_400 || ttl < -86_400) problems.add("expiresInSeconds must be within a day");
        if (!problems.isEmpty()) {
            localProblem(exchange, 400, String.join("; ", problems));
            return;
        }
        String token = jwt.issue(sub, email, groups, school, Duration.ofSeconds(ttl));
        ObjectNode out = JSON.createObjectNode();
        out.put("token", token);
        out.put("tokenType", "Bearer");
        out.put("expiresAt", Instant.now().plusSeconds(ttl).toString());
        send(exchange, 201, "application/json", JSON.writeValueAsString(out), Map.of());
    }

    private void localProblem(HttpExchange exchange, int status, String detail) throws IOException {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", status == 404 ? "Not found" : "Bad request");
        p.put("status", status);
        p.put("detail", detail);
        send(exchange, status, "application/problem+json", JSON.writeValueAsString(p), Map.of());
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String h = exchange.getRequestHeaders().getFirst("authorization");
        if (h == null || h.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : h.strip());
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
        return bytes.length > MAX_PAYLOAD ? null : bytes;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body,
                             Map<String, String> headers) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                             Map<String, String> headers) throws IOException {
        if (contentType != null) {
            exchange.getResponseHeaders().set("content-type", contentType);
        }
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        exchange.getResponseHeaders().set("apigw-requestid", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
