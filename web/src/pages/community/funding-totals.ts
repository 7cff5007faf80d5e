/**
 * Funding totals, computed exactly from the records' decimal strings (never floats): money by kind and
 * currency, money by currency over every kind, and time (quantity with units) by kind and units.
 */

export interface FundingRecordLike {
  kind: string;
  amount?: { value: string; currency: string } | null;
  quantity?: string | null;
  units?: string | null;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

function parse(value: string): { units: bigint; scale: number } {
  const m = DECIMAL.exec(value.trim());
  if (!m) throw new Error(`not a decimal: ${value}`);
  const fraction = m[3] ?? "";
  const units = BigInt(`${m[2]}${fraction}`);
  return { units: m[1] === "-" ? -units : units, scale: fraction.length };
}

/** The exact sum of decimal strings, with at least minScale decimals ("1000.00" + "12.5" = "1012.50"). */
export function sumDecimals(values: string[], minScale = 0): string {
  const parsed = values.map(parse);
  const scale = Math.max(minScale, ...parsed.map((p) => p.scale));
  let total = 0n;
  for (const p of parsed) total += p.units * 10n ** BigInt(scale - p.scale);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? "-" : ""}${whole}${scale > 0 ? `.${fraction}` : ""}`;
}

export interface MoneyTotal {
  kind: string;
  currency: string;
  value: string;
}

export interface CurrencyTotal {
  currency: string;
  value: string;
}

export interface TimeTotal {
  kind: string;
  units: string;
  quantity: string;
}

/** Grouped sums, in the order each group first appears. */
function grouped<T>(items: T[], key: (t: T) => string | null, value: (t: T) => string, minScale: number): Array<{ key: string; value: string }> {
  const groups = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = groups.get(k) ?? [];
    list.push(value(item));
    groups.set(k, list);
  }
  return [...groups].map(([k, values]) => ({ key: k, value: sumDecimals(values, minScale) }));
}

export function moneyTotalsByKind(records: FundingRecordLike[]): MoneyTotal[] {
  return grouped(records, (r) => (r.amount ? JSON.stringify([r.kind, r.amount.currency]) : null), (r) => r.amount!.value, 2).map((g) => {
    const [kind, currency] = JSON.parse(g.key) as [string, string];
    return { kind, currency, value: g.value };
  });
}

export function moneyTotalsByCurrency(records: FundingRecordLike[]): CurrencyTotal[] {
  return grouped(records, (r) => r.amount?.currency ?? null, (r) => r.amount!.value, 2).map((g) => ({ currency: g.key, value: g.value }));
}

export function timeTotalsByKind(records: FundingRecordLike[]): TimeTotal[] {
  return grouped(records, (r) => (r.quantity != null && r.quantity !== "" ? JSON.stringify([r.kind, r.units ?? ""]) : null), (r) => r.quantity!, 0).map((g) => {
    const [kind, units] = JSON.parse(g.key) as [string, string];
    return { kind, units, quantity: g.value };
  });
}
