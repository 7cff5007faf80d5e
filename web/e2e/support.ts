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
  // Signed in, the page goes to "#/" and from there to the user's home: wait for that too, so that a page opened
  // next is not sent home by a redirect still on its way.
  await page.waitForFunction(() => !location.hash.startsWith("#/sign-in") && location.hash !== "#/" && location.hash !== "");
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

/** DynamoDB's attribute values, as its JSON protocol writes them. */
type Attribute = { S?: string; N?: string; BOOL?: boolean; M?: Record<string, Attribute>; L?: Attribute[] };
type Item = Record<string, Attribute>;

/**
 * One call to the runner's DynamoDB Local (its endpoint and table come from the runner's banner). DynamoDB Local
 * checks no signatures, so a well-formed Authorization header with key `local` is enough.
 */
async function dynamo<T = Record<string, unknown>>(operation: string, body: Record<string, unknown>): Promise<T> {
  const r = await fetch(inject("dynamoEndpoint"), {
    method: "POST",
    headers: {
      "x-amz-target": `DynamoDB_20120810.${operation}`,
      "content-type": "application/x-amz-json-1.0",
      authorization: "AWS4-HMAC-SHA256 Credential=local/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`DynamoDB ${operation}: HTTP ${r.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function getItem(pk: string, sk: string): Promise<Item> {
  const found = await dynamo<{ Item?: Item }>("GetItem", { TableName: inject("dynamoTable"), Key: { pk: { S: pk }, sk: { S: sk } }, ConsistentRead: true });
  if (!found.Item) throw new Error(`no item ${pk} / ${sk}`);
  return found.Item;
}

/**
 * A community endorsed before roles were recorded: the state of every community endorsed before endorsements
 * carried the role allocation, which the API can no longer make (it refuses an endorsement without one). Written
 * as the old endorsement wrote it (functions/.../review/adapters/DynamoPlanReviewStore and PlanDecisionItemMapper):
 * in one transaction the RECEIVED plan becomes ENDORSED and its PLAN_DECISION item is put beside it, without
 * `releasesRoles` and with no ROLES_RECORDED item, and the community is marked ENDORSED (which the decision's stream
 * reaction did then; it finds it done). The decision's reaction still mails the contact and staff.
 */
export async function communityEndorsedBeforeRolesWereRecorded(opts: {
  communityId: string;
  planId: string;
  leaderSchoolNumber: string;
  staff: { sub: string; email: string };
  comments?: string;
}): Promise<void> {
  const table = inject("dynamoTable");
  const pk = `COMMUNITY#${opts.communityId}`;
  const community = await getItem(pk, "COMMUNITY");
  const plan = await getItem(pk, `PLAN#${opts.planId}`);
  expect(plan.status?.S, "the plan must be RECEIVED to be endorsed").toBe("RECEIVED");
  expect(community.status?.S, "the community must be FORMING").toBe("FORMING");
  const decidedAt = new Date().toISOString();
  const decision: Item = {
    pk: { S: pk },
    sk: { S: `PLAN_DECISION#${opts.planId}` },
    type: { S: "PLAN_DECISION" },
    communityId: { S: opts.communityId },
    planId: { S: opts.planId },
    planVersion: { N: plan.version!.N! },
    programme: community.programme!,
    decision: { S: "ENDORSED" },
    ...(opts.comments ? { comments: { S: opts.comments } } : {}),
    leaderSchoolNumber: { S: opts.leaderSchoolNumber },
    decidedBySub: { S: opts.staff.sub },
    decidedByEmail: { S: opts.staff.email },
    decidedAt: { S: decidedAt },
    communityName: community.name!,
    contact: community.contact!,
    members: community.members!,
  };
  await dynamo("TransactWriteItems", {
    TransactItems: [
      {
        Update: {
          TableName: table,
          Key: { pk: { S: pk }, sk: { S: `PLAN#${opts.planId}` } },
          ConditionExpression: "#status = :received",
          UpdateExpression: "SET #status = :endorsed, decidedAt = :at",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":received": { S: "RECEIVED" }, ":endorsed": { S: "ENDORSED" }, ":at": { S: decidedAt } },
        },
      },
      { Put: { TableName: table, Item: decision, ConditionExpression: "attribute_not_exists(pk)" } },
      {
        // In the same transaction, so the decision's reaction finds the community ENDORSED already and changes nothing.
        Update: {
          TableName: table,
          Key: { pk: { S: pk }, sk: { S: "COMMUNITY" } },
          ConditionExpression: "#status = :forming",
          UpdateExpression: "SET #status = :endorsed, endorsedAt = :at",
          ExpressionAttributeNames: { "#status": "status" },
          ExpressionAttributeValues: { ":forming": { S: "FORMING" }, ":endorsed": { S: "ENDORSED" }, ":at": { S: decidedAt } },
        },
      },
    ],
  });
}
