import { html, nothing, type TemplateResult } from "lit-html";
import { ApiProblem, api, call, type Schemas } from "../../api/client";
import { dateTime, fundingKindLabel, money, number, programmeName } from "../../ui/format";
import { describedBy, errorsById, errorSummary, fieldErrorMessage, focusErrorSummary, type Errors } from "../../ui/forms";
import { loading, show, type PageContext } from "../../ui/page";
import { barChart } from "./bar-chart";
import { amountForScale, byCurrency, scaleBars, type BarDatum } from "./charts";
import { programmeField } from "./programme-field";
import { listHash } from "./paging";

type Summary = Schemas["ProgrammeSummary"];
const PATH = "/staff/summary";
const LABELS: Record<string, string> = { programme: "Programme", wave: "Wave" };
/** How far the page looks for waves: communities are read 100 at a time, and at most this many waves are charted. */
const MAX_COMMUNITY_PAGES = 10;
const MAX_WAVES = 12;

/** `#/staff/summary?programme=&wave=`: a programme, or one approval wave of it, in numbers and charts. */
export async function summaryPage(ctx: PageContext): Promise<void> {
  const programme = ctx.query.get("programme") || "kahui-ako";
  const wave = ctx.query.get("wave") ?? "";
  const title = wave ? `Programme summary: wave ${wave}` : "Programme summary";
  loading(ctx, title);

  let summary: Summary | null = null;
  let errors: Errors = new Map();
  let problem = "";
  try {
    summary = await call(api().GET("/reports/summary", { params: { query: { programme: programme as Schemas["Programme"], ...(ctx.query.has("wave") ? { wave } : {}) } } }));
  } catch (e) {
    if (!(e instanceof ApiProblem) || e.status !== 400) throw e;
    errors = errorsById(e.errors.filter((f) => f.field in LABELS));
    if (errors.size === 0) problem = e.detail;
  }
  // Decisions wave by wave, for the whole programme only (a wave's own page shows that wave).
  const waves = summary && !ctx.query.has("wave") ? await waveSummaries(programme).catch(() => null) : null;

  const form = { programme, wave };
  const submit = (e: Event) => {
    e.preventDefault();
    ctx.navigate(listHash(PATH, { programme: form.programme, wave: form.wave }));
  };

  show(ctx, title, html`${errorSummary(errors, (id) => LABELS[id] ?? id, problem || undefined)}
    <h1>Programme summary</h1>
    <form class="filters" novalidate @submit=${submit} aria-label="Choose what to summarise">
      ${programmeField(errors, programme, (p) => (form.programme = p))}
      <div class="field ${errors.has("wave") ? "field--error" : ""}">
        <label for="wave">Approval wave (optional)</label>
        <p class="hint" id="wave-hint">As the decisions named it, for example 2014-12. Leave empty for the whole programme.</p>
        ${fieldErrorMessage(errors, "wave")}
        <input id="wave" name="wave" class="input input--medium" autocomplete="off" .value=${wave}
          aria-invalid=${errors.has("wave") ? "true" : "false"} aria-describedby=${describedBy(errors, "wave", true)}
          @input=${(e: Event) => (form.wave = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="filters__submit"><button class="button button--secondary" type="submit">Show summary</button></div>
    </form>
    ${summary ? figures(summary, waves) : nothing}`);
  if (errors.size || problem) focusErrorSummary(ctx.root);
}

function figures(s: Summary, waves: WaveRow[] | null): TemplateResult {
  const scope = s.wave ? `${programmeName(s.programme)}, wave ${s.wave}` : `${programmeName(s.programme)}, whole programme`;
  const a = s.applications;
  const statusBars: BarDatum[] = [
    { key: "received", label: "Received", value: a.received, display: number(a.received) },
    { key: "pending", label: "Waiting for a decision", value: a.pending, display: number(a.pending) },
    { key: "approved", label: s.wave ? "Approved in this wave" : "Approved", value: a.approved, display: number(a.approved) },
    { key: "declined", label: s.wave ? "Declined in this wave" : "Declined", value: a.declined, display: number(a.declined) },
    { key: "withdrawn", label: "Withdrawn", value: a.withdrawn, display: number(a.withdrawn) },
  ];
  return html`<h2>${scope}</h2>
    <p class="hint">Figures read ${dateTime(s.generatedAt)}. A decision made a moment ago may take a few seconds to appear.</p>
    <ul class="cards" aria-label="Headline figures">
      ${card(a.received, "Applications received")}
      ${card(s.communities, s.wave ? "Communities formed in this wave" : "Communities formed")}
      ${card(s.schools, "Member schools")}
      ${card(s.pupils, "Pupils in member schools")}
    </ul>

    <h2>Applications by status</h2>
    ${s.wave
      ? html`<p>Approved and declined count the decisions made in wave ${s.wave}. Received, waiting and withdrawn cover the whole programme: an application is submitted into no wave.</p>`
      : nothing}
    <div class="chart-pair">
      ${barChart("Applications by status", scaleBars(statusBars), (k) => `bar__fill--${k}`)}
      <div class="table-wrap">
        <table>
          <caption>Applications by status</caption>
          <thead><tr><th scope="col">Status</th><th scope="col" class="num">Applications</th></tr></thead>
          <tbody>${statusBars.map((b) => html`<tr><th scope="row">${b.label}</th><td class="num">${b.display}</td></tr>`)}</tbody>
        </table>
      </div>
    </div>

    <h2>Funding by kind</h2>
    <p><a href=${listHash("/staff/funding", { programme: s.programme })}>The funding report: every record of this programme, with a CSV download</a></p>
    ${s.funding.length === 0
      ? html`<p class="inset">No funding has been recorded for ${s.wave ? "the communities formed in this wave" : "this programme's communities"} yet. Formation allowances are recorded a moment after an approval.</p>`
      : [...byCurrency(s.funding)].map(([currency, lines]) => {
          const bars = scaleBars(lines.map((f) => ({ key: f.kind, label: fundingKindLabel(f.kind), value: amountForScale(f.value), display: money(f.value, currency) })));
          return html`<div class="chart-pair">
            ${barChart(`Funding by kind in ${currency}`, bars)}
            <div class="table-wrap">
              <table>
                <caption>Funding by kind (${currency})</caption>
                <thead><tr><th scope="col">Kind</th><th scope="col" class="num">Amount</th></tr></thead>
                <tbody>${bars.map((b) => html`<tr><th scope="row">${b.label}</th><td class="num">${b.display}</td></tr>`)}</tbody>
              </table>
            </div>
          </div>`;
        })}
    ${waves ? waveSection(s.programme, waves) : nothing}`;
}

function card(n: number, label: string): TemplateResult {
  return html`<li class="card"><p class="card__figure">${number(n)}</p><p class="card__label">${label}</p></li>`;
}

interface WaveRow {
  wave: string;
  summary: Summary;
}

/** The waves the programme's communities were formed in (oldest first), each with its own figures. */
async function waveSummaries(programme: string): Promise<WaveRow[]> {
  const waves: string[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < MAX_COMMUNITY_PAGES; i++) {
    const page = await call(api().GET("/communities", { params: { query: { programme: programme as Schemas["Programme"], limit: 100, ...(nextToken ? { nextToken } : {}) } } }));
    for (const c of page.items) if (c.wave && !waves.includes(c.wave)) waves.push(c.wave);
    nextToken = page.nextToken;
    if (!nextToken) break;
  }
  const recent = waves.slice(-MAX_WAVES);
  return Promise.all(
    recent.map(async (wave) => ({ wave, summary: await call(api().GET("/reports/summary", { params: { query: { programme: programme as Schemas["Programme"], wave } } })) })),
  );
}

function waveSection(programme: string, rows: WaveRow[]): TemplateResult {
  if (rows.length === 0) {
    return html`<h2>Decisions by wave</h2>
      <p class="inset">No community has been formed in a named wave yet. Approvals that name a wave appear here.</p>`;
  }
  const max = Math.max(0, ...rows.flatMap((r) => [r.summary.applications.approved, r.summary.applications.declined]));
  const bars = scaleBars(
    rows.flatMap((r) => [
      { key: "approved", label: `${r.wave}: approved`, value: r.summary.applications.approved, display: number(r.summary.applications.approved) },
      { key: "declined", label: `${r.wave}: declined`, value: r.summary.applications.declined, display: number(r.summary.applications.declined) },
    ]),
    max,
  );
  return html`<h2>Decisions by wave</h2>
    <p>The waves this programme's communities were formed in${rows.length === MAX_WAVES ? ` (the latest ${MAX_WAVES})` : ""}. Open a wave for its own figures; a wave in which applications were only declined can be shown with the wave box above.</p>
    <div class="chart-pair chart-pair--stacked">
      ${barChart("Decisions by wave", bars, (k) => `bar__fill--${k}`)}
      <div class="table-wrap">
        <table>
          <caption>Decisions and communities by wave</caption>
          <thead><tr>
            <th scope="col">Wave</th><th scope="col" class="num">Approved</th><th scope="col" class="num">Declined</th>
            <th scope="col" class="num">Communities</th><th scope="col" class="num">Schools</th><th scope="col" class="num">Pupils</th>
          </tr></thead>
          <tbody>
            ${rows.map(
              (r) => html`<tr>
                <th scope="row"><a href=${listHash(PATH, { programme, wave: r.wave })}>${r.wave}</a></th>
                <td class="num">${number(r.summary.applications.approved)}</td>
                <td class="num">${number(r.summary.applications.declined)}</td>
                <td class="num">${number(r.summary.communities)}</td>
                <td class="num">${number(r.summary.schools)}</td>
                <td class="num">${number(r.summary.pupils)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </div>`;
}
