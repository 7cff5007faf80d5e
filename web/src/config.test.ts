import { describe, expect, it } from "vitest";
import { loadConfig, parseConfig } from "./config";

describe("runtime config", () => {
  it("reads local mode and drops a trailing slash from the API's base URL", () => {
    expect(parseConfig({ mode: "local", apiBaseUrl: "http://localhost:3000/" })).toEqual({ mode: "local", apiBaseUrl: "http://localhost:3000" });
  });

  it("reads cognito mode with every setting", () => {
    const cognito = { authority: "https://cognito-idp.ap-southeast-2.amazonaws.com/pool", clientId: "abc", domain: "https://x.auth.ap-southeast-2.amazoncognito.com", redirectUri: "https://d1.cloudfront.net/", logoutUri: "https://d1.cloudfront.net/" };
    expect(parseConfig({ mode: "cognito", apiBaseUrl: "https://api.example/", cognito })).toEqual({ mode: "cognito", apiBaseUrl: "https://api.example", cognito });
  });

  it("names every missing cognito setting", () => {
    expect(() => parseConfig({ mode: "cognito", cognito: { clientId: "abc" } })).toThrow(
      "config.json (cognito mode) lacks apiBaseUrl, cognito.authority, cognito.domain, cognito.redirectUri, cognito.logoutUri",
    );
  });

  it("refuses an unknown mode and a non-object", () => {
    expect(() => parseConfig({ mode: "magic" })).toThrow("unknown mode: magic");
    expect(() => parseConfig(null)).toThrow("not a JSON object");
  });

  it("says which HTTP status stopped the config from loading", async () => {
    const fake = (async () => new Response("nope", { status: 503 })) as unknown as typeof fetch;
    await expect(loadConfig(fake)).rejects.toThrow("HTTP 503");
  });
});
