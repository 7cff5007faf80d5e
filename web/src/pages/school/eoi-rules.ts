import type { FieldError, Schemas } from "../../api/client";

/**
 * The rules of an expression of interest as the browser checks them before sending: a mirror of the API's
 * SubmitEoiRequest (functions/.../api/SubmitEoiRequest.java) and EoiService's own-school rule. Errors use the API's field
 * paths (`schools[1].roll`) and, where the browser can say the same thing, the API's own messages, so an error
 * found here and one found by the server land in the same place and read the same.
 *
 * Pure: no DOM, no fetch. The form holds what the user typed (strings); `toRequest` turns it into the body the
 * API gets, and `checkEoi` checks exactly those converted values.
 */

export type ProgrammeId = Schemas["Programme"];
export type SchoolTypeId = Schemas["SchoolType"];
export type ChallengeAreaId = Schemas["ChallengeArea"];
export type EoiRequest = Schemas["ExpressionOfInterestRequest"];

export const MIN_SCHOOLS = 2;
export const MAX_SCHOOLS = 30;
export const MIN_STATE_SCHOOLS = 2;
export const MAX_ROLL = 10_000;
export const MAX_TEACHER_FTE = 1000;
export const MAX_TEACHER_FTE_DECIMALS = 2;
export const MAX_CHALLENGES = 5;
export const MAX_RATIONALE = 4000;

export const PROGRAMMES: ReadonlyArray<{ id: ProgrammeId; label: string; hint: string; requiresBoardEndorsement: boolean }> = [
  {
    id: "kahui-ako",
    label: "Kāhui Ako",
    hint: "A New Zealand Community of Learning. Every school’s board must endorse the application.",
    requiresBoardEndorsement: true,
  },
  {
    id: "school-improvement",
    label: "School improvement",
    hint: "A school improvement cluster set up by head teachers. Board endorsement is recorded but not required.",
    requiresBoardEndorsement: false,
  },
];

export const SCHOOL_TYPES: ReadonlyArray<{ id: SchoolTypeId; label: string; state: boolean }> = [
  { id: "PRIMARY", label: "Primary", state: true },
  { id: "INTERMEDIATE", label: "Intermediate", state: true },
  { id: "SECONDARY", label: "Secondary", state: true },
  { id: "AREA", label: "Area school", state: true },
  { id: "COMPOSITE", label: "Composite", state: true },
  { id: "SPECIAL", label: "Special school", state: true },
  { id: "EARLY_LEARNING", label: "Early learning service (not a state school)", state: false },
  { id: "TERTIARY", label: "Tertiary provider (not a state school)", state: false },
];

export const CHALLENGE_AREAS: ReadonlyArray<{ id: ChallengeAreaId; label: string; hint: string }> = [
  { id: "ATTENDANCE", label: "Attendance", hint: "Children and young people present and learning every day." },
  { id: "ENGAGEMENT", label: "Engagement", hint: "Learners involved in and motivated by their learning." },
  { id: "ACHIEVEMENT", label: "Achievement", hint: "Progress and achievement, for example in literacy and maths." },
  { id: "TRANSITIONS", label: "Transitions", hint: "Moving well between early learning, schools and beyond." },
  { id: "WELLBEING", label: "Wellbeing", hint: "Learners who feel safe, valued and well." },
];

/** One row of the schools table, as typed. `key` identifies the row while rows are added and removed. */
export interface SchoolRow {
  key: number;
  schoolNumber: string;
  name: string;
  type: SchoolTypeId | "";
  roll: string;
  teacherFte: string;
  boardEndorsed: boolean;
}

/** The whole form, as typed. */
export interface EoiForm {
  programme: ProgrammeId | "";
  communityName: string;
  region: string;
  contact: { name: string; email: string; phone: string };
  schools: SchoolRow[];
  proposedChallenges: ChallengeAreaId[];
  rationale: string;
}

// Java's `\s` (no UNICODE_CHARACTER_CLASS): the ASCII whitespace the API's patterns exclude.
const JAVA_S = " \\t\\n\\x0B\\f\\r";
export const EMAIL = new RegExp(`^[^@${JAVA_S}]{1,64}@[^@${JAVA_S}.]+(\\.[^@${JAVA_S}.]+)+$`, "u");
export const PHONE = /^\+?[0-9 ()-]{5,30}$/;
export const SCHOOL_NUMBER = /^[0-9]{1,10}$/;
// Character.isWhitespace: Unicode space separators except the no-break ones, and the ASCII controls it names.
const JAVA_BLANK = /^[\t\n\u000B\f\r\u001C-\u001F \u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]*$/;

/** Length in Unicode code points, as the API counts (an emoji is one; ā is one). */
export function codePoints(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** String.isBlank as Java has it. */
export function isBlank(s: string): boolean {
  return JAVA_BLANK.test(s);
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A roll as typed: a whole number 0 to 10,000 ("182" or "182.0"; not "182.5"). */
export function parseRoll(input: string): Parsed<number> {
  const s = input.trim();
  if (s === "") return { ok: false, message: "is required" };
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return { ok: false, message: "must be a number" };
  if (m[3] !== undefined && /[1-9]/.test(m[3])) return { ok: false, message: "must be a whole number" };
  const n = Number(`${m[1]}${m[2]}`);
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_ROLL) return { ok: false, message: `must be between 0 and ${MAX_ROLL}` };
  return { ok: true, value: n === 0 ? 0 : n };
}

/** Teacher FTE as typed: 0 to 1000 with at most two decimal places ("11.5", "11.50"). */
export function parseTeacherFte(input: string): Parsed<number> {
  const s = input.trim();
  if (s === "") return { ok: false, message: "is required" };
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === "" && !m[3])) return { ok: false, message: "must be a number" };
  const value = Number(s);
  if (!Number.isFinite(value) || value < 0 || value > MAX_TEACHER_FTE) {
    return { ok: false, message: `must be between 0 and ${MAX_TEACHER_FTE}` };
  }
  const decimals = (m[3] ?? "").replace(/0+$/, "").length;
  if (decimals > MAX_TEACHER_FTE_DECIMALS) {
    return { ok: false, message: `may have at most ${MAX_TEACHER_FTE_DECIMALS} decimal places` };
  }
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Optional text the user left empty (or only spaces) is not sent: the API treats absent and null alike. */
function optional(s: string): string | undefined {
  return isBlank(s) ? undefined : s;
}

/**
 * The API's body for what was typed. Names and free text go exactly as typed (Ōtaki stays Ōtaki); identifiers
 * and numbers are trimmed. Values the browser cannot convert (a roll of "abc") are sent as null; `checkEoi`
 * reports them first, so such a body is never sent.
 */
export function toRequest(form: EoiForm): EoiRequest {
  const phone = optional(form.contact.phone.trim());
  const region = optional(form.region);
  const rationale = optional(form.rationale);
  return {
    programme: form.programme as ProgrammeId,
    communityName: form.communityName,
    ...(region !== undefined ? { region } : {}),
    contact: { name: form.contact.name, email: form.contact.email.trim(), ...(phone !== undefined ? { phone } : {}) },
    schools: form.schools.map((row) => {
      const roll = parseRoll(row.roll);
      const fte = parseTeacherFte(row.teacherFte);
      return {
        schoolNumber: row.schoolNumber.trim(),
        name: row.name,
        type: row.type as SchoolTypeId,
        roll: roll.ok ? roll.value : (null as unknown as number),
        teacherFte: fte.ok ? fte.value : (null as unknown as number),
        boardEndorsed: row.boardEndorsed,
      };
    }),
    // In the order the form lists them, whatever order they were ticked in: the same form, the same body.
    proposedChallenges: CHALLENGE_AREAS.map((c) => c.id).filter((id) => form.proposedChallenges.includes(id)),
    ...(rationale !== undefined ? { rationale } : {}),
  };
}

/**
 * Every rule the browser can check, in the order of the form (the API's order), as the API would name them.
 * `ownSchool` is the signed-in user's school number: the API refuses an application without it.
 */
export function checkEoi(form: EoiForm, ownSchool: string | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const error = (field: string, message: string) => errors.push({ field, message });

  const text = (value: string, field: string, min: number, max: number, required: boolean): string | null => {
    if (!required && isBlank(value)) return null; // not sent
    if (required && value === "") {
      error(field, "is required");
      return null;
    }
    if (required && isBlank(value)) {
      error(field, "must not be blank");
      return null;
    }
    const length = codePoints(value);
    if (length < min || length > max) {
      error(field, `must be ${min} to ${max} characters (got ${length})`);
      return null;
    }
    return value;
  };

  const programme = PROGRAMMES.find((p) => p.id === form.programme);
  if (!programme) error("programme", "is required");
  text(form.communityName, "communityName", 3, 120, true);
  text(form.region, "region", 1, 100, false);

  text(form.contact.name, "contact.name", 1, 200, true);
  const email = text(form.contact.email.trim(), "contact.email", 3, 254, true);
  if (email !== null && !EMAIL.test(email)) error("contact.email", "is not a valid email address");
  const phone = text(form.contact.phone.trim(), "contact.phone", 1, 30, false);
  if (phone !== null && !PHONE.test(phone)) error("contact.phone", "may hold only digits, spaces, brackets, dashes and a leading +");

  const rows = form.schools;
  if (rows.length < MIN_SCHOOLS || rows.length > MAX_SCHOOLS) {
    error("schools", `must list ${MIN_SCHOOLS} to ${MAX_SCHOOLS} schools (got ${rows.length})`);
  }
  if (rows.length <= MAX_SCHOOLS) {
    const seen = new Set<string>();
    let stateSchools = 0;
    rows.forEach((row, i) => {
      const at = `schools[${i}]`;
      const number = text(row.schoolNumber.trim(), `${at}.schoolNumber`, 1, 10, true);
      if (number !== null) {
        if (!SCHOOL_NUMBER.test(number)) error(`${at}.schoolNumber`, "must be digits only");
        else if (seen.has(number)) error(`${at}.schoolNumber`, `school ${number} is listed more than once`);
        else seen.add(number);
      }
      text(row.name, `${at}.name`, 1, 200, true);
      const type = SCHOOL_TYPES.find((t) => t.id === row.type);
      if (!type) error(`${at}.type`, "is required");
      else if (type.state) stateSchools++;
      const roll = parseRoll(row.roll);
      if (!roll.ok) error(`${at}.roll`, roll.message);
      const fte = parseTeacherFte(row.teacherFte);
      if (!fte.ok) error(`${at}.teacherFte`, fte.message);
      if (programme?.requiresBoardEndorsement && !row.boardEndorsed) {
        error(`${at}.boardEndorsed`, `every school board must endorse a ${programme.id} application`);
      }
    });
    if (rows.length >= MIN_SCHOOLS && stateSchools < MIN_STATE_SCHOOLS) {
      error("schools", `at least ${MIN_STATE_SCHOOLS} must be state schools (not early learning services or tertiary providers)`);
    }
    if (ownSchool && !rows.some((row) => row.schoolNumber.trim() === ownSchool)) {
      error("schools", `must include your own school (${ownSchool})`);
    }
  }

  const challenges = new Set(form.proposedChallenges).size;
  if (challenges < 1 || challenges > MAX_CHALLENGES) {
    error("proposedChallenges", `must name 1 to ${MAX_CHALLENGES} areas (got ${challenges})`);
  }
  const rationale = codePoints(form.rationale);
  if (!isBlank(form.rationale) && rationale > MAX_RATIONALE) {
    error("rationale", `must be 0 to ${MAX_RATIONALE} characters (got ${rationale})`);
  }
  return errors;
}

/** The API paths the form has an element for, with the label the error summary shows for each. */
export function fieldLabels(form: EoiForm): Map<string, string> {
  const labels = new Map<string, string>([
    ["programme", "Programme"],
    ["communityName", "Community name"],
    ["region", "Region"],
    ["contact", "Contact"],
    ["contact.name", "Contact name"],
    ["contact.email", "Contact email"],
    ["contact.phone", "Contact phone"],
    ["schools", "Schools"],
  ]);
  form.schools.forEach((_, i) => {
    const n = `School ${i + 1}`;
    labels.set(`schools[${i}]`, n);
    labels.set(`schools[${i}].schoolNumber`, `${n} school number`);
    labels.set(`schools[${i}].name`, `${n} name`);
    labels.set(`schools[${i}].type`, `${n} type`);
    labels.set(`schools[${i}].roll`, `${n} roll`);
    labels.set(`schools[${i}].teacherFte`, `${n} teacher FTE`);
    labels.set(`schools[${i}].boardEndorsed`, `${n} board endorsement`);
  });
  labels.set("proposedChallenges", "Challenge areas");
  labels.set("rationale", "Rationale");
  return labels;
}

/**
 * Puts the API's field errors where the form can show them: a path the form has keeps its place; a deeper
 * one the form has no element for (`proposedChallenges[2]`, `contact.fax`) goes to the nearest path it has,
 * naming the original path; anything else (a header such as `Idempotency-Key`, `body`) is returned apart for
 * the summary's text.
 */
export function placeErrors(errors: FieldError[], form: EoiForm): { fields: FieldError[]; other: string[] } {
  const known = fieldLabels(form);
  const fields: FieldError[] = [];
  const other: string[] = [];
  for (const e of errors) {
    if (known.has(e.field)) {
      fields.push(e);
      continue;
    }
    let path = e.field;
    let placed = false;
    while (!placed) {
      const cut = Math.max(path.lastIndexOf("."), path.lastIndexOf("["));
      if (cut <= 0) break;
      path = path.slice(0, cut);
      if (known.has(path)) {
        fields.push({ field: path, message: `${e.field} ${e.message}` });
        placed = true;
      }
    }
    if (!placed) other.push(`${e.field}: ${e.message}`);
  }
  return { fields, other };
}

/** A 409's claimed school numbers as errors on the rows that name them. */
export function claimedErrors(claimed: readonly string[], form: EoiForm, programme: string): FieldError[] {
  const wanted = new Set(claimed.map(String));
  const name = PROGRAMMES.find((p) => p.id === programme)?.label ?? programme;
  return form.schools.flatMap((row, i) =>
    wanted.has(row.schoolNumber.trim())
      ? [{ field: `schools[${i}].schoolNumber`, message: `school ${row.schoolNumber.trim()} is already in an active ${name} application or community` }]
      : [],
  );
}

/** After row `removed` is taken out: its errors go, the errors of the rows below move up one. */
export function errorsWithoutRow(errors: FieldError[], removed: number): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const m = /^schools\[(\d+)\](.*)$/.exec(e.field);
    if (!m) {
      out.push(e);
      continue;
    }
    const i = Number(m[1]);
    if (i === removed) continue;
    out.push(i > removed ? { field: `schools[${i - 1}]${m[2]}`, message: e.message } : e);
  }
  return out;
}

/** The live count under the rationale (GOV.UK character count wording). */
export function characterCount(value: string, max = MAX_RATIONALE): { text: string; over: boolean } {
  const left = max - codePoints(value);
  const fmt = (n: number) => new Intl.NumberFormat("en-NZ").format(n);
  if (left >= 0) return { text: `You have ${fmt(left)} character${left === 1 ? "" : "s"} remaining`, over: false };
  return { text: `You have ${fmt(-left)} character${left === -1 ? "" : "s"} too many`, over: true };
}

/**
 * The message shown beside a field, as a sentence: the API's "must be digits only" under "School number" reads
 * "School number must be digits only"; a message that names its own subject is only capitalised.
 */
export function besideMessage(subject: string, message: string): string {
  const text = /^(is|must|may) /.test(message) ? `${subject} ${message}` : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
