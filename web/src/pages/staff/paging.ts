import { html, nothing, type TemplateResult } from "lit-html";

/**
 * List pages keep their filters and place in the URL (`#/staff/queue?status=APPROVED&nextToken=…&page=2`), so a
 * filtered list can be bookmarked, shared and reloaded, and the browser's Back button goes back a page.
 */
export function listHash(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && String(v) !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `#${path}?${s}` : `#${path}`;
}

/** The page number shown to people (1 when absent or nonsense). */
export function pageNumber(query: URLSearchParams): number {
  const n = Number(query.get("page"));
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The opaque token for this page, if any (passed back to the API unchanged). */
export function nextTokenOf(query: URLSearchParams): string | undefined {
  return query.get("nextToken") || undefined;
}

/** "Page 2", a link back to the first page, and "Next page" while the API says there is more. */
export function pagination(path: string, filters: Record<string, string | undefined>, page: number, nextToken: string | undefined): TemplateResult | typeof nothing {
  if (page === 1 && !nextToken) return nothing;
  return html`<nav class="pagination" aria-label="Pages">
    <p class="pagination__page">Page ${page}</p>
    <ul class="pagination__links">
      ${page > 1 ? html`<li><a href=${listHash(path, filters)}>First page</a></li>` : nothing}
      ${nextToken ? html`<li><a rel="next" href=${listHash(path, { ...filters, nextToken, page: page + 1 })}>Next page</a></li>` : nothing}
    </ul>
  </nav>`;
}
