import { describe, expect, it } from "vitest";
import { ApiProblem } from "../../api/client";
import { amountProblem } from "./grants";
import { memberTotals } from "./members";
import { placeErrors, problemErrors } from "./view";
import { londonToday } from "./visits";

describe("the community page's forms", () => {
  it("checks a grant's amount as the API does: positive, at most two decimals, at most 10,000,000.00", () => {
    expect(amountProblem("12000.00")).toBeNull();
    expect(amountProblem("12,000")).toBeNull();
    expect(amountProblem("0.01")).toBeNull();
    expect(amountProblem("10000000.00")).toBeNull();
    expect(amountProblem("")).toBe("Enter the amount of the grant");
    expect(amountProblem("12.345")).toMatch(/up to two decimal places/);
    expect(amountProblem("-5")).toMatch(/up to two decimal places/);
    expect(amountProblem("£5")).toMatch(/up to two decimal places/);
    expect(amountProblem("0.00")).toBe("The amount must be more than zero");
    expect(amountProblem("10000000.01")).toBe("The amount must be 10,000,000.00 or less");
  });

  it("places the API's field errors on the form's fields, sending aliases to their field and the rest to the summary", () => {
    const label = (id: string) => ({ "plan-file": "Plan document", "achievementChallenges-0-area": "Area" })[id];
    const placed = placeErrors(
      [
        { field: "contentType", message: "must be application/pdf" },
        { field: "sizeBytes", message: "must be 1 to 26214400 (25 MiB)" },
        { field: "achievementChallenges[0].area", message: "must be one of ATTENDANCE, ..." },
        { field: "body", message: "is not JSON" },
      ],
      label,
      { contentType: "plan-file", sizeBytes: "plan-file" },
    );
    expect([...placed.errors]).toEqual([
      ["plan-file", "must be application/pdf; must be 1 to 26214400 (25 MiB)"],
      ["achievementChallenges-0-area", "must be one of ATTENDANCE, ..."],
    ]);
    expect(placed.extra).toBe("body: is not JSON");
  });

  it("shows a problem without field errors (409, 422) by its detail", () => {
    const conflict = new ApiProblem(409, "Already decided", "version 1 was decided at 10:00");
    expect(problemErrors(conflict, () => undefined)).toEqual({ errors: new Map(), extra: "version 1 was decided at 10:00" });
  });

  it("adds the member schools' rolls and teacher FTE exactly", () => {
    const m = (roll: number, teacherFte: number) => ({ schoolNumber: "1", name: "S", type: "PRIMARY" as const, roll, teacherFte });
    expect(memberTotals([m(182, 11.5), m(341, 19.2), m(512, 38), m(45, 5)])).toEqual({ roll: 1080, teacherFte: "73.7" });
  });

  it("dates a visit by London's day", () => {
    expect(londonToday(new Date("2026-03-09T23:30:00Z"))).toBe("2026-03-09");
    expect(londonToday(new Date("2026-07-09T23:30:00Z"))).toBe("2026-07-10");
  });
});

describe("dates of visits", () => {
  it("shows a calendar day as that day, and finds an instant's London day", async () => {
    const { calendarDay, londonDay } = await import("./model");
    expect(calendarDay("2026-03-09")).toBe("9 Mar 2026");
    expect(londonDay("2026-11-23T23:30:00Z")).toBe("2026-11-23");
    expect(londonDay("2026-06-30T23:30:00Z")).toBe("2026-07-01");
  });
});
