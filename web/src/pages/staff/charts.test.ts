import { describe, expect, it } from "vitest";
import { amountForScale, byCurrency, chartLabel, MIN_VISIBLE_PERCENT, scaleBars } from "./charts";

const bar = (key: string, value: number) => ({ key, label: key, value, display: String(value) });

describe("bar chart scaling", () => {
  it("scales against the largest value", () => {
    expect(scaleBars([bar("received", 71), bar("approved", 11), bar("declined", 0)]).map((b) => b.percent)).toEqual([100, 15.5, 0]);
  });

  it("scales against a shared maximum, never beyond the track", () => {
    expect(scaleBars([bar("a", 5), bar("b", 20)], 10).map((b) => b.percent)).toEqual([50, 100]);
  });

  it("keeps a small positive value visible and gives zero, negative and missing values no bar", () => {
    const bars = scaleBars([bar("big", 100_000), bar("tiny", 1), bar("zero", 0), bar("neg", -5), bar("nan", Number.NaN)]);
    expect(bars.map((b) => b.percent)).toEqual([100, MIN_VISIBLE_PERCENT, 0, 0, 0]);
  });

  it("draws no bars when every value is zero (no division by zero)", () => {
    expect(scaleBars([bar("a", 0), bar("b", 0)]).map((b) => b.percent)).toEqual([0, 0]);
    expect(scaleBars([])).toEqual([]);
  });

  it("says every figure in the text alternative", () => {
    expect(chartLabel("Applications by status", [{ key: "r", label: "Received", value: 5, display: "5" }, { key: "a", label: "Approved", value: 2, display: "2" }]))
      .toBe("Applications by status: Received 5, Approved 2");
    expect(chartLabel("Funding", [])).toBe("Funding: no figures");
  });
});

describe("funding by currency", () => {
  it("groups by currency, keeping the API's order, and reads decimal strings only for bar lengths", () => {
    const groups = byCurrency([
      { kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "83000.00" },
      { kind: "GRANT", currency: "GBP", value: "100000.00" },
      { kind: "ROLE_ALLOWANCE", currency: "NZD", value: "25000.50" },
    ]);
    expect([...groups.keys()]).toEqual(["NZD", "GBP"]);
    expect(groups.get("NZD")?.map((f) => f.kind)).toEqual(["FORMATION_ALLOWANCE", "ROLE_ALLOWANCE"]);
    expect(amountForScale("25000.50")).toBe(25000.5);
    expect(amountForScale("not money")).toBe(0);
  });
});
