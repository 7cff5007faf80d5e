import type { PageContext } from "../../ui/page";

let opened = 0;

/**
 * Whether this page is still the one on screen. The router starts a new page on every route change without
 * cancelling the one before, so a page that awaits (a fetch, a timer) checks before it draws: the hash must be
 * the one it was opened for, and no later page of this portal may have opened since on the same hash.
 */
export function pageGuard(ctx: PageContext): () => boolean {
  const token = String(++opened);
  const hash = window.location.hash;
  ctx.root.dataset.schoolPortalPage = token;
  return () => window.location.hash === hash && ctx.root.dataset.schoolPortalPage === token;
}
