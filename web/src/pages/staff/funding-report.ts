import { html, nothing, type TemplateResult } from "lit-html";
import { ApiProblem, api, call, download, type Schemas } from "../../api/client";
import { dateTime, fundingKindLabel, money, number, programmeName } from "../../ui/format";
import { describedBy, errorsById, errorSummary, fieldErrorMessage, focusErrorSummary, type Errors } from "../../ui/forms";
import { loading, show, type PageContext } from "../../ui/page";
import { calendarDay } from "../community/model";
import { checkReportQuery, periodWords, reportFileName, reportSearch, type ReportQuery } from "./funding-report-rules";
import { programmeField } from "./programme-field";
import { listHash } from "./paging";

type Report = Schemas["FundingReport"];
const PATH = "/staff/funding";
const LABELS: Record<string, string> = { programme: "Programme", from: "From", to: "To" };
/** Rows drawn on the page; the CSV has every record. */
const MAX_ROWS = 500;

/**
 * `#/staff/funding?programme=&from=&to=`: the finance report, a programme's funding records made in a period with
 * their totals, and the same records as CSV for a finance system (fetched with the bearer token, saved from a Blob).
 */
export async function fundingReportPage(ctx: PageContext): Promise<void> {
  const query: ReportQuery = { programme: ctx.query.get("programme") || "kahui-ako", from: ctx.query.get("from") ?? "", to: ctx.query.get("to") ?? "" };
  const title = "Funding report";
  loading(ctx, title);

  let report: Report | null = null;
  let errors: Errors = checkReportQuery(query);
  let problem = "";
  if (errors.size === 0) {
    try {
      // JSON (the CSV is the same route with Accept: text/csv, below).
      report = (await call(api().GET("/reports/funding", {
        params: { query: { programme: query.programme as Schemas["Programme"], ...(query.from ? { from: query.from } : {}), ...(query.to ? { to: query.to } : {}) } },
      }))) as Report;
    } catch (e) {
      if (!(e instanceof ApiProblem) || (e.status !== 400 && e.status !== 422)) throw e;
      errors = errorsById(e.errors.filter((f) => f.field in LABELS));
      if (errors.size === 0) problem = e.detail;
    }
  }

  const form = { ...query };
  let saved: { busy?: boolean; message?: string; problem?: string } = {};
  const submit = (e: Event) => {
    e.preventDefault();
    const found = checkReportQuery(form);
    if (found.size) {
      errors = found;
      problem = "";
      draw();
      focusErrorSummary(ctx.root);
      return;
    }
    ctx.navigate(listHash(PATH, { programme: form.programme, from: form.from, to: form.to }));
  };
  const csv = async () => {
    if (saved.busy) return;
    saved = { busy: true, message: "Getting the CSV file…" };
    draw();
    try {
      const file = await download(`/reports/funding?${reportSearch(query)}`, "text/csv", reportFileName(query));
      save(file.blob, file.fileName);
      saved = { message: `Downloaded ${file.fileName}${report ? ` (${report.count === 1 ? "1 record" : `${number(report.count)} records`})` : ""}.` };
    } catch (e) {
      saved = { problem: `The CSV file could not be downloaded: ${e instanceof ApiProblem ? e.detail : e instanceof Error ? e.message : String(e)}` };
    }
    draw();
  };

  function draw(): void {
    show(ctx, title, html`${errorSummary(errors, (id) => LABELS[id] ?? id, problem || undefined)}
      <h1>Funding report</h1>
      <p>Every funding record of a programme made in a period, with the community and school it pays, for finance: shown here,
        or as a CSV file to import into a finance system.</p>
      <form class="filters" novalidate @submit=${submit} aria-label="Choose the records">
        ${programmeField(errors, query.programme, (p) => (form.programme = p))}
        ${dateField(errors, "from", "From (optional)", "The first day, in the programme's own time zone.", query.from, (v) => (form.from = v))}
        ${dateField(errors, "to", "To (optional)", "The last day, included.", query.to, (v) => (form.to = v))}
        <div class="filters__submit"><button class="button button--secondary" type="submit">Show records</button></div>
      </form>
      ${report ? reportBody(report, saved, () => void csv()) : nothing}`);
  }
  draw();
  if (errors.size || problem) focusErrorSummary(ctx.root);
}

function dateField(errors: Errors, id: string, label: string, hint: string, value: string, onInput: (v: string) => void): TemplateResult {
  return html`<div class="field ${errors.has(id) ? "field--error" : ""}">
    <label for=${id}>${label}</label>
    <p class="hint" id="${id}-hint">${hint}</p>
    ${fieldErrorMessage(errors, id)}
    <input id=${id} name=${id} class="input input--medium" type="date" autocomplete="off" .value=${value}
      aria-invalid=${errors.has(id) ? "true" : "false"} aria-describedby=${describedBy(errors, id, true)}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
  </div>`;
}

/** Saves a Blob under a name, as a link with `download` would. */
function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function reportBody(r: Report, saved: { busy?: boolean; message?: string; problem?: string }, csv: () => void): TemplateResult {
  const scope = `${programmeName(r.programme)}, ${periodWords(r, calendarDay)}`;
  const count = r.count === 1 ? "1 record" : `${number(r.count)} records`;
  return html`<h2>${scope}</h2>
    <p>${count}, oldest first.</p>
    <p>
      <button type="button" class="button" ?disabled=${saved.busy === true} @click=${csv}>Download CSV<span class="visually-hidden"> of ${count}</span></button>
    </p>
    <p role="status" class="community-download" data-download-status>${saved.problem ? html`<span class="field-error">${saved.problem}</span>` : (saved.message ?? "")}</p>
    ${r.count === 0
      ? html`<div class="panel empty-state"><h3>No funding records</h3>
          <p>No funding was recorded for ${programmeName(r.programme)} communities in this period. Formation allowances are recorded when applications are approved.</p></div>`
      : html`${totalsTable(r)}${recordsTable(r)}`}`;
}

function totalsTable(r: Report): TemplateResult {
  return html`<div class="table-wrap">
    <table class="report-totals">
      <caption>Totals by kind</caption>
      <thead><tr><th scope="col">Kind</th><th scope="col" class="num">Records</th><th scope="col" class="num">Total</th></tr></thead>
      <tbody>
        ${r.totals.map((t) => html`<tr><th scope="row">${fundingKindLabel(t.kind)} (${t.currency})</th><td class="num">${number(t.records)}</td><td class="num">${money(t.value, t.currency)}</td></tr>`)}
      </tbody>
    </table>
  </div>`;
}

function recordsTable(r: Report): TemplateResult {
  const rows = r.records.slice(0, MAX_ROWS);
  return html`<div class="table-wrap" tabindex="0" role="region" aria-label="Funding records">
      <table class="report-records stack-table" role="table">
        <caption>Funding records, oldest first${r.records.length > MAX_ROWS ? ` (the first ${MAX_ROWS}; the CSV file has all ${number(r.records.length)})` : ""}</caption>
        <thead>
          <tr>
            <th scope="col">Recorded</th>
            <th scope="col">Community</th>
            <th scope="col">Paid to</th>
            <th scope="col">Kind</th>
            <th scope="col">School year</th>
            <th scope="col" class="num">Amount</th>
            <th scope="col" class="num">Time</th>
            <th scope="col">Policy</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (x) => html`<tr>
              <td data-label="Recorded"><time datetime=${x.createdAt}>${dateTime(x.createdAt)}</time></td>
              <td data-label="Community"><a href="#/communities/${encodeURIComponent(x.communityId)}">${x.communityName ?? x.communityId}</a></td>
              <td data-label="Paid to">${x.schoolNumber ? `${x.schoolName ?? "School"} (${x.schoolNumber})` : "The community"}</td>
              <td data-label="Kind">${fundingKindLabel(x.kind)}</td>
              <td data-label="School year">${x.year}</td>
              <td class="num" data-label="Amount">${x.amount && x.currency ? money(x.amount, x.currency) : html`<span class="hint">None</span>`}</td>
              <td class="num" data-label="Time">${x.quantity ? `${number(x.quantity, 4)} ${x.units ?? ""}` : html`<span class="hint">None</span>`}</td>
              <td data-label="Policy">${x.policyId} version ${x.policyVersion}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}
