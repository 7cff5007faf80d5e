import { describe, expect, it } from "vitest";
import { endorsementsText, schoolTotals } from "./totals";

describe("school totals", () => {
  it("adds rolls and teacher FTE without floating-point drift, and counts endorsements", () => {
    // The Ōtaki example of openapi.yaml: 182 + 341 + 512 + 45 pupils, 11.5 + 19.2 + 38 + 5 FTE.
    const t = schoolTotals([
      { roll: 182, teacherFte: 11.5, boardEndorsed: true },
      { roll: 341, teacherFte: 19.2, boardEndorsed: true },
      { roll: 512, teacherFte: 38, boardEndorsed: true },
      { roll: 45, teacherFte: 5, boardEndorsed: false },
    ]);
    expect(t).toEqual({ schools: 4, roll: 1080, teacherFte: 73.7, endorsed: 3 });
    expect(endorsementsText(t)).toBe("3 of 4 boards");
  });

  it("keeps two decimal places exact where naive addition would not", () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(schoolTotals([{ roll: 1, teacherFte: 0.1 }, { roll: 2, teacherFte: 0.2 }]).teacherFte).toBe(0.3);
    expect(schoolTotals([{ roll: 0, teacherFte: 14.55 }, { roll: 0, teacherFte: 0.01 }]).teacherFte).toBe(14.56);
  });

  it("says all, none or how many boards endorsed", () => {
    expect(endorsementsText(schoolTotals([{ roll: 1, teacherFte: 1, boardEndorsed: true }, { roll: 1, teacherFte: 1, boardEndorsed: true }]))).toBe("All 2 boards");
    expect(endorsementsText(schoolTotals([{ roll: 1, teacherFte: 1, boardEndorsed: false }]))).toBe("None");
    expect(endorsementsText(schoolTotals([]))).toEqual("No schools");
    expect(schoolTotals([])).toEqual({ schools: 0, roll: 0, teacherFte: 0, endorsed: 0 });
  });
});
