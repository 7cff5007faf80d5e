import { html } from "lit-html";
import { show, type PageContext } from "../../ui/page";

/** TODO(issue 5): being built. */
export function summaryPage(ctx: PageContext): void {
  show(ctx, "Programme summary", html`<h1>Programme summary</h1><p>Coming soon.</p>`);
}
