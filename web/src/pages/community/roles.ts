import { html, nothing, type TemplateResult } from "lit-html";
import { api, ApiProblem, call } from "../../api/client";
import { describedBy, fieldErrorMessage, type Errors } from "../../ui/forms";
import {
  allocationAliases,
  allocationIds,
  allocationLabel,
  allocationOutcome,
  allocationRequest,
  checkAllocation,
  emptyAllocation,
  MAX_MERGED,
  MAX_ROLES_PER_SCHOOL,
  MERGE_RATE,
  releasesSentence,
  type AllocationDraft,
  type AllocationIds,
} from "./allocation";
import { rolesState } from "./funding-status";
import type { Member } from "./model";
import { formErrors, formSummary, sleep, startSubmit, submitFailed, type View } from "./view";

/**
 * The role allocation's fields (in the endorsement form, and in the form for a community endorsed before its roles
 * were recorded), and that second form: staff record the roles with POST /communities/{id}/role-allocation, and
 * the page follows the funding until the roles are released.
 */
export function allocationFields(draft: AllocationDraft, ids: AllocationIds, errors: Errors, redraw: () => void): TemplateResult {
  const outcome = allocationOutcome(draft);
  const hint = `${ids.all}-hint`;
  return html`<fieldset class="fieldset community-allocation" id=${ids.all} tabindex="-1"
      aria-describedby=${[hint, errors.has(ids.all) ? `${ids.all}-error` : ""].filter(Boolean).join(" ")}>
    <legend class="fieldset__legend">Roles the Ministry's staffing system generated</legend>
    <p class="hint" id=${hint}>For each member school, the roles it generated as their employing board: whole numbers from 0 to ${MAX_ROLES_PER_SCHOOL}, 0 where it generated none.</p>
    ${fieldErrorMessage(errors, ids.all)}
    ${draft.schools.map((s) => {
      const across = ids.input("across", s.schoolNumber);
      const within = ids.input("within", s.schoolNumber);
      const input = (id: string, value: string, set: (v: string) => void, label: string) => html`<div class="field ${errors.has(id) ? "field--error" : ""}">
        <label for=${id}>${label}</label>
        ${fieldErrorMessage(errors, id)}
        <input id=${id} name=${id} class="input input--narrow" type="text" inputmode="numeric" autocomplete="off" .value=${value}
          aria-invalid=${errors.has(id) ? "true" : "false"} aria-describedby=${describedBy(errors, id)}
          @input=${(e: Event) => { set((e.target as HTMLInputElement).value); redraw(); }} />
      </div>`;
      return html`<fieldset class="fieldset community-school-roles">
        <legend class="fieldset__legend">${s.name} (${s.schoolNumber})</legend>
        <div class="community-roles">
          ${input(across, s.across, (v) => (s.across = v), "Across-school roles")}
          ${input(within, s.within, (v) => (s.within = v), "Within-school roles")}
        </div>
      </fieldset>`;
    })}
    <div class="field ${errors.has(ids.merged) ? "field--error" : ""}">
      <fieldset class="fieldset" aria-describedby=${describedBy(errors, ids.merged, true)}>
        <legend class="fieldset__legend">Extra across-school roles from merging within-school roles</legend>
        <p class="hint" id="${ids.merged}-hint">Each takes ${MERGE_RATE} within-school roles (what is left is rounded down); at most ${MAX_MERGED}, at the community's request.</p>
        ${fieldErrorMessage(errors, ids.merged)}
        <div class="radios">
          ${Array.from({ length: MAX_MERGED + 1 }, (_, n) => {
            const id = n === 0 ? ids.merged : `${ids.merged}-${n}`;
            return html`<div class="radio">
              <input type="radio" id=${id} name=${ids.merged} value=${String(n)} .checked=${draft.merged === n}
                @change=${() => { draft.merged = n; redraw(); }} />
              <label for=${id}>${n === 0 ? "None" : n === 1 ? "1 extra across-school role" : `${n} extra across-school roles`}</label>
            </div>`;
          })}
        </div>
      </fieldset>
    </div>
    <p class="community-allocation__outcome" role="status">${outcome ?? ""}</p>
  </fieldset>`;
}

/** Looks at the funding every second, for up to 30 s, until the roles are released; then draws. */
export async function awaitRolesReleased(view: View): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (rolesState(view.data.funding) !== "RELEASED" && Date.now() < deadline) {
    await sleep(1000);
    await view.reloadFunding();
    view.draw();
  }
}

interface HeldState {
  draft: AllocationDraft;
  busy: boolean;
}

const states = new WeakMap<View, HeldState>();
const IDS = allocationIds("held-roles");

function stateOf(view: View, members: Member[]): HeldState {
  let s = states.get(view);
  if (!s) {
    s = { draft: emptyAllocation(members), busy: false };
    states.set(view, s);
  }
  return s;
}

async function submit(view: View, e: Event): Promise<void> {
  e.preventDefault();
  const s = stateOf(view, view.data.community.members);
  const label = allocationLabel(s.draft, IDS);
  if (!startSubmit(view, "roles", s, () => checkAllocation(s.draft, IDS))) return;
  const request = allocationRequest(s.draft);
  try {
    const recorded = await call(api().POST("/communities/{id}/role-allocation", { params: { path: { id: view.data.community.id } }, body: request.body }));
    states.delete(view);
    await view.refresh();
    view.announce({
      kind: "success",
      title: "Roles recorded",
      body: `Being released now: ${releasesSentence(recorded.releases)} Their funding records appear under Funding in a moment.`,
    });
    void awaitRolesReleased(view);
  } catch (err) {
    if (err instanceof ApiProblem && (err.status === 409 || err.status === 422)) {
      // Recorded meanwhile, or not (or no longer) a community whose roles can be recorded: show it as it is now.
      s.busy = false;
      states.delete(view);
      await view.refresh();
      view.fail("page", new Map(), `The roles could not be recorded: ${err.detail}. The page now shows the funding as it is.`);
      return;
    }
    submitFailed(view, "roles", s, err, label, allocationAliases(request.sent, "", IDS));
  }
}

/**
 * For staff, where the plan was endorsed before endorsements carried the roles (ROLES AWAITING_ALLOCATION): the
 * form that records them.
 */
export function heldRolesSection(view: View): TemplateResult | typeof nothing {
  if (!view.staff || rolesState(view.data.funding) !== "AWAITING_ALLOCATION") return nothing;
  const s = stateOf(view, view.data.community.members);
  const errors = formErrors(view, "roles");
  return html`<section aria-labelledby="held-roles-heading" class="community-form">
    <h3 id="held-roles-heading">Record the community's roles</h3>
    ${formSummary(view, "roles", allocationLabel(s.draft, IDS))}
    <p>The plan was endorsed before endorsements recorded the roles, so none has been released yet. Enter the roles the
      Ministry's staffing system generated; the community leader's school is the one named when the plan was endorsed.</p>
    <form novalidate @submit=${(e: Event) => void submit(view, e)}>
      ${allocationFields(s.draft, IDS, errors, () => view.draw())}
      <button type="submit" class="button" ?disabled=${s.busy}>${s.busy ? "Recording…" : "Record roles"}</button>
    </form>
  </section>`;
}
