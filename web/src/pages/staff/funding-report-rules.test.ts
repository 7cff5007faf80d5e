import { describe, expect, it } from "vitest";
import { fileNameFrom } from "../../api/client";
import { checkReportQuery, isDay, periodWords, reportFileName, reportSearch } from "./funding-report-rules";

describe("the funding report's query", () => {
  it("knows a real calendar day", () => {
    expect(isDay("2026-01-31")).toBe(true);
    expect(isDay("2028-02-29")).toBe(true);
    expect(isDay("2026-02-29")).toBe(false);
    expect(isDay("2026-13-01")).toBe(false);
    expect(isDay("31/01/2026")).toBe(false);
    expect(isDay("")).toBe(false);
  });

  it("checks the dates as the API does, naming its fields", () => {
    expect(checkReportQuery({ programme: "kahui-ako", from: "", to: "" }).size).toBe(0);
    expect(checkReportQuery({ programme: "kahui-ako", from: "2026-01-01", to: "2026-01-01" }).size).toBe(0);
    expect([...checkReportQuery({ programme: "", from: "2026-02-30", to: "x" })]).toEqual([
      ["programme", "Select a programme"],
      ["from", "Enter the first day as a real date, like 2026-01-31"],
      ["to", "Enter the last day as a real date, like 2026-12-31"],
    ]);
    expect([...checkReportQuery({ programme: "kahui-ako", from: "2026-06-01", to: "2026-05-31" })]).toEqual([
      ["to", "The last day must be the same as or after the first day"],
    ]);
  });

  it("asks for only what is set, and names the file as the server does", () => {
    expect(reportSearch({ programme: "kahui-ako", from: "", to: "" })).toBe("programme=kahui-ako");
    expect(reportSearch({ programme: "school-improvement", from: "2026-01-01", to: "2026-12-31" })).toBe("programme=school-improvement&from=2026-01-01&to=2026-12-31");
    expect(reportFileName({ programme: "kahui-ako", from: "2026-01-01", to: "" })).toBe("funding-kahui-ako-from-2026-01-01.csv");
    expect(reportFileName({ programme: "kahui-ako", from: "2026-01-01", to: "2026-12-31" })).toBe("funding-kahui-ako-from-2026-01-01-to-2026-12-31.csv");
  });

  it("says the period in words", () => {
    const day = (d: string) => `<${d}>`;
    expect(periodWords({ from: null, to: null }, day)).toBe("all dates");
    expect(periodWords({ from: "2026-01-01", to: null }, day)).toBe("from <2026-01-01>");
    expect(periodWords({ from: null, to: "2026-12-31" }, day)).toBe("up to <2026-12-31>");
    expect(periodWords({ from: "2026-01-01", to: "2026-12-31" }, day)).toBe("<2026-01-01> to <2026-12-31>");
  });
});

describe("the download's file name", () => {
  it("reads Content-Disposition as RFC 6266 says, and keeps only a name", () => {
    expect(fileNameFrom('attachment; filename="funding-kahui-ako.csv"')).toBe("funding-kahui-ako.csv");
    expect(fileNameFrom("attachment; filename=funding.csv")).toBe("funding.csv");
    expect(fileNameFrom("attachment; filename=\"a.csv\"; filename*=UTF-8''%C5%8Ctaki%20funding.csv")).toBe("Ōtaki funding.csv");
    expect(fileNameFrom('attachment; filename="say \\"hi\\".csv"')).toBe('say "hi".csv');
    expect(fileNameFrom('attachment; filename="../../etc/passwd"')).toBe("passwd");
    expect(fileNameFrom('attachment; filename=".."')).toBeNull();
    expect(fileNameFrom("attachment")).toBeNull();
    expect(fileNameFrom(null)).toBeNull();
  });
});
