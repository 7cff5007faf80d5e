/**
 * The runtime config, read from /config.json at start-up so that one build serves every environment:
 * the local runner serves {"mode":"local"}; a deployment writes the Cognito settings from the stack's outputs
 * (web/deploy/runtime-config.mjs).
 */
export type RuntimeConfig =
  | { mode: "local"; apiBaseUrl: string }
  | {
      mode: "cognito";
      apiBaseUrl: string;
      cognito: { authority: string; clientId: string; domain: string; redirectUri: string; logoutUri: string };
    };

export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  const response = await fetchImpl("/config.json", { cache: "no-store" });
  if (!response.ok) {
    throw new Error(`The site's configuration (/config.json) could not be loaded: HTTP ${response.status}`);
  }
  return parseConfig(await response.json());
}

export function parseConfig(raw: unknown): RuntimeConfig {
  if (typeof raw !== "object" || raw === null) throw new Error("config.json is not a JSON object");
  const c = raw as Record<string, unknown>;
  const apiBaseUrl = typeof c.apiBaseUrl === "string" ? c.apiBaseUrl.replace(/\/+$/, "") : "";
  if (c.mode === "local") return { mode: "local", apiBaseUrl };
  if (c.mode === "cognito") {
    const g = (c.cognito ?? {}) as Record<string, unknown>;
    const keys = ["authority", "clientId", "domain", "redirectUri", "logoutUri"] as const;
    const missing = keys.filter((k) => typeof g[k] !== "string" || (g[k] as string).length === 0);
    if (missing.length > 0 || !apiBaseUrl) {
      throw new Error(`config.json (cognito mode) lacks ${[...(apiBaseUrl ? [] : ["apiBaseUrl"]), ...missing.map((k) => "cognito." + k)].join(", ")}`);
    }
    return {
      mode: "cognito",
      apiBaseUrl,
      cognito: Object.fromEntries(keys.map((k) => [k, g[k] as string])) as Extract<RuntimeConfig, { mode: "cognito" }>["cognito"],
    };
  }
  throw new Error(`config.json has an unknown mode: ${String(c.mode)}`);
}
