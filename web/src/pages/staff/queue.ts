import { html, nothing } from "lit-html";
import { ApiProblem, api, call, type Schemas } from "../../api/client";
import { dateTime, number, programmeName, statusLabel } from "../../ui/format";
import { loading, show, type PageContext } from "../../ui/page";
import { statusTag } from "../../ui/tags";
import { listHash, nextTokenOf, pageNumber, pagination } from "./paging";
import { listProblem } from "./problems";

const PATH = "/staff/queue";
const STATUSES = ["SUBMITTED", "APPROVED", "DECLINED"] as const;
type QueueStatus = (typeof STATUSES)[number];

const EMPTY: Record<QueueStatus, { title: string; body: string }> = {
  SUBMITTED: { title: "No applications are waiting for a decision", body: "New applications appear here, oldest first, as soon as schools submit them." },
  APPROVED: { title: "No applications have been approved yet", body: "Open a submitted application from the Submitted list to approve or decline it." },
  DECLINED: { title: "No applications have been declined", body: "Declined applications appear here with the date they were submitted." },
};

/** `#/staff/queue?status=`: the review queue, oldest submission first, one status at a time. */
export async function queuePage(ctx: PageContext): Promise<void> {
  const asked = ctx.query.get("status") ?? "SUBMITTED";
  const status: QueueStatus = (STATUSES as readonly string[]).includes(asked) ? (asked as QueueStatus) : "SUBMITTED";
  const token = nextTokenOf(ctx.query);
  const page = pageNumber(ctx.query);
  const title = status === "SUBMITTED" ? "Review queue" : `Review queue: ${statusLabel(status).toLowerCase()}`;
  loading(ctx, title);

  let data: Schemas["EoiPage"];
  try {
    data = await call(api().GET("/expressions-of-interest", { params: { query: { status, ...(token ? { nextToken: token } : {}) } } }));
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 400) {
      show(ctx, title, html`<h1>Review queue</h1>${listProblem(e, listHash(PATH, { status }))}`);
      return;
    }
    throw e;
  }

  const filters = html`<nav class="filter-links" aria-label="Applications by status">
    <ul>
      ${STATUSES.map(
        (s) => html`<li><a href=${listHash(PATH, { status: s })} aria-current=${s === status ? "page" : nothing}>${statusLabel(s)}</a></li>`,
      )}
    </ul>
  </nav>`;

  const empty = EMPTY[status];
  show(ctx, title, html`<h1>Review queue</h1>
    <p>Applications from groups of schools, oldest first. Open one to see its schools and to approve or decline it.</p>
    ${filters}
    ${data.items.length === 0
      ? html`<div class="panel empty-state" role="status">
          <h2>${page > 1 ? "No more applications" : empty.title}</h2>
          <p>${page > 1 ? "You have reached the end of this list." : empty.body}</p>
          ${page > 1 ? html`<p><a href=${listHash(PATH, { status })}>Back to the first page</a></p>` : nothing}
        </div>`
      : html`<div class="table-wrap">
          <table class="queue-table stack-table" role="table">
            <caption>${statusLabel(status)} applications, oldest first${page > 1 ? `, page ${page}` : ""}</caption>
            <thead>
              <tr>
                <th scope="col">Community</th>
                <th scope="col">Programme</th>
                <th scope="col" class="num">Schools</th>
                <th scope="col" class="num">Pupils</th>
                <th scope="col">Submitted</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              ${data.items.map(
                (a) => html`<tr>
                  <td><a href="#/applications/${encodeURIComponent(a.id)}">${a.communityName}</a>${a.region ? html`<br /><span class="hint">${a.region}</span>` : nothing}</td>
                  <td data-label="Programme">${programmeName(a.programme)}</td>
                  <td class="num" data-label="Schools">${number(a.schoolCount)}</td>
                  <td class="num" data-label="Pupils">${number(a.totalRoll)}</td>
                  <td data-label="Submitted"><time datetime=${a.submittedAt}>${dateTime(a.submittedAt)}</time></td>
                  <td data-label="Status">${statusTag(a.status)}</td>
                </tr>`,
              )}
            </tbody>
          </table>
        </div>`}
    ${pagination(PATH, { status }, page, data.nextToken)}`);
}
