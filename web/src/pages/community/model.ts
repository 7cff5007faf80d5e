import type { Schemas } from "../../api/client";

/** The community page's data, as the API gives it. */
export type Community = Schemas["Community"];
export type Member = Schemas["CommunityMember"];
export type Visit = Schemas["ChallengeVisitSummary"];
export type Funding = Schemas["CommunityFunding"];
/** Kinds beyond the documented enum exist (roles released on endorsement): read it as a string. */
export type FundingRecord = Omit<Schemas["FundingRecord"], "kind"> & { kind: string };
export type Notification = Schemas["Notification"];

/** A plan version as the community lists it (GET /communities/{id} `plans`, newest first). */
export interface Plan {
  planId: string;
  version: number;
  status: string;
  fileName: string;
  contentType?: string;
  sizeBytes?: number;
  registeredAt?: string;
  receivedAt?: string;
  rejectedAt?: string;
  rejectionReason?: string;
  review?: PlanReview;
}

export interface PlanReview {
  decision: string;
  comments?: string;
  leaderSchoolNumber?: string;
  decidedAt?: string;
}

const str = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

function review(raw: Record<string, unknown>): PlanReview | undefined {
  const nested = raw.review ?? raw.decision;
  if (nested && typeof nested === "object") {
    const r = nested as Record<string, unknown>;
    const decision = str(r.decision) ?? str(r.outcome);
    if (!decision) return undefined;
    return { decision, comments: str(r.comments), leaderSchoolNumber: str(r.leaderSchoolNumber), decidedAt: str(r.decidedAt) };
  }
  const decision = str(raw.decision) ?? str(raw.reviewDecision);
  if (!decision) return undefined;
  return {
    decision,
    comments: str(raw.comments) ?? str(raw.reviewComments),
    leaderSchoolNumber: str(raw.leaderSchoolNumber),
    decidedAt: str(raw.decidedAt) ?? str(raw.reviewedAt),
  };
}

/** The community's plan versions, newest first; none when the API lists none. */
export function plansOf(community: Community): Plan[] {
  const raw = (community as { plans?: unknown }).plans;
  if (!Array.isArray(raw)) return [];
  const plans: Plan[] = [];
  for (const item of raw) {
    if (!item || typeof item !== "object") continue;
    const r = item as Record<string, unknown>;
    const planId = str(r.planId) ?? str(r.id);
    const version = num(r.version);
    if (!planId || version === undefined) continue;
    plans.push({
      planId,
      version,
      status: str(r.status) ?? "AWAITING_UPLOAD",
      fileName: str(r.fileName) ?? "",
      contentType: str(r.contentType),
      sizeBytes: num(r.sizeBytes),
      registeredAt: str(r.registeredAt),
      receivedAt: str(r.receivedAt),
      rejectedAt: str(r.rejectedAt),
      rejectionReason: str(r.rejectionReason),
      review: review(r),
    });
  }
  return plans.sort((a, b) => b.version - a.version);
}

/** Statuses whose file passed its checks: the plan has a document to download and review. */
export function hasDocument(status: string): boolean {
  return status !== "AWAITING_UPLOAD" && status !== "REJECTED";
}

/** The programme's currency (openapi.yaml Money: NZD for kahui-ako, GBP for school-improvement). */
export function programmeCurrency(programme: string): string {
  return programme === "school-improvement" ? "GBP" : "NZD";
}

/** A calendar day (yyyy-MM-dd, as visit dates are) shown as that day wherever the reader is. */
export function calendarDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? day : new Intl.DateTimeFormat("en-NZ", { dateStyle: "medium", timeZone: "UTC" }).format(d);
}

/** The London day of an instant (visit dates are London days). */
export function londonDay(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}
