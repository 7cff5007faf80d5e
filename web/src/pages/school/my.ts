import { html, nothing, type TemplateResult } from "lit-html";
import { ApiProblem, api, call, SignedOut, type Schemas } from "../../api/client";
import { date, programmeName } from "../../ui/format";
import { failure, loading, show, takeFlash, type PageContext } from "../../ui/page";
import { statusTag } from "../../ui/tags";
import { communityIdsToFetch, mergePage, type MyApplication } from "./my-applications";

const TITLE = "My applications";
export const PAGE_SIZE = 20;

/**
 * `#/my`: the applications that name the signed-in user's school, newest first (GET /expressions-of-interest),
 * a page at a time with "Show more"; each links to its page and, once approved, to the community it formed.
 */
export async function myPage(ctx: PageContext): Promise<void> {
  const school = ctx.session?.schoolNumber ?? "";
  const current = ctx.isCurrent;
  loading(ctx, TITLE);
  const flash = takeFlash();
  const state: { items: MyApplication[]; nextToken?: string; busy: boolean; problem: string; status: string } = {
    items: [],
    busy: false,
    problem: "",
    status: "",
  };

  try {
    await loadPage(undefined);
  } catch (e) {
    if (current()) failure(ctx, e);
    return;
  }

  /** One page, with the community of each approved application the summary does not name. */
  async function loadPage(nextToken: string | undefined): Promise<number> {
    const page: Schemas["EoiPage"] = await call(api().GET("/expressions-of-interest", {
      params: { query: { limit: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) } },
    }));
    const items: MyApplication[] = page.items.map((s) => ({ ...s }));
    const ids = communityIdsToFetch(items);
    const details = await Promise.all(ids.map((id) =>
      call(api().GET("/expressions-of-interest/{id}", { params: { path: { id } } })).then(
        (d) => [id, d.communityId] as const,
        // The list still shows the application; only its community link is missing.
        () => [id, undefined] as const,
      )));
    const communities = new Map(details);
    for (const item of items) {
      if (!item.communityId && communities.get(item.id)) item.communityId = communities.get(item.id);
    }
    state.items = mergePage(state.items, items);
    state.nextToken = page.nextToken;
    return items.length;
  }

  async function showMore(): Promise<void> {
    if (state.busy || !state.nextToken) return;
    const before = state.items.length;
    state.busy = true;
    state.problem = "";
    draw();
    try {
      const added = await loadPage(state.nextToken);
      state.status = `${added} more application${added === 1 ? "" : "s"} shown, ${state.items.length} in all.`;
      state.busy = false;
      if (!current()) return;
      draw();
      // Keyboard users carry on from the first application just shown (or stay put if none came).
      const link = ctx.root.querySelector<HTMLElement>(`[data-row="${before}"] a`);
      (link ?? ctx.root.querySelector<HTMLElement>("#show-more"))?.focus();
    } catch (e) {
      state.busy = false;
      if (e instanceof SignedOut) return;
      state.problem = e instanceof ApiProblem ? e.detail : e instanceof Error ? e.message : String(e);
      if (current()) draw();
    }
  }

  function row(a: MyApplication, i: number): TemplateResult {
    return html`<tr data-row=${i}>
      <th scope="row"><a href="#/applications/${a.id}">${a.communityName}</a>
        <span class="my-applications__programme">${programmeName(a.programme)}</span></th>
      <td>${date(a.submittedAt)}</td>
      <td>${statusTag(a.status)}
        ${a.status === "APPROVED" && a.communityId
          ? html`<a class="my-applications__community" href="#/communities/${a.communityId}">View community<span class="visually-hidden"> ${a.communityName}</span></a>`
          : a.status === "APPROVED" ? html`<span class="my-applications__community">Community link not available just now</span>` : nothing}</td>
    </tr>`;
  }

  function draw(): void {
    if (!current()) return;
    const items = state.items;
    show(ctx, TITLE, html`<h1>${TITLE}</h1>
      ${flash}
      ${items.length === 0
        ? html`<h2>No applications yet</h2>
          <p>Your school (${school}) is not named in any application to form a community.</p>
          <p>To work with other schools, <a href="#/apply">apply to form a community</a>. Any school in the group can apply;
            the application then shows here for every school it names.</p>`
        : html`<p>Applications that name your school (${school}), newest first.</p>
          <p><a href="#/apply" class="button button--secondary">Apply to form a community</a></p>
          <div class="table-wrap">
            <table class="my-applications">
              <caption>Applications naming school ${school}</caption>
              <thead><tr>
                <th scope="col">Community</th>
                <th scope="col">Submitted</th>
                <th scope="col">Status</th>
              </tr></thead>
              <tbody>${items.map(row)}</tbody>
            </table>
          </div>
          ${state.problem ? html`<div class="error-summary" role="alert"><h2 class="error-summary__title">There is a problem</h2><p>${state.problem}</p></div>` : nothing}
          ${state.nextToken
            ? html`<button type="button" class="button button--secondary" id="show-more" ?disabled=${state.busy} @click=${showMore}>
                ${state.busy ? "Loading more…" : "Show more applications"}</button>`
            : html`<p class="hint">${items.length === 1 ? "This is your school’s only application." : `All ${items.length} applications are shown.`}</p>`}
          <p class="visually-hidden" role="status">${state.status}</p>`}`);
  }

  draw();
}
