import { html } from "lit-html";
import { show, type PageContext } from "../../ui/page";

/** TODO(issue 5): being built. */
export function queuePage(ctx: PageContext): void {
  show(ctx, "Review queue", html`<h1>Review queue</h1><p>Coming soon.</p>`);
}
