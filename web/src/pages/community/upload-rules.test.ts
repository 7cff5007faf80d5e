import { describe, expect, it } from "vitest";
import { ACCEPT, checkChallenges, checkFile, challengeLimits, DOCX, MAX_SIZE_BYTES, PDF, planTypeFor, sniffProblem } from "./upload-rules";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("plan upload rules (the API's RegisterPlanRequest and PlanChecker, in the browser)", () => {
  it("offers PDFs and Word .docx documents in the file picker", () => {
    expect(ACCEPT.split(",")).toEqual([".pdf", PDF, ".docx", DOCX]);
  });

  it("takes the type from the file name's extension, in any case", () => {
    expect(planTypeFor("Kāhui Ako o Ōtaki plan 2026.PDF")?.contentType).toBe(PDF);
    expect(planTypeFor("action plan.Docx")?.contentType).toBe(DOCX);
    expect(planTypeFor("plan.doc")).toBeNull();
    expect(planTypeFor("plan.pdf.txt")).toBeNull();
  });

  it("accepts a PDF or .docx of 1 byte to exactly 25 MiB", () => {
    expect(checkFile({ name: "plan.pdf", size: 1 })).toEqual({ ok: true, contentType: PDF });
    expect(checkFile({ name: "plan.docx", size: MAX_SIZE_BYTES })).toEqual({ ok: true, contentType: DOCX });
    expect(MAX_SIZE_BYTES).toBe(26_214_400);
  });

  it("refuses another type, an empty file and one over 25 MiB, saying what to do", () => {
    expect(checkFile({ name: "notes.txt", size: 10 })).toEqual({ ok: false, message: "The selected file must be a PDF or a Word document (.docx)" });
    expect(checkFile({ name: "plan.pdf", size: 0 })).toEqual({ ok: false, message: "The selected file is empty" });
    expect(checkFile({ name: "plan.pdf", size: MAX_SIZE_BYTES + 1 })).toEqual({ ok: false, message: "The selected file must be 25 MB or smaller" });
  });

  it("refuses names the server refuses: too long, control characters, nothing before the extension", () => {
    expect(checkFile({ name: `${"a".repeat(251)}.pdf`, size: 5 }).ok).toBe(true);
    expect(checkFile({ name: `${"ā".repeat(252)}.pdf`, size: 5 }).ok).toBe(false);
    expect(checkFile({ name: "plan\u0007.pdf", size: 5 }).ok).toBe(false);
    expect(checkFile({ name: ".pdf", size: 5 }).ok).toBe(false);
  });

  it("checks the first bytes as the server does: %PDF- for a PDF, a ZIP for a .docx", () => {
    expect(sniffProblem(bytes("%PDF-1.4\n"), PDF)).toBeNull();
    expect(sniffProblem(bytes("Hello"), PDF)).toMatch(/not a PDF/);
    expect(sniffProblem(bytes("%PD"), PDF)).toMatch(/not a PDF/);
    expect(sniffProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14]), DOCX)).toBeNull();
    expect(sniffProblem(bytes("%PDF-"), DOCX)).toMatch(/not a Word/);
  });

  it("asks for 3 to 5 achievement challenges under kahui-ako and 1 to 10 priorities otherwise", () => {
    expect(challengeLimits("kahui-ako")).toMatchObject({ min: 3, max: 5 });
    expect(challengeLimits("school-improvement")).toMatchObject({ min: 1, max: 10, noun: "priority" });
    const one = [{ area: "ATTENDANCE", description: "Raise attendance", measure: "From 52% to 70%" }];
    expect(checkChallenges(one, "school-improvement")).toEqual([]);
    expect(checkChallenges(one, "kahui-ako")).toEqual([{ field: "achievementChallenges", message: "Give 3 to 5 achievement challenges" }]);
  });

  it("names each challenge field at fault by the API's path", () => {
    const errors = checkChallenges([{ area: "", description: " ", measure: "x".repeat(1001) }], "school-improvement");
    expect(errors.map((e) => e.field)).toEqual(["achievementChallenges[0].area", "achievementChallenges[0].description", "achievementChallenges[0].measure"]);
    expect(errors[2]?.message).toBe("Measure must be 1000 characters or fewer");
  });
});
