import { parsePeriod, type Period, type PeriodMode } from '../model/period.js';
import { matchField, type Field } from './columns.js';
import type { Grid } from './grid.js';
import { foldKey } from './text.js';

/** A column as understood: a field, and for the wide layout the period it holds ("2023-2024"). */
export type Column = { col: number; header: string; field?: Field; period?: Period; wide?: boolean; decisionFor?: 'titles' | 'award' };

export type Header = {
  /** 0-based rows: the first and last row of the header (two when merged headers are flattened). */
  firstRow: number;
  lastRow: number;
  dataStart: number;
  columns: Column[];
  unknown: Column[];
  duplicates: Column[];
};

const SCAN_ROWS = 40;
const WIDE_FIELDS = new Set<Field>(['rating', 'titles', 'initiatives', 'award', 'discipline']);
const DECISION_FIELDS = new Set<Field>(['decisionNumber', 'decisionDate', 'decision', 'authority']);

/** Finds the header whatever title rows sit above it, flattening a two-row merged header. */
export function detectHeader(grid: Grid, mode: PeriodMode): Header | undefined {
  const cols = grid.colCount;
  let best: { row: number; twoRow: boolean; score: number; columns: Column[] } | undefined;
  for (let r = 0; r < Math.min(grid.rowCount, SCAN_ROWS); r++) {
    // A two-row reading first: when both readings score alike, the merged header is the real one.
    for (const twoRow of r > 0 && topOfTwoRowHeader(grid, r - 1, cols) ? [true, false] : [false]) {
      const columns = resolveColumns(grid, r, twoRow, cols, mode);
      const fields = new Set(columns.filter((c) => c.field && !c.wide).map((c) => c.field));
      // Each (fact, period) pair counts: "Năm học 2023-2024" over "Xếp loại | Danh hiệu" reads two facts, the
      // merged year alone one (read on its own, the row above a two-row wide header scores as well as it).
      const wideFacts = new Set(columns.filter((c) => c.wide).map((c) => `${c.field}@${c.period}`));
      if (!fields.has('name') && !fields.has('collectiveName') && !fields.has('id')) continue;
      const score = fields.size + wideFacts.size;
      if (score < 2) continue;
      if (!best || score > best.score) best = { row: r, twoRow, score, columns };
    }
  }
  if (!best) return undefined;
  const { columns: all, row, twoRow } = best;
  assignDecisionColumns(all);
  const seen = new Set<string>();
  const columns: Column[] = [];
  const duplicates: Column[] = [];
  const unknown: Column[] = [];
  for (const c of all) {
    if (!c.field && !c.wide) {
      if (c.header !== '') unknown.push(c);
      continue;
    }
    const key = `${c.field}|${c.period ?? ''}|${c.decisionFor ?? ''}`;
    if (seen.has(key) && c.field !== 'stt') duplicates.push(c);
    else {
      seen.add(key);
      columns.push(c);
    }
  }
  let dataStart = row + 1;
  while (dataStart < grid.rowCount && (grid.isRowEmpty(dataStart) || isColumnNumberRow(grid, dataStart, cols))) dataStart++;
  return { firstRow: twoRow ? row - 1 : row, lastRow: row, dataStart, columns, unknown, duplicates };
}

function resolveColumns(grid: Grid, r: number, twoRow: boolean, cols: number, mode: PeriodMode): Column[] {
  const out: Column[] = [];
  for (let c = 0; c < cols; c++) {
    const bottom = grid.text(r, c);
    const top = twoRow ? grid.text(r - 1, c) : '';
    const topMerge = twoRow ? grid.mergeAt(r - 1, c) : undefined;
    const topIsGroup = !!topMerge && topMerge.right > topMerge.left;
    out.push(resolveColumn(c, top, bottom, topIsGroup, mode));
  }
  return out;
}

function resolveColumn(col: number, top: string, bottom: string, topIsGroup: boolean, mode: PeriodMode): Column {
  if (bottom === '' || top === '' || top === bottom) return single(col, bottom || top, mode);
  const header = `${top} / ${bottom}`;
  const combined = matchField(`${top} ${bottom}`, true);
  if (combined) return { col, header, field: combined };
  const topPeriod = periodOfHeader(top, mode);
  const bottomCol = single(col, bottom, mode);
  if (topPeriod && (!bottomCol.field || WIDE_FIELDS.has(bottomCol.field))) {
    return { col, header, field: bottomCol.field ?? 'titles', period: topPeriod, wide: true };
  }
  if (bottomCol.wide && !bottomCol.field) {
    const topField = matchField(top);
    if (topField && WIDE_FIELDS.has(topField)) return { ...bottomCol, header, field: topField };
  }
  if (bottomCol.field || bottomCol.wide) return { ...bottomCol, header };
  if (!topIsGroup) {
    const topCol = single(col, top, mode);
    if (topCol.field || topCol.wide) return { ...topCol, header };
  }
  return { col, header };
}

function single(col: number, text: string, mode: PeriodMode): Column {
  const period = periodOfHeader(text, mode);
  const field = matchField(text) ?? (period ? matchField(text.replace(/(năm học|năm|nh)?\s*\d{4}(\s*[-–/]\s*\d{2,4})?/giu, '')) : undefined);
  if (period && (!field || WIDE_FIELDS.has(field))) return { col, header: text, field: field ?? 'titles', period, wide: true };
  return field ? { col, header: text, field } : { col, header: text };
}

/** A header that names a period: "2023-2024", "Năm học 2023-2024", "NH 2023-24", "Xếp loại năm 2024". */
function periodOfHeader(text: string, mode: PeriodMode): Period | undefined {
  if (!/\d{4}/.test(text)) return undefined;
  const k = foldKey(text);
  if (/(sinh|vao nganh|tuyen dung|quyet dinh|qd|ngay)/.test(k)) return undefined;
  return parsePeriod(text, mode);
}

// Decision columns belong to the nearest titles or award column before them ("Danh hiệu | Số QĐ | Khen thưởng | Số QĐ").
function assignDecisionColumns(columns: Column[]): void {
  let last: 'titles' | 'award' | undefined;
  const hasAward = columns.some((c) => c.field === 'award');
  for (const c of columns) {
    if (c.field === 'titles' && !c.wide) last = 'titles';
    else if (c.field === 'award' && !c.wide) last = 'award';
    else if (c.field && DECISION_FIELDS.has(c.field)) c.decisionFor = last ?? (hasAward ? 'award' : 'titles');
  }
}

// The top row of a two-row header groups columns, usually with merges ("Kết quả đánh giá" over two columns,
// "Họ và tên" down two rows). A title merged across the whole table ("DANH SÁCH … NĂM HỌC 2023-2024") groups
// nothing, and a header row over its first data row is no two-row header either.
function topOfTwoRowHeader(grid: Grid, r: number, cols: number): boolean {
  const texts = new Set<string>();
  for (let c = 0; c < cols; c++) {
    const t = grid.text(r, c);
    if (t !== '') texts.add(t);
  }
  if (texts.size < 2) return false;
  if (grid.merges.some((m) => m.top === r && (m.bottom > r || (m.right > m.left && m.right - m.left + 1 < cols)))) return true;
  return !looksLikeData(grid, r + 1, cols);
}

// Numbers, dates, counters: what data rows hold and header rows do not (a school year may head a column).
function looksLikeData(grid: Grid, r: number, cols: number): boolean {
  for (let c = 0; c < cols; c++) {
    const v = grid.ownCell(r, c)?.value;
    if (v === undefined || v === null) continue;
    if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return true;
    if (typeof v === 'string' && /^\s*(\d+|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\s*$/.test(v)) return true;
  }
  return false;
}

function isColumnNumberRow(grid: Grid, r: number, cols: number): boolean {
  let numbered = 0;
  for (let c = 0; c < cols; c++) {
    const t = grid.ownCell(r, c) ? grid.text(r, c) : '';
    if (t === '') continue;
    if (/^\(?\d{1,2}\)?$|^\([a-z0-9=+\-*/ ]+\)$/i.test(t)) numbered++;
    else return false;
  }
  return numbered >= 3;
}
