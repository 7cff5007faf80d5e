import { html } from "lit-html";
import { show, type PageContext } from "../../ui/page";

/** TODO(issue 5): being built. */
export function communitiesPage(ctx: PageContext): void {
  show(ctx, "Communities", html`<h1>Communities</h1><p>Coming soon.</p>`);
}
