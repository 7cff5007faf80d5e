import { html, nothing } from "lit-html";
import { ApiProblem, api, call, type Schemas } from "../../api/client";
import { date, number, programmeName, statusLabel } from "../../ui/format";
import { describedBy, errorsById, errorSummary, fieldErrorMessage, focusErrorSummary, type Errors } from "../../ui/forms";
import { loading, show, type PageContext } from "../../ui/page";
import { statusTag } from "../../ui/tags";
import { programmeField } from "./programme-field";
import { listHash, nextTokenOf, pageNumber, pagination } from "./paging";

const PATH = "/staff/communities";
const STATUSES = ["FORMING", "ENDORSED", "CLOSED"] as const;
const LABELS: Record<string, string> = { programme: "Programme", status: "Status", nextToken: "Page link", limit: "Page size" };

/** `#/staff/communities?programme=&status=`: a programme's communities, oldest formed first. */
export async function communitiesPage(ctx: PageContext): Promise<void> {
  const programme = ctx.query.get("programme") || "kahui-ako";
  const status = ctx.query.get("status") || "";
  const token = nextTokenOf(ctx.query);
  const page = pageNumber(ctx.query);
  const title = "Communities";
  loading(ctx, title);

  let data: Schemas["CommunityPage"] | null = null;
  let errors: Errors = new Map();
  let problem = "";
  try {
    data = await call(api().GET("/communities", {
      params: { query: { programme: programme as Schemas["Programme"], ...(status ? { status: status as Schemas["CommunityStatus"] } : {}), ...(token ? { nextToken: token } : {}) } },
    }));
  } catch (e) {
    if (!(e instanceof ApiProblem) || e.status !== 400) throw e;
    errors = errorsById(e.errors.filter((f) => f.field === "programme" || f.field === "status"));
    problem = e.errors.some((f) => f.field === "nextToken" || f.field === "limit") || e.errors.length === 0
      ? `${e.detail}. Show the list again from its first page.`
      : "";
  }

  const form = { programme, status };
  const submit = (e: Event) => {
    e.preventDefault();
    ctx.navigate(listHash(PATH, { programme: form.programme, status: form.status }));
  };
  const filters = { programme, status: status || undefined };

  show(ctx, title, html`${errorSummary(errors, (id) => LABELS[id] ?? id, problem || undefined)}
    <h1>Communities</h1>
    <p>Communities formed when their applications were approved, oldest first.</p>
    <form class="filters" novalidate @submit=${submit} aria-label="Filter communities">
      ${programmeField(errors, programme, (p) => (form.programme = p))}
      <div class="field ${errors.has("status") ? "field--error" : ""}">
        <label for="status">Status</label>
        ${fieldErrorMessage(errors, "status")}
        <select id="status" name="status" class="select" aria-describedby=${describedBy(errors, "status")}
          @change=${(e: Event) => (form.status = (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${status === ""}>All statuses</option>
          ${STATUSES.map((s) => html`<option value=${s} ?selected=${s === status}>${statusLabel(s)}</option>`)}
          ${status === "" || (STATUSES as readonly string[]).includes(status) ? nothing : html`<option value=${status} selected>${status}</option>`}
        </select>
      </div>
      <div class="filters__submit"><button class="button button--secondary" type="submit">Show communities</button></div>
    </form>
    ${data === null
      ? html`<p><a href=${listHash(PATH, {})}>Show the Kāhui Ako communities</a></p>`
      : data.items.length === 0
        ? html`<div class="panel empty-state" role="status">
            <h2>${page > 1 ? "No more communities" : "No communities found"}</h2>
            <p>${page > 1
              ? "You have reached the end of this list."
              : `No ${programmeName(programme)} community${status ? ` is ${statusLabel(status).toLowerCase()}` : " has been formed yet"}. A community is formed when its application is approved in the review queue.`}</p>
            <p><a href="#/staff/queue">Go to the review queue</a></p>
          </div>`
        : html`<div class="table-wrap">
            <table class="communities-table stack-table" role="table">
              <caption>${programmeName(programme)} communities${status ? `, ${statusLabel(status).toLowerCase()}` : ""}, oldest first${page > 1 ? `, page ${page}` : ""}</caption>
              <thead>
                <tr>
                  <th scope="col">Community</th>
                  <th scope="col">Programme</th>
                  <th scope="col">Status</th>
                  <th scope="col" class="num">Member schools</th>
                  <th scope="col" class="num">Pupils</th>
                  <th scope="col">Wave</th>
                  <th scope="col">Formed</th>
                </tr>
              </thead>
              <tbody>
                ${data.items.map(
                  (c) => html`<tr>
                    <td><a href="#/communities/${encodeURIComponent(c.id)}">${c.name}</a>${c.region ? html`<br /><span class="hint">${c.region}</span>` : nothing}</td>
                    <td data-label="Programme">${programmeName(c.programme)}</td>
                    <td data-label="Status">${statusTag(c.status)}</td>
                    <td class="num" data-label="Member schools">${number(c.schoolCount)}</td>
                    <td class="num" data-label="Pupils">${number(c.totalRoll)}</td>
                    <td data-label="Wave">${c.wave ?? html`<span class="hint">None</span>`}</td>
                    <td data-label="Formed"><time datetime=${c.formedAt}>${date(c.formedAt)}</time></td>
                  </tr>`,
                )}
              </tbody>
            </table>
          </div>
          ${pagination(PATH, filters, page, data.nextToken)}`}`);
  if (errors.size || problem) focusErrorSummary(ctx.root);
}
