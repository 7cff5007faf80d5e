import { describe, expect, it } from "vitest";
import type { Community, FundingRecord } from "./model";
import { plansOf } from "./model";
import { communityEvents } from "./timeline-events";

const community = {
  id: "5a7d2c91-8e34-4f6b-b1d0-7c3e9a2f4b18",
  programme: "school-improvement",
  name: "Weymouth and Portland Family Cluster",
  status: "FORMING",
  eoiId: "3f0c9d2e-7b4a-4c1e-9a55-2d8e6f1b0c47",
  wave: "2026-03",
  formedAt: "2026-03-01T10:00:00Z",
  schoolCount: 2,
  totalRoll: 100,
  contact: { name: "Sarah Cole", email: "head@wyke.example.sch.uk" },
  members: [],
  visits: [
    { visitId: "v2", visitDate: "2026-03-09", planId: "p2", planVersion: 2, outcome: "ON_TRACK", recordedAt: "2026-03-09T11:30:00Z" },
    { visitId: "v1", visitDate: "2026-03-06", planId: "p1", planVersion: 1, outcome: "CHANGES_REQUIRED", notes: "Add a reading measure.", recordedAt: "2026-03-06T15:00:00Z" },
  ],
  plans: [
    { planId: "p3", version: 3, status: "REJECTED", fileName: "v3.pdf", registeredAt: "2026-03-10T09:00:00Z", rejectionReason: "the file is not a PDF: it does not start with %PDF-" },
    { planId: "p2", version: 2, status: "RECEIVED", fileName: "v2.pdf", registeredAt: "2026-03-08T09:00:00Z", receivedAt: "2026-03-08T09:00:02Z" },
    { planId: "p1", version: 1, status: "CHANGES_REQUESTED", fileName: "v1.docx", registeredAt: "2026-03-05T09:00:00Z", receivedAt: "2026-03-05T09:00:01Z",
      review: { decision: "CHANGES_REQUESTED", comments: "Add a measure for transitions.", decidedAt: "2026-03-05T12:00:00Z" } },
  ],
} as unknown as Community;

const record = (kind: string, value: string, currency: string, createdAt: string, inputs: Record<string, string> = {}): FundingRecord => ({
  kind, amount: { value, currency }, quantity: null, units: null, period: "ON_AWARD", policyId: "p", policyVersion: "1", inputs, sourceId: "s", createdAt,
});

/** Intl puts a no-break space between the currency code and the amount. */
const flat = (s: unknown) => String(s).replace(/\u00a0/g, " ");

describe("the community's timeline", () => {
  it("reads plan versions newest first, with the review's decision", () => {
    const plans = plansOf(community);
    expect(plans.map((p) => p.version)).toEqual([3, 2, 1]);
    expect(plans[2]?.review).toEqual({ decision: "CHANGES_REQUESTED", comments: "Add a measure for transitions.", decidedAt: "2026-03-05T12:00:00Z", leaderSchoolNumber: undefined });
    expect(plansOf({ ...community, plans: undefined } as unknown as Community)).toEqual([]);
  });

  it("tells formation, each plan version's registration, receipt, rejection and review, visits and grants", () => {
    const events = communityEvents(community, plansOf(community), [
      record("GRANT", "12000.00", "GBP", "2026-03-07T08:00:00Z", { purpose: "EMPLOYER_ENGAGEMENT" }),
    ]);
    const titles = [...events].sort((a, b) => a.at.localeCompare(b.at)).map((e) => e.title);
    expect(titles).toEqual([
      "Community formed: its application was approved",
      "Plan version 1 registered",
      "Plan version 1 received",
      "Changes requested to plan version 1",
      "Challenge visit: changes required",
      "Grant awarded: Employer engagement",
      "Plan version 2 registered",
      "Plan version 2 received",
      "Challenge visit: on track",
      "Plan version 3 registered",
      "Plan version 3 rejected",
    ]);
    const detail = (title: string) => events.find((e) => e.title === title)?.detail;
    expect(detail("Plan version 3 rejected")).toBe("Reason: the file is not a PDF: it does not start with %PDF-");
    expect(detail("Changes requested to plan version 1")).toBe("Comments: Add a measure for transitions.");
    expect(detail("Challenge visit: changes required")).toContain("reviewing plan version 1. Notes: Add a reading measure.");
    expect(flat(detail("Grant awarded: Employer engagement"))).toBe("GBP 12,000.00");
  });

  it("gathers the funding other rules record into one event per kind", () => {
    const events = communityEvents({ ...community, visits: undefined, plans: [] } as unknown as Community, [], [
      record("FORMATION_ALLOWANCE", "1000.00", "NZD", "2026-03-01T10:00:02Z"),
      record("FORMATION_ALLOWANCE", "1000.00", "NZD", "2026-03-01T10:00:01Z"),
    ]);
    expect(events.slice(1).map((e) => ({ ...e, detail: flat(e.detail) }))).toEqual([
      { at: "2026-03-01T10:00:01Z", title: "Funding recorded: Formation allowance", detail: "2 records, NZD 2,000.00" },
    ]);
  });
});
