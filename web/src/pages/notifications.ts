import { html, nothing, type TemplateResult } from "lit-html";
import { ApiProblem, api, call, type Schemas } from "../api/client";
import { isStaff } from "../auth/session";
import { dateTime, statusLabel } from "../ui/format";
import { describedBy, errorsById, errorSummary, fieldErrorMessage, focusErrorSummary, type Errors } from "../ui/forms";
import { loading, show, type PageContext } from "../ui/page";
import { listHash, nextTokenOf, pageNumber, pagination } from "./staff/paging";

const PATH = "/notifications";
const LABELS: Record<string, string> = { communityId: "Community id", nextToken: "Page link", limit: "Page size" };

/** What each kind of email is, in words; the API's code is shown beside it. */
const KINDS: Record<string, string> = {
  EOI_RECEIVED_STAFF: "Application received (to staff)",
  EOI_RECEIVED_CONTACT: "Application received (to the contact)",
  DECISION_APPROVED_CONTACT: "Approval (to the contact)",
  DECISION_DECLINED_CONTACT: "Decline (to the contact)",
  DECISION_RECORDED_STAFF: "Decision recorded (to staff)",
};

export function kindLabel(kind: string): string {
  return KINDS[kind] ?? statusLabel(kind);
}

/**
 * `#/notifications`: staff read the whole log (every email sent, optionally about one community); anyone else the
 * mail sent to their own address. Newest first, a page at a time. The API decides what each may read.
 */
export async function notificationsPage(ctx: PageContext): Promise<void> {
  const staff = isStaff(ctx.session);
  const title = staff ? "Notification log" : "Your notifications";
  const communityId = staff ? (ctx.query.get("communityId") ?? "").trim() : "";
  const token = nextTokenOf(ctx.query);
  const page = pageNumber(ctx.query);
  loading(ctx, title);

  let data: Schemas["NotificationPage"] | null = null;
  let errors: Errors = new Map();
  let problem = "";
  try {
    data = await call(api().GET("/notifications", { params: { query: { ...(communityId ? { communityId } : {}), ...(token ? { nextToken: token } : {}) } } }));
  } catch (e) {
    if (!(e instanceof ApiProblem) || e.status !== 400) throw e;
    errors = errorsById(e.errors.filter((f) => f.field === "communityId"));
    if (errors.size === 0) problem = `${e.detail}. Show the log again from its first page.`;
  }

  const form = { communityId };
  const submit = (e: Event) => {
    e.preventDefault();
    ctx.navigate(listHash(PATH, { communityId: form.communityId.trim() }));
  };
  const filters = { communityId: communityId || undefined };

  show(ctx, title, html`${errorSummary(errors, (id) => LABELS[id] ?? id, problem || undefined)}
    <h1>${title}</h1>
    ${staff
      ? html`<p>Every email the programme has sent or is about to send, newest first.</p>
        <form class="filters" novalidate @submit=${submit} aria-label="Filter the log">
          <div class="field ${errors.has("communityId") ? "field--error" : ""}">
            <label for="communityId">Community id (optional)</label>
            <p class="hint" id="communityId-hint">Only the emails about one community, for example 5a7d2c91-8e34-4f6b-b1d0-7c3e9a2f4b18. Leave empty for every email.</p>
            ${fieldErrorMessage(errors, "communityId")}
            <input id="communityId" name="communityId" class="input" autocomplete="off" spellcheck="false" .value=${communityId}
              aria-invalid=${errors.has("communityId") ? "true" : "false"} aria-describedby=${describedBy(errors, "communityId", true)}
              @input=${(e: Event) => (form.communityId = (e.target as HTMLInputElement).value)} />
          </div>
          <div class="actions">
            <button class="button button--secondary" type="submit">Show emails</button>
            ${communityId ? html`<p><a href=${listHash(PATH, {})}>Show every email</a></p>` : nothing}
          </div>
        </form>`
      : html`<p>The emails the programme has sent to ${ctx.session?.email ?? "you"}, newest first.</p>`}
    ${data ? list(data, staff, communityId, page) : problem ? html`<p><a href=${listHash(PATH, filters)}>Go to the first page</a></p>` : nothing}
    ${data ? pagination(PATH, filters, page, data.nextToken) : nothing}`);
  if (errors.size || problem) focusErrorSummary(ctx.root);
}

function list(data: Schemas["NotificationPage"], staff: boolean, communityId: string, page: number): TemplateResult {
  if (data.items.length === 0) {
    if (data.nextToken) {
      return html`<p class="inset" role="status">Nothing on this page matches. There are more emails to look through: go to the next page.</p>`;
    }
    return html`<div class="panel empty-state" role="status">
      <h2>${page > 1 ? "No more emails" : "No emails yet"}</h2>
      <p>${page > 1
        ? "You have reached the end of the log."
        : communityId
          ? "No email has been sent about this community. Check the community id, or show every email."
          : staff
            ? "Emails appear here when schools submit applications and when decisions are made."
            : "Emails to you appear here: a receipt when your school's application is submitted, and the decision when it is made."}</p>
    </div>`;
  }
  return html`<div class="table-wrap">
    <table class="notifications-table stack-table" role="table">
      <caption>${staff ? (communityId ? "Emails about this community" : "Emails sent") : "Emails sent to you"}, newest first${page > 1 ? `, page ${page}` : ""}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">To</th>
          <th scope="col">Subject</th>
          <th scope="col">Kind</th>
          <th scope="col">Status</th>
          <th scope="col">About</th>
        </tr>
      </thead>
      <tbody>
        ${data.items.map(
          (n) => html`<tr>
            <td data-label="When"><time datetime=${n.createdAt}>${dateTime(n.createdAt)}</time></td>
            <td class="mail-to" data-label="To">${n.recipient}</td>
            <td>${n.subject}
              <details class="mail">
                <summary>Read the email<span class="visually-hidden">: ${n.subject}</span></summary>
                <div class="mail__body">${n.body}</div>
              </details>
            </td>
            <td data-label="Kind">${kindLabel(n.kind)}<br /><code class="hint">${n.kind}</code></td>
            <td data-label="Status"><strong class="tag ${n.status === "SENT" ? "tag--green" : "tag--yellow"}">${n.status === "SENT" ? "Sent" : "Waiting to send"}</strong></td>
            <td>
              ${n.eoiId ? html`<a href="#/applications/${encodeURIComponent(n.eoiId)}">Application<span class="visually-hidden"> ${n.eoiId}</span></a>` : nothing}
              ${n.eoiId && n.communityId ? html`<br />` : nothing}
              ${n.communityId ? html`<a href="#/communities/${encodeURIComponent(n.communityId)}">Community<span class="visually-hidden"> ${n.communityId}</span></a>` : nothing}
            </td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
