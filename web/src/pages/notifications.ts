import { html } from "lit-html";
import { show, type PageContext } from "../ui/page";

/** TODO(issue 5): being built. */
export function notificationsPage(ctx: PageContext): void {
  show(ctx, "Notifications", html`<h1>Notifications</h1><p>Coming soon.</p>`);
}
