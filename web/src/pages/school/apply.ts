import { html } from "lit-html";
import { show, type PageContext } from "../../ui/page";

/** TODO(issue 5): being built. */
export function applyPage(ctx: PageContext): void {
  show(ctx, "Apply to form a community", html`<h1>Apply to form a community</h1><p>Coming soon.</p>`);
}
