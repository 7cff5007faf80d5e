import { html, nothing, render } from "lit-html";
import { isSchool, isStaff, type Session } from "../auth/session";
import { SITE_NAME } from "./page";

interface NavItem {
  href: string;
  label: string;
}

function navItems(session: Session | null): NavItem[] {
  if (isStaff(session)) {
    return [
      { href: "#/staff/queue", label: "Review queue" },
      { href: "#/staff/communities", label: "Communities" },
      { href: "#/staff/summary", label: "Programme summary" },
      { href: "#/staff/funding", label: "Funding report" },
      { href: "#/notifications", label: "Notification log" },
    ];
  }
  if (isSchool(session)) {
    return [
      { href: "#/my", label: "My applications" },
      { href: "#/apply", label: "Apply" },
      { href: "#/notifications", label: "Notifications" },
    ];
  }
  return [];
}

/** The header: service name, who is signed in, and the navigation for their role (current page marked). */
export function renderHeader(session: Session | null, currentHash: string, signOut: () => void): void {
  const header = document.getElementById("site-header");
  if (!header) return;
  const items = navItems(session);
  const path = currentHash.split("?")[0] ?? "";
  const who = session
    ? isStaff(session)
      ? `${session.email} (programme staff)`
      : `${session.email} (school ${session.schoolNumber ?? "?"})`
    : "";
  render(
    html`<div class="site-header__bar">
        <a class="site-header__name" href="#/">${SITE_NAME}</a>
        ${session
          ? html`<div class="site-header__user"><span>${who}</span>
              <button type="button" class="link-button" @click=${signOut}>Sign out</button></div>`
          : nothing}
      </div>
      ${items.length
        ? html`<nav aria-label="Main" class="site-nav"><ul>
            ${items.map(
              (i) => html`<li><a href=${i.href} aria-current=${path === i.href || path.startsWith(`${i.href}/`) ? "page" : nothing}>${i.label}</a></li>`,
            )}
          </ul></nav>`
        : nothing}`,
    header,
  );
}
