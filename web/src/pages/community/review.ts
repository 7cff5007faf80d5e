import { html, nothing, type TemplateResult } from "lit-html";
import { api, ApiProblem, call } from "../../api/client";
import { describedBy, fieldErrorMessage, type Errors } from "../../ui/forms";
import {
  allocationAliases,
  allocationIds,
  allocationLabel,
  allocationRequest,
  checkAllocation,
  emptyAllocation,
  type AllocationDraft,
} from "./allocation";
import { endorsementRecordsRoles } from "./funding-status";
import type { Plan } from "./model";
import { downloadButton, planNoun } from "./plans";
import { allocationFields, awaitRolesReleased } from "./roles";
import { formErrors, formSummary, sleep, startSubmit, submitFailed, type View } from "./view";

/**
 * Staff review a RECEIVED kahui-ako plan: download it, then endorse it (naming the member school employing the
 * community leader and, while the community's roles are not yet recorded, the roles each member school generated)
 * or ask for changes (with what to change). A school-improvement action plan is reviewed by challenge visits instead.
 */
interface ReviewState {
  planId: string;
  decision: "" | "ENDORSED" | "CHANGES_REQUESTED";
  leaderSchoolNumber: string;
  comments: string;
  allocation: AllocationDraft;
  busy: boolean;
}

const IDS = allocationIds("roles");

const states = new WeakMap<View, ReviewState>();

function stateFor(view: View, plan: Plan): ReviewState {
  let s = states.get(view);
  if (!s || s.planId !== plan.planId) {
    s = { planId: plan.planId, decision: "", leaderSchoolNumber: "", comments: "", allocation: emptyAllocation(view.data.community.members), busy: false };
    states.set(view, s);
  }
  return s;
}

const LABELS: Record<string, string> = {
  decision: "Decision",
  leaderSchoolNumber: "School employing the community leader",
  comments: "Comments",
};
function labeller(s: ReviewState): (id: string) => string | undefined {
  const allocation = allocationLabel(s.allocation, IDS);
  return (id) => LABELS[id] ?? allocation(id);
}

/** Whether this endorsement carries the allocation: the community's roles are not recorded yet. */
function withAllocation(view: View, s: ReviewState): boolean {
  return s.decision === "ENDORSED" && endorsementRecordsRoles(view.data.funding);
}

/** The plan awaiting review, if staff may review one here. */
export function planToReview(view: View): Plan | undefined {
  if (!view.staff || view.data.community.programme !== "kahui-ako") return undefined;
  return view.data.plans.find((p) => p.status === "RECEIVED");
}

function check(view: View, s: ReviewState): Errors {
  const errors: Errors = new Map();
  if (!s.decision) errors.set("decision", "Select whether to endorse the plan or ask for changes");
  if (s.decision === "ENDORSED" && !s.leaderSchoolNumber) errors.set("leaderSchoolNumber", "Select the school that employs the community leader");
  if (withAllocation(view, s)) for (const [id, message] of checkAllocation(s.allocation, IDS)) errors.set(id, message);
  if (s.decision === "CHANGES_REQUESTED" && !s.comments.trim()) errors.set("comments", "Enter what the community needs to change");
  if ([...s.comments].length > 4000) errors.set("comments", "Comments must be 4000 characters or fewer");
  return errors;
}

async function submit(view: View, plan: Plan, e: Event): Promise<void> {
  e.preventDefault();
  const s = stateFor(view, plan);
  if (!startSubmit(view, "review", s, () => check(view, s))) return;
  const id = view.data.community.id;
  const allocation = withAllocation(view, s) ? allocationRequest(s.allocation) : null;
  const body = {
    decision: s.decision as "ENDORSED" | "CHANGES_REQUESTED",
    ...(s.comments.trim() ? { comments: s.comments } : {}),
    ...(s.decision === "ENDORSED" ? { leaderSchoolNumber: s.leaderSchoolNumber } : {}),
    ...(allocation ? { roleAllocation: allocation.body } : {}),
  };
  try {
    const decided = await call(api().POST("/communities/{id}/plans/{planId}/decision", { params: { path: { id, planId: plan.planId } }, body }));
    s.busy = false;
    states.delete(view);
    // The plan's status is the decision now; the community's own status follows from the stream a moment later.
    for (let i = 0; i < 10; i++) {
      await view.reloadCommunity();
      const now = view.data.plans.find((p) => p.planId === plan.planId);
      const communityDone = decided.decision !== "ENDORSED" || view.data.community.status === "ENDORSED";
      if ((!now || now.status !== "RECEIVED") && communityDone) break;
      await sleep(1000);
    }
    await view.refresh();
    view.announce(
      decided.decision !== "ENDORSED"
        ? { kind: "success", title: `Changes requested to plan version ${decided.planVersion}`, body: "The community has been told what to change; it will upload a new version." }
        : decided.releasesRoles
          ? { kind: "success", title: `Plan version ${decided.planVersion} endorsed`, body: "The community has been told. Its roles were recorded with the endorsement; their funding records follow in a moment: see Funding." }
          : { kind: "success", title: `Plan version ${decided.planVersion} endorsed`, body: "The community has been told. Its roles were recorded before, so this endorsement adds no funding." },
    );
    if (decided.releasesRoles) void awaitRolesReleased(view);
  } catch (err) {
    s.busy = false;
    if (err instanceof ApiProblem && err.status === 409 && err.body.type === "/problems/roles-already-recorded") {
      // The roles were recorded meanwhile (staff, on this community's page): the decision can go again without them.
      await view.reloadFunding();
      view.fail("review", new Map(), "The community's roles were recorded meanwhile, so this endorsement cannot record them again. Send the decision again: it now goes without them.");
      return;
    }
    if (err instanceof ApiProblem && err.status === 409) {
      // Decided already (by someone else, or the plan is no longer RECEIVED): show the plan as it is now.
      states.delete(view);
      await view.refresh();
      view.fail("page", new Map(), `Plan version ${plan.version} could not be decided: ${err.detail}. The page now shows its current status.`);
      return;
    }
    submitFailed(view, "review", s, err, labeller(s), allocation ? allocationAliases(allocation.sent, "roleAllocation.", IDS) : {});
  }
}

export function reviewSection(view: View, plan: Plan): TemplateResult {
  const s = stateFor(view, plan);
  const errors = formErrors(view, "review");
  const members = view.data.community.members;
  const redraw = () => view.draw();
  const decisionInvalid = errors.has("decision");
  return html`<section aria-labelledby="review-heading" class="community-form">
    <h3 id="review-heading">Review plan version ${plan.version}</h3>
    ${formSummary(view, "review", labeller(s))}
    <p>Read the ${planNoun(view.data.community.programme)} (${plan.fileName}), then endorse it or ask the community for changes.</p>
    <p>${downloadButton(view, plan)}</p>
    <form novalidate @submit=${(e: Event) => void submit(view, plan, e)}>
      <div class="field ${decisionInvalid ? "field--error" : ""}">
        <fieldset class="fieldset" aria-describedby=${describedBy(errors, "decision")}>
          <legend class="fieldset__legend">Your decision</legend>
          ${fieldErrorMessage(errors, "decision")}
          <div class="radios">
            <div class="radio">
              <input type="radio" id="decision" name="decision" value="ENDORSED" .checked=${s.decision === "ENDORSED"}
                @change=${() => { s.decision = "ENDORSED"; redraw(); }} />
              <label for="decision">Endorse the plan</label>
            </div>
            <div class="radio">
              <input type="radio" id="decision-changes" name="decision" value="CHANGES_REQUESTED" .checked=${s.decision === "CHANGES_REQUESTED"}
                @change=${() => { s.decision = "CHANGES_REQUESTED"; redraw(); }} />
              <label for="decision-changes">Ask for changes</label>
            </div>
          </div>
        </fieldset>
      </div>
      ${s.decision === "ENDORSED"
        ? html`<div class="field ${errors.has("leaderSchoolNumber") ? "field--error" : ""}">
            <label for="leaderSchoolNumber">${LABELS.leaderSchoolNumber}</label>
            <p class="hint" id="leaderSchoolNumber-hint">The leader's allowance depends on the type of this school.</p>
            ${fieldErrorMessage(errors, "leaderSchoolNumber")}
            <select id="leaderSchoolNumber" class="select community-input--wide" aria-describedby=${describedBy(errors, "leaderSchoolNumber", true)}
              aria-invalid=${errors.has("leaderSchoolNumber") ? "true" : "false"}
              @change=${(e: Event) => (s.leaderSchoolNumber = (e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${s.leaderSchoolNumber === ""}>Select a school</option>
              ${members.map((m) => html`<option value=${m.schoolNumber} ?selected=${s.leaderSchoolNumber === m.schoolNumber}>${m.name} (${m.schoolNumber})</option>`)}
            </select>
          </div>
          ${withAllocation(view, s)
            ? allocationFields(s.allocation, IDS, errors, redraw)
            : html`<p class="inset">The community's roles were recorded before, so this endorsement records none and adds no funding.</p>`}`
        : nothing}
      <div class="field ${errors.has("comments") ? "field--error" : ""}">
        <label for="comments">${s.decision === "CHANGES_REQUESTED" ? "What needs to change" : "Comments (optional)"}</label>
        <p class="hint" id="comments-hint">Sent to the community's contact.</p>
        ${fieldErrorMessage(errors, "comments")}
        <textarea id="comments" class="textarea" rows="4" aria-describedby=${describedBy(errors, "comments", true)}
          aria-invalid=${errors.has("comments") ? "true" : "false"} .value=${s.comments}
          @input=${(e: Event) => (s.comments = (e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <button type="submit" class="button" ?disabled=${s.busy}>${s.busy ? "Sending…" : "Send decision"}</button>
    </form>
  </section>`;
}
