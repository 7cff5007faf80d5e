import type { Schemas } from "../../api/client";
import { sumDecimals } from "./funding-totals";

/**
 * Where a community's funding stands (GET /communities/{id}/funding `status`, `roles` and `yearTotals`), put in
 * words and groups for the page. Pure: no drawing here.
 */
export type FundingStatus = Schemas["FundingStatus"];
export type FundingPart = FundingStatus["part"];
export type FundingState = FundingStatus["state"];

const PARTS: Record<FundingPart, string> = {
  FORMATION_ALLOWANCE: "Formation allowance",
  ROLES: "Roles",
  INQUIRY_HOURS: "Teacher inquiry time",
  MAINTENANCE_ALLOWANCE: "Maintenance allowance",
  GRANTS: "Grants",
};

const STATES: Record<FundingState, { label: string; tag: string }> = {
  RELEASED: { label: "Released", tag: "tag--green" },
  RELEASING: { label: "Being released", tag: "tag--yellow" },
  AWAITING_ALLOCATION: { label: "Waiting for the roles to be recorded", tag: "tag--red" },
  NOT_YET: { label: "Not yet", tag: "tag--grey" },
};

export function partLabel(part: string): string {
  return PARTS[part as FundingPart] ?? part;
}

/** A state's words and the tag colour that goes with them (the words carry the meaning). */
export function stateLabel(state: string): { label: string; tag: string } {
  return STATES[state as FundingState] ?? { label: state, tag: "" };
}

/** The state of the community's roles; undefined where the programme has none or the funding is not loaded. */
export function rolesState(funding: { status?: FundingStatus[] } | null | undefined): FundingState | undefined {
  return funding?.status?.find((s) => s.part === "ROLES")?.state;
}

/**
 * Whether an endorsement would still record the community's roles, so the form asks for the allocation: the roles
 * are not yet recorded (NOT_YET, or AWAITING_ALLOCATION for a community endorsed before they were). Where the
 * funding could not be loaded the form asks too: the server requires the allocation at the first endorsement and
 * answers 409 `roles-already-recorded` if they were.
 */
export function endorsementRecordsRoles(funding: { status?: FundingStatus[] } | null | undefined): boolean {
  const state = rolesState(funding);
  return funding == null || state === "NOT_YET" || state === "AWAITING_ALLOCATION";
}

/** The released roles as roles, or null when none is released. */
export function releasedRoles(roles: { communityLeader: number; acrossSchool: number; withinSchool: number } | undefined): typeof roles | null {
  if (!roles || roles.communityLeader + roles.acrossSchool + roles.withinSchool === 0) return null;
  return roles;
}

export interface YearTotal {
  year: number;
  kind: string;
  currency: string;
  value: string;
}

export interface YearGroup {
  year: number;
  /** Each kind's total that year, in the order the API gave them. */
  lines: Array<{ kind: string; currency: string; value: string }>;
  /** Every kind together, by currency (exact decimal sums). */
  byCurrency: Array<{ currency: string; value: string }>;
}

/** The totals by school year (oldest first), each year's kinds and its money by currency. */
export function yearGroups(totals: YearTotal[]): YearGroup[] {
  const years = new Map<number, YearTotal[]>();
  for (const t of totals) years.set(t.year, [...(years.get(t.year) ?? []), t]);
  return [...years.keys()].sort((a, b) => a - b).map((year) => {
    const lines = years.get(year)!;
    const currencies = [...new Set(lines.map((l) => l.currency))];
    return {
      year,
      lines: lines.map(({ kind, currency, value }) => ({ kind, currency, value })),
      byCurrency: currencies.map((currency) => ({ currency, value: sumDecimals(lines.filter((l) => l.currency === currency).map((l) => l.value), 2) })),
    };
  });
}
