import { describe, expect, it } from "vitest";
import { checkDecision, decisionBody, decisionLabel, emptyDecisionForm } from "./decision";

describe("decision form", () => {
  it("asks for a choice before anything is sent", () => {
    expect(checkDecision(emptyDecisionForm())).toEqual([{ field: "decision", message: "Select whether to approve or decline the application" }]);
    expect(checkDecision({ decision: "DECLINED", wave: "", reason: "" })).toEqual([]);
  });

  it("leaves out a blank wave and reason, so the API decides what is missing", () => {
    expect(decisionBody({ decision: "DECLINED", wave: "  ", reason: " \n " })).toEqual({ decision: "DECLINED" });
    expect(decisionBody({ decision: "APPROVED", wave: "", reason: "" })).toEqual({ decision: "APPROVED" });
  });

  it("trims the wave but sends the reason exactly as typed, macrons and all", () => {
    expect(decisionBody({ decision: "APPROVED", wave: " 2014-12 ", reason: "Ka pai, ngā mihi.\n" })).toEqual({
      decision: "APPROVED", wave: "2014-12", reason: "Ka pai, ngā mihi.\n",
    });
  });

  it("refuses to build a request without a choice, and labels the fields", () => {
    expect(() => decisionBody(emptyDecisionForm())).toThrow();
    expect(decisionLabel("reason")).toBe("Reason");
    expect(decisionLabel("body")).toBe("body");
  });
});
