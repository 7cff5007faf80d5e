#!/usr/bin/env node
// The front end's runtime config (/config.json) for a deployed stack, written from the stack's outputs so that one
// build serves every environment. scripts/deploy runs it:
//   aws cloudformation describe-stacks --stack-name S --query 'Stacks[0].Outputs' --output json \
//     | node web/deploy/runtime-config.mjs > web/dist/config.json
// The shape is RuntimeConfig in web/src/config.ts (cognito mode); the local runner serves local mode itself.
// --site-origin URL (e.g. http://localhost:5173, the stack's DevWebOrigin) makes a config for a front end served
// elsewhere than the stack's site: sign-in returns there instead.

import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

/** The outputs of template.yaml this config is made from. */
export const REQUIRED_OUTPUTS = ["ApiUrl", "UserPoolId", "UserPoolClientId", "CognitoDomain", "SiteUrl"];

/**
 * @param {ReadonlyArray<{ OutputKey?: string, OutputValue?: string }>} outputs the stack's outputs, as
 *   `aws cloudformation describe-stacks` prints them
 * @param {{ siteOrigin?: string }} [options] siteOrigin: where the front end is served, if not the stack's SiteUrl
 * @returns {Extract<import("../src/config").RuntimeConfig, { mode: "cognito" }>}
 */
export function runtimeConfig(outputs, options = {}) {
  if (!Array.isArray(outputs)) {
    throw new Error("expected the stack's outputs: a JSON array of {OutputKey, OutputValue}");
  }
  /** @type {Map<string, string>} */
  const values = new Map();
  for (const o of outputs) {
    if (o && typeof o.OutputKey === "string" && typeof o.OutputValue === "string" && o.OutputValue.trim() !== "") {
      values.set(o.OutputKey, o.OutputValue.trim());
    }
  }
  const missing = REQUIRED_OUTPUTS.filter((k) => !values.has(k));
  if (missing.length > 0) {
    throw new Error(
      `the stack's outputs lack ${missing.join(", ")}: is this the school-collab stack, deployed from a template.yaml with the web front end?`,
    );
  }
  const value = (/** @type {string} */ key) => /** @type {string} */ (values.get(key));

  const userPoolId = value("UserPoolId");
  // A user pool id is <region>_<id>, e.g. ap-southeast-2_AbC123; its issuer is cognito-idp in that region.
  const region = /^([a-z]{2}(?:-[a-z]+)+-\d+)_[0-9A-Za-z]+$/.exec(userPoolId)?.[1];
  if (!region) {
    throw new Error(`output UserPoolId is not a user pool id (<region>_<id>): ${userPoolId}`);
  }
  const apiBaseUrl = httpsUrl("ApiUrl", value("ApiUrl")).href.replace(/\/+$/, "");
  const domain = httpsUrl("CognitoDomain", value("CognitoDomain")).origin;
  // The hosted UI sends the browser back to exactly the client's callback URL: the site's origin and "/".
  const site = (options.siteOrigin ? siteOrigin(options.siteOrigin) : httpsUrl("SiteUrl", value("SiteUrl")).origin) + "/";

  return {
    mode: "cognito",
    apiBaseUrl,
    cognito: {
      authority: `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`,
      clientId: value("UserPoolClientId"),
      domain,
      redirectUri: site,
      logoutUri: site,
    },
  };
}

/**
 * @param {string} name
 * @param {string} raw
 */
function httpsUrl(name, raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`output ${name} is not a URL: ${raw}`);
  }
  if (url.protocol !== "https:") {
    throw new Error(`output ${name} must be an https URL: ${raw}`);
  }
  return url;
}

/** @param {string} raw an origin for a front end served elsewhere: https, or http on localhost (as Cognito allows) */
function siteOrigin(raw) {
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`site origin is not a URL: ${raw}`);
  }
  const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && local)) {
    throw new Error(`site origin must be https (or http on localhost): ${raw}`);
  }
  return url.origin;
}

/**
 * The outputs array from what the CLI read: the array itself, or describe-stacks' whole answer ({"Stacks": [...]}).
 * @param {unknown} parsed
 */
export function outputsOf(parsed) {
  if (Array.isArray(parsed)) return parsed;
  const stacks = /** @type {{ Stacks?: Array<{ Outputs?: unknown }> }} */ (parsed ?? {}).Stacks;
  if (Array.isArray(stacks) && stacks.length === 1 && Array.isArray(stacks[0]?.Outputs)) return stacks[0].Outputs;
  throw new Error("expected the stack's outputs on stdin: a JSON array of {OutputKey, OutputValue} or describe-stacks' answer for one stack");
}

// CLI: node web/deploy/runtime-config.mjs [--site-origin URL] < outputs.json > config.json
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = process.argv.slice(2);
    /** @type {{ siteOrigin?: string }} */
    const options = {};
    if (args.length === 2 && args[0] === "--site-origin") options.siteOrigin = args[1];
    else if (args.length > 0) throw new Error("usage: node web/deploy/runtime-config.mjs [--site-origin URL] < outputs.json > config.json");
    const input = readFileSync(0, "utf8");
    let parsed;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new Error("stdin is not JSON (expected the stack's outputs)");
    }
    process.stdout.write(JSON.stringify(runtimeConfig(outputsOf(parsed), options), null, 2) + "\n");
  } catch (e) {
    process.stderr.write(`runtime-config: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  }
}
