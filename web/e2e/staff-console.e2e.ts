import type { Browser, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  apiAs, browserMissing, collapse, expectAccessible, launchBrowser, openPage, schoolUser, screenshot, signIn, signOut, until, type ApiUser,
} from "./support";

/**
 * The staff console by clicking: the review queue, deciding on applications (with the GOV.UK error pattern and a
 * decision someone else made first), the communities list, the programme summary, and the notification log for
 * staff and for a school. Schools 7201-7299 only (the e2e files share one runner and store).
 */

const WAVE = "e2e-7201";
const STAFF = "Programme officer (staff)";
const userA = schoolUser(7201);
const userB = schoolUser(7211);
const userC = schoolUser(7221);

const school = (schoolNumber: string, name: string, type: string, roll: number, teacherFte: number) => ({ schoolNumber, name, type, roll, teacherFte, boardEndorsed: true });

const application = (user: ApiUser, communityName: string, schools: ReturnType<typeof school>[]) => ({
  programme: "kahui-ako",
  communityName,
  region: "Manawatū-Whanganui",
  contact: { name: "Aroha Tūhoe", email: user.email, phone: "+64 6 000 0000" },
  schools,
  proposedChallenges: ["ATTENDANCE", "WELLBEING", "TRANSITIONS"],
  rationale: "Our tamariki move between these schools.\nOne plan for attendance and for the move to college.",
});

// A: approved in WAVE (3 schools, 1,035 pupils, 68.7 FTE); B: declined in WAVE; C: decided by someone else first.
const A = application(userA, "Te Awa Kāhui Ako", [
  school("7201", "Te Awa School", "PRIMARY", 182, 11.5),
  school("7202", "Waitohu Kura", "PRIMARY", 341, 19.2),
  school("7203", "Te Awa College", "SECONDARY", 512, 38),
]);
const B = application(userB, "Maunga Kāhui Ako", [
  school("7211", "Maunga School", "PRIMARY", 120, 8.25),
  school("7212", "Maunga Area School", "AREA", 230, 17),
]);
const C = application(userC, "Ōroua Kāhui Ako", [
  school("7221", "Ōroua School", "PRIMARY", 90, 6),
  school("7222", "Ōroua Intermediate", "INTERMEDIATE", 300, 20),
]);

async function submit(user: ApiUser, body: unknown): Promise<string> {
  const r = await apiAs(user, "POST", "/expressions-of-interest", body);
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return String(r.json.id);
}

async function h1(page: Page, text: string | RegExp): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text }).waitFor();
}

/** The page with this h1 has loaded its data (the loading state renders the same h1 with "Loading…"). */
async function settled(page: Page, heading: string | RegExp): Promise<void> {
  await h1(page, heading);
  await page.locator("main .loading").waitFor({ state: "detached" });
}

/** Reloads until the check passes: stream reactions (emails, funding) land a moment after the action. */
async function eventually(page: Page, check: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  await until(what, async () => {
    if (await check()) return true;
    await page.waitForTimeout(750);
    await page.reload();
    await page.locator("main h1").waitFor();
    await page.locator(".loading").waitFor({ state: "detached" });
    return undefined;
  }, timeoutMs, 0);
}

/** The community names in the queue (or any list) page after page, following "Next page". */
async function namesAcrossPages(page: Page): Promise<string[]> {
  const names: string[] = [];
  for (let n = 2; ; n++) {
    await page.locator(".loading").waitFor({ state: "detached" });
    names.push(...(await page.locator("table tbody tr td:first-child a").allTextContents()));
    const next = page.getByRole("link", { name: "Next page" });
    if ((await next.count()) === 0) return names;
    await next.click();
    await page.waitForURL(new RegExp(`page=${n}`));
    await page.locator("caption", { hasText: `page ${n}` }).or(page.locator(".empty-state")).first().waitFor();
  }
}

async function rowCells(page: Page, rowName: string | RegExp): Promise<string[]> {
  const row = page.getByRole("row", { name: rowName });
  return (await row.locator("th, td").allTextContents()).map((t) => collapse(t).trim());
}

describe.skipIf(browserMissing())("staff console", () => {
  let browser: Browser;
  /** What the Content-Security-Policy blocked (an inline style, say): nothing, on every page. */
  const blocked: string[] = [];
  const open = async (opts: { phone?: boolean } = {}): Promise<Page> => {
    const page = await openPage(browser, opts);
    page.on("console", (m) => {
      if (m.text().includes("Content Security Policy")) blocked.push(`${page.url()}: ${m.text()}`);
    });
    return page;
  };
  /** A new page with the example staff user signed in. */
  const openAsStaff = async (opts: { phone?: boolean } = {}): Promise<Page> => {
    const page = await open(opts);
    await signIn(page, STAFF);
    return page;
  };
  afterEach(() => {
    expect(blocked.splice(0)).toEqual([]);
  });
  const ids: Record<"A" | "B" | "C", string> = { A: "", B: "", C: "" };
  let communityId = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    // Submitted in this order: the queue lists the oldest first.
    ids.A = await submit(userA, A);
    ids.B = await submit(userB, B);
    ids.C = await submit(userC, C);
  });
  afterAll(async () => browser?.close());

  it("lists the submitted applications oldest first, with their schools, pupils and status", async () => {
    const page = await openAsStaff();
    await page.waitForURL(/#\/staff\/queue/);
    await settled(page, "Review queue");
    const names = await namesAcrossPages(page);
    const mine = names.filter((n) => [A.communityName, B.communityName, C.communityName].includes(n));
    expect(mine).toEqual([A.communityName, B.communityName, C.communityName]);

    await page.goto("/#/staff/queue");
    await settled(page, "Review queue");
    if ((await page.getByRole("link", { name: A.communityName }).count()) > 0) {
      const cells = await rowCells(page, new RegExp(A.communityName));
      expect(cells.slice(1, 4)).toEqual(["Kāhui Ako (New Zealand)", "3", "1,035"]);
      expect(cells[5]).toBe("Submitted");
    }
    await expect(page.getByRole("link", { name: "Submitted" }).getAttribute("aria-current")).resolves.toBe("page");
    await expectAccessible(page, "review queue");
    await screenshot(page, "staff-queue");

    // The status filter is kept in the URL.
    await page.getByRole("link", { name: "Declined" }).click();
    await page.waitForURL(/status=DECLINED/);
    await page.locator("caption", { hasText: "Declined applications" }).or(page.getByRole("heading", { name: "No applications have been declined" })).waitFor();
    await expect(page.getByRole("link", { name: "Declined" }).getAttribute("aria-current")).resolves.toBe("page");
    await expect(page.getByRole("link", { name: B.communityName }).count()).resolves.toBe(0);
    await expectAccessible(page, "review queue, declined");

    const phone = await openAsStaff({ phone: true });
    await settled(phone, "Review queue");
    // Stacked rows on a phone, still a table to assistive technology.
    const row = phone.getByRole("row", { name: new RegExp(A.communityName) });
    await expect(row.getByRole("cell").count()).resolves.toBe(6);
    await expect(phone.getByRole("columnheader", { name: "Pupils" }).count()).resolves.toBe(1);
    await expect(phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
    await expectAccessible(phone, "review queue at phone width");
    await screenshot(phone, "staff-queue-phone");
    await phone.context().close();
    await page.context().close();
  });

  it("declines an application: a missing reason is shown beside the field and in the summary, then it is declined", async () => {
    const page = await openAsStaff();
    await settled(page, "Review queue");
    await page.goto(`/#/applications/${ids.B}`);
    await h1(page, B.communityName);
    await expect(page.locator(".status-line").textContent()).resolves.toContain("Submitted");
    expect(await rowCells(page, /^Total/)).toEqual(["Total", "2 schools", "", "350", "25.25", "All 2 boards"]);

    await page.getByLabel("Decline").check();
    await page.getByLabel("Wave (optional)").fill(WAVE);
    await page.getByRole("button", { name: "Decline the application" }).click();
    const summary = page.getByRole("alert");
    await expect(summary.textContent()).resolves.toContain("Reason: is required when declining");
    await expect(page.locator("#reason-error").textContent()).resolves.toContain("is required when declining");
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).resolves.toBe(true);
    await expect(page.getByLabel("Wave (optional)").inputValue()).resolves.toBe(WAVE);
    await expectAccessible(page, "application with a decision error");
    await screenshot(page, "application-decision-error");
    await summary.getByRole("link", { name: /Reason/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("reason");

    const reason = "The challenges do not yet set targets for Māori learners. Please apply again next wave, ngā mihi.";
    await page.getByRole("textbox", { name: "Reason" }).fill(reason);
    await page.getByRole("button", { name: "Decline the application" }).click();
    await page.getByRole("heading", { name: "Application declined" }).waitFor();
    await expect(page.locator(".status-line").textContent()).resolves.toContain("Declined");
    const history = page.getByRole("list", { name: "What has happened to this application" });
    await expect(history.textContent()).resolves.toContain(`Reason: ${reason}`);
    await expect(history.textContent()).resolves.toContain(`Wave: ${WAVE}`);
    await expect(page.getByRole("button", { name: /Decline|Approve|Record/ }).count()).resolves.toBe(0);

    // Reopened (a fresh page load, so no decision held by this tab): the reason comes from the application's history.
    await page.reload();
    await settled(page, B.communityName);
    const reopened = (await page.getByRole("list", { name: "What has happened to this application" }).textContent()) ?? "";
    expect(reopened).toContain("Declined");
    expect(reopened).toContain(`Reason: ${reason}`);
    expect(reopened).not.toContain("The reason was sent to the application's contact by email");
    await page.context().close();
  });

  it("approves an application in a wave: confirmation, totals, the timeline and the community it formed", async () => {
    const page = await openAsStaff();
    await settled(page, "Review queue");
    // From the queue, by clicking (following pages if other tests filled the first).
    for (let n = 2; ; n++) {
      const link = page.getByRole("link", { name: A.communityName });
      if ((await link.count()) > 0) {
        await link.click();
        break;
      }
      await page.getByRole("link", { name: "Next page" }).click();
      await page.waitForURL(new RegExp(`page=${n}`));
      await page.locator("caption", { hasText: `page ${n}` }).waitFor();
    }
    await h1(page, A.communityName);
    const details = await page.locator(".summary-list").textContent();
    expect(details).toContain("Attendance");
    expect(details).toContain("Manawatū-Whanganui");
    expect(details).toContain("Aroha Tūhoe");
    expect(await rowCells(page, /^Total/)).toEqual(["Total", "3 schools", "", "1,035", "68.7", "All 3 boards"]);
    expect(await rowCells(page, /Waitohu Kura/)).toEqual(["Waitohu Kura", "7202", "Primary", "341", "19.2", "Yes"]);
    await expectAccessible(page, "application, submitted, staff view");

    await page.getByLabel("Approve: form the community").check();
    await page.getByLabel("Wave (optional)").fill(WAVE);
    await page.getByRole("button", { name: "Approve the application" }).click();
    await page.getByRole("heading", { name: "Application approved" }).waitFor();
    await expect(page.evaluate(() => document.activeElement?.hasAttribute("data-confirmation"))).resolves.toBe(true);
    await expect(page.locator(".status-line").textContent()).resolves.toContain("Approved");
    const history = page.getByRole("list", { name: "What has happened to this application" });
    const text = (await history.textContent()) ?? "";
    expect(text).toContain("Application submitted");
    expect(text).toContain(`Wave: ${WAVE}`);
    expect(text).toContain("Community formed");
    const href = (await history.getByRole("link", { name: `Go to the community ${A.communityName}` }).getAttribute("href")) ?? "";
    expect(href).toMatch(/^#\/communities\/[0-9a-f-]{36}$/);
    communityId = href.replace("#/communities/", "");
    await expectAccessible(page, "application, approved");
    await screenshot(page, "application-approved");
    await page.context().close();
  });

  it("says clearly when someone else decided first, and shows the application as it now is", async () => {
    const page = await openAsStaff();
    await settled(page, "Review queue");
    await page.goto(`/#/applications/${ids.C}`);
    await h1(page, C.communityName);
    // Another officer declines it meanwhile.
    const other: ApiUser = { sub: "staff-7221-other", email: "other-officer@example.org", group: "staff" };
    const r = await apiAs(other, "POST", `/expressions-of-interest/${ids.C}/decision`, { decision: "DECLINED", reason: "Two schools only; please add your kindergarten." });
    expect(r.status).toBe(201);

    await page.getByLabel("Approve: form the community").check();
    await page.getByRole("button", { name: "Approve the application" }).click();
    const summary = page.getByRole("alert");
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/already been decided.*Your decision was not recorded/);
    await expect(page.locator(".status-line").textContent()).resolves.toContain("Declined");
    await expect(page.getByRole("button", { name: /Approve the application/ }).count()).resolves.toBe(0);
    // The other officer's reason, from the application's history (this tab made no decision).
    await expect(page.getByRole("list", { name: "What has happened to this application" }).textContent())
      .resolves.toContain("Reason: Two schools only; please add your kindergarten.");
    await expectAccessible(page, "application, decided by someone else");
    await page.context().close();
  });

  it("lists the new community, with programme and status filters kept in the URL", async () => {
    const page = await openAsStaff();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Communities" }).click();
    await settled(page, "Communities");
    await expect(page.getByLabel("Programme").inputValue()).resolves.toBe("kahui-ako");
    await page.getByLabel("Status").selectOption("FORMING");
    await page.getByRole("button", { name: "Show communities" }).click();
    await page.waitForURL(/programme=kahui-ako&status=FORMING/);
    await page.locator("caption, .empty-state", { hasText: /forming/i }).first().waitFor();
    const names = await namesAcrossPages(page);
    expect(names).toContain(A.communityName);
    expect(names).not.toContain(B.communityName);

    await page.goto("/#/staff/communities?programme=kahui-ako&status=FORMING");
    await settled(page, "Communities");
    const link = page.getByRole("link", { name: A.communityName });
    if ((await link.count()) > 0) {
      await expect(link.getAttribute("href")).resolves.toBe(`#/communities/${communityId}`);
      const cells = await rowCells(page, new RegExp(A.communityName));
      expect(cells.slice(1, 6)).toEqual(["Kāhui Ako (New Zealand)", "Forming", "3", "1,035", WAVE]);
    }
    await expect(page.getByLabel("Status").inputValue()).resolves.toBe("FORMING");
    await expectAccessible(page, "communities");
    await screenshot(page, "staff-communities");

    await page.getByLabel("Status").selectOption("ENDORSED");
    await page.getByRole("button", { name: "Show communities" }).click();
    await page.waitForURL(/status=ENDORSED/);
    await page.locator("caption, .empty-state", { hasText: /endorsed/i }).first().waitFor();
    expect(await namesAcrossPages(page)).not.toContain(A.communityName);

    await page.getByLabel("Programme").selectOption("school-improvement");
    await page.getByLabel("Status").selectOption("");
    await page.getByRole("button", { name: "Show communities" }).click();
    await page.waitForURL(/programme=school-improvement$/);
    await page.locator("caption, .empty-state", { hasText: "School improvement" }).first().waitFor();
    expect(await namesAcrossPages(page)).not.toContain(A.communityName);
    await page.context().close();
  });

  it("summarises the wave with the figures of what was decided, as cards, charts and tables", async () => {
    const page = await openAsStaff();
    await page.getByRole("link", { name: "Programme summary" }).click();
    await settled(page, "Programme summary");
    await page.getByLabel("Approval wave (optional)").fill(WAVE);
    await page.getByRole("button", { name: "Show summary" }).click();
    await page.waitForURL(new RegExp(`wave=${WAVE}`));
    await page.getByRole("heading", { level: 2, name: new RegExp(`wave ${WAVE}`) }).waitFor();
    const cards = () => page.getByRole("list", { name: "Headline figures" }).locator("li").allInnerTexts();
    // Funding is recorded by a stream reaction a moment after the approval.
    await eventually(page, async () => (await page.locator("caption", { hasText: "Funding by kind" }).count()) > 0, "the formation allowance");
    const figures = (await cards()).map((t) => collapse(t).trim());
    expect(figures.slice(1)).toEqual(["1 Communities formed in this wave", "3 Member schools", "1,035 Pupils in member schools"]);
    expect(await rowCells(page, "Approved in this wave")).toEqual(["Approved in this wave", "1"]);
    expect(await rowCells(page, "Declined in this wave")).toEqual(["Declined in this wave", "1"]);
    const funding = await rowCells(page, /Formation allowance/);
    expect(funding[0]).toBe("Formation allowance");
    expect(funding[1]).toMatch(/^NZD\s?3,000\.00$/);
    const chart = page.getByRole("img", { name: /^Applications by status:/ });
    await expect(chart.getAttribute("aria-label")).resolves.toContain("Approved in this wave 1, Declined in this wave 1");
    // The bars' widths are set through the CSSOM (no style attribute in the markup the CSP would refuse).
    const widths = await page.locator(".bar-chart").first().locator(".bar__fill").evaluateAll((els) => els.map((e) => (e as HTMLElement).style.width));
    expect(widths.every((w) => /%$/.test(w))).toBe(true);
    await expectAccessible(page, "programme summary, one wave");
    await screenshot(page, "staff-summary-wave");

    // The whole programme lists the wave among its waves, linked to its own figures.
    await page.goto("/#/staff/summary?programme=kahui-ako");
    await settled(page, "Programme summary");
    await page.getByRole("heading", { name: "Decisions by wave" }).waitFor();
    expect(await rowCells(page, new RegExp(`^${WAVE}`))).toEqual([WAVE, "1", "1", "1", "3", "1,035"]);
    await expectAccessible(page, "programme summary");
    await screenshot(page, "staff-summary");

    const phone = await openAsStaff({ phone: true });
    await phone.goto(`/#/staff/summary?programme=kahui-ako&wave=${WAVE}`);
    await settled(phone, "Programme summary");
    await expectAccessible(phone, "programme summary at phone width");
    await screenshot(phone, "staff-summary-phone");
    await phone.context().close();
    await page.context().close();
  });

  it("shows staff the decision emails in the notification log, and filters it by community", async () => {
    const page = await openAsStaff();
    await page.getByRole("link", { name: "Notification log" }).click();
    await settled(page, "Notification log");
    const subjects = async () => (await page.locator("table tbody tr td:nth-child(3)").allTextContents()).join("\n");
    await eventually(page, async () => {
      const s = await subjects();
      return s.includes(`Approved: ${A.communityName}`) && s.includes(`Not approved: ${B.communityName}`);
    }, "the decision emails");
    const row = page.getByRole("row", { name: new RegExp(`^.*Approved: ${A.communityName}`) }).first();
    await expect(row.textContent()).resolves.toContain(userA.email);
    await expect(row.textContent()).resolves.toContain("Approval (to the contact)");
    await expectAccessible(page, "notification log");
    await screenshot(page, "notifications-staff");

    await page.getByLabel("Community id (optional)").fill(communityId);
    await page.getByRole("button", { name: "Show emails" }).click();
    await page.waitForURL(new RegExp(`communityId=${communityId}`));
    await page.locator("caption", { hasText: "Emails about this community" }).waitFor();
    const filtered = await subjects();
    expect(filtered).toContain(`Approved: ${A.communityName}`);
    expect(filtered).toContain(`Decision recorded (approved): ${A.communityName}`);
    expect(filtered).not.toContain(B.communityName);

    await page.getByLabel("Community id (optional)").fill("not-a-community");
    await page.getByRole("button", { name: "Show emails" }).click();
    await page.getByRole("alert").waitFor();
    await expect(page.locator("#communityId-error").textContent()).resolves.toContain("community id");
    await expectAccessible(page, "notification log with a bad filter");
    await page.context().close();
  });

  it("shows a school user only the mail sent to them, and their own application but no other", async () => {
    const page = await open();
    await signIn(page, userA);
    await page.waitForURL(/#\/my/);
    await page.goto("/#/notifications");
    await settled(page, "Your notifications");
    await eventually(page, async () => (await page.getByText(`Approved: ${A.communityName}`).count()) > 0, "the approval email");
    const recipients = await page.locator("table tbody tr td:nth-child(2)").allTextContents();
    expect(recipients.length).toBeGreaterThanOrEqual(2);
    expect(new Set(recipients.map((r) => r.trim()))).toEqual(new Set([userA.email]));
    const subjects = (await page.locator("table tbody tr td:nth-child(3)").allTextContents()).join("\n");
    expect(subjects).toContain(`Expression of interest received: ${A.communityName}`);
    expect(subjects).not.toContain(B.communityName);
    await expect(page.getByLabel("Community id (optional)").count()).resolves.toBe(0);
    await expectAccessible(page, "notifications, school user");
    await screenshot(page, "notifications-school");

    await page.goto(`/#/applications/${ids.A}`);
    await h1(page, A.communityName);
    await expect(page.getByRole("heading", { name: "Decision" }).count()).resolves.toBe(0);
    await expect(page.getByRole("list", { name: "What has happened to this application" }).textContent()).resolves.toContain(`Wave: ${WAVE}`);
    await expectAccessible(page, "application, school view");
    await screenshot(page, "application-school");

    await page.goto(`/#/applications/${ids.B}`);
    await h1(page, "Page not found");
    await signOut(page);
    await page.context().close();
  });
});
