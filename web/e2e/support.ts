import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const ARTIFACTS = resolve(import.meta.dirname, "..", "e2e-artifacts");

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: inject("chromium"),
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}

export async function openPage(browser: Browser, opts: { phone?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: inject("baseUrl"),
    viewport: opts.phone ? { width: 375, height: 740 } : { width: 1280, height: 900 },
    locale: "en-NZ",
    timezoneId: "Pacific/Auckland",
  });
  const page = await context.newPage();
  const problems: string[] = [];
  pageProblems.set(page, problems);
  page.on("pageerror", (e) => {
    problems.push(`page error: ${e.message}`);
    console.error(`[browser] page error: ${e.message}`);
  });
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // The runner sends the same Content-Security-Policy as CloudFront: anything it refuses would break in AWS too.
    if (/Content Security Policy/i.test(m.text())) problems.push(m.text());
    console.error(`[browser] ${m.text()}`);
  });
  return page;
}

/** Local mode's developer sign-in, by the label of one of its example users (or a custom school/staff user). */
export async function signIn(page: Page, who: string | { group: "school" | "staff"; schoolNumber?: string; email: string }): Promise<void> {
  await page.goto("/#/sign-in");
  if (typeof who === "string") {
    await page.getByLabel(who).check();
  } else {
    await page.getByLabel("Someone else").check();
    await page.getByLabel("Role").selectOption(who.group);
    if (who.schoolNumber) await page.getByLabel("School number").fill(who.schoolNumber);
    await page.getByLabel("Email").fill(who.email);
  }
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForFunction(() => !location.hash.startsWith("#/sign-in"));
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(/#\/sign-in/);
}

const pageProblems = new WeakMap<Page, string[]>();

/** Uncaught errors and Content-Security-Policy refusals seen on this page so far (pages from openPage). */
export function browserProblems(page: Page): string[] {
  return pageProblems.get(page) ?? [];
}

/**
 * axe-core against WCAG 2.1 A and AA: no serious or critical violation on the page as it is now; and, since
 * every page test calls this, no script error or CSP refusal so far.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  expect(browserProblems(page), `script errors or CSP refusals before ${name}`).toEqual([]);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join("\n  ")}`);
  expect(report, `axe on ${name}`).toEqual([]);
}

/** A full-page screenshot for a person to look at: web/e2e-artifacts/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = resolve(ARTIFACTS, "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, `${name}.png`), fullPage: true });
}

/** The local runner's outbox: every email the application has sent. */
export async function outbox(): Promise<Array<{ to: string; subject: string; text?: string; [k: string]: unknown }>> {
  const r = await fetch(`${inject("baseUrl")}/local/outbox`);
  return (await r.json()) as Array<{ to: string; subject: string }>;
}

export const browserMissing = (): string => inject("browserMissing");

/** A user the local runner issues tokens for: a school user names its school. */
export type ApiUser = { sub: string; email: string; group: "school" | "staff"; schoolNumber?: string };

/** A school user of school n, with the address the e2e files use unless another is given. */
export function schoolUser(n: number | string, email = `tumuaki@${n}.example.school.nz`): ApiUser {
  return { sub: `school-${n}`, email, group: "school", schoolNumber: String(n) };
}

/** A bearer token for this user from the local runner (POST /local/tokens). */
export async function tokenFor(user: ApiUser): Promise<string> {
  const r = await fetch(`${inject("baseUrl")}/local/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ sub: user.sub, email: user.email, groups: [user.group], ...(user.schoolNumber ? { schoolNumber: user.schoolNumber } : {}) }),
  });
  expect(r.ok, `token for ${user.sub}: HTTP ${r.status}`).toBe(true);
  return ((await r.json()) as { token: string }).token;
}

/**
 * Calls the API as this user, with a fresh token: for preconditions and for what someone else does meanwhile.
 * The body, when given, is sent as JSON; json is the answer parsed ({} when it is empty or not JSON).
 */
export async function apiAs<T = Record<string, unknown>>(user: ApiUser, method: string, path: string, body?: unknown):
  Promise<{ status: number; json: T; headers: Headers }> {
  const r = await fetch(`${inject("baseUrl")}${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenFor(user)}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await r.text();
  let json: unknown = {};
  try {
    if (text) json = JSON.parse(text);
  } catch {
    // not JSON: the status says what happened
  }
  return { status: r.status, json: json as T, headers: r.headers };
}

/**
 * Polls probe until it returns a value (anything but undefined) and returns that; throws after timeoutMs.
 * For what a stream reaction does a moment after an action (funding records, emails).
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000, everyMs = 300): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Every run of white space (Intl's no-break spaces and the markup's line breaks too) made one plain space. */
export const collapse = (text: string): string => text.replace(/\s+/g, " ");

/** The text of the one element selector names (main by default), white space collapsed, for assertions. */
export async function textOf(page: Page, selector = "main"): Promise<string> {
  return collapse((await page.locator(selector).textContent()) ?? "");
}
