import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEoi, toRequest, type EoiForm, type SchoolRow } from "../src/pages/school/eoi-rules";
import {
  apiAs, browserMissing, expectAccessible, launchBrowser, openPage, outbox, schoolUser, screenshot, signIn, until, type ApiUser,
} from "./support";

/*
 * The school portal: the application form (#/apply) and "My applications" (#/my).
 * School numbers 7101-7199 only (the runner and its store are shared with the other browser tests).
 */

const STAFF: ApiUser = { sub: "staff-school-portal-e2e", email: "office@example.org", group: "staff" };

/** A valid kahui-ako application for these school numbers, sent through the API (preconditions only). */
async function submitByApi(by: ApiUser, numbers: number[], communityName: string): Promise<string> {
  const r = await apiAs<{ id: string }>(by, "POST", "/expressions-of-interest", {
    programme: "kahui-ako",
    communityName,
    contact: { name: "Set-up", email: by.email },
    schools: numbers.map((n) => ({ schoolNumber: String(n), name: `Kura ${n}`, type: "PRIMARY", roll: 100, teacherFte: 6, boardEndorsed: true })),
    proposedChallenges: ["ATTENDANCE"],
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id;
}

async function decide(id: string, decision: "APPROVED" | "DECLINED"): Promise<void> {
  const r = await apiAs(STAFF, "POST", `/expressions-of-interest/${id}/decision`,
    decision === "DECLINED" ? { decision, reason: "Set-up for the school portal tests." } : { decision, wave: "2026-e2e" });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
}

/** Every submitted application with this name, read through the staff review queue (all pages). */
async function submittedNamed(name: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | undefined;
  do {
    const q = new URLSearchParams({ status: "SUBMITTED", limit: "100", ...(next ? { nextToken: next } : {}) });
    const r = await apiAs<{ items: Array<{ id: string; communityName: string }>; nextToken?: string }>(STAFF, "GET", `/expressions-of-interest?${q}`);
    expect(r.status).toBe(200);
    ids.push(...r.json.items.filter((i) => i.communityName === name).map((i) => i.id));
    next = r.json.nextToken;
  } while (next);
  return ids;
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
/** Waits for the page whose h1 is this (pages render after their data loads). */
const expectH1 = (page: Page, text: string) => page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 15_000 });

/** Signs a school user in; they land on "My applications" (wait for it, or a later goto races the redirect). */
async function signInSchool(page: Page, n: number): Promise<void> {
  await signIn(page, schoolUser(n));
  await page.waitForURL(/#\/my$/);
  await expectH1(page, "My applications");
}

describe.skipIf(browserMissing())("school portal", () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  /** A new page with school n signed in, opened at "My applications" or the form, once its h1 is there. */
  async function schoolPageAt(n: number, hash: "/#/my" | "/#/apply", opts: { phone?: boolean } = {}): Promise<Page> {
    const page = await openPage(browser, opts);
    await signInSchool(page, n);
    await page.goto(hash);
    await expectH1(page, hash === "/#/my" ? "My applications" : "Apply to form a community");
    return page;
  }

  it("the browser's rules name the same fields as the API's for the same body", async () => {
    const own = schoolUser(7101);
    const row = (over: Partial<SchoolRow>): SchoolRow => ({ key: 0, schoolNumber: "7160", name: "Kura", type: "PRIMARY", roll: "100", teacherFte: "5", boardEndorsed: true, ...over });
    const base = (): EoiForm => ({
      programme: "kahui-ako", communityName: "Rules agree", region: "", contact: { name: "Mere", email: "mere@example.school.nz", phone: "" },
      schools: [row({ schoolNumber: "7101" }), row({ schoolNumber: "7160" })], proposedChallenges: ["ATTENDANCE"], rationale: "",
    });
    const cases: Array<[string, (f: EoiForm) => void]> = [
      ["everything empty", (f) => {
        Object.assign(f, { programme: "", communityName: "", contact: { name: "", email: "", phone: "" }, proposedChallenges: [] });
        f.schools = [row({ schoolNumber: "7101", name: "", type: "", roll: "", teacherFte: "", boardEndorsed: false }), row({ schoolNumber: "", name: "", type: "", roll: "", teacherFte: "", boardEndorsed: false })];
      }],
      ["lengths and formats", (f) => {
        f.communityName = "Ō";
        f.region = "r".repeat(101);
        f.contact = { name: " ", email: "mere@school", phone: "ring me" };
        f.rationale = "ā".repeat(4001);
      }],
      ["school rows", (f) => {
        f.schools.push(row({ schoolNumber: "7160" }), row({ schoolNumber: "71a", roll: "10001", teacherFte: "1.005", type: "EARLY_LEARNING", boardEndorsed: false }),
          row({ schoolNumber: "12345678901", name: "ā".repeat(201), roll: "-3", teacherFte: "1001", type: "TERTIARY" }));
      }],
      ["too few state schools", (f) => (f.schools[1]!.type = "EARLY_LEARNING")],
      ["one school", (f) => (f.schools = f.schools.slice(0, 1))],
      ["own school missing", (f) => (f.schools[0]!.schoolNumber = "7161")],
    ];
    for (const [name, change] of cases) {
      const form = base();
      change(form);
      const browserSays = checkEoi(form, own.schoolNumber).map((e) => e.field);
      const api = await apiAs<{ errors: Array<{ field: string }> }>(own, "POST", "/expressions-of-interest", toRequest(form));
      expect(api.status, name).toBe(400);
      const apiSays = api.json.errors.map((e) => e.field);
      expect(browserSays, name).toEqual(apiSays);
      expect(browserSays.length, name).toBeGreaterThan(0);
    }
  });

  it("shows the empty form, and the browser's errors linked to their fields, accessibly at desktop and phone width", async () => {
    for (const phone of [false, true]) {
      const page = await schoolPageAt(7101, "/#/apply", { phone });
      await expect(page.getByRole("textbox", { name: "School 1 School number", exact: true }).inputValue()).resolves.toBe("7101");
      await expect(page.getByRole("button", { name: "Remove school 2" }).isVisible()).resolves.toBe(true);
      await expectAccessible(page, `apply form (empty${phone ? ", phone" : ""})`);
      await screenshot(page, phone ? "school-apply-phone" : "school-apply");

      await page.getByRole("button", { name: "Submit application" }).click();
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("heading", { name: "There is a problem" }).isVisible()).resolves.toBe(true);
      await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).resolves.toBe(true);
      const text = await summary.textContent();
      for (const expected of ["Programme: is required", "Community name: is required", "Contact email: is required",
        "School 1 name: is required", "School 2 school number: is required", "School 2 roll: is required", "Challenge areas: must name 1 to 5 areas (got 0)"]) {
        expect(text).toContain(expected);
      }
      await expect(page.title()).resolves.toMatch(/^Error: Apply to form a community/);
      await summary.getByRole("link", { name: "School 2 roll: is required" }).click();
      await expect(activeId(page)).resolves.toBe("schools-1-roll");
      const roll = page.getByRole("textbox", { name: "School 2 Roll", exact: true });
      await expect(roll.getAttribute("aria-invalid")).resolves.toBe("true");
      await expect(roll.getAttribute("aria-describedby")).resolves.toBe("schools-1-roll-error");
      await expect(page.locator("#schools-1-roll-error").textContent()).resolves.toBe("Error: Roll is required");
      await summary.getByRole("link", { name: "Programme: is required" }).click();
      await expect(activeId(page)).resolves.toBe("programme");
      await expectAccessible(page, `apply form (with errors${phone ? ", phone" : ""})`);
      await screenshot(page, phone ? "school-apply-errors-phone" : "school-apply-errors");
      await page.context().close();
    }
  });

  it("applies: typed with macrons, rows added and removed, a browser error, a server error corrected, one submission despite a double click", async () => {
    const stamp = Date.now().toString(36);
    const NAME = `Ōtaki ki te Tonga Kāhui Ako ${stamp}`;
    const CONTACT = "tumuaki@7101.example.school.nz";
    // Another application already holds school 7102 for kahui-ako: only the server knows.
    await submitByApi(schoolUser(7150), [7150, 7102], `Te Horo Kāhui Ako ${stamp}`);

    const page = await openPage(browser);
    await signInSchool(page, 7101);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Apply", exact: true }).click();
    await page.waitForURL(/#\/apply$/);

    await page.getByLabel("Kāhui Ako").check();
    await page.getByLabel("Community name").pressSequentially(NAME);
    await page.getByLabel("Region (optional)").pressSequentially("Kāpiti–Horowhenua");
    await page.getByLabel("Full name").pressSequentially("Mere Rāwiri");
    await page.getByLabel("Email address").pressSequentially(CONTACT);
    await page.getByLabel("Phone number (optional)").pressSequentially("+64 6 364 0000");

    const field = (n: number, label: string) => page.getByLabel(`School ${n} ${label}`, { exact: true });
    async function fillSchool(n: number, s: { number?: string; name: string; type: string; roll: string; fte: string }) {
      if (s.number) await field(n, "School number").pressSequentially(s.number);
      await field(n, "Name").pressSequentially(s.name);
      await field(n, "Type").selectOption({ label: s.type });
      await field(n, "Roll").pressSequentially(s.roll);
      await field(n, "Teacher FTE").pressSequentially(s.fte);
      await field(n, "Board endorsed").check();
    }
    await fillSchool(1, { name: "Ōtaki School", type: "Primary", roll: "182", fte: "11.5" });
    await fillSchool(2, { number: "7199", name: "Row to remove", type: "Secondary", roll: "500", fte: "30" });

    // Add: focus goes to the new row's first field.
    await page.getByRole("button", { name: "Add another school" }).click();
    await expect(activeId(page)).resolves.toBe("schools-2-schoolNumber");
    await fillSchool(3, { number: "7102", name: "Waitohu School", type: "Primary", roll: "12.5", fte: "16.25" });

    // Remove a middle row: the row below moves up with what was typed, and takes the focus.
    await page.getByRole("button", { name: "Remove school 2" }).click();
    await expect(activeId(page)).resolves.toBe("schools-1-schoolNumber");
    await expect(field(2, "School number").inputValue()).resolves.toBe("7102");
    await expect(field(2, "Name").inputValue()).resolves.toBe("Waitohu School");
    await expect(page.getByRole("button", { name: "Remove school 3" }).count()).resolves.toBe(0);

    // Add and remove the last row: focus goes back to the row before.
    await page.getByRole("button", { name: "Add another school" }).click();
    await expect(activeId(page)).resolves.toBe("schools-2-schoolNumber");
    await page.getByRole("button", { name: "Remove school 3" }).click();
    await expect(activeId(page)).resolves.toBe("schools-1-schoolNumber");
    await expect(page.getByRole("status").filter({ hasText: "School 3 removed" }).count()).resolves.toBe(1);

    await page.getByLabel("Why do these schools want to work together? (optional)").pressSequentially("Kia ora");
    await expect(page.locator("#rationale-count").textContent()).resolves.toBe("You have 3,993 characters remaining");

    // Browser-side errors: a roll with a fraction and no challenge area.
    await page.getByRole("button", { name: "Submit application" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.textContent()).resolves.toContain("School 2 roll: must be a whole number");
    await expect(summary.textContent()).resolves.toContain("Challenge areas: must name 1 to 5 areas (got 0)");
    await expect(summary.getByRole("link").count()).resolves.toBe(2);
    await summary.getByRole("link", { name: "School 2 roll: must be a whole number" }).click();
    await expect(activeId(page)).resolves.toBe("schools-1-roll");
    await field(2, "Roll").fill("310");
    await page.getByLabel("Attendance").check();
    await page.getByLabel("Wellbeing").check();

    // The server's error: 7102 is claimed. Shown beside its field, nothing typed is lost.
    const posts: string[] = [];
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/expressions-of-interest") posts.push(r.headers()["idempotency-key"] ?? "");
    });
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.locator("#schools-1-schoolNumber-error").textContent({ timeout: 15_000 })).resolves.toContain(
      "School 7102 is already in an active Kāhui Ako application or community");
    await expect(field(2, "School number").getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(summary.textContent()).resolves.toContain("These schools are already in an active application or community for kahui-ako: 7102");
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).resolves.toBe(true);
    await summary.getByRole("link", { name: /School 2 school number/ }).click();
    await expect(activeId(page)).resolves.toBe("schools-1-schoolNumber");
    await expect(page.getByLabel("Community name").inputValue()).resolves.toBe(NAME);
    await expect(field(2, "Name").inputValue()).resolves.toBe("Waitohu School");
    await expect(page.getByLabel("Wellbeing").isChecked()).resolves.toBe(true);
    await expectAccessible(page, "apply form (server error)");
    await screenshot(page, "school-apply-server-error");

    // Corrected, and double-clicked: one request, one application, one confirmation.
    await field(2, "School number").fill("7103");
    posts.length = 0;
    await page.getByRole("button", { name: "Submit application" }).dblclick();
    await page.waitForURL(/#\/applications\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const id = new URL(page.url()).hash.replace("#/applications/", "");
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatch(/^[0-9a-f-]{36}$/);
    await expectH1(page, NAME);
    await expect(page.getByRole("heading", { name: "Application submitted" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(`Your reference is ${id}`).isVisible()).resolves.toBe(true);

    expect(await submittedNamed(NAME)).toEqual([id]);
    const detail = await apiAs<{
      communityName: string; region: string; proposedChallenges: string[];
      schools: Array<{ schoolNumber: string; name: string; roll: number; teacherFte: number }>;
    }>(schoolUser(7101), "GET", `/expressions-of-interest/${id}`);
    expect(detail.json.communityName).toBe(NAME);
    expect(detail.json.region).toBe("Kāpiti–Horowhenua");
    expect(detail.json.schools.map((s) => [s.schoolNumber, s.name, s.roll, s.teacherFte]))
      .toEqual([["7101", "Ōtaki School", 182, 11.5], ["7103", "Waitohu School", 310, 16.25]]);
    expect(detail.json.proposedChallenges).toEqual(["ATTENDANCE", "WELLBEING"]);
    const subject = `Expression of interest received: ${NAME}`;
    await until("the confirmation email", async () => ((await outbox()).some((m) => m.subject === subject) ? true : undefined), 30_000);
    await new Promise((r) => setTimeout(r, 1500)); // a second email, were there one, would be out by now
    const mails = (await outbox()).filter((m) => m.subject === subject);
    expect(mails).toHaveLength(1);
    expect(String(mails[0]!.to)).toContain(CONTACT);
    expect(String(mails[0]!.text)).toContain(id);

    // My applications lists it, the name exactly as typed.
    await page.getByRole("link", { name: "My applications" }).click();
    await page.waitForURL(/#\/my$/);
    await expectH1(page, "My applications");
    const link = page.getByRole("link", { name: NAME, exact: true });
    await expect(link.getAttribute("href")).resolves.toBe(`#/applications/${id}`);
    const row = page.getByRole("row").filter({ has: link });
    await expect(row.textContent()).resolves.toContain("Submitted");
    await expect(row.textContent()).resolves.toContain("Kāhui Ako");
    await expectAccessible(page, "my applications");
    await screenshot(page, "school-my");
    await page.setViewportSize({ width: 375, height: 740 });
    await screenshot(page, "school-my-phone");
    await page.context().close();
  });

  it("keeps the Idempotency-Key when the answer is lost, so the retry creates nothing twice", async () => {
    const name = `Kāpiti Coast Kāhui Ako ${Date.now().toString(36)}`;
    const page = await schoolPageAt(7140, "/#/apply");
    await page.getByLabel("School improvement").check();
    await page.getByLabel("Community name").fill(name);
    await page.getByLabel("Full name").fill("Hēmi Parata");
    await page.getByLabel("Email address").fill("tumuaki@7140.example.school.nz");
    for (const [n, number, school] of [[1, "", "Paraparaumu School"], [2, "7141", "Kāpiti College"]] as const) {
      if (number) await page.getByLabel(`School ${n} School number`, { exact: true }).fill(number);
      await page.getByLabel(`School ${n} Name`, { exact: true }).fill(school);
      await page.getByLabel(`School ${n} Type`, { exact: true }).selectOption("SECONDARY");
      await page.getByLabel(`School ${n} Roll`, { exact: true }).fill("640");
      await page.getByLabel(`School ${n} Teacher FTE`, { exact: true }).fill("41.2");
    }
    await page.getByLabel("Achievement").check();

    // The request reaches the API, but its answer never reaches the browser.
    const keys: string[] = [];
    await page.route("**/expressions-of-interest", async (route) => {
      keys.push(route.request().headers()["idempotency-key"] ?? "");
      await route.fetch();
      await route.abort("connectionreset");
    });
    await page.getByRole("button", { name: "Submit application" }).click();
    await expect(page.getByRole("alert").textContent({ timeout: 15_000 })).resolves.toContain("The service could not be reached. Check your connection and try again.");
    await expect(page.getByLabel("Community name").inputValue()).resolves.toBe(name);
    await page.unroute("**/expressions-of-interest");
    page.on("request", (r) => {
      if (r.method() === "POST" && new URL(r.url()).pathname === "/expressions-of-interest") keys.push(r.headers()["idempotency-key"] ?? "");
    });
    await page.getByRole("button", { name: "Submit application" }).click();
    await page.waitForURL(/#\/applications\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const id = new URL(page.url()).hash.replace("#/applications/", "");
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(await submittedNamed(name)).toEqual([id]);
    await page.context().close();
  });

  it("lists an approved application with a link to its community, for a school it names", async () => {
    const name = `Waikanae Kāhui Ako ${Date.now().toString(36)}`;
    const id = await submitByApi(schoolUser(7120), [7120, 7121], name);
    await decide(id, "APPROVED");
    const communityId = (await apiAs<{ communityId: string }>(STAFF, "GET", `/expressions-of-interest/${id}`)).json.communityId;
    expect(communityId).toMatch(/^[0-9a-f-]{36}$/);

    const page = await schoolPageAt(7121, "/#/my");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
    await expect(row.textContent()).resolves.toContain("Approved");
    await expect(row.getByRole("link", { name: `View community ${name}` }).getAttribute("href")).resolves.toBe(`#/communities/${communityId}`);
    await expectAccessible(page, "my applications (approved)");
    await page.context().close();
  });

  it("shows more applications a page at a time", async () => {
    const stamp = Date.now().toString(36);
    // 21 applications naming 7130: each declined, so the school may apply again.
    for (let i = 1; i <= 21; i++) {
      const id = await submitByApi(schoolUser(7130), [7130, 7131], `Paging ${String(i).padStart(2, "0")} ${stamp}`);
      if (i < 21) await decide(id, "DECLINED");
    }
    const page = await schoolPageAt(7130, "/#/my");
    const rows = page.locator("tbody tr");
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(20);
    // Newest first.
    await expect(rows.first().getByRole("link").first().textContent()).resolves.toBe(`Paging 21 ${stamp}`);
    await page.getByRole("button", { name: "Show more applications" }).click();
    await page.waitForFunction(() => document.querySelectorAll("tbody tr").length === 21);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(`Paging 01 ${stamp}`);
    await expect(page.getByRole("button", { name: "Show more applications" }).count()).resolves.toBe(0);
    await expect(page.getByText("All 21 applications are shown.").isVisible()).resolves.toBe(true);
    await expect(rows.filter({ hasText: "Declined" }).count()).resolves.toBe(20);
    await page.context().close();
  });

  it("shows an empty state with a way to apply", async () => {
    const page = await schoolPageAt(7190, "/#/my");
    await page.getByRole("heading", { name: "No applications yet" }).waitFor();
    await expectAccessible(page, "my applications (empty)");
    await screenshot(page, "school-my-empty");
    await page.getByRole("link", { name: "apply to form a community" }).click();
    await page.waitForURL(/#\/apply$/);
    await expectH1(page, "Apply to form a community");
    await page.context().close();
  });
});
