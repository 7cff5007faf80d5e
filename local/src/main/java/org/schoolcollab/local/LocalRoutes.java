package org.schoolcollab.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.schoolcollab.local.HttpExchanges.readBody;
import static org.schoolcollab.local.HttpExchanges.send;

/** Local-only routes under /local/, so tests and the front end can do here what Cognito, SES and Scheduler do in AWS. */
final class LocalRoutes {
    static final String PREFIX = "/local/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Answers one local route; path holds the groups of the route's pattern. */
    private interface Handler {
        void handle(HttpExchange exchange, Matcher path) throws IOException;
    }

    private record Route(String method, Pattern path, Handler handler) {}

    private final LocalJwt jwt;
    private final Outbox outbox;
    private final ScheduleTrigger schedules;
    private final List<Route> routes;

    LocalRoutes(LocalJwt jwt, Outbox outbox, ScheduleTrigger schedules) {
        this.jwt = jwt;
        this.outbox = outbox;
        this.schedules = schedules;
        this.routes = List.of(
                new Route("POST", Pattern.compile("/local/tokens"), (x, p) -> issueToken(x)),
                new Route("POST", Pattern.compile("/local/schedules/([^/]+)"), (x, p) -> fireSchedule(x, p.group(1))),
                new Route("GET", Pattern.compile("/local/outbox"), (x, p) -> json(x, outbox.list())),
                new Route("GET", Pattern.compile("/local/outbox/(.*)"), (x, p) -> mail(x, p.group(1))),
                new Route("GET", Pattern.compile("/local/jwks\\.json"),
                        (x, p) -> send(x, 200, "application/json", jwt.publicJwks(), Map.of())),
                new Route("GET", Pattern.compile("/local/health"),
                        (x, p) -> send(x, 200, "application/json", "{\"status\":\"ok\"}", Map.of())));
    }

    void serve(HttpExchange exchange, String path) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        for (Route r : routes) {
            Matcher m = r.path().matcher(path);
            if (r.method().equals(method) && m.matches()) {
                r.handler().handle(exchange, m);
                return;
            }
        }
        problem(exchange, 404, "no local route " + method + " " + path);
    }

    private void mail(HttpExchange exchange, String id) throws IOException {
        Optional<JsonNode> mail = outbox.find(id);
        if (mail.isPresent()) {
            json(exchange, mail.get());
        } else {
            problem(exchange, 404, "no such mail in the outbox");
        }
    }

    /** The request's JSON body: missing when empty, null when it is not JSON or too large. */
    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] raw = readBody(exchange.getRequestBody());
        try {
            return raw == null ? null : JSON.readTree(raw);
        } catch (IOException e) {
            return null;
        }
    }

    /** POST /local/schedules/{FunctionLogicalId} [{"time": ISO-8601 instant, "schedule": event name}]: fires it now. */
    private void fireSchedule(HttpExchange exchange, String functionId) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null || !(body.isObject() || body.isMissingNode())) {
            problem(exchange, 400, "send no body or a JSON object: {\"time\": \"2027-02-01T00:00:00Z\"}");
            return;
        }
        Instant time;
        try {
            time = body.hasNonNull("time") ? Instant.parse(body.get("time").asText()) : Instant.now();
        } catch (DateTimeParseException e) {
            problem(exchange, 400, "time must be an ISO-8601 instant like 2027-02-01T00:00:00Z, got " + body.get("time"));
            return;
        }
        String name = body.hasNonNull("schedule") ? body.get("schedule").asText() : null;
        Optional<ScheduleTrigger.Target> target = schedules.find(functionId, name);
        if (target.isEmpty()) {
            problem(exchange, 404, "no ScheduleV2 event" + (name == null ? "" : " " + name) + " on function " + functionId);
            return;
        }
        ScheduleTrigger.Outcome outcome = schedules.fire(target.get(), time);
        if (outcome.failed()) {
            ObjectNode p = problemBody(502, outcome.error());
            p.put("attempts", outcome.attempts());
            p.put("deadLetter", outcome.deadLetter().getFileName().toString());
            send(exchange, 502, "application/problem+json", JSON.writeValueAsString(p), Map.of());
            return;
        }
        ObjectNode out = JSON.createObjectNode();
        out.put("function", functionId);
        out.put("schedule", outcome.schedule());
        out.put("time", outcome.time());
        out.set("response", JSON.readTree(outcome.response()));
        json(exchange, out);
    }

    /** POST /local/tokens {"sub","email","groups":["school"|"staff"],"schoolNumber","expiresInSeconds"}. */
    private void issueToken(HttpExchange exchange) throws IOException {
        JsonNode body = readJson(exchange);
        if (body == null || !body.isObject()) {
            problem(exchange, 400, "send a JSON object: {\"sub\",\"email\",\"groups\",\"schoolNumber\"}");
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
            problem(exchange, 400, String.join("; ", problems));
            return;
        }
        String token = jwt.issue(sub, email, groups, school, Duration.ofSeconds(ttl));
        ObjectNode out = JSON.createObjectNode();
        out.put("token", token);
        out.put("tokenType", "Bearer");
        out.put("expiresAt", Instant.now().plusSeconds(ttl).toString());
        send(exchange, 201, "application/json", JSON.writeValueAsString(out), Map.of());
    }

    private static void json(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, "application/json", JSON.writeValueAsString(body), Map.of());
    }

    private static void problem(HttpExchange exchange, int status, String detail) throws IOException {
        send(exchange, status, "application/problem+json", JSON.writeValueAsString(problemBody(status, detail)), Map.of());
    }

    private static ObjectNode problemBody(int status, String detail) {
        ObjectNode p = JSON.createObjectNode();
        p.put("type", "about:blank");
        p.put("title", switch (status) {
            case 404 -> "Not found";
            case 502 -> "Bad gateway";
            default -> "Bad request";
        });
        p.put("status", status);
        p.put("detail", detail);
        return p;
    }
}
