import { html, nothing } from "lit-html";
import { api, call } from "../api/client";
import { isSchool, isStaff } from "../auth/session";
import { dateTime, programmeName } from "../ui/format";
import { focusErrorSummary } from "../ui/forms";
import { loading, show, takeFlash, type PageContext } from "../ui/page";
import { statusTag } from "../ui/tags";
import { timeline } from "../ui/timeline";
import { fundingSection } from "./community/funding";
import { loadMail, mailSection } from "./community/mail";
import { membersSection } from "./community/members";
import { plansOf, type Community, type FundingRecord } from "./community/model";
import { planNoun, plansSectionStatus, plansTable } from "./community/plans";
import { planToReview, reviewSection } from "./community/review";
import { communityEvents } from "./community/timeline-events";
import { uploadSection } from "./community/upload";
import { formSummary, noticeBanner, type Data, type View } from "./community/view";
import { visitsSection } from "./community/visits";

/** The view on screen now: a view left behind (another page, or this one opened again) draws nothing more. */
let current: View | null = null;

/**
 * `#/communities/:id`: a community as its member schools and programme staff see it (the API answers 404 to
 * anyone else): its members, what has happened, its plan versions (members upload, staff review), a cluster's
 * challenge visits, its funding, and the emails about it.
 */
export async function communityPage(ctx: PageContext): Promise<void> {
  const id = ctx.params.id ?? "";
  const hash = window.location.hash;
  loading(ctx, "Community");
  const community = await getCommunity(id);
  const data: Data = { community, plans: plansOf(community), funding: null, notifications: [] };
  await Promise.all([loadFunding(data), loadNotifications(data)]);
  const flash = takeFlash();
  const session = ctx.session;

  const view: View = {
    ctx,
    data,
    staff: isStaff(session),
    member: isSchool(session) && community.members.some((m) => m.schoolNumber === session?.schoolNumber),
    errors: null,
    notice: null,
    draw,
    refresh: async () => {
      await Promise.all([view.reloadCommunity(), loadFunding(data), loadNotifications(data)]);
      draw();
    },
    reloadCommunity: async () => {
      const c = await getCommunity(id);
      data.community = c;
      data.plans = plansOf(c);
    },
    reloadFunding: () => loadFunding(data),
    fail: (form, errors, extra) => {
      view.errors = { form, errors, extra };
      view.notice = null;
      draw();
      focusErrorSummary(ctx.root);
    },
    announce: (notice) => {
      view.notice = notice;
      view.errors = null;
      draw();
      const banner = ctx.root.querySelector<HTMLElement>("[data-notice]");
      banner?.focus();
      banner?.scrollIntoView({ block: "start" });
    },
  };
  current = view;

  function draw(): void {
    if (current !== view || window.location.hash !== hash) return;
    const c = data.community;
    const review = planToReview(view);
    show(ctx, c.name, html`
      <p><a href=${view.staff ? "#/staff/communities" : "#/my"}>${view.staff ? "All communities" : "Your applications"}</a></p>
      <h1>${c.name}</h1>
      <p class="community-meta"><span>${programmeName(c.programme)}</span> ${statusTag(c.status)}</p>
      ${flash}
      ${noticeBanner(view.notice)}
      ${formSummary(view, "page", () => undefined)}
      <dl class="summary-list community-summary">
        <div><dt>Programme</dt><dd>${programmeName(c.programme)}</dd></div>
        <div><dt>Status</dt><dd>${statusTag(c.status)}</dd></div>
        ${c.region ? html`<div><dt>Region</dt><dd>${c.region}</dd></div>` : nothing}
        ${c.wave ? html`<div><dt>Approval wave</dt><dd>${c.wave}</dd></div>` : nothing}
        <div><dt>Formed</dt><dd>${dateTime(c.formedAt)}</dd></div>
        <div><dt>Contact</dt><dd>${c.contact.name}<br />${c.contact.email}${c.contact.phone ? html`<br />${c.contact.phone}` : nothing}</dd></div>
        <div><dt>Application</dt><dd><a href="#/applications/${c.eoiId}">The application that formed it</a></dd></div>
      </dl>
      ${membersSection(c.members)}
      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">What has happened</h2>
        ${timeline(communityEvents(c, data.plans, (data.funding?.records ?? []) as FundingRecord[]), `What has happened to ${c.name}, oldest first`)}
      </section>
      <section aria-labelledby="plans-heading">
        <h2 id="plans-heading">${capitalise(planNoun(c.programme))}</h2>
        ${c.programme === "school-improvement"
          ? html`<p>Programme staff review each version on their challenge visits.</p>`
          : html`<p>Programme staff endorse the plan, or ask for changes.</p>`}
        ${plansTable(view)}
        ${plansSectionStatus(view)}
        ${review ? reviewSection(view, review) : nothing}
        ${uploadSection(view)}
      </section>
      ${visitsSection(view)}
      ${fundingSection(view)}
      ${mailSection(view)}
    `);
  }

  draw();
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function getCommunity(id: string): Promise<Community> {
  return call(api().GET("/communities/{id}", { params: { path: { id } } }));
}

async function loadFunding(data: Data): Promise<void> {
  try {
    data.funding = await call(api().GET("/communities/{id}/funding", { params: { path: { id: data.community.id } } }));
    data.fundingProblem = undefined;
  } catch (e) {
    data.fundingProblem = e instanceof Error ? e.message : String(e);
  }
}

async function loadNotifications(data: Data): Promise<void> {
  try {
    const page = await loadMail(data.community.id);
    data.notifications = page.items;
    data.notificationsNext = page.nextToken;
    data.notificationsProblem = undefined;
  } catch (e) {
    data.notificationsProblem = e instanceof Error ? e.message : String(e);
  }
}
