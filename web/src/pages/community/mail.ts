import { html, nothing, type TemplateResult } from "lit-html";
import { api, call } from "../../api/client";
import { dateTime, statusLabel } from "../../ui/format";
import type { Notification } from "./model";
import type { View } from "./view";

/** GET /notifications?communityId=: staff read every email about the community, anyone else their own. */
export async function loadMail(communityId: string, nextToken?: string): Promise<{ items: Notification[]; nextToken?: string }> {
  const page = await call(api().GET("/notifications", { params: { query: { communityId, limit: 50, ...(nextToken ? { nextToken } : {}) } } }));
  return { items: page.items, nextToken: page.nextToken };
}

let loadingMore = false;

async function more(view: View): Promise<void> {
  if (loadingMore || !view.data.notificationsNext) return;
  loadingMore = true;
  view.draw();
  try {
    const page = await loadMail(view.data.community.id, view.data.notificationsNext);
    view.data.notifications = [...view.data.notifications, ...page.items];
    view.data.notificationsNext = page.nextToken;
  } catch (e) {
    view.data.notificationsProblem = e instanceof Error ? e.message : String(e);
  } finally {
    loadingMore = false;
    view.draw();
  }
}

export function mailSection(view: View): TemplateResult {
  const { notifications, notificationsProblem, notificationsNext } = view.data;
  const heading = view.staff ? "Emails about this community" : "Emails sent to you about this community";
  return html`<section aria-labelledby="mail-heading">
    <h2 id="mail-heading">${heading}</h2>
    ${notificationsProblem ? html`<p class="inset">The emails could not be loaded: ${notificationsProblem}</p>` : nothing}
    ${notifications.length === 0 && !notificationsProblem
      ? html`<p>No emails yet.${view.staff ? "" : " Emails sent to your address about this community (decisions, plan checks, visits, grants) are listed here."}</p>`
      : html`<ul class="community-mail">
          ${notifications.map(
            (n) => html`<li>
              <p class="community-mail__subject">${n.subject}</p>
              <p class="community-mail__meta">To ${n.recipient} · <time datetime=${n.createdAt}>${dateTime(n.createdAt)}</time> · ${statusLabel(n.status)}</p>
              <details>
                <summary>Read the email<span class="visually-hidden">: ${n.subject}</span></summary>
                <p class="community-prose">${n.body}</p>
              </details>
            </li>`,
          )}
        </ul>`}
    ${notificationsNext
      ? html`<button type="button" class="button button--secondary" ?disabled=${loadingMore} @click=${() => void more(view)}>Show more emails</button>`
      : nothing}
  </section>`;
}
