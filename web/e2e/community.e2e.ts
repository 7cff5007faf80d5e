import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import {
  apiAs, browserMissing, communityEndorsedBeforeRolesWereRecorded, expectAccessible, launchBrowser, openPage, schoolUser, screenshot, signIn,
  textOf, until, type ApiUser,
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

/** The cells of one CSV row (RFC 4180: quoted cells, "" for a quote inside one). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  const cell = /("(?:[^"]|"")*"|[^,]*)(,|$)/g;
  for (let m = cell.exec(line); m; m = cell.exec(line)) {
    const v = m[1] ?? "";
    cells.push(v.startsWith('"') ? v.slice(1, -1).replace(/""/g, '"') : v);
    if (m[2] === "") break;
  }
  return cells;
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
    expect((await textOf(page, "section[aria-labelledby=funding-heading] table.community-stack")).match(/NZD 1,000\.00/g)?.length).toBe(2);
    expect(funding).toContain("Formation allowance Released The formation allowance was recorded on");
    expect(funding).toContain("Roles Not yet The roles are released when the Kāhui Ako's plan of achievement challenges is endorsed.");
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
    // The roles each member school generated: a count the API would refuse is caught in the browser, beside its field
    const otaki = staff.getByRole("group", { name: "Ōtaki School (7301)" });
    const college = staff.getByRole("group", { name: "Ōtaki College (7302)" });
    expect(await otaki.getByLabel("Across-school roles").inputValue()).toBe("0");
    await otaki.getByLabel("Within-school roles").fill("51");
    await staff.getByRole("button", { name: "Send decision" }).click();
    expect(await textOf(staff, "[data-error-summary]")).toContain("Ōtaki School within-school roles: Within-school roles for Ōtaki School must be a whole number from 0 to 50");
    expect(await otaki.getByLabel("Within-school roles").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(staff, "community: endorsement with an allocation error");
    await screenshot(staff, "community-staff-allocation-error");
    await otaki.getByLabel("Within-school roles").fill("2");
    await college.getByLabel("Across-school roles").fill("1");
    await college.getByLabel("Within-school roles").fill("3");
    expect(await textOf(staff, ".community-allocation__outcome")).toBe("This allocation makes 1 community leader, 1 across-school, 5 within-school roles.");
    await staff.getByLabel("Comments (optional)").fill("A clear plan; the measures are specific.");
    const decisions: string[] = [];
    staff.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/decision")) decisions.push(r.postData() ?? "");
    });
    await staff.getByRole("button", { name: "Send decision" }).click();
    await staff.getByRole("heading", { name: "Plan version 2 endorsed" }).waitFor({ timeout: 20_000 });
    // Only the schools with roles are sent.
    expect(JSON.parse(decisions[0]!).roleAllocation).toEqual({
      acrossSchool: [{ schoolNumber: "7302", roles: 1 }],
      withinSchool: [{ schoolNumber: "7301", roles: 2 }, { schoolNumber: "7302", roles: 3 }],
      mergedForExtraAcrossSchool: 0,
    });
    expect(await staff.evaluate(() => document.activeElement?.hasAttribute("data-notice"))).toBe(true);
    const timelineText = await textOf(staff, "section[aria-labelledby=timeline-heading]");
    expect(timelineText).toContain("Plan version 1 rejected");
    expect(timelineText).toContain("Reason: the file is not a Word .docx document");
    expect(timelineText).toContain("Plan version 2 endorsed");
    expect(timelineText).toContain("Comments: A clear plan; the measures are specific.");
    expect(await staff.locator(".community-meta .tag").textContent()).toBe("Endorsed");
    expect(await staff.getByRole("heading", { name: "Review plan version 2" }).count()).toBe(0);
    // The page follows the funding until the roles recorded with the endorsement are released
    await staff.locator("[data-part=ROLE_COUNTS]").waitFor({ timeout: 40_000 });
    expect((await textOf(staff, "[data-part=ROLE_COUNTS]")).trim()).toBe("Roles released 1 community leader, 1 across-school, 5 within-school roles");
    expect(await textOf(staff, "[data-part=ROLES]")).toMatch(/Roles Released Released on .*: 1 community leader role, 1 across-school teacher role and 5 within-school teacher roles\./);
    expect(await staff.getByRole("heading", { name: "Record the community's roles" }).count()).toBe(0);
    await expectAccessible(staff, "community: staff view, endorsed");
    await screenshot(staff, "community-staff-endorsed");

    // The school sees it endorsed, with its funding
    await reloadCommunity(page, name);
    expect(await textOf(page, "section[aria-labelledby=timeline-heading]")).toContain("Plan version 2 endorsed");
    expect(await page.locator("#plans-heading ~ .table-wrap tbody tr .tag").first().textContent()).toBe("Endorsed");
    const released = await textOf(page, "section[aria-labelledby=funding-heading]");
    expect(released).toContain("Roles released 1 community leader, 1 across-school, 5 within-school roles");
    expect(released).toMatch(/Community leader role \(NZD\)\s*NZD 30,000\.00/); // the leader's school is a secondary school
    expect(released).toMatch(/Role induction and networking \(NZD\)\s*NZD 3,750\.00/);
    expect(released).toMatch(/Teacher inquiry time \(HOURS\)\s*202 HOURS/); // 50 (the minimum) + 38 FTE x 4
    expect(released).toMatch(/All money \(NZD\)\s*NZD 91,750\.00/);
    expect(released).toContain("Totals by school year");
    await expectAccessible(page, "community: school view with its roles");
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
    const other = await apiAs(STAFF, "POST", `/communities/${id}/plans/${planId}/decision`, {
      decision: "ENDORSED", leaderSchoolNumber: "7306", roleAllocation: { acrossSchool: [], withinSchool: [{ schoolNumber: "7306", roles: 1 }] },
    });
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

  it("staff record an allocation for a held community and the school sees its roles", async () => {
    const school = schoolUser(7321);
    const name = "Kāhui Ako 7321, endorsed before roles were recorded";
    const id = await approvedCommunity(school, "kahui-ako", name, [
      member("7321", "Kura 7321", "PRIMARY", 240, 14), member("7322", "College 7322", "SECONDARY", 600, 40), member("7323", "Kura 7323", "PRIMARY", 90, 6),
    ]);
    const planId = await receivedPlan(school, id, pdf);
    await communityEndorsedBeforeRolesWereRecorded({ communityId: id, planId, leaderSchoolNumber: "7322", staff: STAFF });
    const held = await until("the community to be held for its roles", async () => {
      const f = await apiAs<{ status: Array<{ part: string; state: string; sentence: string }> }>(school, "GET", `/communities/${id}/funding`);
      return f.json.status.find((p) => p.part === "ROLES" && p.state === "AWAITING_ALLOCATION");
    });

    // Staff see the held state in the API's words, and the form that records the roles
    const staff = await communityPageAs(STAFF_LABEL, id, name);
    expect((await textOf(staff, "[data-part=ROLES]")).trim()).toBe(`Roles Waiting for the roles to be recorded ${held.sentence}`);
    await staff.getByRole("heading", { name: "Record the community's roles" }).waitFor();
    expect(await staff.getByRole("heading", { name: /Review plan version/ }).count()).toBe(0);
    await expectAccessible(staff, "community: held for its roles");
    await screenshot(staff, "community-staff-held");
    const form = staff.locator("section[aria-labelledby=held-roles-heading]");
    const school1 = form.getByRole("group", { name: "Kura 7321 (7321)" });
    const school2 = form.getByRole("group", { name: "College 7322 (7322)" });
    // A merge that takes more within-school roles than there are: caught in the browser
    await school1.getByLabel("Within-school roles").fill("3");
    await form.getByLabel("1 extra across-school role").check();
    await form.getByRole("button", { name: "Record roles" }).click();
    expect(await textOf(staff, "[data-error-summary]"))
      .toContain("Extra across-school roles from merging: Merging 1 extra across-school role takes 3.3 within-school roles, and the schools generated 3");
    expect(await staff.evaluate(() => document.activeElement?.hasAttribute("data-error-summary"))).toBe(true);
    // The server's own field error, for the second within-school entry sent, lands on that school's input: the
    // request is changed on its way (the browser would not send 51) so that the server refuses it.
    await school1.getByLabel("Across-school roles").fill("1");
    await school2.getByLabel("Across-school roles").fill("1");
    await school2.getByLabel("Within-school roles").fill("2");
    expect(await textOf(staff, "form .community-allocation__outcome")).toBe("This allocation makes 1 community leader, 3 across-school, 1 within-school role.");
    await staff.route("**/role-allocation", async (route) => {
      const body = JSON.parse(route.request().postData() ?? "{}") as { withinSchool: Array<{ roles: number }> };
      body.withinSchool[1]!.roles = 51;
      await route.continue({ postData: JSON.stringify(body) });
    }, { times: 1 });
    await form.getByRole("button", { name: "Record roles" }).click();
    await staff.locator("#held-roles-within-7322-error").waitFor({ timeout: 15_000 });
    expect(await textOf(staff, "#held-roles-within-7322-error")).toContain("must be a whole number from 0 to 50");
    expect(await textOf(staff, "[data-error-summary]")).toContain("College 7322 within-school roles: must be a whole number from 0 to 50");
    expect(await school1.getByLabel("Within-school roles").getAttribute("aria-invalid")).toBe("false");
    await expectAccessible(staff, "community: held roles with a server error");
    await screenshot(staff, "community-staff-held-error");

    // Sent again, as typed: recorded, and the page follows the funding until the roles are released
    const sent: string[] = [];
    staff.on("request", (r) => {
      if (r.method() === "POST" && r.url().endsWith("/role-allocation")) sent.push(r.postData() ?? "");
    });
    await form.getByRole("button", { name: "Record roles" }).click();
    await staff.getByRole("heading", { name: "Roles recorded" }).waitFor({ timeout: 20_000 });
    expect(JSON.parse(sent[0]!)).toEqual({
      acrossSchool: [{ schoolNumber: "7321", roles: 1 }, { schoolNumber: "7322", roles: 1 }],
      withinSchool: [{ schoolNumber: "7321", roles: 3 }, { schoolNumber: "7322", roles: 2 }],
      mergedForExtraAcrossSchool: 1,
    });
    expect(await textOf(staff, "[data-notice]"))
      .toContain("Being released now: 1 community leader, 3 across-school, 1 within-school role, and teacher inquiry time for 3 member schools.");
    expect(await staff.evaluate(() => document.activeElement?.hasAttribute("data-notice"))).toBe(true);
    await staff.locator("[data-part=ROLE_COUNTS]").waitFor({ timeout: 40_000 });
    expect((await textOf(staff, "[data-part=ROLE_COUNTS]")).trim()).toBe("Roles released 1 community leader, 3 across-school, 1 within-school role");
    expect(await staff.getByRole("heading", { name: "Record the community's roles" }).count()).toBe(0);
    await expectAccessible(staff, "community: held roles recorded and released");
    await screenshot(staff, "community-staff-held-released");

    // The school sees its roles, counted and paid
    const page = await communityPageAs(school, id, name);
    const funding = await textOf(page, "section[aria-labelledby=funding-heading]");
    expect(funding).toMatch(/Roles Released Released on .*: 1 community leader role, 3 across-school teacher roles and 1 within-school teacher role\./);
    expect(funding).toContain("Roles released 1 community leader, 3 across-school, 1 within-school role");
    expect(funding).toMatch(/Across-school teacher role \(NZD\)\s*NZD 48,000\.00/);
    expect(funding).toMatch(/Community leader role \(NZD\)\s*NZD 30,000\.00/);
    expect(funding).toContain("Role induction and networking");
    expect(funding).not.toContain("Record the community's roles");
    await expectAccessible(page, "community: school sees the roles of a held community");
    await screenshot(page, "community-school-held-released");
    // Recording them again is refused: the page says so and shows the funding as it is
    const again = await apiAs(STAFF, "POST", `/communities/${id}/role-allocation`, { acrossSchool: [], withinSchool: [] });
    expect(again.status).toBe(409);
    await page.context().close();
    await staff.context().close();
  });

  it("staff read the funding report and download it as CSV", async () => {
    const school = schoolUser(7331);
    const name = "Kāhui Ako 7331 in the funding report";
    const id = await approvedCommunity(school, "kahui-ako", name,
      [member("7331", "Kura 7331", "PRIMARY", 120, 7), member("7332", "Kura 7332", "PRIMARY", 80, 5)]);
    await until("the formation allowances", async () => {
      const f = await apiAs<{ records: unknown[] }>(school, "GET", `/communities/${id}/funding`);
      return f.json.records.length === 2 ? true : undefined;
    });
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Pacific/Auckland", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
    const page = await openPage(browser);
    await signIn(page, STAFF_LABEL);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Funding report" }).click();
    await page.getByRole("heading", { level: 1, name: "Funding report" }).waitFor();
    // A period that ends before it starts: caught in the browser
    await page.getByLabel("From (optional)").fill(today);
    await page.getByLabel("To (optional)").fill("2020-01-01");
    await page.getByRole("button", { name: "Show records" }).click();
    expect(await textOf(page, "[data-error-summary]")).toContain("To: The last day must be the same as or after the first day");
    await expectAccessible(page, "funding report with an error");
    await page.getByLabel("To (optional)").fill(today);
    await page.getByRole("button", { name: "Show records" }).click();
    await page.waitForURL(new RegExp(`#/staff/funding\\?programme=kahui-ako&from=${today}&to=${today}$`));
    await page.getByRole("heading", { level: 2, name: /^Kāhui Ako \(New Zealand\), \d+ \w+ \d{4} to \d+ \w+ \d{4}$/ }).waitFor();
    const rows = page.locator("table.report-records tbody tr", { hasText: name });
    expect(await rows.count()).toBe(2);
    expect(await textOf(page, "table.report-records")).toContain("Kura 7331 (7331)");
    expect(await textOf(page, "table.report-totals")).toMatch(/Formation allowance \(NZD\)\s*\d+\s*NZD [\d,]+\.00/);
    await expectAccessible(page, "funding report");
    await screenshot(page, "funding-report");
    // The CSV: fetched with the token, saved under the server's file name
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /Download CSV/ }).click()]);
    expect(file.suggestedFilename()).toBe(`funding-kahui-ako-from-${today}-to-${today}.csv`);
    const csv = readFileSync((await file.path())!, "utf8");
    expect(csv.startsWith("\uFEFFcommunityId,communityName,schoolNumber,schoolName,kind,period,year,amount,currency")).toBe(true);
    // One row a record (RFC 4180: a cell may be quoted)
    const ours = csv.split(/\r?\n/).map(csvCells).filter((cells) => cells[0] === id);
    expect(ours.map((cells) => cells.slice(1, 9)), csv).toEqual([
      [name, "7331", "Kura 7331", "FORMATION_ALLOWANCE", "ON_APPROVAL", today.slice(0, 4), "1000.00", "NZD"],
      [name, "7332", "Kura 7332", "FORMATION_ALLOWANCE", "ON_APPROVAL", today.slice(0, 4), "1000.00", "NZD"],
    ]);
    expect(await textOf(page, "[data-download-status]")).toMatch(new RegExp(`^Downloaded funding-kahui-ako-from-${today}-to-${today}\\.csv \\(\\d+ records?\\)\\.$`));
    await page.context().close();
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
