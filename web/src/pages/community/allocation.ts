import type { Schemas } from "../../api/client";

/**
 * The role allocation staff record (openapi.yaml RoleAllocation): for each member school, the across-school and
 * within-school teacher roles the Ministry's staffing system generated, and how many extra across-school roles the
 * community makes by merging within-school roles. The form's state and its checks, mirroring the server's
 * (functions/.../api/RoleAllocationRequest and funding/RoleRelease): whole numbers 0 to 50 a school, 0 to 2 merged,
 * and a merge never taking more within-school roles than there are (3.3 each). Pure: no drawing here.
 */
export type RoleAllocation = Schemas["RoleAllocation"];
export type RolesReleased = Schemas["RolesRecorded"]["releases"];

export const MAX_ROLES_PER_SCHOOL = 50;
export const MAX_MERGED = 2;
/** Within-school roles one extra across-school role takes, in tenths (the policy's 3.3; integers keep it exact). */
export const MERGE_RATE_TENTHS = 33;
export const MERGE_RATE = "3.3";

export interface SchoolRolesDraft {
  schoolNumber: string;
  name: string;
  /** As typed: "0" until changed. */
  across: string;
  within: string;
}

export interface AllocationDraft {
  schools: SchoolRolesDraft[];
  /** 0, 1 or 2. */
  merged: number;
}

/** Every member school at 0 roles, nothing merged. */
export function emptyAllocation(members: ReadonlyArray<{ schoolNumber: string; name: string }>): AllocationDraft {
  return { schools: members.map((m) => ({ schoolNumber: m.schoolNumber, name: m.name, across: "0", within: "0" })), merged: 0 };
}

export type RoleKind = "across" | "within";

/**
 * The form's element ids, under a prefix so two forms can share a page: `<prefix>-across-<schoolNumber>`,
 * `<prefix>-within-<schoolNumber>`, `<prefix>-merged`, and `<prefix>` for the allocation as a whole.
 */
export interface AllocationIds {
  all: string;
  merged: string;
  input(kind: RoleKind, schoolNumber: string): string;
}

export function allocationIds(prefix: string): AllocationIds {
  return { all: prefix, merged: `${prefix}-merged`, input: (kind, schoolNumber) => `${prefix}-${kind}-${schoolNumber}` };
}

const WHOLE = /^\d+$/;

/** A school's count as typed, or null when it is not a whole number from 0 to 50 (spaces around it are allowed). */
export function parseRoles(typed: string): number | null {
  const t = typed.trim();
  if (!WHOLE.test(t)) return null;
  const n = Number(t);
  return n <= MAX_ROLES_PER_SCHOOL ? n : null;
}

function total(draft: AllocationDraft, kind: RoleKind): number {
  return draft.schools.reduce((sum, s) => sum + (parseRoles(s[kind]) ?? 0), 0);
}

/** The within-school roles left after the merge, rounded down as the server does; negative when too few. */
export function withinAfterMerge(withinGenerated: number, merged: number): number {
  const tenths = withinGenerated * 10 - MERGE_RATE_TENTHS * merged;
  return tenths < 0 ? -1 : Math.floor(tenths / 10);
}

const KIND_WORDS: Record<RoleKind, string> = { across: "across-school", within: "within-school" };

/** The form's problems, by element id, in the order of the form: each school's counts, then the merge. */
export function checkAllocation(draft: AllocationDraft, ids: AllocationIds): Map<string, string> {
  const errors = new Map<string, string>();
  for (const s of draft.schools) {
    for (const kind of ["across", "within"] as const) {
      if (parseRoles(s[kind]) !== null) continue;
      const typed = s[kind].trim();
      errors.set(ids.input(kind, s.schoolNumber), typed === ""
        ? `Enter the ${KIND_WORDS[kind]} roles ${s.name} generated, 0 if none`
        : `${capitalise(KIND_WORDS[kind])} roles for ${s.name} must be a whole number from 0 to ${MAX_ROLES_PER_SCHOOL}`);
    }
  }
  if (!Number.isInteger(draft.merged) || draft.merged < 0 || draft.merged > MAX_MERGED) {
    errors.set(ids.merged, `Select 0, 1 or 2 extra across-school roles`);
  } else if (draft.merged > 0) {
    const within = total(draft, "within");
    if (withinAfterMerge(within, draft.merged) < 0) {
      errors.set(ids.merged, `Merging ${count(draft.merged, "extra across-school role", "extra across-school roles")} takes ${tenths(MERGE_RATE_TENTHS * draft.merged)} within-school roles, and the schools generated ${within}`);
    }
  }
  return errors;
}

function tenths(n: number): string {
  return n % 10 === 0 ? String(n / 10) : `${Math.floor(n / 10)}.${n % 10}`;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * What is sent (only schools with roles are listed) and, for each list, which school each entry is, so the
 * server's field paths (`withinSchool[1].roles`) find their input again. Call only when checkAllocation found nothing.
 */
export interface AllocationRequest {
  body: RoleAllocation;
  sent: { acrossSchool: string[]; withinSchool: string[] };
}

export function allocationRequest(draft: AllocationDraft): AllocationRequest {
  const list = (kind: RoleKind) =>
    draft.schools.map((s) => ({ schoolNumber: s.schoolNumber, roles: parseRoles(s[kind]) ?? 0 })).filter((s) => s.roles > 0);
  const acrossSchool = list("across");
  const withinSchool = list("within");
  return {
    body: { acrossSchool, withinSchool, mergedForExtraAcrossSchool: draft.merged },
    sent: { acrossSchool: acrossSchool.map((s) => s.schoolNumber), withinSchool: withinSchool.map((s) => s.schoolNumber) },
  };
}

/**
 * The server's field paths for what was sent, mapped to the form's element ids (placeErrors' alias): under
 * `prefix` ("roleAllocation." in an endorsement, "" when recorded on its own), each entry's `roles` and
 * `schoolNumber` go to that school's input, the merge to its radios, and the allocation or a whole list (or
 * `body`, for the allocation on its own) to the allocation's fieldset.
 */
export function allocationAliases(sent: AllocationRequest["sent"], prefix: string, ids: AllocationIds): Record<string, string> {
  const alias: Record<string, string> = {};
  const whole = prefix === "" ? "body" : prefix.replace(/\.$/, "");
  alias[whole] = ids.all;
  alias[`${prefix}mergedForExtraAcrossSchool`] = ids.merged;
  for (const [list, kind] of [["acrossSchool", "across"], ["withinSchool", "within"]] as const) {
    alias[`${prefix}${list}`] = ids.all;
    sent[list].forEach((schoolNumber, i) => {
      const id = ids.input(kind, schoolNumber);
      alias[`${prefix}${list}[${i}]`] = id;
      alias[`${prefix}${list}[${i}].roles`] = id;
      alias[`${prefix}${list}[${i}].schoolNumber`] = id;
    });
  }
  return alias;
}

/** Labels for the error summary, by element id. */
export function allocationLabel(draft: AllocationDraft, ids: AllocationIds): (id: string) => string | undefined {
  return (id) => {
    if (id === ids.all) return "Roles";
    if (id === ids.merged) return "Extra across-school roles from merging";
    for (const s of draft.schools) {
      if (id === ids.input("across", s.schoolNumber)) return `${s.name} across-school roles`;
      if (id === ids.input("within", s.schoolNumber)) return `${s.name} within-school roles`;
    }
    return undefined;
  };
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * What the allocation as typed makes, in words: the leader, the across-school roles with the merged ones, and the
 * within-school roles left. Null while a count is not a number yet or the merge takes too many.
 */
export function allocationOutcome(draft: AllocationDraft): string | null {
  if (draft.schools.some((s) => parseRoles(s.across) === null || parseRoles(s.within) === null)) return null;
  const within = withinAfterMerge(total(draft, "within"), draft.merged);
  if (within < 0) return null;
  return `This allocation makes ${roleCounts({ communityLeader: 1, acrossSchool: total(draft, "across") + draft.merged, withinSchool: within })}.`;
}

/** What a recorded allocation releases (POST .../role-allocation's `releases`), in words. */
export function releasesSentence(r: RolesReleased): string {
  const roles = roleCounts({ communityLeader: r.communityLeader, acrossSchool: r.acrossSchool, withinSchool: r.withinSchool });
  const hours = r.inquiryHoursSchools > 0 ? `, and teacher inquiry time for ${count(r.inquiryHoursSchools, "member school", "member schools")}` : "";
  return `${roles}${hours}.`;
}

/** Released roles counted as roles: "1 community leader, 2 across-school, 5 within-school roles". */
export function roleCounts(r: { communityLeader: number; acrossSchool: number; withinSchool: number }): string {
  return `${r.communityLeader} community ${r.communityLeader === 1 ? "leader" : "leaders"}, ${r.acrossSchool} across-school, ${count(r.withinSchool, "within-school role", "within-school roles")}`;
}
