package org.schoolcollab.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticSiteUnitTest {
    @TempDir
    Path dir;

    private StaticSite builtSite() throws Exception {
        Path dist = dir.resolve("dist");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("index.html"), "<!doctype html><title>Kāhui Ako</title>");
        Files.writeString(dist.resolve("assets/index-abc123.js"), "console.log(1)");
        Files.writeString(dir.resolve("secret.txt"), "outside the site");
        return new StaticSite(dist, "http://localhost:4566");
    }

    @Test
    void servesLocalModeConfigUncached() throws Exception {
        StaticSite.Response r = builtSite().get("/config.json").orElseThrow();
        assertEquals("{\"mode\":\"local\",\"apiBaseUrl\":\"\"}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("no-store", r.headers().get("cache-control"));
    }

    @Test
    void servesIndexWithContentSecurityPolicyThatAllowsOnlyThisOriginAndS3() throws Exception {
        StaticSite.Response r = builtSite().get("/").orElseThrow();
        assertEquals("text/html; charset=utf-8", r.contentType());
        assertEquals("<!doctype html><title>Kāhui Ako</title>", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("no-cache", r.headers().get("cache-control"));
        String csp = r.headers().get("content-security-policy");
        assertTrue(csp.contains("script-src 'self';"), csp);
        assertTrue(csp.contains("connect-src 'self' http://localhost:4566 http://127.0.0.1:4566;"), csp);
        assertEquals("DENY", r.headers().get("x-frame-options"));
    }

    @Test
    void cachesHashedAssetsForGood() throws Exception {
        StaticSite.Response r = builtSite().get("/assets/index-abc123.js").orElseThrow();
        assertEquals("text/javascript; charset=utf-8", r.contentType());
        assertEquals("public, max-age=31536000, immutable", r.headers().get("cache-control"));
        assertFalse(r.headers().containsKey("content-security-policy"));
    }

    @Test
    void refusesPathsOutsideTheSiteAndUnknownFiles() throws Exception {
        StaticSite site = builtSite();
        assertTrue(site.get("/../secret.txt").isEmpty());
        assertTrue(site.get("/%2e%2e/secret.txt").isEmpty());
        assertTrue(site.get("/assets/../../secret.txt").isEmpty());
        assertTrue(site.get("/nope.js").isEmpty());
        assertTrue(site.get("/assets").isEmpty());
    }

    @Test
    void saysHowToBuildWhenTheSiteIsNotBuilt() throws Exception {
        StaticSite site = new StaticSite(dir.resolve("missing"), "http://localhost:4566");
        assertFalse(site.built());
        String page = new String(site.get("/").orElseThrow().body(), StandardCharsets.UTF_8);
        assertTrue(page.contains("npm ci --prefix web &amp;&amp; npm run build --prefix web"), page);
        assertTrue(site.get("/assets/index.js").isEmpty());
    }
}
