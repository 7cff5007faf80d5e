import { html, render, type TemplateResult } from "lit-html";
import { ApiProblem, SignedOut } from "../api/client";
import type { Session } from "../auth/session";
import type { RuntimeConfig } from "../config";

export const SITE_NAME = "School collaboration programmes";

/** What a page gets from the router. */
export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  session: Session | null;
  config: RuntimeConfig;
  root: HTMLElement;
  navigate: (hash: string) => void;
  /** Re-runs the current route (after an action changed what it shows). */
  reload: () => void;
  /** False once the user has moved on: a page still loading must not draw over the next one. */
  isCurrent: () => boolean;
}

export type PageFn = (ctx: PageContext) => Promise<void> | void;

/**
 * Renders a page into <main>: sets the document title, and after a route change moves focus to the h1 and
 * announces the title, so keyboard and screen-reader users know the page changed.
 */
export function show(ctx: PageContext, title: string, content: TemplateResult): void {
  if (!ctx.isCurrent()) return;
  document.title = `${title} – ${SITE_NAME}`;
  render(content, ctx.root);
  if (ctx.root.dataset.focusPending === "true") {
    ctx.root.dataset.focusPending = "false";
    const h1 = ctx.root.querySelector<HTMLElement>("h1");
    if (h1) {
      h1.tabIndex = -1;
      h1.focus({ preventScroll: false });
    }
    const announcer = document.getElementById("announcer");
    if (announcer) announcer.textContent = title;
  }
}

export function loading(ctx: PageContext, title: string): void {
  if (!ctx.isCurrent()) return;
  document.title = `${title} – ${SITE_NAME}`;
  render(html`<h1>${title}</h1><p class="loading" role="status">Loading…</p>`, ctx.root);
}

/** A page whose data could not be loaded: not found, not allowed, or the service failing. */
export function failure(ctx: PageContext, error: unknown): void {
  if (error instanceof SignedOut || !ctx.isCurrent()) return;
  if (error instanceof ApiProblem && error.status === 404) {
    show(ctx, "Page not found", html`<h1>Page not found</h1><p>It may have been removed, or you may not have access to it.</p>
      <p><a href="#/">Go to your home page</a></p>`);
    return;
  }
  if (error instanceof ApiProblem && error.status === 403) {
    show(ctx, "You cannot see this page", html`<h1>You cannot see this page</h1><p>${error.detail}</p><p><a href="#/">Go to your home page</a></p>`);
    return;
  }
  const detail = error instanceof ApiProblem ? error.detail : error instanceof Error ? error.message : String(error);
  show(ctx, "Sorry, there is a problem", html`<h1>Sorry, there is a problem</h1>
    <p>${detail}</p><p><button class="button button--secondary" @click=${() => ctx.reload()}>Try again</button></p>`);
}

/** A short message confirming an action, for the top of the next page (GOV.UK notification banner). */
let flash: { title: string; body: string } | null = null;

export function setFlash(title: string, body = ""): void {
  flash = { title, body };
}

export function takeFlash(): TemplateResult | string {
  const f = flash;
  flash = null;
  if (!f) return "";
  return html`<div class="banner banner--success" role="status" aria-labelledby="banner-title">
    <h2 class="banner__title" id="banner-title">${f.title}</h2>
    ${f.body ? html`<p>${f.body}</p>` : ""}
  </div>`;
}
