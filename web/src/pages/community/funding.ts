import { html, nothing, type TemplateResult } from "lit-html";
import { date, money, number, statusLabel } from "../../ui/format";
import { moneyTotalsByCurrency, moneyTotalsByKind, timeTotalsByKind } from "./funding-totals";
import { grantForm, grantPendingNote } from "./grants";
import type { FundingRecord, Notification } from "./model";
import type { View } from "./view";

/** What a record is for: a grant's purpose, or the rule's formula or setting it was computed from. */
function basis(r: FundingRecord): string {
  if (r.kind === "GRANT") return r.inputs.purpose ? statusLabel(r.inputs.purpose) : "";
  return r.inputs.formula ?? r.inputs.setting ?? "";
}

/** The staff email saying role funding is held because the policy lacks a setting (kind ROLE_FUNDING_HELD_STAFF#<plan>). */
export function rolesHeld(notifications: Notification[]): Notification[] {
  return notifications.filter((n) => n.kind.startsWith("ROLE_FUNDING_HELD"));
}

function recordsTable(view: View, records: FundingRecord[]): TemplateResult {
  const names = new Map(view.data.community.members.map((m) => [m.schoolNumber, m.name]));
  return html`<div class="table-wrap community-table" tabindex="0" role="region" aria-label="Funding records">
    <table class="community-stack" role="table">
      <caption>Funding records</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">Kind</th>
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
            <th scope="row" role="rowheader">${statusLabel(r.kind)}</th>
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
        ${byKind.map((t) => html`<tr><th scope="row">${statusLabel(t.kind)} (${t.currency})</th><td class="num">${money(t.value, t.currency)}</td></tr>`)}
        ${time.map((t) => html`<tr><th scope="row">${statusLabel(t.kind)} (${t.units})</th><td class="num">${number(t.quantity, 4)} ${t.units}</td></tr>`)}
      </tbody>
      ${byCurrency.length
        ? html`<tfoot>
            ${byCurrency.map((t) => html`<tr><th scope="row">All money (${t.currency})</th><td class="num">${money(t.value, t.currency)}</td></tr>`)}
          </tfoot>`
        : nothing}
    </table>
  </div>`;
}

function heldNotice(view: View): TemplateResult | typeof nothing {
  const held = rolesHeld(view.data.notifications);
  if (held.length === 0) return nothing;
  return html`<div class="inset community-held">
    <h3 id="held-heading">Role funding held</h3>
    <p>The plan was endorsed, but its roles were not paid: the funding policy still lacks a setting they need. This is what the service said:</p>
    ${held.map((n) => html`<p class="community-prose">${n.body}</p>`)}
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
    body = html`<p>No funding has been recorded yet.</p>
      <p>${grantsHere
        ? "Grants awarded to this cluster by programme staff are listed here."
        : "Each member school's formation allowance is recorded a moment after the application is approved; role funding follows the plan's endorsement."}</p>`;
  } else {
    body = html`${recordsTable(view, records)}${totalsTable(records)}`;
  }
  const endorsedWithoutRoles =
    community.programme === "kahui-ako" && community.status === "ENDORSED" && !records.some((r) => r.kind.endsWith("_ROLE"));
  return html`<section aria-labelledby="funding-heading">
    <h2 id="funding-heading">Funding</h2>
    ${grantPendingNote(view)}
    ${body}
    ${view.staff ? heldNotice(view) : nothing}
    ${endorsedWithoutRoles && rolesHeld(view.data.notifications).length === 0
      ? html`<p class="inset">The plan is endorsed; no role funding has been recorded yet.</p>`
      : nothing}
    ${view.staff && grantsHere ? grantForm(view) : nothing}
  </section>`;
}
