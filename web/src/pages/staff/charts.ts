/**
 * Chart scaling for the programme summary. No chart library: a handful of horizontal bars is a few divs whose
 * widths are percentages (set through styleMap, which CSP allows), beside a real table with the same figures.
 * Pure functions, tested without a browser.
 */

export interface BarDatum {
  key: string;
  label: string;
  value: number;
  /** The figure as people read it ("NZD 3,000.00", "12"). */
  display: string;
}

export interface ScaledBar extends BarDatum {
  /** Width of the bar as a percentage of the track, 0 to 100, one decimal place. */
  percent: number;
}

/** Smallest width of a bar whose value is above zero, so it never looks like nothing. */
export const MIN_VISIBLE_PERCENT = 1;

/**
 * Scales bars against the largest value (or a given maximum, to share one scale across charts). Zero and negative
 * values get no bar; a positive value gets at least MIN_VISIBLE_PERCENT; nothing exceeds 100.
 */
export function scaleBars(data: readonly BarDatum[], max?: number): ScaledBar[] {
  const top = max ?? Math.max(0, ...data.map((d) => (Number.isFinite(d.value) ? d.value : 0)));
  return data.map((d) => {
    if (!(top > 0) || !Number.isFinite(d.value) || d.value <= 0) return { ...d, percent: 0 };
    const raw = (d.value / top) * 100;
    const percent = Math.min(100, Math.max(MIN_VISIBLE_PERCENT, Math.round(raw * 10) / 10));
    return { ...d, percent };
  });
}

/** A chart's text alternative: its title and every figure, in order ("Applications: Received 5, Approved 2"). */
export function chartLabel(title: string, bars: readonly BarDatum[]): string {
  return bars.length === 0 ? `${title}: no figures` : `${title}: ${bars.map((b) => `${b.label} ${b.display}`).join(", ")}`;
}

export interface Amount {
  kind: string;
  currency: string;
  value: string;
}

/**
 * Funding lines grouped by currency (money in different currencies is never on one scale), in the order the
 * API gave (kind, then currency). Values stay decimal strings for display; only the bar length uses a number.
 */
export function byCurrency(funding: readonly Amount[]): Map<string, Amount[]> {
  const out = new Map<string, Amount[]>();
  for (const f of funding) {
    const list = out.get(f.currency) ?? [];
    list.push(f);
    out.set(f.currency, list);
  }
  return out;
}

/** A decimal money string as a number for bar lengths only (never for the figures shown). */
export function amountForScale(value: string): number {
  const n = Number(value);
  return Number.isFinite(n) ? n : 0;
}
