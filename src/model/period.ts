import { z } from 'zod';

// A period is a school year ("2023-2024") or, when configured, a calendar year ("2024").
export type PeriodMode = 'school-year' | 'calendar';
export const periodSchema = z.string().regex(/^\d{4}(-\d{4})?$/, 'năm học dạng 2023-2024 hoặc năm 2024');
export type Period = z.infer<typeof periodSchema>;

const YEAR_MIN = 1945;
const YEAR_MAX = 2100;

function validYear(y: number): boolean {
  return Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX;
}

/** The period's ordering key: the year in which it ends. */
export function periodEnd(p: Period): number {
  // The last four characters are the end year in both forms; arithmetic on char codes keeps this hot path cheap.
  const n = p.length;
  return (p.charCodeAt(n - 4) - 48) * 1000 + (p.charCodeAt(n - 3) - 48) * 100 + (p.charCodeAt(n - 2) - 48) * 10 + (p.charCodeAt(n - 1) - 48);
}

export function periodOfEndYear(end: number, mode: PeriodMode): Period {
  return mode === 'calendar' ? String(end) : `${end - 1}-${end}`;
}

// Rules walk windows a period at a time: shifts are kept by period, then by step, so the hot path builds no
// key string, and the periods it returns are the same strings each time (their hashes already worked out).
const shifted = new Map<Period, Map<number, Period>>();

export function shiftPeriod(p: Period, by: number): Period {
  let bySteps = shifted.get(p);
  if (!bySteps) {
    if (shifted.size >= 10_000) shifted.clear();
    shifted.set(p, (bySteps = new Map()));
  }
  let out = bySteps.get(by);
  if (out === undefined) bySteps.set(by, (out = periodOfEndYear(periodEnd(p) + by, p.length === 4 ? 'calendar' : 'school-year')));
  return out;
}

export function comparePeriods(a: Period, b: Period): number {
  return periodEnd(a) - periodEnd(b);
}

/** Consecutive periods from `first` to `last`, both included. */
export function periodRange(first: Period, last: Period): Period[] {
  const out: Period[] = [];
  for (let y = periodEnd(first); y <= periodEnd(last); y++) out.push(periodOfEndYear(y, first.length === 4 ? 'calendar' : 'school-year'));
  return out;
}

/**
 * Reads a period as clerks write it: "2023-2024", "2023 - 2024", "2023–24", "2023/2024", "NH 2023-2024",
 * "Năm học 2023-2024". A bare year means the school year ending in it ("2025" → "2024-2025"), as `--as-of` does.
 */
export function parsePeriod(text: string, mode: PeriodMode = 'school-year'): Period | undefined {
  const t = text.normalize('NFC');
  const pair = /(?<!\d)(\d{4})\s*[-–—/]\s*(\d{4}|\d{2})(?!\d)/.exec(t);
  if (pair) {
    const a = Number(pair[1]);
    let b = Number(pair[2]);
    if (pair[2].length === 2) {
      b += Math.floor(a / 100) * 100;
      if (b <= a) b += 100;
    }
    if (!validYear(a) || b !== a + 1) return undefined;
    return mode === 'calendar' ? String(b) : `${a}-${b}`;
  }
  const single = /(?<!\d)(\d{4})(?!\d)/.exec(t);
  if (single && validYear(Number(single[1]))) return periodOfEndYear(Number(single[1]), mode);
  return undefined;
}

/** Default proposal date of a period (ISO): the last day of the school year (31/08) or of the calendar year. */
export function defaultProposalDate(p: Period): string {
  return p.length === 4 ? `${p}-12-31` : `${periodEnd(p)}-08-31`;
}

/** The period an ISO date falls in: a school year runs 01/09 to 31/08. */
export function periodOfDate(iso: string, mode: PeriodMode): Period {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  if (mode === 'calendar') return String(y);
  return m >= 9 ? `${y}-${y + 1}` : `${y - 1}-${y}`;
}
