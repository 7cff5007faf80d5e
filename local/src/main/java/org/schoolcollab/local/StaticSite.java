package org.schoolcollab.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The web front end on the API's origin, as CloudFront serves it in AWS: the built site (web/dist), and
 * /config.json saying "local mode" so the same build signs in through /local/tokens instead of Cognito.
 */
final class StaticSite {
    record Response(int status, String contentType, byte[] body, Map<String, String> headers) {}

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("map", "application/json"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("woff2", "font/woff2"));

    static final String CONFIG = "{\"mode\":\"local\",\"apiBaseUrl\":\"\"}";

    private final Path root;
    private final String contentSecurityPolicy;

    /** s3Endpoint: where presigned uploads and downloads go, which the page must be allowed to reach. */
    StaticSite(Path root, String s3Endpoint) {
        this.root = root.toAbsolutePath().normalize();
        String s3Alias = s3Endpoint.replace("//localhost:", "//127.0.0.1:");
        // The same policy as the CloudFront response headers: nothing inline, nothing from elsewhere.
        this.contentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + s3Endpoint + " " + s3Alias + "; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'; object-src 'none'";
    }

    Path root() {
        return root;
    }

    boolean built() {
        return Files.isRegularFile(root.resolve("index.html"));
    }

    /** The response for a GET or HEAD of rawPath, or empty when the site has no such file. */
    Optional<Response> get(String rawPath) throws IOException {
        if (rawPath.equals("/config.json")) {
            return Optional.of(new Response(200, TYPES.get("json"), CONFIG.getBytes(StandardCharsets.UTF_8),
                    Map.of("cache-control", "no-store")));
        }
        if (rawPath.equals("/") && !built()) {
            String page = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Front end not built"
                    + "</title></head><body><main><h1>The web front end is not built</h1><p>Build it with "
                    + "<code>npm ci --prefix web &amp;&amp; npm run build --prefix web</code>, or start with "
                    + "<code>./run-local</code>, which builds it. The API is running.</p></main></body></html>";
            return Optional.of(new Response(200, TYPES.get("html"), page.getBytes(StandardCharsets.UTF_8),
                    Map.of("cache-control", "no-store")));
        }
        String relative = rawPath.equals("/") ? "index.html" : rawPath.substring(1);
        if (relative.contains("..") || relative.contains("\\") || relative.contains("%") || relative.isEmpty()) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-content-type-options", "nosniff");
        // Vite names built assets by content hash: cache them for good; everything else is checked every time.
        headers.put("cache-control", relative.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
        if (ext.equals("html")) {
            headers.put("content-security-policy", contentSecurityPolicy);
            headers.put("x-frame-options", "DENY");
            headers.put("referrer-policy", "strict-origin-when-cross-origin");
        }
        return Optional.of(new Response(200, TYPES.getOrDefault(ext, "application/octet-stream"),
                Files.readAllBytes(file), headers));
    }
}
