import { html, type TemplateResult } from "lit-html";
import type { ApiProblem } from "../../api/client";

/**
 * A list the API refused to read (a 400 for a filter or a page link it did not issue, such as an old bookmark):
 * said in the error summary, with a way back to the list's first page.
 */
export function listProblem(problem: ApiProblem, firstPage: string): TemplateResult {
  const messages = problem.errors.length ? problem.errors.map((e) => `${e.field}: ${e.message}`) : [problem.detail];
  return html`<div class="error-summary" role="alert" aria-labelledby="list-problem-title" tabindex="-1" data-error-summary>
      <h2 id="list-problem-title" class="error-summary__title">This list could not be shown</h2>
      <ul class="error-summary__list">${messages.map((m) => html`<li>${m}</li>`)}</ul>
    </div>
    <p><a href=${firstPage}>Go to the first page of the list</a></p>`;
}
