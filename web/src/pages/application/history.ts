import { statusLabel } from "../../ui/format";

/**
 * The application's timeline, built from its `history` (oldest first) and, where the page has them, the decision
 * record (this tab made the decision: it knows the wave and reason) and the community an approval formed (which
 * carries the approval's wave). The API's history entries carry only when, what and who.
 */
export interface HistoryInput {
  communityName: string;
  submittedBy: { sub: string; email: string };
  history: ReadonlyArray<{ at: string; event: string; by: string }>;
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
  const wave = decision?.wave ?? community?.wave;
  const items: HistoryItem[] = [];
  for (const h of eoi.history) {
    const by = h.by === eoi.submittedBy.sub && eoi.submittedBy.email ? eoi.submittedBy.email : decision?.decidedBy?.sub === h.by && decision.decidedBy.email ? decision.decidedBy.email : "";
    switch (h.event) {
      case "SUBMITTED":
        items.push({ at: h.at, title: "Application submitted", details: by ? [`By ${by}`] : [] });
        break;
      case "APPROVED": {
        const details = [wave ? `Wave: ${wave}` : "No wave given"];
        if (decision?.reason) details.push(`Reason: ${decision.reason}`);
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
        const details: string[] = [];
        if (wave) details.push(`Wave: ${wave}`);
        details.push(decision?.reason ? `Reason: ${decision.reason}` : "The reason was sent to the application's contact by email.");
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
