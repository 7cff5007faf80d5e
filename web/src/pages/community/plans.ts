import { html, nothing, type TemplateResult } from "lit-html";
import { api, ApiProblem, call } from "../../api/client";
import { bytes, dateTime } from "../../ui/format";
import { statusTag } from "../../ui/tags";
import { calendarDay, hasDocument, type Plan } from "./model";
import type { View } from "./view";

interface DownloadState {
  planId: string;
  fileName: string;
  busy?: boolean;
  url?: string;
  expiresAt?: string;
  problem?: string;
}

const downloads = new WeakMap<View, DownloadState>();

/** The plan's name for people: "the achievement-challenge plan" (kahui-ako) or "the action plan". */
export function planNoun(programme: string): string {
  return programme === "kahui-ako" ? "achievement-challenge plan" : "action plan";
}

/** GET .../document gives a presigned GET valid 5 minutes: open it (an attachment), and offer it as a link. */
async function download(view: View, plan: Plan): Promise<void> {
  const state: DownloadState = { planId: plan.planId, fileName: plan.fileName || `version ${plan.version}`, busy: true };
  downloads.set(view, state);
  view.draw();
  try {
    const doc = await call(api().GET("/communities/{id}/plans/{planId}/document", { params: { path: { id: view.data.community.id, planId: plan.planId } } }));
    downloads.set(view, { ...state, busy: false, url: doc.url, expiresAt: doc.expiresAt });
    window.open(doc.url, "_blank", "noopener");
    view.draw();
  } catch (e) {
    const detail = e instanceof ApiProblem ? e.detail : e instanceof Error ? e.message : String(e);
    downloads.set(view, { ...state, busy: false, problem: `The plan could not be downloaded: ${detail}` });
    // A 409 means its status changed (rejected, or not yet received): show it as it is now.
    if (e instanceof ApiProblem && e.status === 409) await view.refresh();
    else view.draw();
  }
}

export function downloadButton(view: View, plan: Plan): TemplateResult {
  const busy = downloads.get(view)?.busy === true;
  return html`<button type="button" class="button button--secondary community-button--small" ?disabled=${busy} @click=${() => void download(view, plan)}>
    Download<span class="visually-hidden"> plan version ${plan.version}${plan.fileName ? ` (${plan.fileName})` : ""}</span>
  </button>`;
}

/** The outcome of the last download, announced (role=status), with the link in case the browser held it back. */
function downloadStatus(view: View): TemplateResult {
  const d = downloads.get(view);
  let content: TemplateResult | string = "";
  if (d?.busy) content = `Getting the download of ${d.fileName}…`;
  else if (d?.problem) content = html`<span class="field-error">${d.problem}</span>`;
  else if (d?.url)
    content = html`Your download of ${d.fileName} has started. If it has not,
      <a href=${d.url} target="_blank" rel="noopener">download ${d.fileName}</a> (the link works until ${dateTime(d.expiresAt)}).`;
  return html`<p role="status" class="community-download" data-download-status>${content}</p>`;
}

function outcome(view: View, plan: Plan): TemplateResult | string {
  // A cluster's action plan is reviewed on challenge visits (newest first): show the latest on this version.
  const visit = view.data.community.visits?.find((v) => v.planVersion === plan.version && v.planId === plan.planId);
  if (visit) return `Challenge visit ${calendarDay(visit.visitDate)}: ${visit.outcome === "ON_TRACK" ? "on track" : "changes required"}`;
  if (plan.status === "REJECTED") return plan.rejectionReason ? html`<span class="community-reason">Rejected: ${plan.rejectionReason}</span>` : "Rejected";
  if (plan.review?.comments) return html`Comments: ${plan.review.comments}`;
  if (plan.status === "AWAITING_UPLOAD") return "Waiting for the file to be uploaded and checked";
  if (plan.status === "RECEIVED") return view.data.community.programme === "school-improvement" ? "Waiting for a challenge visit" : "Waiting for review";
  return "";
}

export function plansTable(view: View): TemplateResult {
  const { community, plans } = view.data;
  const noun = planNoun(community.programme);
  if (plans.length === 0) {
    return html`<p>No ${noun} has been uploaded yet.</p>
      <p>${view.member
        ? `Upload it below: programme staff are told as soon as it arrives.`
        : `The community's schools upload it here; programme staff are emailed when it arrives.`}</p>`;
  }
  return html`<div class="table-wrap community-table" tabindex="0" role="region" aria-label=${`Versions of the ${noun}`}>
      <table class="community-stack" role="table">
        <caption class="visually-hidden">Versions of the ${noun}, newest first</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">Version</th>
            <th scope="col" role="columnheader">File</th>
            <th scope="col" role="columnheader">Status</th>
            <th scope="col" role="columnheader">Dates</th>
            <th scope="col" role="columnheader">Outcome</th>
            <th scope="col" role="columnheader"><span class="visually-hidden">Download</span></th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          ${plans.map((p) => {
            const result = outcome(view, p);
            return html`<tr role="row">
              <th scope="row" role="rowheader">Version ${p.version}</th>
              <td role="cell" data-label="File">${p.fileName}${p.sizeBytes !== undefined ? html`<br /><span class="hint">${bytes(p.sizeBytes)}</span>` : nothing}</td>
              <td role="cell" data-label="Status">${statusTag(p.status)}</td>
              <td role="cell" data-label="Dates">
                ${p.registeredAt ? html`Registered ${dateTime(p.registeredAt)}` : nothing}
                ${p.receivedAt ? html`<br />Received ${dateTime(p.receivedAt)}` : nothing}
                ${p.status === "REJECTED" && p.rejectedAt ? html`<br />Rejected ${dateTime(p.rejectedAt)}` : nothing}
                ${p.review?.decidedAt ? html`<br />Reviewed ${dateTime(p.review.decidedAt)}` : nothing}
              </td>
              <td role="cell" data-label=${result === "" ? nothing : "Outcome"}>${result}</td>
              <td role="cell">${hasDocument(p.status) ? downloadButton(view, p) : nothing}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
}

export function plansSectionStatus(view: View): TemplateResult {
  return downloadStatus(view);
}
