import { parsePeriod, type Period, type PeriodMode } from '../model/period.js';
import type { Grid } from './grid.js';
import type { Header } from './header.js';
import { foldKey, tidyTitle } from './text.js';

// What the rows around a table say: the title block above the header (unit, school year), group headings
// between data rows, and the signature footer below.

function titleTexts(grid: Grid, header: Header): string[] {
  const out: string[] = [];
  for (let r = 0; r < header.firstRow; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      if (!grid.ownCell(r, c)) continue;
      const t = grid.text(r, c);
      if (t !== '') out.push(t);
    }
  }
  return out;
}

export function periodFromTitleRows(grid: Grid, header: Header, mode: PeriodMode): Period | undefined {
  const texts = titleTexts(grid, header).filter((t) => !/ngày\s*\d|ngày\s*\.\.\.|,\s*ngày/i.test(t));
  const preferred = texts.find((t) => /năm học|nam hoc|năm\s+\d{4}/i.test(t) && parsePeriod(t, mode));
  const any = preferred ?? texts.find((t) => parsePeriod(t, mode) && !/\d{1,4}\/[A-ZĐ]/.test(t));
  return any ? parsePeriod(any, mode) : undefined;
}

// The unit's block stacks the governing body over the unit ("PHÒNG GD&ĐT HUYỆN …" over "TRƯỜNG THCS …"):
// the list belongs to the lowest line of it.
export function unitFromTitleRows(grid: Grid, header: Header): string | undefined {
  const units = titleTexts(grid, header).filter((t) => /^(truong|trung tam|phong|so|mam non|mau giao)\b/.test(foldKey(t)) && !/danh sach|bao cao/.test(foldKey(t)));
  return units.length > 0 ? tidyTitle(units[units.length - 1]) : undefined;
}

const FOOTER = /^(tong|tong cong|tong so|cong|nguoi lap( bieu)?|hieu truong|thu truong|pho hieu truong|xac nhan|ket luan|danh sach nay)\b/;

export function isFooter(name: string): boolean {
  const k = foldKey(name);
  return FOOTER.test(k) || /\bngay \d+ thang \d+ nam\b|, ngay\b/.test(k);
}

/** The row's non-empty texts, left to right; stops after `max` of them (a data row is no heading: ask for 3). */
export function rowTexts(grid: Grid, r: number, max = Infinity): string[] {
  const out: string[] = [];
  const cols = grid.colCount;
  for (let c = 0; c < cols && out.length < max; c++) {
    if (!grid.ownCell(r, c)) continue;
    const t = grid.text(r, c);
    if (t !== '') out.push(t);
  }
  return out;
}

// A row that only names a group ("Tổ Toán - Tin", "II. TỔ NGỮ VĂN") sets the tổ of the rows under it.
export function groupHeading(grid: Grid, r: number, header: Header): string | undefined {
  const texts = rowTexts(grid, r, 3);
  if (texts.length !== 1 && !(texts.length === 2 && /^[IVX]+\.?$|^\d+\.?$/.test(texts[0]))) return undefined;
  const t = texts[texts.length - 1].replace(/^([IVX]+|\d+)[.)]\s*/, '');
  const k = foldKey(t);
  if (!/^(to|khoi|bo phan|phong|ban)\b/.test(k)) return undefined;
  if (header.columns.some((c) => c.field === 'name' && grid.ownCell(r, c.col) && grid.text(r, c.col) === texts[texts.length - 1] && !/^to\b/.test(k))) return undefined;
  return tidyTitle(t.replace(/^tổ\s*:\s*/i, 'Tổ '));
}
