import { render } from "lit-html";
import { describe, expect, it } from "vitest";
import { fundingKindLabel } from "../../ui/format";
import type { PageContext } from "../../ui/page";
import { fundingSection } from "./funding";
import { endorsementRecordsRoles, partLabel, releasedRoles, rolesState, stateLabel, yearGroups, type FundingStatus } from "./funding-status";
import type { Community, Funding } from "./model";
import type { View } from "./view";

const status = (part: FundingStatus["part"], state: FundingStatus["state"], sentence = `${part} ${state}`): FundingStatus => ({ part, state, sentence });

describe("where the funding stands", () => {
  it("names each part and state in words", () => {
    expect(partLabel("INQUIRY_HOURS")).toBe("Teacher inquiry time");
    expect(partLabel("MAINTENANCE_ALLOWANCE")).toBe("Maintenance allowance");
    expect(partLabel("SOMETHING_NEW")).toBe("SOMETHING_NEW");
    expect(stateLabel("AWAITING_ALLOCATION")).toEqual({ label: "Waiting for the roles to be recorded", tag: "tag--red" });
    expect(stateLabel("RELEASING").label).toBe("Being released");
    expect(stateLabel("NOT_YET").label).toBe("Not yet");
  });

  it("labels every kind of funding record in words", () => {
    expect(fundingKindLabel("ROLE_INDUCTION_AND_NETWORKING")).toBe("Role induction and networking");
    expect(fundingKindLabel("MAINTENANCE_ALLOWANCE")).toBe("Maintenance allowance");
    expect(fundingKindLabel("ACROSS_SCHOOL_TEACHER_ROLE")).toBe("Across-school teacher role");
    expect(fundingKindLabel("FORMATION_ALLOWANCE")).toBe("Formation allowance");
    expect(fundingKindLabel("A_NEW_KIND")).toBe("A new kind");
  });

  it("asks for the allocation at endorsement only while the roles are not recorded", () => {
    const f = (state: FundingStatus["state"]) => ({ status: [status("FORMATION_ALLOWANCE", "RELEASED"), status("ROLES", state)] });
    expect(rolesState(f("AWAITING_ALLOCATION"))).toBe("AWAITING_ALLOCATION");
    expect(endorsementRecordsRoles(f("NOT_YET"))).toBe(true);
    expect(endorsementRecordsRoles(f("AWAITING_ALLOCATION"))).toBe(true);
    expect(endorsementRecordsRoles(f("RELEASING"))).toBe(false);
    expect(endorsementRecordsRoles(f("RELEASED"))).toBe(false);
    expect(endorsementRecordsRoles(null)).toBe(true);
    expect(rolesState({ status: [status("GRANTS", "NOT_YET")] })).toBeUndefined();
    expect(endorsementRecordsRoles({ status: [status("GRANTS", "NOT_YET")] })).toBe(false);
  });

  it("counts roles only once some are released", () => {
    expect(releasedRoles({ communityLeader: 0, acrossSchool: 0, withinSchool: 0 })).toBeNull();
    expect(releasedRoles({ communityLeader: 1, acrossSchool: 0, withinSchool: 2 })).toEqual({ communityLeader: 1, acrossSchool: 0, withinSchool: 2 });
  });

  it("groups the totals by school year, oldest first, adding each year's money exactly", () => {
    expect(yearGroups([
      { year: 2027, kind: "MAINTENANCE_ALLOWANCE", currency: "NZD", value: "2000.00" },
      { year: 2026, kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "2000.00" },
      { year: 2026, kind: "COMMUNITY_LEADER_ROLE", currency: "NZD", value: "25000.10" },
      { year: 2026, kind: "GRANT", currency: "GBP", value: "0.20" },
    ])).toEqual([
      {
        year: 2026,
        lines: [
          { kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "2000.00" },
          { kind: "COMMUNITY_LEADER_ROLE", currency: "NZD", value: "25000.10" },
          { kind: "GRANT", currency: "GBP", value: "0.20" },
        ],
        byCurrency: [{ currency: "NZD", value: "27000.10" }, { currency: "GBP", value: "0.20" }],
      },
      { year: 2027, lines: [{ kind: "MAINTENANCE_ALLOWANCE", currency: "NZD", value: "2000.00" }], byCurrency: [{ currency: "NZD", value: "2000.00" }] },
    ]);
    expect(yearGroups([])).toEqual([]);
  });
});

const community = {
  id: "4a1c2e3f-5b6d-4e7f-8a9b-0c1d2e3f4a5b",
  programme: "kahui-ako",
  name: "Ōtaki Kāhui Ako",
  status: "ENDORSED",
  eoiId: "e",
  formedAt: "2026-03-02T21:15:00Z",
  contact: { name: "Mere", email: "m@example.nz" },
  members: [
    { schoolNumber: "1234", name: "Ōtaki School", type: "PRIMARY", roll: 182, teacherFte: 11.5 },
    { schoolNumber: "5678", name: "Ōtaki College", type: "SECONDARY", roll: 512, teacherFte: 38 },
  ],
} as unknown as Community;

function viewOf(funding: Funding, staff: boolean): View {
  const root = document.createElement("main");
  return {
    ctx: { root } as unknown as PageContext,
    data: { community, plans: [], funding, notifications: [] },
    staff,
    member: !staff,
    errors: null,
    notice: null,
    draw: () => {},
    refresh: async () => {},
    fail: () => {},
    announce: () => {},
    reloadCommunity: async () => {},
    reloadFunding: async () => {},
  };
}

const formation = (school: string) => ({
  kind: "FORMATION_ALLOWANCE" as const, recipientSchoolNumber: school, amount: { value: "1000.00", currency: "NZD" }, quantity: null, units: null,
  period: "ON_APPROVAL", policyId: "kahui-ako-funding", policyVersion: "2", inputs: {}, sourceId: "s", createdAt: "2026-03-02T21:15:00Z", year: 2026,
});

const held: Funding = {
  communityId: community.id,
  programme: "kahui-ako",
  status: [
    status("FORMATION_ALLOWANCE", "RELEASED", "The formation allowance was recorded on 2 March 2026: NZD 1,000.00 for each of 2 member schools."),
    status("ROLES", "AWAITING_ALLOCATION", "The plan was endorsed. Programme staff are recording the roles the Ministry's staffing system generated for each member school; the roles are released then."),
    status("INQUIRY_HOURS", "AWAITING_ALLOCATION", "Teacher inquiry time is released with the roles, once programme staff have recorded them."),
  ],
  roles: { communityLeader: 0, acrossSchool: 0, withinSchool: 0 },
  records: [formation("1234"), formation("5678")],
  totals: [{ kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "2000.00" }],
  yearTotals: [{ year: 2026, kind: "FORMATION_ALLOWANCE", currency: "NZD", value: "2000.00" }],
  timeTotals: [],
};

describe("the funding section", () => {
  const text = (el: Element) => (el.textContent ?? "").replace(/\s+/g, " ").trim();

  it("shows a held community's state in the API's words, and staff the form that records the roles", () => {
    const staffRoot = document.createElement("div");
    render(fundingSection(viewOf(held, true)), staffRoot);
    const roles = staffRoot.querySelector("[data-part=ROLES]")!;
    expect(text(roles)).toContain("Roles Waiting for the roles to be recorded The plan was endorsed. Programme staff are recording the roles");
    expect(staffRoot.querySelector("#held-roles-heading")?.textContent).toBe("Record the community's roles");
    expect(staffRoot.querySelector("#held-roles-across-1234")).not.toBeNull();
    expect(text(staffRoot)).toContain("Totals by school year");
    expect(text(staffRoot)).not.toContain("Role funding held");

    const schoolRoot = document.createElement("div");
    render(fundingSection(viewOf(held, false)), schoolRoot);
    expect(text(schoolRoot.querySelector("[data-part=ROLES]")!)).toContain("The plan was endorsed.");
    expect(schoolRoot.querySelector("#held-roles-heading")).toBeNull();
  });

  it("counts the released roles as roles beside their money", () => {
    const released: Funding = {
      ...held,
      status: [status("ROLES", "RELEASED", "Released on 3 March 2026: 1 community leader role, 2 across-school teacher roles and 5 within-school teacher roles.")],
      roles: { communityLeader: 1, acrossSchool: 2, withinSchool: 5 },
    };
    const root = document.createElement("div");
    render(fundingSection(viewOf(released, true)), root);
    expect(text(root.querySelector("[data-part=ROLE_COUNTS]")!)).toBe("Roles released 1 community leader, 2 across-school, 5 within-school roles");
    expect(root.querySelector("#held-roles-heading")).toBeNull();
  });
});
