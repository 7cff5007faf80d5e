import { fundingKindLabel, money, statusLabel } from "../../ui/format";
import type { TimelineEvent } from "../../ui/timeline";
import { moneyTotalsByCurrency } from "./funding-totals";
import { calendarDay, type Community, type FundingRecord, type Plan } from "./model";

/**
 * What happened to a community, from its own record, its plan versions, its challenge visits and its funding
 * records: formed, each plan version registered, received or rejected (with the checker's reason), endorsed
 * or sent back (with the staff comment), each visit, each grant, and the funding recorded by other rules.
 */
export function communityEvents(community: Community, plans: Plan[], records: FundingRecord[]): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  events.push({
    at: community.formedAt,
    title: "Community formed: its application was approved",
    detail: community.wave ? `Approval wave ${community.wave}.` : undefined,
  });
  for (const p of plans) {
    const v = `Plan version ${p.version}`;
    if (p.registeredAt) events.push({ at: p.registeredAt, title: `${v} registered`, detail: p.fileName ? `File: ${p.fileName}` : undefined });
    if (p.receivedAt) events.push({ at: p.receivedAt, title: `${v} received`, detail: "The file passed its checks." });
    if (p.status === "REJECTED") {
      const at = p.rejectedAt ?? p.registeredAt;
      if (at) events.push({ at, title: `${v} rejected`, detail: p.rejectionReason ? `Reason: ${p.rejectionReason}` : undefined });
    }
    if (p.review?.decidedAt) {
      const endorsed = p.review.decision === "ENDORSED";
      events.push({
        at: p.review.decidedAt,
        title: endorsed ? `${v} endorsed` : `Changes requested to plan version ${p.version}`,
        detail: p.review.comments ? `Comments: ${p.review.comments}` : undefined,
      });
    }
  }
  for (const visit of community.visits ?? []) {
    events.push({
      at: visit.recordedAt,
      title: `Challenge visit: ${visit.outcome === "ON_TRACK" ? "on track" : "changes required"}`,
      detail: `Visited ${calendarDay(visit.visitDate)}, reviewing plan version ${visit.planVersion}.${visit.notes ? ` Notes: ${visit.notes}` : ""}`,
    });
  }
  const others = new Map<string, FundingRecord[]>();
  for (const r of records) {
    if (r.kind === "GRANT") {
      const purpose = r.inputs.purpose ? statusLabel(r.inputs.purpose) : "Grant";
      events.push({ at: r.createdAt, title: `Grant awarded: ${purpose}`, detail: r.amount ? money(r.amount.value, r.amount.currency) : undefined });
    } else {
      const list = others.get(r.kind) ?? [];
      list.push(r);
      others.set(r.kind, list);
    }
  }
  for (const [kind, list] of others) {
    const at = list.map((r) => r.createdAt).sort()[0]!;
    const amounts = moneyTotalsByCurrency(list).map((t) => money(t.value, t.currency));
    const count = list.length === 1 ? "1 record" : `${list.length} records`;
    events.push({ at, title: `Funding recorded: ${fundingKindLabel(kind)}`, detail: [count, ...amounts].join(", ") });
  }
  return events;
}
