import { html, nothing, type TemplateResult } from "lit-html";
import { date, fundingKindLabel, money, number, statusLabel } from "../../ui/format";
import { roleCounts } from "./allocation";
import { partLabel, releasedRoles, stateLabel, yearGroups } from "./funding-status";
import { moneyTotalsByCurrency, moneyTotalsByKind, timeTotalsByKind } from "./funding-totals";
import { grantForm, grantPendingNote } from "./grants";
import type { Funding, FundingRecord } from "./model";
import { heldRolesSection } from "./roles";
import type { View } from "./view";

/** What a record is for: a grant's purpose, or the rule's formula or setting it was computed from. */
function basis(r: FundingRecord): string {
  if (r.kind === "GRANT") return r.inputs.purpose ? statusLabel(r.inputs.purpose) : "";
  return r.inputs.formula ?? r.inputs.setting ?? "";
}

function recordsTable(view: View, records: FundingRecord[]): TemplateResult {
  const names = new Map(view.data.community.members.map((m) => [m.schoolNumber, m.name]));
  return html`<div class="table-wrap community-table" tabindex="0" role="region" aria-label="Funding records">
    <table class="community-stack" role="table">
      <caption>Funding records</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">Kind</th>
          <th scope="col" role="columnheader">School year</th>
          <th scope="col" role="columnheader">Recipient</th>
          <th scope="col" role="columnheader">Purpose or basis</th>
          <th scope="col" role="columnheader" class="num">Amount</th>
          <th scope="col" role="columnheader" class="num">Time</th>
          <th scope="col" role="columnheader">Source</th>
          <th scope="col" role="columnheader">Recorded</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${records.map(
          (r) => html`<tr role="row">
            <th scope="row" role="rowheader">${fundingKindLabel(r.kind)}</th>
            <td role="cell" data-label=${r.year ? "School year" : nothing}>${r.year ?? ""}</td>
            <td role="cell" data-label="Recipient">${r.recipientSchoolNumber ? `${names.get(r.recipientSchoolNumber) ?? "School"} (${r.recipientSchoolNumber})` : "The community"}</td>
            <td role="cell" data-label=${basis(r) ? "Purpose or basis" : nothing}>${basis(r)}</td>
            <td role="cell" data-label="Amount" class="num">${r.amount ? money(r.amount.value, r.amount.currency) : html`<span class="hint">None</span>`}</td>
            <td role="cell" data-label="Time" class="num">${r.quantity ? `${number(r.quantity, 4)} ${r.units ?? ""}` : html`<span class="hint">None</span>`}</td>
            <td role="cell" data-label="Source">${statusLabel(r.period)}; policy ${r.policyId} version ${r.policyVersion}</td>
            <td role="cell" data-label="Recorded">${date(r.createdAt)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function totalsTable(records: FundingRecord[]): TemplateResult {
  const byKind = moneyTotalsByKind(records);
  const byCurrency = moneyTotalsByCurrency(records);
  const time = timeTotalsByKind(records);
  return html`<div class="table-wrap community-table" tabindex="0" role="region" aria-label="Funding totals">
    <table class="community-totals">
      <caption>Totals</caption>
      <thead>
        <tr>
          <th scope="col">Kind</th>
          <th scope="col" class="num">Total</th>
        </tr>
      </thead>
      <tbody>
        ${byKind.map((t) => html`<tr><th scope="row">${fundingKindLabel(t.kind)} (${t.currency})</th><td class="num">${money(t.value, t.currency)}</td></tr>`)}
        ${time.map((t) => html`<tr><th scope="row">${fundingKindLabel(t.kind)} (${t.units})</th><td class="num">${number(t.quantity, 4)} ${t.units}</td></tr>`)}
      </tbody>
      ${byCurrency.length
        ? html`<tfoot>
            ${byCurrency.map((t) => html`<tr><th scope="row">All money (${t.currency})</th><td class="num">${money(t.value, t.currency)}</td></tr>`)}
          </tfoot>`
        : nothing}
    </table>
  </div>`;
}

/** Where each part of the funding stands, in the API's own sentences, and the released roles counted as roles. */
function statusList(funding: Funding): TemplateResult | typeof nothing {
  const roles = releasedRoles(funding.roles);
  if (funding.status.length === 0 && !roles) return nothing;
  return html`<dl class="summary-list community-funding-status" aria-label="Where the funding stands">
    ${funding.status.map((st) => {
      const state = stateLabel(st.state);
      return html`<div data-part=${st.part}>
        <dt>${partLabel(st.part)}</dt>
        <dd><strong class="tag ${state.tag}">${state.label}</strong> <span class="community-funding-sentence">${st.sentence}</span></dd>
      </div>`;
    })}
    ${roles ? html`<div data-part="ROLE_COUNTS">
          <dt>Roles released</dt>
          <dd>${roleCounts(roles)}</dd>
        </div>` : nothing}
  </dl>`;
}

/** The money by school year: each kind, then every kind together where there are several. */
function yearTable(funding: Funding): TemplateResult | typeof nothing {
  const groups = yearGroups(funding.yearTotals);
  if (groups.length === 0) return nothing;
  return html`<div class="table-wrap community-table" tabindex="0" role="region" aria-label="Totals by school year">
    <table class="community-totals">
      <caption>Totals by school year</caption>
      <thead>
        <tr>
          <th scope="col">School year</th>
          <th scope="col">Kind</th>
          <th scope="col" class="num">Total</th>
        </tr>
      </thead>
      <tbody>
        ${groups.map((g) => html`
          ${g.lines.map((l) => html`<tr><th scope="row">${g.year}</th><td>${fundingKindLabel(l.kind)}</td><td class="num">${money(l.value, l.currency)}</td></tr>`)}
          ${g.lines.length > 1
            ? g.byCurrency.map((t) => html`<tr class="community-totals__year"><th scope="row">${g.year}</th><td>All money (${t.currency})</td><td class="num">${money(t.value, t.currency)}</td></tr>`)
            : nothing}`)}
      </tbody>
    </table>
  </div>`;
}

export function fundingSection(view: View): TemplateResult {
  const { funding, fundingProblem, community } = view.data;
  const records = (funding?.records ?? []) as FundingRecord[];
  const grantsHere = community.programme === "school-improvement";
  let body: TemplateResult;
  if (!funding) {
    body = html`<p class="inset">The funding could not be loaded: ${fundingProblem ?? "try again later"}.</p>`;
  } else if (records.length === 0) {
    body = html`${statusList(funding)}<p>No funding has been recorded yet.</p>
      <p>${grantsHere
        ? "Grants awarded to this cluster by programme staff are listed here."
        : "Each member school's formation allowance is recorded a moment after the application is approved; the roles and teacher inquiry time follow the plan's endorsement."}</p>`;
  } else {
    body = html`${statusList(funding)}${recordsTable(view, records)}${totalsTable(records)}${yearTable(funding)}`;
  }
  return html`<section aria-labelledby="funding-heading">
    <h2 id="funding-heading">Funding</h2>
    ${grantPendingNote(view)}
    ${body}
    ${heldRolesSection(view)}
    ${view.staff && grantsHere ? grantForm(view) : nothing}
  </section>`;
}
