import type { FieldError } from "../../api/client";
import { errorsWithoutRow, MAX_SCHOOLS, type EoiForm, type SchoolRow } from "./eoi-rules";

/**
 * The application form's state apart from rendering: rows added and removed, the Idempotency-Key of the filled
 * form, and a draft kept for the tab (sessionStorage) so nothing typed is lost when the session ends mid-form
 * and the user signs in again.
 */

export interface Idempotency {
  key: string;
  /** The exact body the key was first sent with: the API replays a key only for the same bytes. */
  body: string;
}

export interface FormState {
  form: EoiForm;
  errors: FieldError[];
  idempotency: Idempotency | null;
}

export function emptyRow(key: number, schoolNumber = ""): SchoolRow {
  return { key, schoolNumber, name: "", type: "", roll: "", teacherFte: "", boardEndorsed: false };
}

/** A new form: the user's own school in the first row and one more row, since an application needs two. */
export function newForm(ownSchool: string | undefined): EoiForm {
  return {
    programme: "",
    communityName: "",
    region: "",
    contact: { name: "", email: "", phone: "" },
    schools: [emptyRow(1, ownSchool ?? ""), emptyRow(2)],
    proposedChallenges: [],
    rationale: "",
  };
}

function nextKey(form: EoiForm): number {
  return form.schools.reduce((max, r) => Math.max(max, r.key), 0) + 1;
}

/** Adds an empty row at the end (up to 30); returns the new row's index, or -1 when the table is full. */
export function addSchool(state: FormState): number {
  if (state.form.schools.length >= MAX_SCHOOLS) return -1;
  state.form.schools = [...state.form.schools, emptyRow(nextKey(state.form))];
  return state.form.schools.length - 1;
}

/** Removes row `index` (never the last one left) and moves the errors of the rows below up with them. */
export function removeSchool(state: FormState, index: number): boolean {
  if (state.form.schools.length <= 1 || index < 0 || index >= state.form.schools.length) return false;
  state.form.schools = state.form.schools.filter((_, i) => i !== index);
  state.errors = errorsWithoutRow(state.errors, index);
  return true;
}

/**
 * The key to send with this body: the same key while the content is unchanged (a retry after a lost answer
 * gets the first answer back, and nothing twice), a fresh one once the user changed something (the API answers
 * 422 to a known key with a different body).
 */
export function idempotencyFor(previous: Idempotency | null, body: string, newKey: () => string = uuid): Idempotency {
  return previous && previous.body === body ? previous : { key: newKey(), body };
}

export function uuid(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const DRAFT_PREFIX = "school-collab.eoi-draft.";

export function saveDraft(sub: string, state: FormState, storage: Storage = sessionStorage): void {
  try {
    storage.setItem(DRAFT_PREFIX + sub, JSON.stringify({ v: 1, form: state.form, idempotency: state.idempotency }));
  } catch {
    // Storage full or refused: the form still works, only the draft is not kept.
  }
}

export function loadDraft(sub: string, storage: Storage = sessionStorage): Pick<FormState, "form" | "idempotency"> | null {
  try {
    const raw = storage.getItem(DRAFT_PREFIX + sub);
    if (!raw) return null;
    const d = JSON.parse(raw) as { v?: number; form?: EoiForm; idempotency?: Idempotency | null };
    if (d.v !== 1 || !d.form || !Array.isArray(d.form.schools) || typeof d.form.contact !== "object") return null;
    return { form: d.form, idempotency: d.idempotency ?? null };
  } catch {
    return null;
  }
}

export function clearDraft(sub: string, storage: Storage = sessionStorage): void {
  storage.removeItem(DRAFT_PREFIX + sub);
}
