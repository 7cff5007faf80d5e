/** Formatting shared by the pages. Text is never transformed: names with macrons are shown as sent. */

export function money(amount: string | number, currency: string): string {
  const value = typeof amount === "string" ? Number(amount) : amount;
  return new Intl.NumberFormat("en-NZ", { style: "currency", currency, currencyDisplay: "code" }).format(value);
}

export function number(n: number | string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat("en-NZ", { maximumFractionDigits }).format(typeof n === "string" ? Number(n) : n);
}

export function dateTime(iso: string | undefined | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat("en-NZ", { dateStyle: "medium", timeStyle: "short" }).format(d);
}

export function date(iso: string | undefined | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : new Intl.DateTimeFormat("en-NZ", { dateStyle: "medium" }).format(d);
}

export function bytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/** The programmes the API knows (openapi.yaml's Programme), in the order pages offer them. */
export const PROGRAMMES = ["kahui-ako", "school-improvement"] as const;

const PROGRAMME_NAMES: Record<string, string> = {
  "kahui-ako": "Kāhui Ako (New Zealand)",
  "school-improvement": "School improvement (England)",
};

export function programmeName(id: string): string {
  return PROGRAMME_NAMES[id] ?? id;
}

/** "CHANGES_REQUESTED" -> "Changes requested". */
export function statusLabel(status: string): string {
  const s = status.toLowerCase().replace(/_/g, " ");
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const FUNDING_KINDS: Record<string, string> = {
  FORMATION_ALLOWANCE: "Formation allowance",
  MAINTENANCE_ALLOWANCE: "Maintenance allowance",
  COMMUNITY_LEADER_ROLE: "Community leader role",
  ACROSS_SCHOOL_TEACHER_ROLE: "Across-school teacher role",
  WITHIN_SCHOOL_TEACHER_ROLE: "Within-school teacher role",
  ROLE_INDUCTION_AND_NETWORKING: "Role induction and networking",
  INQUIRY_HOURS: "Teacher inquiry time",
  GRANT: "Grant",
};

/** A funding record's kind in words ("ROLE_INDUCTION_AND_NETWORKING" -> "Role induction and networking"). */
export function fundingKindLabel(kind: string): string {
  return FUNDING_KINDS[kind] ?? statusLabel(kind);
}
