import { createHash } from "node:crypto";
import { readFileSync, existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, resolve } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserMissing, launchBrowser } from "./support";

/**
 * The AWS sign-in path without AWS: the built site in cognito mode against a stand-in for Cognito's hosted UI
 * and token endpoint (the real one needs an account). It proves the front end runs the authorization-code flow
 * with PKCE (S256), sends the ID token to the API, and signs out through Cognito's /logout.
 */
const dist = resolve(import.meta.dirname, "..", "dist");
const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".map": "application/json" };

interface Seen {
  authorize?: URLSearchParams;
  token?: URLSearchParams;
  apiAuthorization?: string;
  logout?: URLSearchParams;
  idToken?: string;
}

function b64url(o: unknown): string {
  return Buffer.from(JSON.stringify(o)).toString("base64url");
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

describe.skipIf(browserMissing())("sign-in through Cognito's hosted UI (authorization code + PKCE)", () => {
  let browser: Browser;
  let server: Server;
  let base = "";
  const seen: Seen = {};
  const issued = new Map<string, string>(); // code -> code_challenge
  const idToken = () =>
    `${b64url({ alg: "RS256", kid: "k" })}.${b64url({
      iss: `${base}/idp`, aud: "web-client", sub: "cognito-user-1", token_use: "id", email: "tumuaki@ōtaki.example.school.nz",
      "cognito:groups": ["school"], "custom:schoolNumber": "9101", iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 3600,
    })}.c2ln`;

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      const url = new URL(req.url ?? "/", base);
      const json = (status: number, o: unknown) => {
        res.writeHead(status, { "content-type": "application/json", "access-control-allow-origin": "*", "access-control-allow-headers": "authorization" });
        res.end(JSON.stringify(o));
      };
      if (url.pathname === "/config.json") {
        return json(200, { mode: "cognito", apiBaseUrl: `${base}/api`, cognito: { authority: `${base}/idp`, clientId: "web-client", domain: `${base}/hosted-ui`, redirectUri: `${base}/`, logoutUri: `${base}/` } });
      }
      if (url.pathname === "/idp/.well-known/openid-configuration") {
        return json(200, { issuer: `${base}/idp`, authorization_endpoint: `${base}/hosted-ui/oauth2/authorize`, token_endpoint: `${base}/hosted-ui/oauth2/token`, jwks_uri: `${base}/idp/jwks`, response_types_supported: ["code"] });
      }
      if (url.pathname === "/hosted-ui/oauth2/authorize") {
        seen.authorize = url.searchParams;
        const code = `code-${issued.size + 1}`;
        issued.set(code, url.searchParams.get("code_challenge") ?? "");
        res.writeHead(302, { location: `${url.searchParams.get("redirect_uri")}?code=${code}&state=${url.searchParams.get("state")}` });
        return res.end();
      }
      if (url.pathname === "/hosted-ui/oauth2/token" && req.method === "POST") {
        const form = new URLSearchParams(await body(req));
        seen.token = form;
        const challenge = issued.get(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        if (!challenge || createHash("sha256").update(verifier).digest("base64url") !== challenge) return json(400, { error: "invalid_grant" });
        issued.delete(form.get("code") ?? ""); // a code is good once
        seen.idToken = idToken();
        return json(200, { id_token: seen.idToken, access_token: "access-token-not-for-the-api", token_type: "Bearer", expires_in: 3600 });
      }
      if (url.pathname === "/hosted-ui/logout") {
        seen.logout = url.searchParams;
        res.writeHead(302, { location: url.searchParams.get("logout_uri") ?? "/" });
        return res.end();
      }
      if (url.pathname.startsWith("/api/")) {
        if (req.method === "OPTIONS") return json(204, {});
        seen.apiAuthorization = req.headers.authorization;
        return json(200, { items: [] });
      }
      const file = resolve(dist, url.pathname === "/" ? "index.html" : url.pathname.slice(1));
      if (!file.startsWith(dist) || !existsSync(file)) return json(404, { message: "Not Found" });
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    base = `http://localhost:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((ok) => server?.close(ok));
  });

  it("signs in with a code and a PKCE verifier, calls the API with the ID token, and signs out at Cognito", async () => {
    const context = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto("/#/my");
    await page.waitForURL(/#\/sign-in/);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.hash === "#/my" && !u.search);
    await expect.poll(() => page.locator(".site-header__user").textContent()).toContain("tumuaki@ōtaki.example.school.nz (school 9101)");

    expect(seen.authorize?.get("response_type")).toBe("code");
    expect(seen.authorize?.get("client_id")).toBe("web-client");
    expect(seen.authorize?.get("code_challenge_method")).toBe("S256");
    expect(seen.authorize?.get("scope")).toBe("openid email profile");
    expect(seen.token?.get("grant_type")).toBe("authorization_code");
    expect(seen.token?.get("redirect_uri")).toBe(`${base}/`);
    expect(seen.token?.get("code_verifier")?.length).toBeGreaterThanOrEqual(43);
    // The API reads email, groups and school number, which only the ID token carries.
    await expect.poll(() => seen.apiAuthorization).toBe(`Bearer ${seen.idToken}`);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => seen.logout?.get("client_id")).toBe("web-client");
    expect(seen.logout?.get("logout_uri")).toBe(`${base}/`);
    await page.waitForURL(/#\/sign-in|\/$/);
    await context.close();
  });
});
