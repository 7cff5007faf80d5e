import { html } from "lit-html";
import { show, type PageContext } from "../../ui/page";

/** TODO(issue 5): being built. */
export function myPage(ctx: PageContext): void {
  show(ctx, "My applications", html`<h1>My applications</h1><p>Coming soon.</p>`);
}
