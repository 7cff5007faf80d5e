import { html, nothing, type TemplateResult } from "lit-html";
import { repeat } from "lit-html/directives/repeat.js";
import { ApiProblem, api, call, SignedOut, type FieldError, type Schemas } from "../../api/client";
import { describedBy, errorsById, errorSummary, fieldId, focusErrorSummary, type Errors } from "../../ui/forms";
import { setFlash, show, type PageContext } from "../../ui/page";
import {
  addSchool,
  clearDraft,
  idempotencyFor,
  loadDraft,
  newForm,
  removeSchool,
  saveDraft,
  type FormState,
} from "./eoi-form-state";
import {
  besideMessage,
  CHALLENGE_AREAS,
  characterCount,
  checkEoi,
  claimedErrors,
  fieldLabels,
  MAX_RATIONALE,
  MAX_SCHOOLS,
  placeErrors,
  PROGRAMMES,
  SCHOOL_TYPES,
  toRequest,
  type ChallengeAreaId,
  type SchoolRow,
} from "./eoi-rules";

const TITLE = "Apply to form a community";

/**
 * `#/apply`: a school's expression of interest. Checked in the browser with the API's rules (eoi-rules.ts),
 * then sent once with an Idempotency-Key; the API's own errors (400 by field, 409 for schools already claimed)
 * are shown beside the fields they name, and what was typed stays.
 */
export function applyPage(ctx: PageContext): void {
  const session = ctx.session!;
  const current = ctx.isCurrent;
  const ownSchool = session.schoolNumber;
  const draft = loadDraft(session.sub);
  const state: FormState & {
    problem: string;
    busy: boolean;
    rowsStatus: string;
    countStatus: string;
  } = {
    form: draft?.form ?? newForm(ownSchool),
    idempotency: draft?.idempotency ?? null,
    errors: [],
    problem: "",
    busy: false,
    rowsStatus: "",
    countStatus: "",
  };
  let countTimer: ReturnType<typeof setTimeout> | undefined;
  const form = () => state.form;
  const changed = () => saveDraft(session.sub, state);

  const draw = () => {
    if (!current()) return;
    const errors = errorsById(state.errors);
    const labels = new Map([...fieldLabels(state.form)].map(([path, label]) => [fieldId(path), label]));
    const hasErrors = errors.size > 0 || state.problem !== "";
    show(ctx, hasErrors ? `Error: ${TITLE}` : TITLE, html`<h1>${TITLE}</h1>
      ${errorSummary(errors, (id) => labels.get(id) ?? id, state.problem || undefined)}
      <p>Tell the programme office which schools want to work together. Your school (${ownSchool}) must be one of them.
        All questions must be answered unless they say they are optional.</p>
      <form class="eoi-form" novalidate @submit=${submit}>
        ${programmeFields(errors)}
        ${communityFields(errors)}
        ${contactFields(errors)}
        ${schoolsFields(errors)}
        ${challengeFields(errors)}
        ${rationaleField(errors)}
        <p class="visually-hidden" role="status">${state.busy ? "Submitting your application…" : ""}</p>
        <button class="button" type="submit" ?disabled=${state.busy}>Submit application</button>
      </form>`);
  };

  const invalid = (errors: Errors, id: string) => (errors.has(id) ? "true" : "false");
  const fieldClass = (errors: Errors, id: string) => `field ${errors.has(id) ? "field--error" : ""}`;
  // A group's own error marks the group, not every input in it.
  const groupClass = (errors: Errors, id: string) => `eoi-group ${errors.has(id) ? "eoi-group--error" : ""}`;

  /** The message beside a field (GOV.UK: above its input), tied to it by aria-describedby="<id>-error". */
  function fieldErrorMessage(errors: Errors, id: string, subject: string): TemplateResult | typeof nothing {
    const message = errors.get(id);
    return message
      ? html`<p class="field-error" id="${id}-error"><span class="visually-hidden">Error:</span> ${besideMessage(subject, message)}</p>`
      : nothing;
  }

  function programmeFields(errors: Errors): TemplateResult {
    return html`<div class=${groupClass(errors, "programme")}>
      <fieldset class="fieldset" aria-describedby=${describedBy(errors, "programme")}>
        <legend class="fieldset__legend"><h2 class="eoi-legend-heading">Programme</h2></legend>
        ${fieldErrorMessage(errors, "programme", "Programme")}
        <div class="radios">
          ${PROGRAMMES.map((p, i) => {
            const id = i === 0 ? "programme" : `programme-${p.id}`;
            return html`<div class="radio">
              <input type="radio" id=${id} name="programme" value=${p.id} .checked=${form().programme === p.id}
                aria-describedby="${id}-hint"
                @change=${() => { form().programme = p.id; changed(); draw(); }} />
              <div><label for=${id}>${p.label}</label><p class="hint" id="${id}-hint">${p.hint}</p></div>
            </div>`;
          })}
        </div>
      </fieldset>
    </div>`;
  }

  function input(opts: {
    id: string; label: string | TemplateResult; value: string; errors: Errors; hint?: string; type?: string;
    inputmode?: string; autocomplete?: string; width?: string; subject: string; onInput: (v: string) => void;
  }): TemplateResult {
    return html`<div class=${fieldClass(opts.errors, opts.id)}>
      <label for=${opts.id}>${opts.label}</label>
      ${opts.hint ? html`<p class="hint" id="${opts.id}-hint">${opts.hint}</p>` : nothing}
      ${fieldErrorMessage(opts.errors, opts.id, opts.subject)}
      <input id=${opts.id} name=${opts.id} class="input ${opts.width ? `input--${opts.width}` : ""}" type=${opts.type ?? "text"}
        inputmode=${opts.inputmode ?? nothing} autocomplete=${opts.autocomplete ?? "off"} spellcheck="false"
        aria-invalid=${invalid(opts.errors, opts.id)} aria-describedby=${describedBy(opts.errors, opts.id, !!opts.hint)}
        .value=${opts.value} @input=${(e: Event) => { opts.onInput((e.target as HTMLInputElement).value); changed(); }} />
    </div>`;
  }

  function communityFields(errors: Errors): TemplateResult {
    return html`<h2>The community</h2>
      ${input({ id: "communityName", label: "Community name", subject: "Community name", hint: "3 to 120 characters, as it should be written, for example Ōtaki Kāhui Ako.",
        value: form().communityName, errors, onInput: (v) => (form().communityName = v) })}
      ${input({ id: "region", label: "Region (optional)", subject: "Region", hint: "For example Wellington or Dorset.", width: "medium",
        value: form().region, errors, onInput: (v) => (form().region = v) })}`;
  }

  function contactFields(errors: Errors): TemplateResult {
    const c = form().contact;
    return html`<fieldset class="fieldset" id="contact" tabindex="-1" aria-describedby="contact-hint">
      <legend class="fieldset__legend"><h2 class="eoi-legend-heading">Contact</h2></legend>
      <p class="hint" id="contact-hint">Who the programme office should contact about this application. We send the confirmation to this email address.</p>
      ${fieldErrorMessage(errors, "contact", "Contact")}
      ${input({ id: "contact-name", label: "Full name", subject: "Full name", autocomplete: "name", value: c.name, errors, onInput: (v) => (c.name = v) })}
      ${input({ id: "contact-email", label: "Email address", subject: "Email address", type: "email", autocomplete: "email", value: c.email, errors, onInput: (v) => (c.email = v) })}
      ${input({ id: "contact-phone", label: "Phone number (optional)", subject: "Phone number", type: "tel", autocomplete: "tel", width: "medium",
        hint: "Digits, spaces, brackets and dashes, with a leading + for an international number.", value: c.phone, errors, onInput: (v) => (c.phone = v) })}
    </fieldset>`;
  }

  function schoolsFields(errors: Errors): TemplateResult {
    const rows = form().schools;
    const endorsementRequired = PROGRAMMES.find((p) => p.id === form().programme)?.requiresBoardEndorsement;
    return html`<div class=${groupClass(errors, "schools")}>
      <fieldset class="fieldset" id="schools" tabindex="-1" aria-describedby=${describedBy(errors, "schools", true)}>
        <legend class="fieldset__legend"><h2 class="eoi-legend-heading">Schools</h2></legend>
        <div class="hint" id="schools-hint">
          <p>List 2 to ${MAX_SCHOOLS} schools, including your own. At least 2 must be state schools (not early learning services or tertiary providers).</p>
          <p>School numbers are digits only. Roll is the number of pupils (a whole number up to 10,000). Teacher FTE is full-time-equivalent
            teachers, with up to 2 decimal places, for example 11.5. ${endorsementRequired ? "For Kāhui Ako every school’s board must endorse the application." : ""}</p>
        </div>
        ${fieldErrorMessage(errors, "schools", "Schools")}
        <div class="table-wrap eoi-schools-wrap">
          <table class="eoi-schools">
            <caption class="visually-hidden">Schools in the proposed community</caption>
            <thead>
              <tr>
                <th scope="col">School</th>
                <th scope="col">School number</th>
                <th scope="col">Name</th>
                <th scope="col">Type</th>
                <th scope="col" class="num">Roll</th>
                <th scope="col" class="num">Teacher FTE</th>
                <th scope="col">Board endorsed</th>
                <th scope="col"><span class="visually-hidden">Action</span></th>
              </tr>
            </thead>
            <tbody>
              ${repeat(rows, (r) => r.key, (row, i) => schoolRow(row, i, rows.length, errors))}
            </tbody>
          </table>
        </div>
        ${rows.length < MAX_SCHOOLS
          ? html`<button type="button" class="button button--secondary" id="add-school" @click=${onAdd}>Add another school</button>`
          : html`<p class="inset" id="add-school" tabindex="-1">You have listed ${MAX_SCHOOLS} schools, the most an application can have.</p>`}
        <p class="visually-hidden" role="status">${state.rowsStatus}</p>
      </fieldset>
    </div>`;
  }

  function schoolRow(row: SchoolRow, i: number, count: number, errors: Errors): TemplateResult {
    const n = i + 1;
    const id = (f: string) => `schools-${i}-${f}`;
    const label = (f: string, text: string) => html`<label class="eoi-cell-label" for=${id(f)}><span class="visually-hidden">School ${n} </span>${text}</label>`;
    const cell = (f: string, content: TemplateResult, extra = "") =>
      html`<td class="eoi-cell ${extra} ${errors.has(id(f)) ? "eoi-cell--error" : ""}">${content}</td>`;
    const textInput = (f: "schoolNumber" | "name" | "roll" | "teacherFte", text: string, inputmode?: string) =>
      cell(f, html`${label(f, text)}${fieldErrorMessage(errors, id(f), text)}
        <input id=${id(f)} name=${id(f)} class="input eoi-input--${f}" type="text" inputmode=${inputmode ?? nothing} autocomplete="off" spellcheck="false"
          aria-invalid=${invalid(errors, id(f))} aria-describedby=${describedBy(errors, id(f))}
          .value=${row[f]} @input=${(e: Event) => { row[f] = (e.target as HTMLInputElement).value; changed(); }} />`);
    return html`<tr class="eoi-school">
      <th scope="row" id=${`schools-${i}`} tabindex="-1" class="eoi-school__heading">School ${n}${row.schoolNumber.trim() === ownSchool ? html` <span class="eoi-own">(your school)</span>` : nothing}
        ${fieldErrorMessage(errors, `schools-${i}`, `School ${n}`)}</th>
      ${textInput("schoolNumber", "School number", "numeric")}
      ${textInput("name", "Name")}
      ${cell("type", html`${label("type", "Type")}${fieldErrorMessage(errors, id("type"), "Type")}
        <select id=${id("type")} name=${id("type")} class="select" aria-invalid=${invalid(errors, id("type"))} aria-describedby=${describedBy(errors, id("type"))}
          @change=${(e: Event) => { row.type = (e.target as HTMLSelectElement).value as SchoolRow["type"]; changed(); }}>
          <option value="" ?selected=${row.type === ""}>Choose a type</option>
          ${SCHOOL_TYPES.map((t) => html`<option value=${t.id} ?selected=${row.type === t.id}>${t.label}</option>`)}
        </select>`)}
      ${textInput("roll", "Roll", "numeric")}
      ${textInput("teacherFte", "Teacher FTE", "decimal")}
      ${cell("boardEndorsed", html`${fieldErrorMessage(errors, id("boardEndorsed"), "Board endorsement")}
        <div class="checkbox">
          <input type="checkbox" id=${id("boardEndorsed")} name=${id("boardEndorsed")} .checked=${row.boardEndorsed}
            aria-invalid=${invalid(errors, id("boardEndorsed"))} aria-describedby=${describedBy(errors, id("boardEndorsed"))}
            @change=${(e: Event) => { row.boardEndorsed = (e.target as HTMLInputElement).checked; changed(); }} />
          <label for=${id("boardEndorsed")}><span class="visually-hidden">School ${n} </span><span class="eoi-endorsed-text">Board endorsed</span></label>
        </div>`)}
      <td class="eoi-cell eoi-cell--action">
        ${count > 1
          ? html`<button type="button" class="link-button" id=${`remove-school-${i}`} @click=${() => onRemove(i)}>Remove<span class="visually-hidden"> school ${n}</span></button>`
          : nothing}
      </td>
    </tr>`;
  }

  function challengeFields(errors: Errors): TemplateResult {
    return html`<div class=${groupClass(errors, "proposedChallenges")}>
      <fieldset class="fieldset" aria-describedby=${describedBy(errors, "proposedChallenges", true)}>
        <legend class="fieldset__legend"><h2 class="eoi-legend-heading">Challenge areas</h2></legend>
        <p class="hint" id="proposedChallenges-hint">Choose the areas the schools want to work on together: at least 1, at most 5.</p>
        ${fieldErrorMessage(errors, "proposedChallenges", "Challenge areas")}
        <div class="checkboxes">
          ${CHALLENGE_AREAS.map((c, i) => {
            const id = i === 0 ? "proposedChallenges" : `proposedChallenges-${c.id}`;
            return html`<div class="checkbox">
              <input type="checkbox" id=${id} name="proposedChallenges" value=${c.id} aria-describedby="${id}-hint"
                .checked=${form().proposedChallenges.includes(c.id)} @change=${(e: Event) => toggleChallenge(c.id, (e.target as HTMLInputElement).checked)} />
              <div><label for=${id}>${c.label}</label><p class="hint" id="${id}-hint">${c.hint}</p></div>
            </div>`;
          })}
        </div>
      </fieldset>
    </div>`;
  }

  function toggleChallenge(id: ChallengeAreaId, on: boolean): void {
    const rest = form().proposedChallenges.filter((c) => c !== id);
    form().proposedChallenges = on ? [...rest, id] : rest;
    changed();
  }

  function rationaleField(errors: Errors): TemplateResult {
    const count = characterCount(form().rationale);
    return html`<h2>Rationale</h2>
      <div class=${fieldClass(errors, "rationale")}>
        <label for="rationale">Why do these schools want to work together? (optional)</label>
        <p class="hint" id="rationale-hint">You can enter up to ${MAX_RATIONALE.toLocaleString("en-NZ")} characters.</p>
        ${fieldErrorMessage(errors, "rationale", "Rationale")}
        <textarea id="rationale" name="rationale" class="textarea" rows="8" aria-invalid=${invalid(errors, "rationale")}
          aria-describedby=${describedBy(errors, "rationale", true)} .value=${form().rationale}
          @input=${(e: Event) => onRationale((e.target as HTMLTextAreaElement).value)}></textarea>
        <p class="hint eoi-count ${count.over ? "eoi-count--over" : ""}" id="rationale-count" aria-hidden="true">${count.text}</p>
        <p class="visually-hidden" aria-live="polite" id="rationale-status">${state.countStatus}</p>
      </div>`;
  }

  function onRationale(value: string): void {
    form().rationale = value;
    changed();
    draw();
    // Announced once typing pauses, not at every key (GOV.UK character count).
    clearTimeout(countTimer);
    countTimer = setTimeout(() => {
      state.countStatus = characterCount(form().rationale).text;
      draw();
    }, 1000);
  }

  function onAdd(): void {
    const index = addSchool(state);
    if (index < 0) return;
    state.rowsStatus = `School ${index + 1} added. ${form().schools.length} schools listed.`;
    changed();
    draw();
    document.getElementById(`schools-${index}-schoolNumber`)?.focus();
  }

  function onRemove(index: number): void {
    if (!removeSchool(state, index)) return;
    const count = form().schools.length;
    state.rowsStatus = `School ${index + 1} removed. ${count} school${count === 1 ? "" : "s"} listed.`;
    changed();
    draw();
    // Focus where the removed row was: the row that took its place, else the one before it.
    const target = index < count ? index : count - 1;
    document.getElementById(`schools-${target}-schoolNumber`)?.focus();
  }

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    if (state.busy) return; // a second click while the first is in flight sends nothing
    const found = checkEoi(form(), ownSchool);
    state.problem = "";
    if (found.length) {
      state.errors = found;
      draw();
      focusErrorSummary(ctx.root);
      return;
    }
    const body = toRequest(form());
    state.idempotency = idempotencyFor(state.idempotency, JSON.stringify(body));
    const key = state.idempotency.key;
    state.errors = [];
    state.busy = true;
    changed();
    draw();
    try {
      const eoi: Schemas["ExpressionOfInterest"] = await call(api().POST("/expressions-of-interest", {
        body,
        headers: { "Idempotency-Key": key },
        // The exact body the key is kept for, so a retry sends the same bytes.
        bodySerializer: () => state.idempotency!.body,
      }));
      clearDraft(session.sub);
      if (!current()) return; // the user went elsewhere; the application is in "My applications"
      setFlash("Application submitted",
        `Your reference is ${eoi.id}. We have sent a confirmation to ${eoi.contact.email}. Programme staff will review the application and let you know their decision.`);
      ctx.navigate(`#/applications/${eoi.id}`);
    } catch (err) {
      state.busy = false;
      if (err instanceof SignedOut) return; // the draft is kept; signing in again brings it back
      changed();
      if (!current()) return;
      showProblem(err);
      draw();
      focusErrorSummary(ctx.root);
    }
  }

  function showProblem(err: unknown): void {
    if (!(err instanceof ApiProblem)) {
      state.problem = err instanceof Error ? err.message : String(err);
      return;
    }
    const detail = sentence(err.detail || err.title);
    if (err.status === 409 && Array.isArray(err.body.claimedSchoolNumbers)) {
      state.errors = claimedErrors(err.body.claimedSchoolNumbers as string[], form(), form().programme);
      state.problem = `${detail}. Remove these schools, or change their numbers if they were mistyped.`;
      return;
    }
    if (err.status === 422) state.idempotency = null; // the next try gets a fresh key
    const placed = placeErrors(err.errors as FieldError[], form());
    state.errors = placed.fields;
    const whole = err.detail && err.detail !== err.title ? `${err.title}. ${detail}.` : `${detail}.`;
    state.problem = placed.other.length ? `${placed.other.join(". ")}.` : placed.fields.length ? "" : whole;
  }

  draw();
}

/** The API's detail as a sentence for the summary ("these schools…" → "These schools…"). */
function sentence(s: string): string {
  const t = s.trim().replace(/\.$/, "");
  return t.charAt(0).toUpperCase() + t.slice(1);
}
