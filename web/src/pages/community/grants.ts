import { html, nothing, type TemplateResult } from "lit-html";
import { api, call } from "../../api/client";
import { money, statusLabel } from "../../ui/format";
import { describedBy, fieldErrorMessage, type Errors } from "../../ui/forms";
import { programmeCurrency } from "./model";
import { formErrors, formSummary, sleep, startSubmit, submitFailed, type View } from "./view";

/**
 * Staff award a school-improvement cluster a grant (POST /communities/{id}/grants): a purpose its policy names,
 * an amount in the programme's currency as a decimal string, and an optional description. The funding record
 * follows from the stream a moment later.
 */
export const GRANT_PURPOSES = ["COURSES", "EMPLOYER_ENGAGEMENT", "OTHER"] as const;
type Purpose = (typeof GRANT_PURPOSES)[number];

interface GrantState {
  purpose: "" | Purpose;
  amount: string;
  description: string;
  busy: boolean;
}

const states = new WeakMap<View, GrantState>();
/** A grant whose funding record the table's stream has not written yet. */
const pending = new WeakMap<View, string>();

function recorded(view: View, grantId: string): boolean {
  return view.data.funding?.records.some((r) => r.inputs.grantId === grantId) ?? false;
}

/** The funding record follows from the stream a moment after the grant: look for it for up to 30 s, then show it. */
async function awaitRecord(view: View, grantId: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!recorded(view, grantId) && Date.now() < deadline) {
    await sleep(1000);
    await view.reloadFunding();
  }
  if (pending.get(view) === grantId) pending.delete(view);
  view.draw();
}

/** Said in the funding section while a new grant's record is on its way. */
export function grantPendingNote(view: View): TemplateResult | typeof nothing {
  const grantId = pending.get(view);
  if (!grantId || recorded(view, grantId)) return nothing;
  return html`<p class="inset">The grant's funding record is being written; it appears here in a moment.</p>`;
}

function stateOf(view: View): GrantState {
  let s = states.get(view);
  if (!s) {
    s = { purpose: "", amount: "", description: "", busy: false };
    states.set(view, s);
  }
  return s;
}

const LABELS: Record<string, string> = { purpose: "Purpose", "amount-value": "Amount", description: "Description" };
const label = (id: string): string | undefined => LABELS[id];
const ALIAS = { amount: "amount-value", "amount.currency": "amount-value" };

/** The API's amount rule: a positive decimal string with at most two decimals, at most 10,000,000.00. */
export function amountProblem(value: string): string | null {
  const v = value.trim().replace(/,/g, "");
  if (v === "") return "Enter the amount of the grant";
  if (!/^[0-9]{1,15}(\.[0-9]{1,2})?$/.test(v)) return "Enter the amount as a number with up to two decimal places, like 12000.00";
  const [whole = "0", fraction = ""] = v.split(".");
  const pence = BigInt(whole) * 100n + BigInt((fraction + "00").slice(0, 2));
  if (pence <= 0n) return "The amount must be more than zero";
  if (pence > 1_000_000_000n) return "The amount must be 10,000,000.00 or less";
  return null;
}

function check(s: GrantState): Errors {
  const errors: Errors = new Map();
  if (!s.purpose) errors.set("purpose", "Select the purpose of the grant");
  const amount = amountProblem(s.amount);
  if (amount) errors.set("amount-value", amount);
  if ([...s.description].length > 2000) errors.set("description", "Description must be 2000 characters or fewer");
  return errors;
}

async function submit(view: View, e: Event): Promise<void> {
  e.preventDefault();
  const s = stateOf(view);
  if (!startSubmit(view, "grant", s, () => check(s))) return;
  const currency = programmeCurrency(view.data.community.programme);
  try {
    const grant = await call(api().POST("/communities/{id}/grants", {
      params: { path: { id: view.data.community.id } },
      body: {
        purpose: s.purpose as Purpose,
        amount: { value: s.amount.trim().replace(/,/g, ""), currency },
        ...(s.description.trim() ? { description: s.description } : {}),
      },
    }));
    states.delete(view);
    pending.set(view, grant.grantId);
    await view.refresh();
    view.announce({
      kind: "success",
      title: "Grant awarded",
      body: `${money(grant.amount.value, grant.amount.currency)} for ${statusLabel(grant.purpose).toLowerCase()}. The cluster's contact and programme staff have been emailed.`,
    });
    void awaitRecord(view, grant.grantId);
  } catch (err) {
    submitFailed(view, "grant", s, err, label, ALIAS);
  }
}

export function grantForm(view: View): TemplateResult {
  const s = stateOf(view);
  const errors = formErrors(view, "grant");
  const currency = programmeCurrency(view.data.community.programme);
  return html`<section aria-labelledby="grant-heading" class="community-form">
    <h3 id="grant-heading">Award a grant</h3>
    ${formSummary(view, "grant", label)}
    <form novalidate @submit=${(e: Event) => void submit(view, e)}>
      <div class="field ${errors.has("purpose") ? "field--error" : ""}">
        <fieldset class="fieldset" aria-describedby=${describedBy(errors, "purpose")}>
          <legend class="fieldset__legend">${LABELS.purpose}</legend>
          ${fieldErrorMessage(errors, "purpose")}
          <div class="radios">
            ${GRANT_PURPOSES.map(
              (p, i) => html`<div class="radio">
                <input type="radio" id=${i === 0 ? "purpose" : `purpose-${p}`} name="purpose" value=${p} .checked=${s.purpose === p}
                  @change=${() => (s.purpose = p)} />
                <label for=${i === 0 ? "purpose" : `purpose-${p}`}>${statusLabel(p)}</label>
              </div>`,
            )}
          </div>
        </fieldset>
      </div>
      <div class="field ${errors.has("amount-value") ? "field--error" : ""}">
        <label for="amount-value">Amount in ${currency}</label>
        <p class="hint" id="amount-value-hint">For example, 12000.00 (up to two decimal places).</p>
        ${fieldErrorMessage(errors, "amount-value")}
        <input id="amount-value" class="input input--medium" type="text" inputmode="decimal" autocomplete="off" .value=${s.amount}
          aria-describedby=${describedBy(errors, "amount-value", true)} aria-invalid=${errors.has("amount-value") ? "true" : "false"}
          @input=${(e: Event) => (s.amount = (e.target as HTMLInputElement).value)} />
      </div>
      <div class="field ${errors.has("description") ? "field--error" : ""}">
        <label for="description">Description (optional)</label>
        <p class="hint" id="description-hint">What the grant pays for. Sent to the cluster's contact.</p>
        ${fieldErrorMessage(errors, "description")}
        <textarea id="description" class="textarea" rows="3" .value=${s.description}
          aria-describedby=${describedBy(errors, "description", true)} aria-invalid=${errors.has("description") ? "true" : "false"}
          @input=${(e: Event) => (s.description = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <button type="submit" class="button" ?disabled=${s.busy}>${s.busy ? "Awarding…" : "Award grant"}</button>
    </form>
  </section>`;
}
