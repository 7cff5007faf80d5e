package org.schoolcollab.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.schoolcollab.local.HttpExchanges.readBody;
import static org.schoolcollab.local.HttpExchanges.send;

/** The HTTP API on one local port, so the browser, curl and the tests reach functions as they would through API Gateway. */
final class HttpGateway implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RouteTable routes;
    private final LocalRoutes localRoutes;
    private final LocalJwt jwt;
    private final StaticSite site;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    HttpGateway(int port, List<LocalFunction> functions, LocalJwt jwt, Outbox outbox, StaticSite site,
                ScheduleTrigger schedules) throws IOException {
        this.jwt = jwt;
        this.site = site;
        this.routes = new RouteTable(functions);
        this.localRoutes = new LocalRoutes(jwt, outbox, schedules);
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
        return routes.routeKeys();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith(LocalRoutes.PREFIX)) {
                localRoutes.serve(exchange, path);
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
        Optional<RouteTable.Match> found = routes.match(method, rawPath);
        if (found.isEmpty()) {
            serveSite(exchange, method, rawPath);
            return;
        }
        RouteTable.Match match = found.get();
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
        String event = JSON.writeValueAsString(
                HttpApiPayload.event(exchange, match.route(), path, match.pathParameters(), claims, body));
        String response;
        try {
            response = match.function().invoke(event);
        } catch (RuntimeException e) {
            // An unhandled function error: API Gateway answers 500 and says nothing more.
            System.err.println("function " + match.function().id() + " failed: " + e);
            send(exchange, 500, "application/json", "{\"message\":\"Internal Server Error\"}", Map.of());
            return;
        }
        HttpApiPayload.relay(exchange, response);
    }

    /** No route: the built front end answers GET and HEAD, as CloudFront does in front of the API. */
    private void serveSite(HttpExchange exchange, String method, String rawPath) throws IOException {
        Optional<StaticSite.Response> file = method.equals("GET") || method.equals("HEAD")
                ? site.get(rawPath) : Optional.empty();
        if (file.isPresent()) {
            StaticSite.Response r = file.get();
            send(exchange, r.status(), r.contentType(), method.equals("HEAD") ? new byte[0] : r.body(), r.headers());
        } else {
            send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}", Map.of());
        }
    }

    private static Optional<String> bearer(HttpExchange exchange) {
        String h = exchange.getRequestHeaders().getFirst("authorization");
        if (h == null || h.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(h.regionMatches(true, 0, "Bearer ", 0, 7) ? h.substring(7).strip() : h.strip());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
