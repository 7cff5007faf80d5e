import { html, nothing, type TemplateResult } from "lit-html";
import { ApiProblem, SignedOut, api, call, type Schemas } from "../api/client";
import { isStaff } from "../auth/session";
import { dateTime, number, programmeName, statusLabel } from "../ui/format";
import { describedBy, errorsById, errorSummary, fieldErrorMessage, focusErrorSummary, textField, type Errors } from "../ui/forms";
import { loading, show, takeFlash, type PageContext } from "../ui/page";
import { statusTag } from "../ui/tags";
import { timeline } from "../ui/timeline";
import { checkDecision, decisionBody, decisionLabel, emptyDecisionForm, type DecisionForm } from "./application/decision";
import { historyItems } from "./application/history";
import { endorsementsText, schoolTotals } from "./application/totals";

type Eoi = Schemas["ExpressionOfInterest"];
type Decision = Schemas["Decision"];
type Community = Schemas["Community"];

/**
 * Decisions this tab recorded, by application id. The application's history says what was decided (an approval's
 * wave, the reason); the decision record this tab was given adds the decider's email and a decline's wave.
 */
const decisions = new Map<string, Decision>();

/**
 * `#/applications/:id`: one application, for the school that submitted it and for staff (the API answers 404 to
 * anyone else). Staff decide here while it is submitted.
 */
export async function applicationPage(ctx: PageContext): Promise<void> {
  const id = ctx.params.id ?? "";
  const here = window.location.hash;
  const stillHere = () => window.location.hash === here;
  const staff = isStaff(ctx.session);
  const flash = takeFlash();
  loading(ctx, "Application");

  const state: {
    eoi: Eoi;
    community: Community | null;
    form: DecisionForm;
    errors: Errors;
    problem: string;
    busy: boolean;
    banner: TemplateResult | string;
  } = { eoi: await fetchEoi(id), community: null, form: emptyDecisionForm(), errors: new Map(), problem: "", busy: false, banner: flash };
  state.community = await fetchCommunity(state.eoi);
  if (!stillHere()) return;

  const draw = () => {
    const eoi = state.eoi;
    show(ctx, `${eoi.communityName}: application`, html`
      ${state.banner}
      ${errorSummary(state.errors, decisionLabel, state.problem || undefined)}
      <p>${staff
        ? html`<a href="#/staff/queue?status=${eoi.status === "WITHDRAWN" ? "SUBMITTED" : eoi.status}">Back to the review queue</a>`
        : html`<a href="#/my">Back to your applications</a>`}</p>
      <p class="caption">Application from a group of schools</p>
      <h1>${eoi.communityName}</h1>
      <p class="status-line">Status: ${statusTag(eoi.status)}</p>
      ${details(eoi)}
      ${schoolsTable(eoi)}
      <h2>What has happened</h2>
      ${timeline(historyItems(eoi, decisions.get(eoi.id), state.community ?? undefined).map((i) => ({
        at: i.at,
        title: i.title,
        detail: html`${i.details.map((d, n) => html`${n ? html`<br />` : nothing}${d}`)}${i.link
          ? html`${i.details.length ? html`<br />` : nothing}<a href=${i.link.href}>${i.link.text}</a>`
          : nothing}`,
      })), "What has happened to this application")}
      ${staff && eoi.status === "SUBMITTED" ? decisionForm() : nothing}
      ${!staff && eoi.status === "SUBMITTED"
        ? html`<p class="inset">Programme staff will review this application. The decision is emailed to ${eoi.contact.email}.</p>`
        : nothing}`);
  };

  const decisionForm = () => {
    const f = state.form;
    const invalid = state.errors.has("decision");
    return html`<h2>Decision</h2>
      <form novalidate @submit=${submit} aria-label="Decision on this application">
        <div class="field ${invalid ? "field--error" : ""}">
          <fieldset class="fieldset" aria-describedby=${describedBy(state.errors, "decision")}>
            <legend class="fieldset__legend">Do you approve this application?</legend>
            ${fieldErrorMessage(state.errors, "decision")}
            <div class="radios">
              <div class="radio">
                <input type="radio" id="decision" name="decision" value="APPROVED" .checked=${f.decision === "APPROVED"}
                  @change=${() => { f.decision = "APPROVED"; draw(); }} />
                <label for="decision">Approve: form the community</label>
              </div>
              <div class="radio">
                <input type="radio" id="decision-declined" name="decision" value="DECLINED" .checked=${f.decision === "DECLINED"}
                  @change=${() => { f.decision = "DECLINED"; draw(); }} />
                <label for="decision-declined">Decline</label>
              </div>
            </div>
          </fieldset>
        </div>
        ${textField({ id: "wave", label: "Wave (optional)", hint: "The approval round this decision belongs to, for example 2014-12. Reports count decisions by wave.", value: f.wave, errors: state.errors, width: "medium", onInput: (v) => (f.wave = v) })}
        <div class="field ${state.errors.has("reason") ? "field--error" : ""}">
          <label for="reason">Reason${f.decision === "DECLINED" ? "" : " (optional when approving)"}</label>
          <p class="hint" id="reason-hint">Required to decline: it is emailed to the contact, ${state.eoi.contact.email}. Up to 2,000 characters.</p>
          ${fieldErrorMessage(state.errors, "reason")}
          <textarea id="reason" name="reason" class="textarea" rows="5" .value=${f.reason}
            aria-invalid=${state.errors.has("reason") ? "true" : "false"} aria-describedby=${describedBy(state.errors, "reason", true)}
            @input=${(e: Event) => (f.reason = (e.target as HTMLTextAreaElement).value)}></textarea>
        </div>
        <button class="button ${f.decision === "DECLINED" ? "button--warning" : ""}" type="submit" ?disabled=${state.busy}>
          ${f.decision === "DECLINED" ? "Decline the application" : f.decision === "APPROVED" ? "Approve the application" : "Record the decision"}
        </button>
        ${state.busy ? html`<p class="loading" role="status">Recording the decision…</p>` : nothing}
      </form>`;
  };

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    if (state.busy) return;
    state.banner = "";
    const local = checkDecision(state.form);
    if (local.length) {
      state.errors = errorsById(local);
      state.problem = "";
      draw();
      focusErrorSummary(ctx.root);
      return;
    }
    state.busy = true;
    draw();
    let decision: Decision;
    try {
      decision = await call(api().POST("/expressions-of-interest/{id}/decision", { params: { path: { id } }, body: decisionBody(state.form) }));
    } catch (err) {
      state.busy = false;
      if (err instanceof SignedOut) return;
      state.errors = new Map();
      state.problem = "";
      if (err instanceof ApiProblem && err.status === 409) {
        // Someone else decided first: say so, and show the application as it is now.
        state.problem = `${err.detail}. Your decision was not recorded: the page now shows the application as it is.`;
        state.eoi = await fetchEoi(id).catch(() => state.eoi);
        state.community = await fetchCommunity(state.eoi);
      } else if (err instanceof ApiProblem && err.status === 400 && err.errors.length) {
        const known = err.errors.filter((f) => ["decision", "wave", "reason"].includes(f.field));
        const other = err.errors.filter((f) => !known.includes(f));
        state.errors = errorsById(known);
        state.problem = other.map((f) => `${f.field}: ${f.message}`).join("; ");
      } else {
        state.problem = `The decision was not recorded: ${err instanceof ApiProblem ? err.detail : String(err)}`;
      }
      if (!stillHere()) return;
      draw();
      focusErrorSummary(ctx.root);
      return;
    }
    decisions.set(id, decision);
    state.eoi = await fetchEoi(id).catch(() => ({ ...state.eoi, status: decision.decision, ...(decision.communityId ? { communityId: decision.communityId } : {}) }));
    state.community = await fetchCommunity(state.eoi);
    state.errors = new Map();
    state.problem = "";
    state.form = emptyDecisionForm();
    state.banner = confirmation(decision, state.eoi, state.community);
    state.busy = false;
    if (!stillHere()) return;
    draw();
    ctx.root.querySelector<HTMLElement>("[data-confirmation]")?.focus();
  }

  draw();
}

async function fetchEoi(id: string): Promise<Eoi> {
  return call(api().GET("/expressions-of-interest/{id}", { params: { path: { id } } }));
}

/** The community an approval formed (for its wave and status); the page does without it if it cannot be read. */
async function fetchCommunity(eoi: Eoi): Promise<Community | null> {
  if (!eoi.communityId) return null;
  return call(api().GET("/communities/{id}", { params: { path: { id: eoi.communityId } } })).catch(() => null);
}

function confirmation(d: Decision, eoi: Eoi, community: Community | null): TemplateResult {
  const approved = d.decision === "APPROVED";
  return html`<div class="banner banner--success" role="status" aria-labelledby="confirmation-title" tabindex="-1" data-confirmation>
    <h2 class="banner__title" id="confirmation-title">${approved ? "Application approved" : "Application declined"}</h2>
    ${approved
      ? html`<p>${eoi.communityName} is approved${d.wave ? ` in wave ${d.wave}` : ""} and its community has been formed.
          ${d.communityId ? html`<a href="#/communities/${encodeURIComponent(d.communityId)}">Go to the community ${community?.name ?? eoi.communityName}</a>` : nothing}</p>
        <p>The contact, ${eoi.contact.email}, is emailed the decision and the next steps.</p>`
      : html`<p>${eoi.communityName} is declined${d.wave ? ` in wave ${d.wave}` : ""}. The contact, ${eoi.contact.email}, is emailed the reason, and the schools may apply again.</p>`}
  </div>`;
}

function details(eoi: Eoi): TemplateResult {
  const row = (label: string, value: unknown) => html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`<h2>Details</h2>
    <dl class="summary-list">
      ${row("Programme", programmeName(eoi.programme))}
      ${row("Community name", eoi.communityName)}
      ${row("Region", eoi.region ?? html`<span class="hint">Not given</span>`)}
      ${row("Contact", html`${eoi.contact.name}<br /><a href="mailto:${eoi.contact.email}">${eoi.contact.email}</a>${eoi.contact.phone ? html`<br />${eoi.contact.phone}` : nothing}`)}
      ${row("Challenge areas", eoi.proposedChallenges.length
        ? html`<ul class="plain-list">${eoi.proposedChallenges.map((c) => html`<li>${statusLabel(c)}</li>`)}</ul>`
        : html`<span class="hint">None</span>`)}
      ${row("Why these schools", eoi.rationale ? html`<span class="pre-line">${eoi.rationale}</span>` : html`<span class="hint">Not given</span>`)}
      ${row("Submitted", html`<time datetime=${eoi.submittedAt}>${dateTime(eoi.submittedAt)}</time>${eoi.submittedBy.email ? ` by ${eoi.submittedBy.email}` : ""}`)}
      ${row("Reference", html`<span class="break">${eoi.id}</span>`)}
    </dl>`;
}

function schoolsTable(eoi: Eoi): TemplateResult {
  const t = schoolTotals(eoi.schools);
  return html`<h2>Schools</h2>
    <div class="table-wrap">
      <table class="schools-table">
        <caption>The ${number(t.schools)} schools in this application</caption>
        <thead>
          <tr>
            <th scope="col">School</th>
            <th scope="col">Number</th>
            <th scope="col">Type</th>
            <th scope="col" class="num">Roll</th>
            <th scope="col" class="num">Teacher FTE</th>
            <th scope="col">Board endorsed</th>
          </tr>
        </thead>
        <tbody>
          ${eoi.schools.map(
            (s) => html`<tr>
              <th scope="row">${s.name}</th>
              <td>${s.schoolNumber}</td>
              <td>${statusLabel(s.type)}</td>
              <td class="num">${number(s.roll)}</td>
              <td class="num">${number(s.teacherFte)}</td>
              <td>${s.boardEndorsed ? "Yes" : "No"}</td>
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr data-totals>
            <th scope="row">Total</th>
            <td>${number(t.schools)} schools</td>
            <td></td>
            <td class="num">${number(t.roll)}</td>
            <td class="num">${number(t.teacherFte)}</td>
            <td>${endorsementsText(t)}</td>
          </tr>
        </tfoot>
      </table>
    </div>`;
}
