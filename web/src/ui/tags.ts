import { html, type TemplateResult } from "lit-html";
import { statusLabel } from "./format";

const COLOURS: Record<string, string> = {
  SUBMITTED: "tag--yellow",
  APPROVED: "tag--green",
  DECLINED: "tag--red",
  FORMED: "tag--green",
  ENDORSED: "tag--green",
  RECEIVED: "tag--yellow",
  REJECTED: "tag--red",
  CHANGES_REQUESTED: "tag--red",
  AWAITING_UPLOAD: "tag--grey",
};

/** A status as a coloured tag; the text carries the meaning, colour only helps. */
export function statusTag(status: string): TemplateResult {
  return html`<strong class="tag ${COLOURS[status] ?? ""}">${statusLabel(status)}</strong>`;
}
