import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../src/config";
import { outputsOf, runtimeConfig } from "./runtime-config.mjs";

const script = join(dirname(fileURLToPath(import.meta.url)), "runtime-config.mjs");

/** The outputs as `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` prints them. */
const outputs = [
  { OutputKey: "ApiUrl", OutputValue: "https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com", Description: "Base URL of the HTTP API" },
  { OutputKey: "UserPoolId", OutputValue: "ap-southeast-2_AbC123xyZ" },
  { OutputKey: "UserPoolClientId", OutputValue: "4example0client0id0abcdefgh" },
  { OutputKey: "CognitoDomain", OutputValue: "https://school-collab-dev-123456789012.auth.ap-southeast-2.amazoncognito.com" },
  { OutputKey: "SiteUrl", OutputValue: "https://d111111abcdef8.cloudfront.net/" },
  { OutputKey: "SiteBucketName", OutputValue: "school-collab-dev-sitebucket-1a2b3c" },
  { OutputKey: "TableName", OutputValue: "school-collab-dev-Table-XYZ" },
];

const expected = {
  mode: "cognito",
  apiBaseUrl: "https://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com",
  cognito: {
    authority: "https://cognito-idp.ap-southeast-2.amazonaws.com/ap-southeast-2_AbC123xyZ",
    clientId: "4example0client0id0abcdefgh",
    domain: "https://school-collab-dev-123456789012.auth.ap-southeast-2.amazoncognito.com",
    redirectUri: "https://d111111abcdef8.cloudfront.net/",
    logoutUri: "https://d111111abcdef8.cloudfront.net/",
  },
};

function withValue(key: string, value: string | undefined) {
  return outputs.flatMap((o) => (o.OutputKey !== key ? [o] : value === undefined ? [] : [{ ...o, OutputValue: value }]));
}

describe("runtime config from the stack's outputs", () => {
  it("makes the cognito config: issuer from the pool's region, the site's origin as redirect and logout URI", () => {
    expect(runtimeConfig(outputs)).toEqual(expected);
  });

  it("is what the front end reads back unchanged", () => {
    expect(parseConfig(runtimeConfig(outputs))).toEqual(expected);
  });

  it("drops trailing slashes from the API and hosted UI URLs and ends the redirect URI with exactly one", () => {
    const config = runtimeConfig(
      outputs.map((o) =>
        o.OutputKey === "ApiUrl" || o.OutputKey === "CognitoDomain"
          ? { ...o, OutputValue: o.OutputValue + "/" }
          : o.OutputKey === "SiteUrl"
            ? { ...o, OutputValue: "https://d111111abcdef8.cloudfront.net" }
            : o,
      ),
    );
    expect(config).toEqual(expected);
    expect(config.apiBaseUrl.endsWith("/")).toBe(false);
  });

  it("names every missing output", () => {
    const without = outputs.filter((o) => o.OutputKey !== "UserPoolClientId" && o.OutputKey !== "CognitoDomain");
    expect(() => runtimeConfig(without)).toThrow(/lack UserPoolClientId, CognitoDomain/);
    expect(() => runtimeConfig([])).toThrow(/lack ApiUrl, UserPoolId, UserPoolClientId, CognitoDomain, SiteUrl/);
    expect(() => runtimeConfig(withValue("SiteUrl", "  "))).toThrow(/lack SiteUrl/);
  });

  it("refuses values that cannot be right", () => {
    expect(() => runtimeConfig(withValue("UserPoolId", "not-a-pool"))).toThrow("output UserPoolId is not a user pool id");
    expect(() => runtimeConfig(withValue("ApiUrl", "http://a1b2c3d4e5.execute-api.ap-southeast-2.amazonaws.com"))).toThrow(
      "output ApiUrl must be an https URL",
    );
    expect(() => runtimeConfig(withValue("SiteUrl", "d111111abcdef8.cloudfront.net"))).toThrow("output SiteUrl is not a URL");
    expect(() => runtimeConfig({ Stacks: [] } as never)).toThrow("a JSON array of {OutputKey, OutputValue}");
  });

  it("sends sign-in back to another origin when asked (a laptop's, the stack's DevWebOrigin)", () => {
    const local = runtimeConfig(outputs, { siteOrigin: "http://localhost:5173" });
    expect(local.cognito).toMatchObject({ redirectUri: "http://localhost:5173/", logoutUri: "http://localhost:5173/" });
    expect(local.apiBaseUrl).toBe(expected.apiBaseUrl);
    expect(() => runtimeConfig(outputs, { siteOrigin: "http://dev.example.org" })).toThrow("must be https (or http on localhost)");

    const cli = spawnSync(process.execPath, [script, "--site-origin", "https://dev.example.org/"], { input: JSON.stringify(outputs), encoding: "utf8" });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout).cognito.redirectUri).toBe("https://dev.example.org/");
    const wrong = spawnSync(process.execPath, [script, "--sites"], { input: JSON.stringify(outputs), encoding: "utf8" });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain("usage:");
  });

  it("takes describe-stacks' whole answer for one stack as well as its outputs", () => {
    expect(outputsOf({ Stacks: [{ StackName: "school-collab", Outputs: outputs }] })).toBe(outputs);
    expect(outputsOf(outputs)).toBe(outputs);
    expect(() => outputsOf({ Stacks: [] })).toThrow("expected the stack's outputs on stdin");
  });

  it("runs as a command: outputs on stdin, config.json on stdout, a clear error and exit 1 otherwise", () => {
    const ok = spawnSync(process.execPath, [script], { input: JSON.stringify(outputs), encoding: "utf8" });
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual(expected);

    const missing = spawnSync(process.execPath, [script], { input: JSON.stringify(withValue("ApiUrl", undefined)), encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("runtime-config: the stack's outputs lack ApiUrl");

    const garbage = spawnSync(process.execPath, [script], { input: "None", encoding: "utf8" });
    expect(garbage.status).toBe(1);
    expect(garbage.stderr).toContain("stdin is not JSON");
  });
});
