import { html, nothing, type TemplateResult } from "lit-html";
import { PROGRAMMES, programmeName } from "../../ui/format";
import { describedBy, fieldErrorMessage, type Errors } from "../../ui/forms";

/**
 * The programme choice of the staff filter forms. A programme from the URL that the list does not know stays
 * selected, so the API's error beside the field describes what is shown.
 */
export function programmeField(errors: Errors, programme: string, onChange: (programme: string) => void): TemplateResult {
  return html`<div class="field ${errors.has("programme") ? "field--error" : ""}">
    <label for="programme">Programme</label>
    ${fieldErrorMessage(errors, "programme")}
    <select id="programme" name="programme" class="select" aria-describedby=${describedBy(errors, "programme")}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value)}>
      ${PROGRAMMES.map((p) => html`<option value=${p} ?selected=${p === programme}>${programmeName(p)}</option>`)}
      ${(PROGRAMMES as readonly string[]).includes(programme) ? nothing : html`<option value=${programme} selected>${programme}</option>`}
    </select>
  </div>`;
}
