import { html, nothing, type TemplateResult } from "lit-html";
import { dateTime } from "./format";

export interface TimelineEvent {
  /** ISO-8601 time. */
  at: string;
  title: string;
  detail?: string | TemplateResult;
}

/** What happened, oldest first, as an ordered list (the order is the meaning). */
export function timeline(events: TimelineEvent[], label = "What has happened"): TemplateResult {
  const sorted = [...events].sort((a, b) => a.at.localeCompare(b.at));
  return html`<ol class="timeline" aria-label=${label}>
    ${sorted.map(
      (e) => html`<li>
        <p class="timeline__title">${e.title}</p>
        <p class="timeline__time"><time datetime=${e.at}>${dateTime(e.at)}</time></p>
        ${e.detail ? html`<p>${e.detail}</p>` : nothing}
      </li>`,
    )}
  </ol>`;
}
