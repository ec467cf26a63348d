import { isoFromParts, type IsoDate } from '../model/date.js';
import { cleanText } from './text.js';

/** A cell as the reader hands it over: plain values only (rich text, hyperlinks and formulas resolved). */
export type CellValue = string | number | boolean | Date | { error: string } | null;

export type CellInfo = {
  value: CellValue;
  /** Excel number format, when the cell had one (keeps the leading zeros of ids stored as numbers). */
  numFmt?: string;
};

export function isErrorValue(v: CellValue): v is { error: string } {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** The cell as text: numbers without float noise, dates as dd/mm/yyyy. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return cleanText(v);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12)));
  if (typeof v === 'boolean') return v ? 'x' : '';
  if (v instanceof Date) {
    const iso = dateFromJsDate(v);
    return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
  }
  return v.error;
}

// Excel day 25569 is 1970-01-01; serials count days (the 1900 leap-year bug only shifts dates before March 1900).
const EXCEL_EPOCH_OFFSET = 25569;
const MS_PER_DAY = 86_400_000;

export function dateFromSerial(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 61 || serial > 73050) return undefined;
  const d = new Date(Math.round((serial - EXCEL_EPOCH_OFFSET) * MS_PER_DAY) + 30_000);
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// exceljs builds date cells at UTC midnight; a Date from elsewhere may carry a time. Half a minute of slack
// absorbs the rounding of serials like 36892.99999.
function dateFromJsDate(d: Date): IsoDate | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  const t = new Date(d.getTime() + 30_000);
  return isoFromParts(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

export type ParsedDate = { date?: IsoDate; year?: number };

/**
 * Dates as they come: Date cells, Excel serials (as numbers or digits), "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy",
 * "dd.mm.yyyy", ISO "yyyy-mm-dd", or a year alone ("1980"). Day first, as in Vietnam; never a time-zone shift.
 */
export function parseDateValue(v: CellValue): ParsedDate | undefined {
  if (v === null || typeof v === 'boolean' || isErrorValue(v)) return undefined;
  if (v instanceof Date) {
    const date = dateFromJsDate(v);
    return date ? { date } : undefined;
  }
  if (typeof v === 'number') return parseDateNumber(v);
  const t = cleanText(v);
  if (t === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(t)) return parseDateNumber(Number(t));
  let m = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4}|\d{2})$/.exec(t);
  if (m) {
    let y = Number(m[3]);
    if (m[3].length === 2) y += y > 30 ? 1900 : 2000;
    const date = isoFromParts(y, Number(m[2]), Number(m[1]));
    return date ? { date } : undefined;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const date = isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
    return date ? { date } : undefined;
  }
  m = /^(?:ngày\s*)?(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/i.exec(t);
  if (m) {
    const date = isoFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
    return date ? { date } : undefined;
  }
  m = /^(\d{1,2})\s*[/.\-]\s*(\d{4})$/.exec(t);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return { date: isoFromParts(Number(m[2]), Number(m[1]), 1), year: Number(m[2]) };
  return undefined;
}

function parseDateNumber(n: number): ParsedDate | undefined {
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return { year: n };
  const date = dateFromSerial(n);
  return date ? { date } : undefined;
}

/**
 * An identifier as text, leading zeros kept: text cells as typed; numbers padded to the width their
 * number format shows ("000000000000"). A CCCD has 12 digits, so an 11-digit number lost its leading 0.
 */
export function parseIdValue(cell: CellInfo): { id: string; padded?: boolean } | undefined {
  const v = cell.value;
  if (v === null || isErrorValue(v) || typeof v === 'boolean' || v instanceof Date) return undefined;
  if (typeof v === 'string') {
    const t = cleanText(v).replace(/^'/, '');
    return t === '' ? undefined : { id: t.replace(/\s+/g, '') };
  }
  if (!Number.isInteger(v) || v < 0) return { id: String(v) };
  let id = String(v);
  const zeros = cell.numFmt && /^0+$/.exec(cell.numFmt.replace(/[";\\@]/g, ''));
  if (zeros && zeros[0].length > id.length) return { id: id.padStart(zeros[0].length, '0') };
  if (id.length === 11) return { id: `0${id}`, padded: true };
  return { id };
}
