import { html, nothing } from "lit-html";
import { localSignIn, type LocalUser } from "../auth/local";
import { errorsById, errorSummary, focusErrorSummary, textField, type Errors } from "../ui/forms";
import { show, type PageContext } from "../ui/page";

/** Example users for local mode: the schools of the API's worked examples, and a programme officer. */
const PRESETS: Array<LocalUser & { label: string }> = [
  { label: "Mere Rāwiri, Ōtaki School (9101), Kāhui Ako", sub: "school-9101", email: "tumuaki@otaki.example.school.nz", group: "school", schoolNumber: "9101" },
  { label: "Sarah Cole, Wyke Oaks Primary School (8352001), school improvement", sub: "school-8352001", email: "head@wyke.example.sch.uk", group: "school", schoolNumber: "8352001" },
  { label: "Programme officer (staff)", sub: "staff-1", email: "programme-office@example.org", group: "staff" },
];

/** `#/sign-in`: the Cognito hosted UI in AWS; in local mode a developer sign-in that picks a user. */
export function signInPage(ctx: PageContext): void {
  const returnTo = safeReturn(ctx.query.get("returnTo"));
  const expired = ctx.query.get("expired") === "1";
  if (ctx.config.mode === "cognito") {
    const cognito = ctx.config.cognito;
    show(ctx, "Sign in", html`<h1>Sign in</h1>
      ${expired ? html`<p class="inset" role="status">Your session ended. Sign in again to carry on.</p>` : nothing}
      <p>Schools and programme staff sign in with the account the programme office gave them.</p>
      <button class="button" type="button" @click=${() => void import("../auth/cognito").then((m) => m.cognitoSignIn(cognito, returnTo))}>Sign in</button>`);
    return;
  }
  const apiBaseUrl = ctx.config.apiBaseUrl;
  const state = { preset: "0", custom: { group: "school" as "school" | "staff", schoolNumber: "", email: "" }, errors: new Map() as Errors, problem: "", busy: false };

  const draw = () =>
    show(ctx, "Sign in (local mode)", html`<h1>Sign in (local mode)</h1>
      ${errorSummary(state.errors, (id) => (id === "schoolNumber" ? "School number" : id === "email" ? "Email" : id), state.problem || undefined)}
      ${expired ? html`<p class="inset" role="status">Your session ended. Sign in again to carry on.</p>` : nothing}
      <p>This is the local runner's developer sign-in: pick who to be. In AWS this page sends you to the programme's Cognito sign-in instead.</p>
      <form novalidate @submit=${submit}>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">Who are you?</legend>
          <div class="radios">
            ${PRESETS.map(
              (p, i) => html`<div class="radio">
                <input type="radio" id="preset-${i}" name="preset" value=${String(i)} .checked=${state.preset === String(i)}
                  @change=${() => { state.preset = String(i); draw(); }} />
                <label for="preset-${i}">${p.label}</label></div>`,
            )}
            <div class="radio">
              <input type="radio" id="preset-custom" name="preset" value="custom" .checked=${state.preset === "custom"}
                @change=${() => { state.preset = "custom"; draw(); }} />
              <label for="preset-custom">Someone else</label>
            </div>
          </div>
        </fieldset>
        ${state.preset === "custom"
          ? html`<fieldset class="fieldset">
              <legend class="fieldset__legend">Someone else</legend>
              <div class="field">
                <label for="group">Role</label>
                <select id="group" class="select" .value=${state.custom.group}
                  @change=${(e: Event) => { state.custom.group = (e.target as HTMLSelectElement).value as "school" | "staff"; draw(); }}>
                  <option value="school" ?selected=${state.custom.group === "school"}>School user</option>
                  <option value="staff" ?selected=${state.custom.group === "staff"}>Programme staff</option>
                </select>
              </div>
              ${state.custom.group === "school"
                ? textField({ id: "schoolNumber", label: "School number", hint: "Digits only, as the programme knows your school.", value: state.custom.schoolNumber, errors: state.errors, inputmode: "numeric", width: "medium", onInput: (v) => (state.custom.schoolNumber = v) })
                : nothing}
              ${textField({ id: "email", label: "Email", type: "email", autocomplete: "email", value: state.custom.email, errors: state.errors, onInput: (v) => (state.custom.email = v) })}
            </fieldset>`
          : nothing}
        <button class="button" type="submit" ?disabled=${state.busy}>Sign in</button>
      </form>`);

  async function submit(e: Event): Promise<void> {
    e.preventDefault();
    if (state.busy) return;
    let user: LocalUser;
    if (state.preset === "custom") {
      const c = state.custom;
      const errors = [];
      if (c.group === "school" && !/^[0-9]{1,10}$/.test(c.schoolNumber.trim())) errors.push({ field: "schoolNumber", message: "Enter your school number, digits only" });
      if (!/^[^@\s]+@[^@\s]+$/.test(c.email.trim())) errors.push({ field: "email", message: "Enter an email address like name@school.example" });
      state.errors = errorsById(errors);
      state.problem = "";
      if (errors.length) {
        draw();
        focusErrorSummary(ctx.root);
        return;
      }
      const email = c.email.trim();
      user = { sub: `${c.group}-${c.group === "school" ? c.schoolNumber.trim() : email}`, email, group: c.group, ...(c.group === "school" ? { schoolNumber: c.schoolNumber.trim() } : {}) };
    } else {
      const p = PRESETS[Number(state.preset)]!;
      user = { sub: p.sub, email: p.email, group: p.group, ...(p.schoolNumber ? { schoolNumber: p.schoolNumber } : {}) };
    }
    state.busy = true;
    draw();
    try {
      await localSignIn(apiBaseUrl, user);
      ctx.navigate(returnTo);
    } catch (err) {
      state.busy = false;
      state.errors = new Map();
      state.problem = err instanceof Error ? err.message : String(err);
      draw();
      focusErrorSummary(ctx.root);
    }
  }

  draw();
}

/** Only this site's own hash routes are followed after sign-in. */
function safeReturn(value: string | null): string {
  return value && value.startsWith("#/") && !value.startsWith("#/sign-in") ? value : "#/";
}
