import { html, nothing, type TemplateResult } from "lit-html";
import { api, ApiProblem, call, type Schemas } from "../../api/client";
import { bytes, statusLabel } from "../../ui/format";
import { describedBy, fieldErrorMessage, fieldId, type Errors } from "../../ui/forms";
import { hasDocument } from "./model";
import { planNoun } from "./plans";
import {
  ACCEPT,
  CHALLENGE_AREAS,
  challengeLimits,
  checkChallenges,
  checkFile,
  SNIFF_BYTES,
  sniffProblem,
  type ChallengeDraft,
} from "./upload-rules";
import { formErrors, formSummary, problemErrors, sleep, type View } from "./view";

/**
 * A member school uploads a plan version: what the plan commits to and its file, checked here first (the
 * server's own rules: upload-rules.ts); then POST /communities/{id}/plans registers it and answers with a
 * presigned PUT, which sends the file straight to S3 (XMLHttpRequest, for the progress bar); then the page asks
 * GET /communities/{id} every second until the stored file has been checked: RECEIVED, or REJECTED with why.
 */
type Phase = "idle" | "registering" | "uploading" | "checking";

interface UploadResult {
  kind: "received" | "rejected" | "pending";
  version: number;
  fileName: string;
  reason?: string;
}

interface UploadState {
  challenges: ChallengeDraft[];
  file: File | null;
  phase: Phase;
  /** 0 to 100. */
  progress: number;
  /** What the live region says. */
  status: string;
  result: UploadResult | null;
}

const FILE = "plan-file";
const FILE_FIELDS = { fileName: FILE, contentType: FILE, sizeBytes: FILE };
const POLL_MS = 1000;
const POLL_LIMIT_MS = 30_000;

const states = new WeakMap<View, UploadState>();

function stateOf(view: View): UploadState {
  let s = states.get(view);
  if (!s) {
    const { min } = challengeLimits(view.data.community.programme);
    s = { challenges: Array.from({ length: min }, empty), file: null, phase: "idle", progress: 0, status: "", result: null };
    states.set(view, s);
  }
  return s;
}

function empty(): ChallengeDraft {
  return { area: "", description: "", measure: "" };
}

function labeller(view: View): (id: string) => string | undefined {
  const { noun } = challengeLimits(view.data.community.programme);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return (id) => {
    if (id === FILE) return "Plan document";
    if (id === "achievementChallenges") return `${Noun}s`;
    const m = /^achievementChallenges-(\d+)-(area|description|measure)$/.exec(id);
    if (!m) return undefined;
    const n = Number(m[1]) + 1;
    return `${Noun} ${n} ${m[2] === "area" ? "area" : m[2]}`;
  };
}

/** Checks the chosen file as the server will: name, type, size, and its first bytes. */
async function fileProblem(file: File | null): Promise<string | null> {
  if (!file) return "Select the plan document to upload";
  const checked = checkFile(file);
  if (!checked.ok) return checked.message;
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  return sniffProblem(head, checked.contentType);
}

async function chooseFile(view: View, input: HTMLInputElement): Promise<void> {
  const s = stateOf(view);
  s.file = input.files?.[0] ?? null;
  s.result = null;
  const problem = s.file ? await fileProblem(s.file) : null;
  const others = view.errors?.form === "upload" ? new Map([...view.errors.errors].filter(([id]) => id !== FILE)) : new Map<string, string>();
  if (problem) {
    // Shown at once beside the field (and in the summary), without moving focus from the picker.
    view.errors = { form: "upload", errors: new Map([[FILE, problem], ...others]) };
  } else if (view.errors?.form === "upload") {
    view.errors = others.size ? { form: "upload", errors: others } : null;
  }
  view.draw();
}

async function submit(view: View, e: Event): Promise<void> {
  e.preventDefault();
  const s = stateOf(view);
  if (s.phase !== "idle") return;
  const community = view.data.community;
  const errors: Errors = new Map();
  const problem = await fileProblem(s.file);
  if (problem) errors.set(FILE, problem);
  for (const err of checkChallenges(s.challenges, community.programme)) errors.set(fieldId(err.field), err.message);
  if (errors.size) {
    view.fail("upload", errors);
    return;
  }
  const file = s.file!;
  const checked = checkFile(file);
  if (!checked.ok) return;
  view.errors = null;
  s.result = null;
  s.phase = "registering";
  s.progress = 0;
  s.status = `Registering ${file.name}…`;
  view.draw();

  let registered: Schemas["PlanRegistered"];
  try {
    registered = await call(api().POST("/communities/{id}/plans", {
      params: { path: { id: community.id } },
      body: {
        fileName: file.name,
        contentType: checked.contentType,
        sizeBytes: file.size,
        achievementChallenges: s.challenges.map((c) => ({ area: c.area as (typeof CHALLENGE_AREAS)[number], description: c.description, measure: c.measure })),
      },
    }));
  } catch (err) {
    s.phase = "idle";
    s.status = "";
    const placed = problemErrors(err, labeller(view), FILE_FIELDS);
    view.fail("upload", placed.errors, placed.extra);
    return;
  }

  s.phase = "uploading";
  s.status = `Uploading ${file.name} as version ${registered.version}…`;
  view.draw();
  try {
    await put(registered.upload, file, (fraction) => {
      s.progress = Math.round(fraction * 100);
      view.draw();
    });
  } catch (err) {
    s.phase = "idle";
    s.status = "";
    await view.refresh();
    view.fail("upload", new Map(), `The file was not uploaded: ${err instanceof Error ? err.message : String(err)}. Try again.`);
    return;
  }

  s.phase = "checking";
  s.progress = 100;
  s.status = `Upload of ${file.name} complete. Checking the file…`;
  view.draw();
  const result = await awaitCheck(view, registered.planId, registered.version, file.name);

  s.phase = "idle";
  s.result = result;
  s.status =
    result.kind === "received"
      ? `Plan version ${result.version} received.`
      : result.kind === "rejected"
        ? `Plan version ${result.version} was rejected.`
        : `Plan version ${result.version} is still being checked.`;
  // A new version needs a new file (a rejected one would be rejected again).
  s.file = null;
  await view.refresh();
  clearPicker(view);
  view.ctx.root.querySelector<HTMLElement>("[data-upload-result]")?.focus();
}

function clearPicker(view: View): void {
  const input = view.ctx.root.querySelector<HTMLInputElement>(`#${FILE}`);
  if (input) input.value = "";
}

/** The presigned PUT, with exactly the headers the API gave, reporting progress. */
function put(upload: Schemas["PlanRegistered"]["upload"], file: File, onProgress: (fraction: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(upload.method, upload.url);
    for (const [name, value] of Object.entries(upload.headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve();
      else reject(new Error(xhr.status === 403 ? "the upload link was refused or has expired (HTTP 403)" : `the storage service answered HTTP ${xhr.status}`));
    };
    xhr.onerror = () => reject(new Error("the storage service could not be reached"));
    xhr.ontimeout = () => reject(new Error("the upload took too long"));
    xhr.send(file);
  });
}

/**
 * Waits up to 30 s for the stored file's check, asking the community every second. Where the community does not
 * list its plans, the plan's document answers instead (200 once received; 409 naming REJECTED with the reason).
 */
async function awaitCheck(view: View, planId: string, version: number, fileName: string): Promise<UploadResult> {
  const deadline = Date.now() + POLL_LIMIT_MS;
  const id = view.data.community.id;
  while (Date.now() < deadline) {
    await sleep(POLL_MS);
    try {
      await view.reloadCommunity();
      const listed = "plans" in view.data.community;
      const plan = view.data.plans.find((p) => p.planId === planId);
      if (plan?.status === "REJECTED") return { kind: "rejected", version, fileName, reason: plan.rejectionReason };
      if (plan && hasDocument(plan.status)) return { kind: "received", version, fileName };
      if (!listed) {
        try {
          await call(api().GET("/communities/{id}/plans/{planId}/document", { params: { path: { id, planId } } }));
          return { kind: "received", version, fileName };
        } catch (err) {
          if (err instanceof ApiProblem && err.status === 409 && err.body.planStatus === "REJECTED") {
            return { kind: "rejected", version, fileName, reason: err.detail };
          }
          if (!(err instanceof ApiProblem && err.status === 409)) throw err;
        }
      }
    } catch {
      // A failed poll is tried again until the time is up.
    }
  }
  return { kind: "pending", version, fileName };
}

function resultBanner(s: UploadState): TemplateResult | typeof nothing {
  const r = s.result;
  if (!r) return nothing;
  if (r.kind === "received") {
    return html`<div class="banner banner--success" tabindex="-1" data-upload-result aria-labelledby="upload-result-title">
      <h4 class="banner__title" id="upload-result-title">Plan version ${r.version} received</h4>
      <p>${r.fileName} passed its checks. Programme staff have been told to review it.</p>
    </div>`;
  }
  if (r.kind === "rejected") {
    return html`<div class="banner community-banner--error" tabindex="-1" data-upload-result aria-labelledby="upload-result-title">
      <h4 class="banner__title" id="upload-result-title">Plan version ${r.version} was rejected</h4>
      <p>${r.reason ? `Reason: ${r.reason}` : `${r.fileName} did not pass its checks.`}</p>
      <p>Choose a corrected file and upload it again: what you entered below is kept.</p>
    </div>`;
  }
  return html`<div class="banner" tabindex="-1" data-upload-result aria-labelledby="upload-result-title">
    <h4 class="banner__title" id="upload-result-title">Plan version ${r.version} is still being checked</h4>
    <p>${r.fileName} was uploaded, but its check has not finished yet. Reload this page in a minute to see whether it was received.</p>
  </div>`;
}

function challengeFields(view: View, s: UploadState, i: number, errors: Errors, busy: boolean): TemplateResult {
  const { noun, min } = challengeLimits(view.data.community.programme);
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  const c = s.challenges[i]!;
  const base = `achievementChallenges-${i}`;
  const area = `${base}-area`;
  const description = `${base}-description`;
  const measure = `${base}-measure`;
  return html`<fieldset class="fieldset community-challenge">
    <legend class="fieldset__legend">${Noun} ${i + 1}</legend>
    <div class="field ${errors.has(area) ? "field--error" : ""}">
      <label for=${area}>Area</label>
      ${fieldErrorMessage(errors, area)}
      <select id=${area} class="select community-input--wide" aria-describedby=${describedBy(errors, area)} aria-invalid=${errors.has(area) ? "true" : "false"}
        @change=${(e: Event) => (c.area = (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${c.area === ""}>Select an area</option>
        ${CHALLENGE_AREAS.map((a) => html`<option value=${a} ?selected=${c.area === a}>${statusLabel(a)}</option>`)}
      </select>
    </div>
    <div class="field ${errors.has(description) ? "field--error" : ""}">
      <label for=${description}>Description</label>
      ${fieldErrorMessage(errors, description)}
      <textarea id=${description} class="textarea community-textarea" rows="2" .value=${c.description}
        aria-describedby=${describedBy(errors, description)} aria-invalid=${errors.has(description) ? "true" : "false"}
        @input=${(e: Event) => (c.description = (e.target as HTMLTextAreaElement).value)}></textarea>
    </div>
    <div class="field ${errors.has(measure) ? "field--error" : ""}">
      <label for=${measure}>Measure</label>
      <p class="hint" id="${measure}-hint">How the community will know it was met.</p>
      ${fieldErrorMessage(errors, measure)}
      <input id=${measure} class="input" type="text" autocomplete="off" .value=${c.measure}
        aria-describedby=${describedBy(errors, measure, true)} aria-invalid=${errors.has(measure) ? "true" : "false"}
        @input=${(e: Event) => (c.measure = (e.target as HTMLInputElement).value)} />
    </div>
    ${s.challenges.length > min
      ? html`<button type="button" class="button button--secondary community-button--small" ?disabled=${busy}
          @click=${() => { s.challenges.splice(i, 1); view.draw(); }}>Remove ${noun} ${i + 1}</button>`
      : nothing}
  </fieldset>`;
}

export function uploadSection(view: View): TemplateResult | typeof nothing {
  if (!view.member) return nothing;
  const s = stateOf(view);
  const errors = formErrors(view, "upload");
  const community = view.data.community;
  const limits = challengeLimits(community.programme);
  const label = labeller(view);
  const busy = s.phase !== "idle";
  const first = view.data.plans.length === 0;
  return html`<section aria-labelledby="upload-heading" class="community-form">
    <h3 id="upload-heading">${first ? `Upload your ${planNoun(community.programme)}` : "Upload a new version"}</h3>
    ${resultBanner(s)}
    ${formSummary(view, "upload", label)}
    <form novalidate @submit=${(e: Event) => void submit(view, e)}>
      <div class="field ${errors.has("achievementChallenges") ? "field--error" : ""}" id="achievementChallenges" tabindex="-1">
        <p class="community-lead">The plan names ${limits.min} to ${limits.max} ${limits.plural}: the area, what it is, and how you will measure it.</p>
        ${fieldErrorMessage(errors, "achievementChallenges")}
      </div>
      ${s.challenges.map((_, i) => challengeFields(view, s, i, errors, busy))}
      ${s.challenges.length < limits.max
        ? html`<p><button type="button" class="button button--secondary" ?disabled=${busy}
            @click=${() => { s.challenges.push(empty()); view.draw(); }}>Add another ${limits.noun}</button></p>`
        : nothing}
      <div class="field ${errors.has(FILE) ? "field--error" : ""}">
        <label for=${FILE}>Plan document</label>
        <p class="hint" id="${FILE}-hint">A PDF or a Word document (.docx), 25 MB or smaller.</p>
        ${fieldErrorMessage(errors, FILE)}
        <input id=${FILE} name=${FILE} type="file" class="community-file" accept=${ACCEPT} ?disabled=${busy}
          aria-describedby=${describedBy(errors, FILE, true)} aria-invalid=${errors.has(FILE) ? "true" : "false"}
          @change=${(e: Event) => void chooseFile(view, e.target as HTMLInputElement)} />
        ${s.file && !errors.has(FILE) ? html`<p class="hint">Selected: ${s.file.name} (${bytes(s.file.size)})</p>` : nothing}
      </div>
      <button type="submit" class="button" ?disabled=${busy}>${busy ? "Uploading…" : "Upload plan"}</button>
    </form>
    ${s.phase === "uploading" || s.phase === "checking"
      ? html`<div class="field">
          <label for="upload-progress">Upload progress</label>
          <progress id="upload-progress" class="progress" max="100" .value=${s.progress}>${s.progress}%</progress>
        </div>`
      : nothing}
    <p role="status" class="community-upload-status" data-upload-status>${s.status}</p>
  </section>`;
}
