import { html, nothing, type TemplateResult } from "lit-html";
import type { FieldError } from "../api/client";

/**
 * The GOV.UK Design System error pattern: a summary at the top linking to each field, and the message beside
 * the field. Field ids follow the API's field paths: `schools[1].roll` -> `schools-1-roll`.
 */
export function fieldId(path: string): string {
  return path.replace(/\[(\d+)\]/g, "-$1").replace(/\./g, "-");
}

export type Errors = Map<string, string>;

/** Field errors keyed by field id, in the order they came; several messages for one field are joined. */
export function errorsById(errors: FieldError[]): Errors {
  const out: Errors = new Map();
  for (const e of errors) {
    const id = fieldId(e.field);
    out.set(id, out.has(id) ? `${out.get(id)}; ${e.message}` : e.message);
  }
  return out;
}

/** The summary; focus it after rendering (focusErrorSummary) so the errors are announced. */
export function errorSummary(errors: Errors, labels: (id: string) => string = (id) => id, extra?: string): TemplateResult | typeof nothing {
  if (errors.size === 0 && !extra) return nothing;
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" data-error-summary>
    <h2 id="error-summary-title" class="error-summary__title">There is a problem</h2>
    ${extra ? html`<p>${extra}</p>` : nothing}
    <ul class="error-summary__list">
      ${[...errors].map(
        ([id, message]) => html`<li><a href="#${id}" @click=${(e: Event) => focusField(e, id)}>${labels(id)}: ${message}</a></li>`,
      )}
    </ul>
  </div>`;
}

function focusField(e: Event, id: string): void {
  // Hash links would trigger the router: move focus to the field instead.
  e.preventDefault();
  const field = document.getElementById(id);
  if (field) {
    field.scrollIntoView({ block: "center" });
    field.focus();
  }
}

export function focusErrorSummary(root: ParentNode = document): void {
  const summary = root.querySelector<HTMLElement>("[data-error-summary]");
  summary?.focus();
}

/** The message shown beside a field, tied to it by aria-describedby="<id>-error". */
export function fieldErrorMessage(errors: Errors, id: string): TemplateResult | typeof nothing {
  const message = errors.get(id);
  return message ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error:</span> ${message}</p>` : nothing;
}

/** aria-describedby value for a field: its hint (if any) and its error (if any). */
export function describedBy(errors: Errors, id: string, hint = false): string | typeof nothing {
  const ids = [hint ? `${id}-hint` : "", errors.has(id) ? `${id}-error` : ""].filter(Boolean);
  return ids.length ? ids.join(" ") : nothing;
}

/** A labelled text-like input with hint and error, wired for screen readers. */
export function textField(opts: {
  id: string;
  label: string;
  value: string;
  errors: Errors;
  hint?: string;
  type?: string;
  inputmode?: string;
  autocomplete?: string;
  required?: boolean;
  onInput: (value: string) => void;
  width?: "narrow" | "medium" | "full";
}): TemplateResult {
  const invalid = opts.errors.has(opts.id);
  return html`<div class="field ${invalid ? "field--error" : ""}">
    <label for=${opts.id}>${opts.label}</label>
    ${opts.hint ? html`<p class="hint" id="${opts.id}-hint">${opts.hint}</p>` : nothing}
    ${fieldErrorMessage(opts.errors, opts.id)}
    <input
      id=${opts.id}
      name=${opts.id}
      class="input input--${opts.width ?? "full"}"
      type=${opts.type ?? "text"}
      inputmode=${opts.inputmode ?? nothing}
      autocomplete=${opts.autocomplete ?? "off"}
      ?required=${opts.required ?? false}
      aria-invalid=${invalid ? "true" : "false"}
      aria-describedby=${describedBy(opts.errors, opts.id, !!opts.hint)}
      .value=${opts.value}
      @input=${(e: Event) => opts.onInput((e.target as HTMLInputElement).value)}
    />
  </div>`;
}
