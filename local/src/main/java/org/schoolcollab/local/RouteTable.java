package org.schoolcollab.local;

import org.schoolcollab.local.template.HttpRoute;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Picks a request's route as API Gateway does, so the route that answers locally is the one that would in AWS. */
final class RouteTable {
    private record Route(HttpRoute route, Pattern pattern, List<String> params, LocalFunction function) {}

    /** A matched route; its path parameters are decoded only when asked for. */
    record Match(HttpRoute route, LocalFunction function, List<String> names, Matcher matcher) {
        Map<String, String> pathParameters() {
            Map<String, String> pathParams = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                pathParams.put(names.get(i),
                        URLDecoder.decode(matcher.group(i + 1).replace("+", "%2B"), StandardCharsets.UTF_8));
            }
            return pathParams;
        }
    }

    private final List<Route> routes = new ArrayList<>();

    RouteTable(List<LocalFunction> functions) {
        for (LocalFunction f : functions) {
            for (HttpRoute r : f.definition().routes()) {
                List<String> params = new ArrayList<>();
                routes.add(new Route(r, compile(r.path(), params), params, f));
            }
        }
        // Literal paths win over parameterised ones, as in API Gateway.
        routes.sort((a, b) -> Integer.compare(a.params().size(), b.params().size()));
    }

    /** /plans/{id} and greedy /files/{key+} as a regular expression; the parameter names go to params. */
    private static Pattern compile(String path, List<String> params) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(path.substring(last, m.start())));
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
        regex.append(Pattern.quote(path.substring(last))).append("$");
        return Pattern.compile(regex.toString());
    }

    /** The first route for the method whose path matches the raw (still encoded) request path. */
    Optional<Match> match(String method, String rawPath) {
        for (Route r : routes) {
            Matcher m = r.pattern().matcher(rawPath);
            if (r.route().method().equals(method) && m.matches()) {
                return Optional.of(new Match(r.route(), r.function(), r.params(), m));
            }
        }
        return Optional.empty();
    }

    List<String> routeKeys() {
        return routes.stream().map(r -> r.route().routeKey()).toList();
    }
}
