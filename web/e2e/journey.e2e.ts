import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routes } from "../src/routes";
import {
  apiAs, browserMissing, collapse, expectAccessible, launchBrowser, openPage, outbox, schoolUser, screenshot, signIn, signOut, textOf, until,
} from "./support";

/**
 * The acceptance path, by clicking, as a new user would: the example users of the local sign-in page,
 * the navigation, the forms. Only the precondition for the server-side error (another application already
 * holding a school) goes through the API. Then every route is opened and scanned with axe.
 */
const MERE = "Mere Rāwiri, Ōtaki School (9101), Kāhui Ako";
const SARAH = "Sarah Cole, Wyke Oaks Primary School (8352001), school improvement";
const STAFF = "Programme officer (staff)";
const KAHUI = "Ōtaki Kāhui Ako";
const CLUSTER = "Weymouth and Portland Family Cluster";

const seen = new Map<string, string>(); // route pattern -> a hash that opened it, for the accessibility sweep

/** Waits for the upload's result; on failure says what the page showed instead. */
async function planReceived(page: Page, version: number): Promise<void> {
  await page.getByRole("heading", { name: `Plan version ${version} received` }).waitFor({ timeout: 40_000 }).catch(async (e: Error) => {
    const said = await page.locator("[data-error-summary], [data-upload-result], [data-upload-status]").allTextContents();
    throw new Error(`${e.message}\nthe page said: ${said.map(collapse).join(" | ")}`);
  });
}

async function heading(page: Page, name: string | RegExp, timeout = 20_000): Promise<void> {
  await page.getByRole("heading", { level: 1, name }).waitFor({ timeout });
}

/** Visit the main navigation's link, as a user would. */
async function nav(page: Page, label: string): Promise<void> {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
}

function remember(page: Page, pattern: string): void {
  seen.set(pattern, new URL(page.url()).hash);
}

async function fillApplication(page: Page, a: {
  programme: string; name: string; region: string; contact: [string, string, string];
  schools: Array<{ number?: string; name: string; type: string; roll: string; fte: string }>; challenges: string[]; rationale: string;
}): Promise<void> {
  await page.getByLabel(a.programme).check();
  await page.getByLabel("Community name").fill(a.name);
  await page.getByLabel("Region (optional)").fill(a.region);
  await page.getByLabel("Full name").fill(a.contact[0]);
  await page.getByLabel("Email address").fill(a.contact[1]);
  await page.getByLabel("Phone number (optional)").fill(a.contact[2]);
  for (const [i, s] of a.schools.entries()) {
    const n = i + 1;
    if (n > 2) await page.getByRole("button", { name: "Add another school" }).click();
    const field = (label: string) => page.getByLabel(`School ${n} ${label}`, { exact: true });
    if (s.number) await field("School number").fill(s.number);
    await field("Name").fill(s.name);
    await field("Type").selectOption({ label: s.type });
    await field("Roll").fill(s.roll);
    await field("Teacher FTE").fill(s.fte);
    await field("Board endorsed").check();
  }
  for (const c of a.challenges) await page.getByLabel(c, { exact: true }).check();
  await page.getByLabel("Why do these schools want to work together? (optional)").fill(a.rationale);
}

/**
 * The application's answer: its page with the "Application submitted" notice. If the page shows an error instead, or
 * nothing comes within 30 s (a loaded CI machine), the failure says what the page showed, with a screenshot.
 */
async function submitted(page: Page): Promise<void> {
  const done = page.getByRole("heading", { name: "Application submitted" });
  const refused = page.locator("[data-error-summary]");
  try {
    await done.or(refused).first().waitFor({ timeout: 30_000 });
  } catch (e) {
    await screenshot(page, "journey-submit-no-answer");
    throw new Error(`no answer to the submission within 30 s at ${page.url()}: ${(await textOf(page)).slice(0, 600)}`, { cause: e });
  }
  if (!(await done.isVisible())) {
    await screenshot(page, "journey-submit-refused");
    throw new Error(`the submission was refused: ${await textOf(page, "[data-error-summary]")}`);
  }
}

/** A real PDF, printed by the same Chromium. */
async function realPdf(browser: Browser, title: string): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(`<h1>${title}</h1><p>Achievement challenges: attendance and transitions to college.</p>`);
  const path = join(mkdtempSync(join(tmpdir(), "plan-")), `${title}.pdf`);
  writeFileSync(path, await page.pdf({ format: "A4" }));
  await page.close();
  return path;
}

async function approveFirstInQueue(browser: Browser, communityName: string, wave: string): Promise<string> {
  const staff = await openPage(browser);
  await signIn(staff, STAFF);
  await heading(staff, "Review queue");
  remember(staff, "/staff/queue");
  await staff.getByRole("link", { name: communityName }).click();
  await heading(staff, communityName);
  remember(staff, "/applications/:id");
  await staff.getByLabel("Approve: form the community").check();
  await staff.getByLabel("Wave (optional)").fill(wave);
  await staff.getByRole("button", { name: "Approve the application" }).click();
  await staff.getByRole("status").getByRole("link", { name: `Go to the community ${communityName}` }).waitFor({ timeout: 20_000 });
  expect(await textOf(staff, ".tag")).toBe("Approved");
  await screenshot(staff, "journey-staff-approved");
  await staff.context().close();
  return communityName;
}

describe.skipIf(browserMissing())("the whole path, by clicking", () => {
  let browser: Browser;
  beforeAll(async () => (browser = await launchBrowser()));
  afterAll(async () => browser?.close());

  it("Kāhui Ako: apply (a server-side error shown and corrected), approve, upload a real PDF, endorse, funding", async () => {
    // Precondition: school 9104 is already in another active application, which only the server knows.
    const other = await apiAs(schoolUser(9104, "office@9104.example.school.nz"), "POST", "/expressions-of-interest", {
      programme: "kahui-ako", communityName: "Another community", contact: { name: "Tui", email: "office@9104.example.school.nz" },
      schools: [{ schoolNumber: "9104", name: "Kura 9104", type: "PRIMARY", roll: 50, teacherFte: 3, boardEndorsed: true },
        { schoolNumber: "9105", name: "Kura 9105", type: "PRIMARY", roll: 60, teacherFte: 4, boardEndorsed: true }],
      proposedChallenges: ["ATTENDANCE"],
    });
    expect(other.status).toBe(201);

    const school = await openPage(browser);
    await signIn(school, MERE);
    await heading(school, "My applications");
    await school.getByRole("heading", { name: "No applications yet" }).waitFor();
    remember(school, "/my");
    await nav(school, "Apply");
    await heading(school, /Apply/);
    remember(school, "/apply");
    await fillApplication(school, {
      programme: "Kāhui Ako", name: KAHUI, region: "Wellington", contact: ["Mere Rāwiri", "tumuaki@otaki.example.school.nz", "+64 6 364 0000"],
      schools: [
        { name: "Ōtaki School", type: "Primary", roll: "182", fte: "11.5" },
        { number: "9102", name: "Waitohu School", type: "Primary", roll: "341", fte: "19.2" },
        { number: "9104", name: "Ōtaki College", type: "Secondary", roll: "512", fte: "38" },
      ],
      challenges: ["Attendance", "Wellbeing"],
      rationale: "Our schools share whānau: most tamariki move from Ōtaki and Waitohu schools to Ōtaki College.",
    });
    await school.getByRole("button", { name: "Submit application" }).click();
    // The server's answer (409: 9104 is taken) beside the field that holds 9104, and in the summary.
    await school.locator("#schools-2-schoolNumber-error").waitFor({ timeout: 15_000 });
    expect(await textOf(school, "#schools-2-schoolNumber-error")).toContain("9104");
    expect(await school.getByLabel("School 3 School number", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(school, "apply: server-side error");
    await screenshot(school, "journey-apply-server-error");
    await school.getByLabel("School 3 School number", { exact: true }).fill("9103");
    await school.getByRole("button", { name: "Submit application" }).click();
    await submitted(school);
    await heading(school, KAHUI);
    expect(await textOf(school, ".tag")).toBe("Submitted");
    expect(await textOf(school)).toContain("Ōtaki College");

    await approveFirstInQueue(browser, KAHUI, "2026 wave 1");

    // The school finds its community from its applications
    await school.reload();
    await nav(school, "My applications");
    await heading(school, "My applications");
    await school.getByRole("link", { name: `View community ${KAHUI}` }).click();
    await heading(school, KAHUI);
    remember(school, "/communities/:id");
    const communityHash = new URL(school.url()).hash;
    for (const [i, c] of [["ATTENDANCE", "Raise regular attendance", "Regular attendance from 58% to 70% by 2028"],
      ["TRANSITIONS", "Smooth the move to college", "Year 9 attendance in term 1 at 90%"],
      ["WELLBEING", "Tamariki feel they belong", "Wellbeing survey belonging score up 10 points"]].entries()) {
      const group = school.getByRole("group", { name: `Achievement challenge ${i + 1}` });
      await group.getByLabel("Area").selectOption(c[0]!);
      await group.getByLabel("Description").fill(c[1]!);
      await group.getByLabel("Measure").fill(c[2]!);
    }
    await school.getByLabel("Plan document").setInputFiles(await realPdf(browser, "Ōtaki Kāhui Ako plan"));
    await school.getByRole("button", { name: "Upload plan" }).click();
    await planReceived(school, 1);
    expect(await textOf(school, "#plans-heading ~ .table-wrap tbody tr")).toContain("Ōtaki Kāhui Ako plan.pdf");
    await screenshot(school, "journey-plan-received");

    // Staff endorse it
    const staff = await openPage(browser);
    await signIn(staff, STAFF);
    await staff.goto(`/${communityHash}`);
    await heading(staff, KAHUI);
    await staff.getByLabel("Endorse the plan").check();
    await staff.getByLabel("School employing the community leader").selectOption("9103");
    // The roles the Ministry's staffing system generated for each school, with one extra across-school role merged
    await staff.getByRole("group", { name: "Ōtaki School (9101)" }).getByLabel("Within-school roles").fill("2");
    await staff.getByRole("group", { name: "Waitohu School (9102)" }).getByLabel("Within-school roles").fill("3");
    await staff.getByRole("group", { name: "Ōtaki College (9103)" }).getByLabel("Across-school roles").fill("2");
    await staff.getByRole("group", { name: "Ōtaki College (9103)" }).getByLabel("Within-school roles").fill("4");
    await staff.getByLabel("1 extra across-school role").check();
    expect(await textOf(staff, ".community-allocation__outcome")).toBe("This allocation makes 1 community leader, 3 across-school, 5 within-school roles.");
    await staff.getByRole("button", { name: "Send decision" }).click();
    await staff.getByRole("heading", { name: "Plan version 1 endorsed" }).waitFor({ timeout: 20_000 });
    await screenshot(staff, "journey-plan-endorsed");
    await staff.context().close();

    // The school sees its plan endorsed and its funding: a formation allowance per member school, then its roles
    await school.reload();
    await heading(school, KAHUI);
    const timelineText = await textOf(school, "section[aria-labelledby=timeline-heading]");
    expect(timelineText).toContain("Plan version 1 endorsed");
    await school.locator("section[aria-labelledby=funding-heading] table").first().waitFor({ timeout: 30_000 });
    const funding = await until("the roles to be released", async () => {
      const text = await textOf(school, "section[aria-labelledby=funding-heading]");
      if (text.includes("Roles released")) return text;
      await school.reload();
      await heading(school, KAHUI);
      return undefined;
    }, 30_000, 1000);
    expect(funding).toMatch(/Formation allowance \(NZD\)\s*NZD 3,000\.00/);
    expect(funding).toContain("Roles released 1 community leader, 3 across-school, 5 within-school roles");
    expect(funding).toMatch(/Across-school teacher role \(NZD\)\s*NZD 48,000\.00/);
    await screenshot(school, "journey-funding");
    const mail = (await outbox()).filter((m) => m.to === "tumuaki@otaki.example.school.nz").map((m) => m.subject);
    expect(mail.length).toBeGreaterThanOrEqual(3); // received, approved, endorsed
    await signOut(school);
  });

  it("school improvement: apply, approve, upload an action plan, a challenge visit and a grant", async () => {
    const school = await openPage(browser);
    await signIn(school, SARAH);
    await nav(school, "Apply");
    await fillApplication(school, {
      programme: "School improvement", name: CLUSTER, region: "Dorset", contact: ["Sarah Cole", "head@wyke.example.sch.uk", "+44 1305 000000"],
      schools: [
        { name: "Wyke Oaks Primary School", type: "Primary", roll: "410", fte: "17.6" },
        { number: "8352002", name: "Isle of Portland Academy", type: "Secondary", roll: "1020", fte: "61.5" },
      ],
      challenges: ["Attendance", "Achievement"],
      rationale: "A shared attendance strategy and regular challenge visits.",
    });
    await school.getByRole("button", { name: "Submit application" }).click();
    await submitted(school);

    await approveFirstInQueue(browser, CLUSTER, "Dorset pilot");

    await nav(school, "My applications");
    await school.getByRole("link", { name: `View community ${CLUSTER}` }).click();
    await heading(school, CLUSTER);
    const communityHash = new URL(school.url()).hash;
    // A cluster's action plan names its priorities (one at least).
    const group = school.getByRole("group", { name: "Priority 1" });
    await group.getByLabel("Area").selectOption("ATTENDANCE");
    await group.getByLabel("Description").fill("Attendance across the cluster");
    await group.getByLabel("Measure").fill("Persistent absence below 15%");
    await school.getByLabel("Plan document").setInputFiles(await realPdf(browser, "action plan"));
    await school.getByRole("button", { name: "Upload plan" }).click();
    await planReceived(school, 1);

    const staff = await openPage(browser);
    await signIn(staff, STAFF);
    await nav(staff, "Communities");
    await heading(staff, "Communities");
    remember(staff, "/staff/communities");
    await staff.getByLabel("Programme").selectOption("school-improvement");
    await staff.getByRole("button", { name: "Show communities" }).click();
    await staff.getByRole("link", { name: CLUSTER }).click();
    await heading(staff, CLUSTER);
    expect(new URL(staff.url()).hash).toBe(communityHash);
    await staff.getByLabel("Plan version reviewed").selectOption({ label: "Version 1: action plan.pdf" });
    await staff.getByLabel("Changes required (the cluster is asked for a new plan version)").check();
    await staff.getByLabel("Notes (optional)").fill("Add employer engagement targets for Year 10.");
    await staff.getByRole("button", { name: "Record visit" }).click();
    await staff.getByRole("heading", { name: "Challenge visit recorded" }).waitFor({ timeout: 20_000 });
    await staff.getByLabel("Employer engagement").check();
    await staff.getByLabel("Amount in GBP").fill("12000.00");
    await staff.getByRole("button", { name: "Award grant" }).click();
    await staff.getByRole("heading", { name: "Grant awarded" }).waitFor({ timeout: 20_000 });
    await screenshot(staff, "journey-cluster-staff");

    // The summary, the log: staff's other pages
    await nav(staff, "Programme summary");
    await heading(staff, "Programme summary");
    remember(staff, "/staff/summary");
    await nav(staff, "Funding report");
    await heading(staff, "Funding report");
    await staff.getByRole("table", { name: /Funding records, oldest first/ }).waitFor();
    remember(staff, "/staff/funding");
    await nav(staff, "Notification log");
    await heading(staff, /Notification/);
    seen.set("/notifications", new URL(staff.url()).hash);
    await staff.context().close();

    await school.reload(); // still on the community since the upload: read it afresh
    await heading(school, CLUSTER);
    expect(new URL(school.url()).hash).toBe(communityHash);
    expect(await textOf(school, "section[aria-labelledby=visits-heading]")).toContain("Add employer engagement targets for Year 10.");
    await school.locator("section[aria-labelledby=funding-heading] table").first().waitFor({ timeout: 30_000 });
    expect(await textOf(school, "section[aria-labelledby=funding-heading]")).toMatch(/GBP 12,000\.00/);
    await screenshot(school, "journey-cluster-school");
  });

  it("every page has no serious or critical axe violation, for the users who can open it", async () => {
    seen.set("/", "#/");
    seen.set("/sign-in", "#/sign-in");
    expect([...routes.map((r) => r.pattern)].sort()).toEqual([...seen.keys()].sort());
    for (const route of routes) {
      const hash = seen.get(route.pattern)!;
      const who = route.role === "staff" || route.pattern === "/applications/:id" ? [STAFF] : route.role === "public" ? [] : route.role === "school" ? [MERE] : [MERE, STAFF];
      for (const user of who.length ? who : [null]) {
        const page = await openPage(browser, { phone: user === MERE });
        if (user) await signIn(page, user);
        await page.goto(`/${hash}`);
        await page.locator("main h1").first().waitFor();
        await page.waitForLoadState("networkidle");
        await expectAccessible(page, `${route.pattern} as ${user ?? "anyone"}`);
        await page.context().close();
      }
    }
  });
});
