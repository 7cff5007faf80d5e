/**
 * The finance report's query (GET /reports/funding?programme=&from=&to=), checked in the browser as the API checks it
 * (functions/.../api/Queries.fundingPeriod): a programme, and optional dates (yyyy-MM-dd, real days) with `to` not
 * before `from`. Pure: no drawing here.
 */
export interface ReportQuery {
  programme: string;
  from: string;
  to: string;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a yyyy-MM-dd string is a real calendar day. */
export function isDay(value: string): boolean {
  const m = DAY.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The query's problems by field name (the API's: programme, from, to). */
export function checkReportQuery(q: ReportQuery): Map<string, string> {
  const errors = new Map<string, string>();
  if (!q.programme) errors.set("programme", "Select a programme");
  if (q.from && !isDay(q.from)) errors.set("from", "Enter the first day as a real date, like 2026-01-31");
  if (q.to && !isDay(q.to)) errors.set("to", "Enter the last day as a real date, like 2026-12-31");
  if (!errors.has("from") && !errors.has("to") && q.from && q.to && q.to < q.from) {
    errors.set("to", "The last day must be the same as or after the first day");
  }
  return errors;
}

/** The API's query string for it: only what is set. */
export function reportSearch(q: ReportQuery): string {
  const params = new URLSearchParams({ programme: q.programme });
  if (q.from) params.set("from", q.from);
  if (q.to) params.set("to", q.to);
  return params.toString();
}

/** The name the CSV is saved under when the server's own cannot be read (the server names it the same way). */
export function reportFileName(q: ReportQuery): string {
  return `funding-${q.programme}${q.from ? `-from-${q.from}` : ""}${q.to ? `-to-${q.to}` : ""}.csv`;
}

/** The period in words: "1 Jan 2026 to 31 Dec 2026", "from 1 Jan 2026", "up to 31 Dec 2026", "all dates". */
export function periodWords(q: { from?: string | null; to?: string | null }, day: (d: string) => string): string {
  if (q.from && q.to) return `${day(q.from)} to ${day(q.to)}`;
  if (q.from) return `from ${day(q.from)}`;
  if (q.to) return `up to ${day(q.to)}`;
  return "all dates";
}
