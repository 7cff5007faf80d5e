import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiAs, browserMissing, expectAccessible, launchBrowser, openPage, schoolUser, screenshot, signIn, textOf, until, type ApiUser,
} from "./support";

/**
 * The community page (#/communities/:id) for member schools and staff. Preconditions (an approved application,
 * and for the cluster a received action plan) are set up through the API; what the page does is clicked.
 * School numbers 7301-7399 belong to this file.
 */

const STAFF: ApiUser = { sub: "staff-1", email: "programme-office@example.org", group: "staff" };
const STAFF_LABEL = "Programme officer (staff)";

type Member = { schoolNumber: string; name: string; type: string; roll: number; teacherFte: number };
const member = (schoolNumber: string, name: string, type: string, roll: number, teacherFte: number): Member => ({ schoolNumber, name, type, roll, teacherFte });

/** A school submits an application for its group and staff approve it: the community's id. */
async function approvedCommunity(school: ApiUser, programme: "kahui-ako" | "school-improvement", name: string, schools: Member[]): Promise<string> {
  const eoi = await apiAs<{ id: string }>(school, "POST", "/expressions-of-interest", {
    programme,
    communityName: name,
    region: programme === "kahui-ako" ? "Wellington" : "Dorset",
    contact: { name: "Contact Person", email: school.email, phone: "+64 6 364 0000" },
    schools: schools.map((s) => ({ ...s, boardEndorsed: true })),
    proposedChallenges: ["ATTENDANCE", "ACHIEVEMENT"],
    rationale: "Our schools share their learners.",
  });
  expect(eoi.status, JSON.stringify(eoi.json)).toBe(201);
  const decision = await apiAs<{ communityId: string }>(STAFF, "POST", `/expressions-of-interest/${eoi.json.id}/decision`, { decision: "APPROVED", wave: "2026-e2e" });
  expect(decision.status, JSON.stringify(decision.json)).toBe(201);
  return decision.json.communityId;
}

const CONTENT = "BT /F1 18 Tf 20 100 Td (Our plan) Tj ET";

/** A minimal, valid one-page PDF, with a correct cross-reference table. */
function minimalPdf(): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${CONTENT.length} >>\nstream\n${CONTENT}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A ZIP archive (so it starts as a .docx does) with no Word parts: the server's check rejects it. */
function zipWithoutWordParts(): Buffer {
  const name = Buffer.from("notes.txt");
  const data = Buffer.from("Not a Word document.\n");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const centralOffset = local.length + name.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

const CHALLENGES = [
  { area: "ATTENDANCE", description: "Raise regular attendance across our schools, with whānau.", measure: "Regular attendance from 52% to 70% by Term 4 2027." },
  { area: "ACHIEVEMENT", description: "Lift writing in Years 4 to 8.", measure: "Students at or above the curriculum level in writing from 61% to 75%." },
  { area: "TRANSITIONS", description: "Smooth the move to Ōtaki College.", measure: "Every Year 8 learner has a transition plan by Term 3." },
];

/** A plan registered and uploaded through the API (the precondition of a review or a visit), once RECEIVED. */
async function receivedPlan(school: ApiUser, communityId: string, pdf: Buffer, challenges = CHALLENGES): Promise<string> {
  const reg = await apiAs<{ planId: string; upload: { url: string; headers: Record<string, string> } }>(school, "POST", `/communities/${communityId}/plans`, {
    fileName: "action plan.pdf", contentType: "application/pdf", sizeBytes: pdf.length, achievementChallenges: challenges,
  });
  expect(reg.status, JSON.stringify(reg.json)).toBe(201);
  const put = await fetch(reg.json.upload.url, { method: "PUT", headers: reg.json.upload.headers, body: new Uint8Array(pdf) });
  expect(put.status).toBe(200);
  await until("the plan to be received", async () => {
    const c = await apiAs<{ plans?: Array<{ planId: string; status: string }> }>(school, "GET", `/communities/${communityId}`);
    if (c.json.plans) return c.json.plans.find((p) => p.planId === reg.json.planId && p.status === "RECEIVED") ? true : undefined;
    const doc = await apiAs(school, "GET", `/communities/${communityId}/plans/${reg.json.planId}/document`);
    return doc.status === 200 ? true : undefined;
  });
  return reg.json.planId;
}

async function openCommunity(page: Page, id: string, name: string): Promise<void> {
  await page.goto(`/#/communities/${id}`);
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** Reloads the community's page (for what a stream reaction has added since) and waits for it. */
async function reloadCommunity(page: Page, name: string): Promise<void> {
  await page.reload();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

describe.skipIf(browserMissing())("community page", () => {
  let browser: Browser;
  let dir: string;
  let pdfPath: string;
  const pdf = minimalPdf();

  beforeAll(async () => {
    browser = await launchBrowser();
    dir = mkdtempSync(join(tmpdir(), "community-e2e-"));
    pdfPath = join(dir, "Kāhui Ako o Ōtaki plan 2026.pdf");
    writeFileSync(pdfPath, pdf);
    writeFileSync(join(dir, "notes.txt"), "These are notes, not a plan.\n");
    writeFileSync(join(dir, "plan.docx"), zipWithoutWordParts());
  });
  afterAll(async () => browser?.close());

  /** A new page, signed in as this example user (by its label) or custom user, on the community's page. */
  async function communityPageAs(who: string | ApiUser, id: string, name: string, opts: { phone?: boolean } = {}): Promise<Page> {
    const page = await openPage(browser, opts);
    await signIn(page, who);
    await openCommunity(page, id, name);
    return page;
  }

  it("kahui-ako: a school uploads its plan through the file picker, staff endorse it, the school sees its funding", async () => {
    const school = schoolUser(7301);
    const name = "Kāhui Ako o Ōtaki 7301";
    const id = await approvedCommunity(school, "kahui-ako", name,
      [member("7301", "Ōtaki School", "PRIMARY", 182, 11.5), member("7302", "Ōtaki College", "SECONDARY", 512, 38)]);
    // The formation allowances are recorded by the stream a moment after the approval.
    await until("the formation allowances", async () => {
      const f = await apiAs<{ records: unknown[] }>(school, "GET", `/communities/${id}/funding`);
      return f.json.records.length === 2 ? true : undefined;
    });

    // The school's view
    const page = await openPage(browser);
    const sent: string[] = [];
    page.on("request", (r) => {
      if ((r.method() === "POST" && r.url().endsWith("/plans")) || r.method() === "PUT") sent.push(`${r.method()} ${r.url()}`);
    });
    await signIn(page, school);
    await openCommunity(page, id, name);
    const main = await textOf(page);
    expect(main).toContain("Kāhui Ako (New Zealand)");
    expect(main).toContain("Forming");
    const members = page.locator("#members-heading + .table-wrap table");
    expect(await members.locator("tbody tr").count()).toBe(2);
    expect(await textOf(page, "#members-heading + .table-wrap tfoot")).toMatch(/Total \(2 schools\)\s*694\s*49\.5/);
    expect(main).toContain("Community formed: its application was approved");
    expect(main).toContain("No achievement-challenge plan has been uploaded yet.");

    // The funding table: a formation allowance per member school, with totals
    const funding = await textOf(page, "section[aria-labelledby=funding-heading]");
    expect(funding.match(/NZD 1,000\.00/g)?.length).toBe(2);
    expect(funding).toContain("Ōtaki School (7301)");
    expect(funding).toMatch(/Formation allowance \(NZD\)\s*NZD 2,000\.00/);
    expect(funding).toMatch(/All money \(NZD\)\s*NZD 2,000\.00/);
    // The contact's own mail about the community (the approval)
    await page.getByRole("heading", { name: "Emails sent to you about this community" }).waitFor();
    expect(await textOf(page, "section[aria-labelledby=mail-heading]")).toContain("Approved");
    expect(await page.getByRole("heading", { name: "Record a challenge visit" }).count()).toBe(0);
    await expectAccessible(page, "community: school view");
    await screenshot(page, "community-school");

    // What the plan commits to
    for (const [i, c] of CHALLENGES.entries()) {
      const group = page.getByRole("group", { name: `Achievement challenge ${i + 1}` });
      await group.getByLabel("Area").selectOption(c.area);
      await group.getByLabel("Description").fill(c.description);
      await group.getByLabel("Measure").fill(c.measure);
    }
    // A file of the wrong type is refused in the browser, beside the field, and nothing is sent
    await page.getByLabel("Plan document").setInputFiles(join(dir, "notes.txt"));
    await page.locator("#plan-file-error").waitFor();
    expect(await textOf(page, "#plan-file-error")).toContain("The selected file must be a PDF or a Word document (.docx)");
    await page.getByRole("button", { name: "Upload plan" }).click();
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    expect(await textOf(page, "[data-error-summary]")).toContain("Plan document: The selected file must be a PDF or a Word document (.docx)");
    expect(await page.getByRole("group", { name: "Achievement challenge 2" }).getByLabel("Measure").inputValue()).toBe(CHALLENGES[1]!.measure);
    expect(sent).toEqual([]);
    await expectAccessible(page, "community: upload with an error");
    await screenshot(page, "community-upload-error");

    // A .docx that is a ZIP but not a Word document passes the browser's first look; the server's check rejects it
    await page.getByLabel("Plan document").setInputFiles(join(dir, "plan.docx"));
    await page.locator("#plan-file-error").waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Upload plan" }).click();
    await page.getByRole("heading", { name: "Plan version 1 was rejected" }).waitFor({ timeout: 40_000 });
    expect(await textOf(page, "[data-upload-result]")).toContain("Reason: the file is not a Word .docx document");
    expect(await page.evaluate(() => document.activeElement?.hasAttribute("data-upload-result"))).toBe(true);
    expect(await page.getByRole("group", { name: "Achievement challenge 3" }).getByLabel("Description").inputValue()).toBe(CHALLENGES[2]!.description);
    expect(await textOf(page, "section[aria-labelledby=timeline-heading]")).toContain("Plan version 1 rejected");
    await expectAccessible(page, "community: plan rejected");
    await screenshot(page, "community-plan-rejected");

    // The real PDF: registered, sent to S3 with a progress bar, then checked
    await page.getByLabel("Plan document").setInputFiles(pdfPath);
    await page.getByRole("button", { name: "Upload plan" }).click();
    await page.getByLabel("Upload progress").waitFor();
    await page.getByRole("heading", { name: "Plan version 2 received" }).waitFor({ timeout: 40_000 });
    expect(await textOf(page, "[data-upload-status]")).toBe("Plan version 2 received.");
    expect(sent.filter((s) => s.startsWith("POST ") && s.endsWith(`/communities/${id}/plans`)).length).toBe(2);
    expect(sent.filter((s) => s.startsWith("PUT ")).length).toBe(2);
    const rows = page.locator("#plans-heading ~ .table-wrap tbody tr");
    expect(await rows.count()).toBe(2);
    expect(await textOf(page, "#plans-heading ~ .table-wrap tbody tr:first-child")).toContain("Kāhui Ako o Ōtaki plan 2026.pdf");
    expect(await rows.first().locator(".tag").textContent()).toBe("Received");
    expect(await rows.nth(1).locator(".tag").textContent()).toBe("Rejected");
    await expectAccessible(page, "community: plan received");
    await screenshot(page, "community-plan-received");

    // Staff review it
    const staff = await communityPageAs(STAFF_LABEL, id, name);
    await staff.getByRole("heading", { name: "Review plan version 2" }).waitFor();
    expect(await staff.getByRole("heading", { name: "Upload your achievement-challenge plan" }).count()).toBe(0);
    expect(await staff.getByRole("heading", { name: "Record a challenge visit" }).count()).toBe(0);
    expect(await staff.getByRole("heading", { name: "Award a grant" }).count()).toBe(0);
    // Download: a presigned GET of the checked file
    await staff.getByRole("button", { name: "Download plan version 2 (Kāhui Ako o Ōtaki plan 2026.pdf)" }).first().click();
    const link = staff.getByRole("link", { name: "download Kāhui Ako o Ōtaki plan 2026.pdf" });
    await link.waitFor();
    const downloaded = await fetch((await link.getAttribute("href"))!);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer()).equals(pdf)).toBe(true);
    for (const p of staff.context().pages()) if (p !== staff) await p.close();
    // A decision without its fields: the GOV.UK error pattern
    await staff.getByRole("button", { name: "Send decision" }).click();
    expect(await textOf(staff, "[data-error-summary]")).toContain("Decision: Select whether to endorse the plan or ask for changes");
    await staff.getByLabel("Endorse the plan").check();
    await staff.getByRole("button", { name: "Send decision" }).click();
    expect(await textOf(staff, "[data-error-summary]")).toContain("School employing the community leader: Select the school that employs the community leader");
    expect(await staff.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    await expectAccessible(staff, "community: staff review with errors");
    await screenshot(staff, "community-staff-review-errors");
    await staff.getByLabel("School employing the community leader").selectOption("7302");
    await staff.getByLabel("Comments (optional)").fill("A clear plan; the measures are specific.");
    await staff.getByRole("button", { name: "Send decision" }).click();
    await staff.getByRole("heading", { name: "Plan version 2 endorsed" }).waitFor({ timeout: 20_000 });
    expect(await staff.evaluate(() => document.activeElement?.hasAttribute("data-notice"))).toBe(true);
    const timelineText = await textOf(staff, "section[aria-labelledby=timeline-heading]");
    expect(timelineText).toContain("Plan version 1 rejected");
    expect(timelineText).toContain("Reason: the file is not a Word .docx document");
    expect(timelineText).toContain("Plan version 2 endorsed");
    expect(timelineText).toContain("Comments: A clear plan; the measures are specific.");
    expect(await staff.locator(".community-meta .tag").textContent()).toBe("Endorsed");
    expect(await staff.getByRole("heading", { name: "Review plan version 2" }).count()).toBe(0);
    // The shipped policy lacks role settings: staff see what the service said
    await until("the role funding hold", async () => {
      if ((await staff.getByRole("heading", { name: "Role funding held" }).count()) > 0) return true;
      await reloadCommunity(staff, name);
      return undefined;
    });
    expect(await textOf(staff, ".community-held")).toContain("was endorsed, but its role funding was not released");
    await expectAccessible(staff, "community: staff view, endorsed");
    await screenshot(staff, "community-staff-endorsed");

    // The school sees it endorsed, with its funding
    await reloadCommunity(page, name);
    expect(await textOf(page, "section[aria-labelledby=timeline-heading]")).toContain("Plan version 2 endorsed");
    expect(await page.locator("#plans-heading ~ .table-wrap tbody tr .tag").first().textContent()).toBe("Endorsed");
    expect(await textOf(page, "section[aria-labelledby=funding-heading]")).toMatch(/All money \(NZD\)\s*NZD 2,000\.00/);
    const phone = await communityPageAs(school, id, name, { phone: true });
    await expectAccessible(phone, "community: school view at phone width");
    await screenshot(phone, "community-school-phone");
    await phone.context().close();
    await staff.context().close();
    await page.context().close();
  });

  it("kahui-ako: a decision made meanwhile by someone else is shown, and the page reloaded", async () => {
    const school = schoolUser(7305);
    const name = "Kāhui Ako 7305";
    const id = await approvedCommunity(school, "kahui-ako", name,
      [member("7305", "Kura 7305", "PRIMARY", 100, 6), member("7306", "College 7306", "SECONDARY", 400, 25)]);
    const planId = await receivedPlan(school, id, pdf);
    const staff = await communityPageAs(STAFF_LABEL, id, name);
    await staff.getByLabel("Ask for changes").check();
    await staff.getByLabel("What needs to change").fill("Add a measure for wellbeing.");
    const other = await apiAs(STAFF, "POST", `/communities/${id}/plans/${planId}/decision`, { decision: "ENDORSED", leaderSchoolNumber: "7306" });
    expect(other.status).toBe(201);
    await staff.getByRole("button", { name: "Send decision" }).click();
    await staff.locator("[data-error-summary]").waitFor();
    expect(await textOf(staff, "[data-error-summary]")).toContain("Plan version 1 could not be decided");
    expect(await staff.getByRole("heading", { name: "Review plan version 1" }).count()).toBe(0);
    expect(await staff.locator("#plans-heading ~ .table-wrap tbody tr .tag").first().textContent()).toBe("Endorsed");
    await expectAccessible(staff, "community: decision conflict");
    await screenshot(staff, "community-staff-conflict");
    await staff.context().close();
  });

  it("school-improvement: staff record a challenge visit and award a grant; the member school sees both", async () => {
    const school = schoolUser(7311, "head@7311.example.sch.uk");
    const name = "Weymouth 7311 Family Cluster";
    const id = await approvedCommunity(school, "school-improvement", name,
      [member("7311", "Wyke Oaks Primary School", "PRIMARY", 410, 17.6), member("7312", "Isle of Portland Academy", "SECONDARY", 1020, 61.5)]);
    await receivedPlan(school, id, pdf, [CHALLENGES[0]!]);

    const staff = await communityPageAs(STAFF_LABEL, id, name);
    expect(await textOf(staff)).toContain("No challenge visits yet.");
    expect(await textOf(staff)).toContain("No funding has been recorded yet.");
    expect(await staff.getByRole("heading", { name: /Review plan version/ }).count()).toBe(0);
    await expectAccessible(staff, "community: staff view of a cluster with forms");
    await screenshot(staff, "community-staff-cluster-forms");

    // A challenge visit
    await staff.getByLabel("Plan version reviewed").selectOption({ label: "Version 1: action plan.pdf" });
    await staff.getByLabel("Changes required (the cluster is asked for a new plan version)").check();
    await staff.getByLabel("Notes (optional)").fill("Add employer engagement targets for Year 10.");
    await staff.getByRole("button", { name: "Record visit" }).click();
    await staff.getByRole("heading", { name: "Challenge visit recorded" }).waitFor({ timeout: 20_000 });
    const visits = await textOf(staff, "section[aria-labelledby=visits-heading] table");
    expect(visits).toContain("Version 1");
    expect(visits).toContain("Changes required");
    expect(visits).toContain("Add employer engagement targets for Year 10.");
    expect(await textOf(staff, "#plans-heading ~ .table-wrap tbody tr")).toMatch(/Challenge visit .*: changes required/);

    // A grant: first an amount the API would refuse, then a good one
    await staff.getByLabel("Employer engagement").check();
    await staff.getByLabel("Amount in GBP").fill("12.345");
    await staff.getByRole("button", { name: "Award grant" }).click();
    expect(await textOf(staff, "[data-error-summary]")).toContain("Amount: Enter the amount as a number with up to two decimal places");
    expect(await textOf(staff, "#amount-value-error")).toContain("up to two decimal places");
    await expectAccessible(staff, "community: grant with an error");
    await screenshot(staff, "community-grant-error");
    await staff.getByLabel("Amount in GBP").fill("12000.00");
    await staff.getByLabel("Description (optional)").fill("Employer mentors for Year 10");
    await staff.getByRole("button", { name: "Award grant" }).click();
    await staff.getByRole("heading", { name: "Grant awarded" }).waitFor({ timeout: 20_000 });
    // Its funding record follows from the stream; the page shows it when it arrives.
    await staff.locator("section[aria-labelledby=funding-heading] table").first().waitFor({ timeout: 40_000 });
    const funding = await textOf(staff, "section[aria-labelledby=funding-heading]");
    expect(funding).toContain("Employer engagement");
    expect(funding).toMatch(/Grant \(GBP\)\s*GBP 12,000\.00/);
    expect(await textOf(staff, "section[aria-labelledby=timeline-heading]")).toContain("Grant awarded: Employer engagement");
    await screenshot(staff, "community-staff-cluster-done");

    // The member school sees the visit and the grant, without the staff forms
    const page = await communityPageAs(school, id, name);
    expect(await textOf(page, "section[aria-labelledby=visits-heading]")).toContain("Add employer engagement targets for Year 10.");
    expect(await textOf(page, "section[aria-labelledby=funding-heading]")).toMatch(/All money \(GBP\)\s*GBP 12,000\.00/);
    expect(await page.getByRole("heading", { name: "Record a challenge visit" }).count()).toBe(0);
    expect(await page.getByRole("heading", { name: "Award a grant" }).count()).toBe(0);
    await until("the visit and grant emails", async () => {
      const mail = await textOf(page, "section[aria-labelledby=mail-heading]");
      if (/visit/i.test(mail) && /grant/i.test(mail)) return true;
      await reloadCommunity(page, name);
      return undefined;
    });
    await expectAccessible(page, "community: member of a cluster");
    await screenshot(page, "community-cluster-school");
    const phone = await communityPageAs(STAFF_LABEL, id, name, { phone: true });
    await screenshot(phone, "community-staff-cluster-phone");
    await phone.context().close();
    await page.context().close();
    await staff.context().close();
  });

  it("is not found for a school that is not a member", async () => {
    const outsider = await openPage(browser);
    await signIn(outsider, { group: "school", schoolNumber: "7399", email: "office@7399.example.school.nz" });
    await outsider.goto("/#/communities/00000000-0000-4000-8000-000000000000");
    await outsider.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await outsider.context().close();
  });
});
