import { statusLabel } from "../../ui/format";

/**
 * The application's timeline, built from its `history` (oldest first). A decision's entry says what was decided:
 * an approval's wave and the reason (always on a decline). Entries recorded before the API said so carry only
 * when, what and who: for those the page falls back on the decision record, when this tab made the decision (it
 * also gives a decline's wave, which the entry does not carry), and on the community an approval formed (which
 * carries the approval's wave); a decline whose reason is not known says where the reason went.
 */
export interface HistoryEntryInput {
  at: string;
  event: string;
  by: string;
  wave?: string;
  reason?: string;
}

export interface HistoryInput {
  communityName: string;
  submittedBy: { sub: string; email: string };
  history: ReadonlyArray<HistoryEntryInput>;
  communityId?: string;
}

export interface DecisionInput {
  decision: string;
  wave?: string;
  reason?: string;
  decidedBy?: { sub: string; email: string };
}

export interface CommunityInput {
  name: string;
  wave?: string;
  status: string;
}

export interface HistoryItem {
  at: string;
  title: string;
  details: string[];
  link?: { href: string; text: string };
}

export function historyItems(eoi: HistoryInput, decision?: DecisionInput, community?: CommunityInput): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (const h of eoi.history) {
    const by = h.by === eoi.submittedBy.sub && eoi.submittedBy.email ? eoi.submittedBy.email : decision?.decidedBy?.sub === h.by && decision.decidedBy.email ? decision.decidedBy.email : "";
    switch (h.event) {
      case "SUBMITTED":
        items.push({ at: h.at, title: "Application submitted", details: by ? [`By ${by}`] : [] });
        break;
      case "APPROVED": {
        const wave = h.wave ?? decision?.wave ?? community?.wave;
        const reason = h.reason ?? decision?.reason;
        const details = [wave ? `Wave: ${wave}` : "No wave given"];
        if (reason) details.push(`Reason: ${reason}`);
        if (by) details.push(`By ${by}`);
        items.push({ at: h.at, title: "Approved", details });
        if (eoi.communityId) {
          items.push({
            at: h.at,
            title: "Community formed",
            details: [community ? `${community.name} (${statusLabel(community.status).toLowerCase()})` : eoi.communityName],
            link: { href: `#/communities/${eoi.communityId}`, text: `Go to the community ${community?.name ?? eoi.communityName}` },
          });
        }
        break;
      }
      case "DECLINED": {
        const wave = h.wave ?? decision?.wave;
        const reason = h.reason ?? decision?.reason;
        const details: string[] = [];
        if (wave) details.push(`Wave: ${wave}`);
        details.push(reason ? `Reason: ${reason}` : "The reason was sent to the application's contact by email.");
        if (by) details.push(`By ${by}`);
        items.push({ at: h.at, title: "Declined", details });
        break;
      }
      default:
        items.push({ at: h.at, title: statusLabel(h.event), details: by ? [`By ${by}`] : [] });
    }
  }
  return items;
}
