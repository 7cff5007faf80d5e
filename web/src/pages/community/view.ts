import { html, nothing, type TemplateResult } from "lit-html";
import { ApiProblem, type FieldError } from "../../api/client";
import { errorSummary, fieldId, type Errors } from "../../ui/forms";
import type { PageContext } from "../../ui/page";
import type { Community, Funding, Notification, Plan } from "./model";

/** The community page's shared state: its data, who is looking, and what the last action left to show. */
export interface Data {
  community: Community;
  plans: Plan[];
  funding: Funding | null;
  fundingProblem?: string;
  notifications: Notification[];
  notificationsNext?: string;
  notificationsProblem?: string;
}

/** The forms of the page; only one shows its errors at a time (one error summary per page). */
export type FormName = "upload" | "review" | "roles" | "visit" | "grant" | "page";

export interface FormErrors {
  form: FormName;
  errors: Errors;
  /** A problem no field is named for (a 409, a 422, the service unreachable). */
  extra?: string;
}

export interface Notice {
  kind: "success" | "error";
  title: string;
  body?: string;
}

export interface View {
  ctx: PageContext;
  data: Data;
  staff: boolean;
  member: boolean;
  errors: FormErrors | null;
  /** The banner under the h1 after an action. */
  notice: Notice | null;
  draw(): void;
  /** Reloads the page's data (no loading state) and draws it. */
  refresh(): Promise<void>;
  /** Draws with the form's errors and moves focus to their summary. */
  fail(form: FormName, errors: Errors, extra?: string): void;
  /** Draws with a confirmation (or error) banner at the top and moves focus to it. */
  announce(notice: Notice): void;
  /** Fetches just the community again (no draw). */
  reloadCommunity(): Promise<void>;
  /** Fetches just the funding again (no draw). */
  reloadFunding(): Promise<void>;
}

/**
 * Places the API's field errors on the form's fields: ids follow the API's paths (fieldId), `alias` sends a
 * path to another field (the file's name, type and size to the file picker), and errors for a field the form
 * does not have are added to the summary's text.
 */
export function placeErrors(
  fieldErrors: FieldError[],
  label: (id: string) => string | undefined,
  alias: Record<string, string> = {},
): { errors: Errors; extra?: string } {
  const errors: Errors = new Map();
  const others: string[] = [];
  for (const e of fieldErrors) {
    const id = alias[e.field] ?? fieldId(e.field);
    if (label(id) === undefined) {
      others.push(`${e.field}: ${e.message}`);
      continue;
    }
    errors.set(id, errors.has(id) ? `${errors.get(id)}; ${e.message}` : e.message);
  }
  return { errors, extra: others.length ? others.join(". ") : undefined };
}

/** What an API failure of a form's request shows: field errors for a 400, else the problem's detail. */
export function problemErrors(
  error: unknown,
  label: (id: string) => string | undefined,
  alias: Record<string, string> = {},
): { errors: Errors; extra?: string } {
  if (error instanceof ApiProblem) {
    if (error.errors.length) {
      const placed = placeErrors(error.errors, label, alias);
      return { errors: placed.errors, extra: placed.extra ?? (placed.errors.size ? undefined : error.detail) };
    }
    return { errors: new Map(), extra: error.detail || error.title };
  }
  return { errors: new Map(), extra: error instanceof Error ? error.message : String(error) };
}

/**
 * How every form on this page starts a submit: ignored while one is in flight; the browser's checks shown if
 * they fail; else the form is marked busy and its last errors cleared. True when the request should go.
 */
export function startSubmit(view: View, form: FormName, state: { busy: boolean }, check: () => Errors): boolean {
  if (state.busy) return false;
  const errors = check();
  if (errors.size) {
    view.fail(form, errors);
    return false;
  }
  state.busy = true;
  view.errors = null;
  view.draw();
  return true;
}

/** The API refused a form's request: its errors on the form (problemErrors), which can be sent again. */
export function submitFailed(
  view: View,
  form: FormName,
  state: { busy: boolean },
  error: unknown,
  label: (id: string) => string | undefined,
  alias: Record<string, string> = {},
): void {
  state.busy = false;
  const placed = problemErrors(error, label, alias);
  view.fail(form, placed.errors, placed.extra);
}

/** The error summary for one form, when it is that form's turn. */
export function formSummary(view: View, form: FormName, label: (id: string) => string | undefined): TemplateResult | typeof nothing {
  if (view.errors?.form !== form) return nothing;
  return errorSummary(view.errors.errors, (id) => label(id) ?? id, view.errors.extra);
}

/** The errors a form's fields show (none unless it is that form's turn). */
export function formErrors(view: View, form: FormName): Errors {
  return view.errors?.form === form ? view.errors.errors : new Map();
}

export function noticeBanner(notice: Notice | null): TemplateResult | typeof nothing {
  if (!notice) return nothing;
  return html`<div class="banner ${notice.kind === "success" ? "banner--success" : "community-banner--error"}" role=${notice.kind === "success" ? "status" : "alert"}
      aria-labelledby="notice-title" tabindex="-1" data-notice>
    <h2 class="banner__title" id="notice-title">${notice.title}</h2>
    ${notice.body ? html`<p>${notice.body}</p>` : nothing}
  </div>`;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
