import { html } from "lit-html";
import { show, type PageContext } from "../ui/page";

/** TODO(issue 5): being built. */
export function applicationPage(ctx: PageContext): void {
  show(ctx, "Application", html`<h1>Application</h1><p>Coming soon.</p>`);
}
