/**
 * The plan upload's rules, checked in the browser before anything is sent. They are the API's own
 * (openapi.yaml PlanRequest; functions/.../api/RegisterPlanRequest, plan/PlanFileType and plan/PlanChecker): a PDF or a Word
 * .docx named for its type, 1 byte to 25 MiB, a file name without control characters of at most 255 characters,
 * first bytes of the declared type, and 3 to 5 achievement challenges (kahui-ako) or 1 to 10 priorities.
 */

export const MAX_SIZE_BYTES = 25 * 1024 * 1024;
export const MAX_FILE_NAME = 255;
export const MAX_DESCRIPTION = 2000;
export const MAX_MEASURE = 1000;

export const PDF = "application/pdf";
export const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export interface PlanFileType {
  contentType: typeof PDF | typeof DOCX;
  extension: string;
  label: string;
}

export const PLAN_FILE_TYPES: readonly PlanFileType[] = [
  { contentType: PDF, extension: ".pdf", label: "PDF" },
  { contentType: DOCX, extension: ".docx", label: "Word document (.docx)" },
];

/** The file picker's accept= value: the extensions and the content types. */
export const ACCEPT = PLAN_FILE_TYPES.flatMap((t) => [t.extension, t.contentType]).join(",");

export const CHALLENGE_AREAS = ["ATTENDANCE", "ENGAGEMENT", "ACHIEVEMENT", "TRANSITIONS", "WELLBEING"] as const;
export type ChallengeArea = (typeof CHALLENGE_AREAS)[number];

/** The type a file's name says it is (the server requires the name to end as its type says, in any case). */
export function planTypeFor(fileName: string): PlanFileType | null {
  const lower = fileName.toLowerCase();
  return PLAN_FILE_TYPES.find((t) => lower.endsWith(t.extension)) ?? null;
}

export type FileCheck = { ok: true; contentType: PlanFileType["contentType"] } | { ok: false; message: string };

/** Whether a chosen file may be sent: its name, type and size. */
export function checkFile(file: { name: string; size: number }): FileCheck {
  const type = planTypeFor(file.name);
  if (!type) return { ok: false, message: "The selected file must be a PDF or a Word document (.docx)" };
  if (file.size <= 0) return { ok: false, message: "The selected file is empty" };
  if (file.size > MAX_SIZE_BYTES) return { ok: false, message: "The selected file must be 25 MB or smaller" };
  if ([...file.name].length > MAX_FILE_NAME) {
    return { ok: false, message: `The file name must be ${MAX_FILE_NAME} characters or fewer: rename the file and choose it again` };
  }
  // The server refuses C0 and C1 control characters, and folder separators.
  if (/[\u0000-\u001f\u007f-\u009f/\\]/.test(file.name)) {
    return { ok: false, message: "The file name must not contain control characters or slashes: rename the file and choose it again" };
  }
  if (file.name.trim() === type.extension || file.name.trim() === "") {
    return { ok: false, message: "The file name must have a name before its extension" };
  }
  return { ok: true, contentType: type.contentType };
}

/** How many first bytes sniffFile needs. */
export const SNIFF_BYTES = 5;

/**
 * The stored file's first check, done before sending: a PDF starts `%PDF-`, a .docx is a ZIP (`PK\x03\x04`).
 * Returns the problem, or null when the bytes look like the type.
 */
export function sniffProblem(head: Uint8Array, contentType: string): string | null {
  const startsWith = (magic: number[]) => head.length >= magic.length && magic.every((b, i) => head[i] === b);
  if (contentType === PDF) {
    return startsWith([0x25, 0x50, 0x44, 0x46, 0x2d]) ? null : "The selected file is not a PDF: its content does not start as a PDF does. Choose the PDF of your plan";
  }
  if (contentType === DOCX) {
    return startsWith([0x50, 0x4b, 0x03, 0x04]) ? null : "The selected file is not a Word .docx document. Save it as .docx and choose it again";
  }
  return "The selected file must be a PDF or a Word document (.docx)";
}

export interface ChallengeLimits {
  min: number;
  max: number;
  /** "achievement challenge" or "priority". */
  noun: string;
  plural: string;
}

export function challengeLimits(programme: string): ChallengeLimits {
  return programme === "kahui-ako"
    ? { min: 3, max: 5, noun: "achievement challenge", plural: "achievement challenges" }
    : { min: 1, max: 10, noun: "priority", plural: "priorities" };
}

export interface ChallengeDraft {
  area: string;
  description: string;
  measure: string;
}

/** The challenges' fields, as the API names them (`achievementChallenges[0].area`). */
export function checkChallenges(challenges: ChallengeDraft[], programme: string): Array<{ field: string; message: string }> {
  const limits = challengeLimits(programme);
  const errors: Array<{ field: string; message: string }> = [];
  if (challenges.length < limits.min || challenges.length > limits.max) {
    errors.push({ field: "achievementChallenges", message: `Give ${limits.min} to ${limits.max} ${limits.plural}` });
  }
  challenges.forEach((c, i) => {
    const n = i + 1;
    const path = `achievementChallenges[${i}]`;
    if (!(CHALLENGE_AREAS as readonly string[]).includes(c.area)) errors.push({ field: `${path}.area`, message: `Select the area of ${limits.noun} ${n}` });
    if (c.description.trim() === "") errors.push({ field: `${path}.description`, message: `Enter a description of ${limits.noun} ${n}` });
    else if ([...c.description].length > MAX_DESCRIPTION) errors.push({ field: `${path}.description`, message: `Description must be ${MAX_DESCRIPTION} characters or fewer` });
    if (c.measure.trim() === "") errors.push({ field: `${path}.measure`, message: `Enter how you will measure ${limits.noun} ${n}` });
    else if ([...c.measure].length > MAX_MEASURE) errors.push({ field: `${path}.measure`, message: `Measure must be ${MAX_MEASURE} characters or fewer` });
  });
  return errors;
}
