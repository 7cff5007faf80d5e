import { describe, expect, it } from "vitest";
import { moneyTotalsByCurrency, moneyTotalsByKind, sumDecimals, timeTotalsByKind, type FundingRecordLike } from "./funding-totals";

const nzd = (value: string) => ({ value, currency: "NZD" });

describe("funding totals", () => {
  it("adds decimal strings exactly, never through floats", () => {
    expect(sumDecimals(["0.10", "0.20"], 2)).toBe("0.30");
    expect(sumDecimals(["1000.00", "12.5"], 2)).toBe("1012.50");
    expect(sumDecimals(["11.5", "19.2", "38", "5"])).toBe("73.7");
    expect(sumDecimals(["-5.25", "1.00"], 2)).toBe("-4.25");
    expect(sumDecimals(["0.05", "-0.10"], 2)).toBe("-0.05");
    expect(sumDecimals([], 2)).toBe("0.00");
    expect(sumDecimals(["9999999999999.99", "0.01"], 2)).toBe("10000000000000.00");
  });

  it("reproduces the API's totals for two formation allowances (openapi.yaml OtakiFunding)", () => {
    const records: FundingRecordLike[] = [
      { kind: "FORMATION_ALLOWANCE", amount: nzd("1000.00"), quantity: null, units: null },
      { kind: "FORMATION_ALLOWANCE", amount: nzd("1000.00"), quantity: null, units: null },
    ];
    expect(moneyTotalsByKind(records)).toEqual([{ kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "2000.00" }]);
    expect(moneyTotalsByCurrency(records)).toEqual([{ currency: "NZD", value: "2000.00" }]);
    expect(timeTotalsByKind(records)).toEqual([]);
  });

  it("totals by kind and currency in the order they first appear, and by currency over every kind", () => {
    const records: FundingRecordLike[] = [
      { kind: "GRANT", amount: { value: "12000.00", currency: "GBP" } },
      { kind: "FORMATION_ALLOWANCE", amount: nzd("1000.00") },
      { kind: "GRANT", amount: { value: "350.50", currency: "GBP" } },
      { kind: "COMMUNITY_LEADER_ROLE", amount: nzd("26000.00"), quantity: "0.4", units: "FTTE" },
      { kind: "GRANT", amount: nzd("99.99") },
    ];
    expect(moneyTotalsByKind(records)).toEqual([
      { kind: "GRANT", currency: "GBP", value: "12350.50" },
      { kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "1000.00" },
      { kind: "COMMUNITY_LEADER_ROLE", currency: "NZD", value: "26000.00" },
      { kind: "GRANT", currency: "NZD", value: "99.99" },
    ]);
    expect(moneyTotalsByCurrency(records)).toEqual([
      { currency: "GBP", value: "12350.50" },
      { currency: "NZD", value: "27099.99" },
    ]);
  });

  it("totals time by kind and units, leaving out records without a quantity", () => {
    const records: FundingRecordLike[] = [
      { kind: "INQUIRY_HOURS", amount: null, quantity: "130", units: "HOURS" },
      { kind: "INQUIRY_HOURS", amount: null, quantity: "97.5", units: "HOURS" },
      { kind: "COMMUNITY_LEADER_ROLE", amount: nzd("1.00"), quantity: "0.4", units: "FTTE" },
      { kind: "COMMUNITY_LEADER_ROLE", amount: nzd("1.00"), quantity: null, units: null },
    ];
    expect(timeTotalsByKind(records)).toEqual([
      { kind: "INQUIRY_HOURS", units: "HOURS", quantity: "227.5" },
      { kind: "COMMUNITY_LEADER_ROLE", units: "FTTE", quantity: "0.4" },
    ]);
  });
});
