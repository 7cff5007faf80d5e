import { html, nothing, type TemplateResult } from "lit-html";
import { api, call } from "../../api/client";
import { dateTime } from "../../ui/format";
import { describedBy, fieldErrorMessage, type Errors } from "../../ui/forms";
import { calendarDay, hasDocument, londonDay } from "./model";
import { formErrors, formSummary, startSubmit, submitFailed, type View } from "./view";

/**
 * A school-improvement cluster's challenge visits (newest first, as the community lists them) and, for staff,
 * the form recording one (POST /communities/{id}/challenge-visits).
 */
interface VisitState {
  visitDate: string;
  planId: string;
  outcome: "" | "ON_TRACK" | "CHANGES_REQUIRED";
  notes: string;
  busy: boolean;
}

const states = new WeakMap<View, VisitState>();

/** Today in London (the API's visit dates are London dates), as yyyy-MM-dd. */
export function londonToday(now = new Date()): string {
  return londonDay(now.toISOString());
}

function stateOf(view: View): VisitState {
  let s = states.get(view);
  if (!s) {
    s = { visitDate: londonToday(), planId: "", outcome: "", notes: "", busy: false };
    states.set(view, s);
  }
  return s;
}

const LABELS: Record<string, string> = {
  visitDate: "Date of the visit",
  planId: "Plan version reviewed",
  outcome: "Outcome",
  notes: "Notes",
};
const label = (id: string): string | undefined => LABELS[id];

const OUTCOMES: Record<string, string> = { ON_TRACK: "On track", CHANGES_REQUIRED: "Changes required" };

function outcomeTag(outcome: string): TemplateResult {
  return html`<strong class="tag ${outcome === "ON_TRACK" ? "tag--green" : "tag--red"}">${OUTCOMES[outcome] ?? outcome}</strong>`;
}

function check(s: VisitState): Errors {
  const errors: Errors = new Map();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s.visitDate)) errors.set("visitDate", "Enter the date of the visit");
  if (!s.planId) errors.set("planId", "Select the plan version the visit reviewed");
  if (!s.outcome) errors.set("outcome", "Select the outcome of the visit");
  if ([...s.notes].length > 4000) errors.set("notes", "Notes must be 4000 characters or fewer");
  return errors;
}

async function submit(view: View, e: Event): Promise<void> {
  e.preventDefault();
  const s = stateOf(view);
  if (!startSubmit(view, "visit", s, () => check(s))) return;
  try {
    const visit = await call(api().POST("/communities/{id}/challenge-visits", {
      params: { path: { id: view.data.community.id } },
      body: { visitDate: s.visitDate, planId: s.planId, outcome: s.outcome as "ON_TRACK" | "CHANGES_REQUIRED", ...(s.notes.trim() ? { notes: s.notes } : {}) },
    }));
    states.delete(view);
    await view.refresh();
    view.announce({
      kind: "success",
      title: "Challenge visit recorded",
      body: `${calendarDay(visit.visitDate)}: plan version ${visit.planVersion} ${visit.outcome === "ON_TRACK" ? "is on track" : "needs changes"}. The cluster's contact has been emailed the outcome.`,
    });
  } catch (err) {
    submitFailed(view, "visit", s, err, label);
  }
}

function visitsTable(view: View): TemplateResult {
  const visits = view.data.community.visits ?? [];
  if (visits.length === 0) {
    return html`<p>No challenge visits yet.${view.staff ? "" : " Programme staff visit to review the action plan; you are emailed the outcome."}</p>`;
  }
  return html`<div class="table-wrap community-table" tabindex="0" role="region" aria-label="Challenge visits">
    <table class="community-stack" role="table">
      <caption class="visually-hidden">Challenge visits, newest first</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">Visit date</th>
          <th scope="col" role="columnheader">Plan version</th>
          <th scope="col" role="columnheader">Outcome</th>
          <th scope="col" role="columnheader">Notes</th>
          <th scope="col" role="columnheader">Recorded</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${visits.map(
          (v) => html`<tr role="row">
            <th scope="row" role="rowheader">${calendarDay(v.visitDate)}</th>
            <td role="cell" data-label="Plan version">Version ${v.planVersion}</td>
            <td role="cell" data-label="Outcome">${outcomeTag(v.outcome)}</td>
            <td role="cell" class="community-prose" data-label=${v.notes ? "Notes" : nothing}>${v.notes ?? ""}</td>
            <td role="cell" data-label="Recorded">${dateTime(v.recordedAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function visitForm(view: View): TemplateResult {
  const s = stateOf(view);
  const errors = formErrors(view, "visit");
  const plans = view.data.plans.filter((p) => hasDocument(p.status));
  if (plans.length === 0) {
    return html`<section aria-labelledby="visit-heading" class="community-form">
      <h3 id="visit-heading">Record a challenge visit</h3>
      <p>A visit reviews a version of the action plan whose file was received. None has been received yet.</p>
    </section>`;
  }
  if (!s.planId || !plans.some((p) => p.planId === s.planId)) s.planId = plans[0]!.planId;
  const redraw = () => view.draw();
  return html`<section aria-labelledby="visit-heading" class="community-form">
    <h3 id="visit-heading">Record a challenge visit</h3>
    ${formSummary(view, "visit", label)}
    <form novalidate @submit=${(e: Event) => void submit(view, e)}>
      <div class="field ${errors.has("visitDate") ? "field--error" : ""}">
        <label for="visitDate">${LABELS.visitDate}</label>
        <p class="hint" id="visitDate-hint">No later than today, and not before the cluster formed (${calendarDay(londonDay(view.data.community.formedAt))}). London dates.</p>
        ${fieldErrorMessage(errors, "visitDate")}
        <input id="visitDate" type="date" class="input input--medium" min=${londonDay(view.data.community.formedAt)} max=${londonToday()} .value=${s.visitDate}
          aria-describedby=${describedBy(errors, "visitDate", true)} aria-invalid=${errors.has("visitDate") ? "true" : "false"}
          @input=${(e: Event) => (s.visitDate = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field ${errors.has("planId") ? "field--error" : ""}">
        <label for="planId">${LABELS.planId}</label>
        ${fieldErrorMessage(errors, "planId")}
        <select id="planId" class="select community-input--wide" aria-describedby=${describedBy(errors, "planId")}
          aria-invalid=${errors.has("planId") ? "true" : "false"} @change=${(e: Event) => (s.planId = (e.target as HTMLSelectElement).value)}>
          ${plans.map((p) => html`<option value=${p.planId} ?selected=${s.planId === p.planId}>Version ${p.version}: ${p.fileName}</option>`)}
        </select>
      </div>
      <div class="field ${errors.has("outcome") ? "field--error" : ""}">
        <fieldset class="fieldset" aria-describedby=${describedBy(errors, "outcome")}>
          <legend class="fieldset__legend">${LABELS.outcome}</legend>
          ${fieldErrorMessage(errors, "outcome")}
          <div class="radios">
            <div class="radio">
              <input type="radio" id="outcome" name="outcome" value="ON_TRACK" .checked=${s.outcome === "ON_TRACK"}
                @change=${() => { s.outcome = "ON_TRACK"; redraw(); }} />
              <label for="outcome">On track</label>
            </div>
            <div class="radio">
              <input type="radio" id="outcome-changes" name="outcome" value="CHANGES_REQUIRED" .checked=${s.outcome === "CHANGES_REQUIRED"}
                @change=${() => { s.outcome = "CHANGES_REQUIRED"; redraw(); }} />
              <label for="outcome-changes">Changes required (the cluster is asked for a new plan version)</label>
            </div>
          </div>
        </fieldset>
      </div>
      <div class="field ${errors.has("notes") ? "field--error" : ""}">
        <label for="notes">Notes (optional)</label>
        <p class="hint" id="notes-hint">What the visit found; with changes required, what to change. Sent to the cluster's contact.</p>
        ${fieldErrorMessage(errors, "notes")}
        <textarea id="notes" class="textarea" rows="4" aria-describedby=${describedBy(errors, "notes", true)}
          aria-invalid=${errors.has("notes") ? "true" : "false"} .value=${s.notes}
          @input=${(e: Event) => (s.notes = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <button type="submit" class="button" ?disabled=${s.busy}>${s.busy ? "Recording…" : "Record visit"}</button>
    </form>
  </section>`;
}

export function visitsSection(view: View): TemplateResult | typeof nothing {
  if (view.data.community.programme !== "school-improvement") return nothing;
  return html`<section aria-labelledby="visits-heading">
    <h2 id="visits-heading">Challenge visits</h2>
    ${visitsTable(view)}
    ${view.staff ? visitForm(view) : nothing}
  </section>`;
}
