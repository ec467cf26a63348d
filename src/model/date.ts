import { z } from 'zod';

// Dates are calendar dates kept as ISO strings ("2019-08-15"): no time, no time zone, no shift.
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof isoDateSchema>;

export function isValidIsoDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isoFromParts(y: number, m: number, d: number): IsoDate | undefined {
  // Every date cell of a batch comes here: the common case is checked without building a Date.
  if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1
    && d <= (m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1])) {
    return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
  }
  const iso = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : undefined;
}

/** "15/08/2019" for display and documents. */
export function formatDateVi(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/**
 * The dated line of ND 30/2020: days below 10 and months 1 and 2 take a leading zero
 * ("ngày 05 tháng 02 năm 2025", "ngày 15 tháng 8 năm 2025").
 */
export function formatDateLine(iso: IsoDate): string {
  const y = iso.slice(0, 4);
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const dd = d < 10 ? `0${d}` : String(d);
  const mm = m <= 2 ? `0${m}` : String(m);
  return `ngày ${dd} tháng ${mm} năm ${y}`;
}

export function addMonths(iso: IsoDate, months: number): IsoDate {
  const [y, m, d] = iso.split('-').map(Number);
  const dt = new Date(Date.UTC(y, m - 1 + months, d));
  return dt.toISOString().slice(0, 10);
}

/** Whole months from `from` to `to` (ISO dates): 2018-09-01 → 2019-09-01 is 12. */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return wholeMonths(fy, fm, fd, ty, tm, td);
}

/** monthsBetween on dates given as numbers (for hot paths that should not build dates as text). */
export function wholeMonths(fy: number, fm: number, fd: number, ty: number, tm: number, td: number): number {
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}
