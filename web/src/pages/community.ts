import { html } from "lit-html";
import { show, type PageContext } from "../ui/page";

/** TODO(issue 5): being built. */
export function communityPage(ctx: PageContext): void {
  show(ctx, "Community", html`<h1>Community</h1><p>Coming soon.</p>`);
}
