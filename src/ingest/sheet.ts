import { issue, type Issue } from '../model/issue.js';
import { parsePeriod, type Period, type PeriodMode } from '../model/period.js';
import type { YearRecord } from '../model/record.js';
import type { Field } from './columns.js';
import { isConfirmationHeader, readConfirmations } from './confirmations.js';
import { isErrorValue } from './cell-values.js';
import { cellAddress, type Grid } from './grid.js';
import { detectHeader, type Column } from './header.js';
import { FACT_FIELDS, readFacts, type Where } from './row-facts.js';
import { collectiveKey, personKey } from './subject-keys.js';
import { cleanText } from './text.js';
import { groupHeading, isFooter, periodFromTitleRows, rowTexts, unitFromTitleRows } from './title-rows.js';
import type { Confirmation, Layout, SheetSummary, SourceRecord } from './types.js';

export type SheetContext = { file: string; fileStem: string; mode: PeriodMode };
export type SheetResult = { summary: SheetSummary; records: SourceRecord[]; confirmations: Confirmation[]; issues: Issue[] };

/** Reads one sheet's data rows into per-period records, reporting every cell it cannot understand. */
export function readSheet(grid: Grid, ctx: SheetContext): SheetResult {
  const issues: Issue[] = [];
  const where = (r?: number, c?: number) => ({ file: ctx.file, sheet: grid.name, cell: r === undefined || c === undefined ? undefined : cellAddress(r, c) });
  const summary: SheetSummary = { name: grid.name, rows: 0, columns: {} };
  if (grid.rowCount === 0) return { summary, records: [], confirmations: [], issues };
  const header = detectHeader(grid, ctx.mode);
  if (!header) {
    // A guide, a notes page or a hidden list of dropdown values is no table: say so quietly.
    if (!grid.hidden && looksLikeTable(grid)) issues.push(issue('W_NO_HEADER', 'warning', where(), {}));
    else issues.push(issue('I_NO_TABLE', 'info', where(), {}));
    return { summary, records: [], confirmations: [], issues };
  }
  for (const c of header.columns) summary.columns[c.header] = c.wide ? `${c.field}@${c.period}` : c.field;
  // A header cell merged down over the data would read as every row's value (persons named "Họ và tên").
  for (const m of grid.merges.filter((x) => x.top <= header.lastRow && x.bottom > header.lastRow)) {
    issues.push(issue('W_HEADER_MERGED_DOWN', 'warning', where(m.top, m.left), { header: grid.text(m.top, m.left), range: `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}` }));
    grid.cutMerge(m, header.lastRow);
  }
  if (header.unknown.length > 0) issues.push(issue('I_UNKNOWN_COLUMN', 'info', where(), { columns: header.unknown.map((c) => c.header).join('; ') }));
  for (const d of header.duplicates) issues.push(issue('W_DUPLICATE_COLUMN', 'warning', where(header.lastRow, d.col), { header: d.header }));
  if (isConfirmationHeader(header)) {
    const read = readConfirmations(grid, header, ctx, where);
    Object.assign(summary, { layout: 'confirmations', kind: 'confirmation', headerRow: header.lastRow + 1, rows: read.rows });
    return { summary, records: [], confirmations: read.confirmations, issues: [...issues, ...read.issues] };
  }

  const byField = new Map<Field, Column>();
  for (const c of header.columns) if (!c.wide && c.field && !c.decisionFor) byField.set(c.field, c);
  const decisionCols = header.columns.filter((c) => c.decisionFor);
  const wide = groupWide(header.columns);
  const sheetKind: 'person' | 'collective' = byField.has('name') || !byField.has('collectiveName') ? 'person' : 'collective';
  // A sheet with both "Họ và tên" and "Tên tập thể" (a "Khen thưởng" sheet) holds both kinds, row by row.
  const mixed = byField.has('name') && byField.has('collectiveName');
  summary.kind = sheetKind;
  summary.headerRow = header.lastRow + 1;

  const titlePeriod = periodFromTitleRows(grid, header, ctx.mode);
  const sheetPeriod = titlePeriod ?? parsePeriod(grid.name, ctx.mode) ?? parsePeriod(ctx.fileStem, ctx.mode);
  summary.periodFrom = byField.has('period') ? 'column' : titlePeriod ? 'title' : parsePeriod(grid.name, ctx.mode) ? 'sheet' : sheetPeriod ? 'file' : wide.size > 0 ? 'header' : undefined;
  if (!byField.has('period')) summary.period = sheetPeriod;
  const layout: Layout = wide.size > 0 && !byField.has('period') ? 'wide' : byField.has('period') ? 'canonical' : 'per-year';
  summary.layout = layout;
  const hasPlainFacts = [...byField.keys()].some((f) => FACT_FIELDS.has(f));
  if (!byField.has('period') && !sheetPeriod && (wide.size === 0 || hasPlainFacts)) {
    issues.push(issue('E_NO_PERIOD', 'error', where(), {}));
    if (wide.size === 0) return { summary, records: [], confirmations: [], issues };
  }
  const titleUnit = byField.has('unit') ? undefined : unitFromTitleRows(grid, header);

  const records: SourceRecord[] = [];
  let groupTeam: string | undefined;
  const text = (r: number, field: Field) => {
    const c = byField.get(field);
    return c ? grid.text(r, c.col) : '';
  };

  // Columns that name the subject or the period, or date a decision: readFacts judges the fact columns.
  const keyCols = header.columns.filter((c) => !c.wide && c.field && !FACT_FIELDS.has(c.field) && c.field !== 'stt' && c.field !== 'note');
  for (let r = header.dataStart; r < grid.rowCount; r++) {
    if (grid.isRowEmpty(r)) continue;
    const erred = formulaErrors(grid, r, keyCols, issues, where);
    const kind = mixed && text(r, 'name') === '' && text(r, 'collectiveName') !== '' ? 'collective' : sheetKind;
    const nameCol = byField.get(kind === 'person' ? 'name' : 'collectiveName');
    const name = nameCol ? cleanText(grid.text(r, nameCol.col)) : '';
    if (name !== '' ? isFooter(name) : rowTexts(grid, r).some(isFooter)) break;
    const heading = groupHeading(grid, r, header);
    if (heading !== undefined) {
      groupTeam = heading;
      continue;
    }
    const factCells = header.columns.filter((c) => (c.wide || (c.field && FACT_FIELDS.has(c.field))) && grid.text(r, c.col) !== '');
    const idCell = byField.get('id') ? grid.cell(r, byField.get('id')!.col) : undefined;
    const hasKeyData = /^\d+$/.test(text(r, 'stt')) || !!idCell || text(r, 'birthDate') !== '';
    if (name === '') {
      if ((factCells.length > 0 || idCell) && !erred.has(nameCol?.col ?? 0)) issues.push(issue('E_MISSING_NAME', 'error', where(r, nameCol?.col ?? 0), { row: r + 1 }));
      continue;
    }
    if (!hasKeyData && factCells.length === 0 && kind === 'person') continue;
    summary.rows++;

    const key = kind === 'person' ? personKey(grid, r, byField, name, issues, where) : collectiveKey(grid, r, byField, name, titleUnit);
    const unit = cleanText(text(r, 'unit')) || titleUnit;
    const team = cleanText(text(r, 'team')) || (byField.has('team') ? undefined : groupTeam);
    const base = (period: Period): YearRecord => {
      const rec: YearRecord = { period };
      if (unit) rec.unit = unit;
      if (team) rec.team = team;
      return rec;
    };
    const emit = (record: YearRecord, cells: SourceRecord['cells']) =>
      records.push({ key, record, source: { file: ctx.file, sheet: grid.name, row: r + 1 }, cells });

    // Long layouts: one period per row, facts from the plain columns.
    if (byField.has('period') || (wide.size === 0 && sheetPeriod)) {
      let period = sheetPeriod;
      const pc = byField.get('period');
      if (pc) {
        const t = grid.text(r, pc.col);
        const p = t === '' ? sheetPeriod : parsePeriod(t, ctx.mode);
        if (!p) {
          if (!erred.has(pc.col)) issues.push(issue(t === '' ? 'E_MISSING_PERIOD' : 'E_BAD_PERIOD', 'error', where(r, pc.col), { value: t }));
          continue;
        }
        period = p;
      }
      const rec = base(period!);
      const cells: SourceRecord['cells'] = {};
      readFacts(grid, r, [...byField.values()], decisionCols, rec, cells, issues, where);
      emit(rec, cells);
    } else if (hasPlainFacts && sheetPeriod) {
      const rec = base(sheetPeriod);
      const cells: SourceRecord['cells'] = {};
      readFacts(grid, r, [...byField.values()], decisionCols, rec, cells, issues, where);
      emit(rec, cells);
    }
    // Wide layout: one record per period column group, skipped when all its cells are empty.
    for (const [period, cols] of wide) {
      if (cols.every((c) => grid.text(r, c.col) === '')) continue;
      const rec = base(period);
      const cells: SourceRecord['cells'] = {};
      readFacts(grid, r, cols, [], rec, cells, issues, where);
      emit(rec, cells);
    }
  }
  if (grid.hiddenRows.length > 0) issues.push(issue('I_HIDDEN_ROWS', 'info', where(), { count: grid.hiddenRows.length, rows: rowList(grid.hiddenRows) }));
  return { summary, records, confirmations: [], issues };
}

/**
 * A formula error cached in a cell that names the subject or the period ("#REF!" as a name, "#N/A" as a birth
 * date) is an issue at the cell, and the cell reads as empty: never a person called "#REF!".
 */
function formulaErrors(grid: Grid, r: number, cols: Column[], issues: Issue[], where: Where): Set<number> {
  const erred = new Set<number>();
  for (const c of cols) {
    const v = grid.ownCell(r, c.col)?.value;
    if (v === undefined || !isErrorValue(v)) continue;
    issues.push(issue('E_FORMULA_ERROR', 'error', where(r, c.col), { value: v.error, header: c.header }));
    grid.set(r, c.col, { value: null });
    erred.add(c.col);
  }
  return erred;
}

function groupWide(columns: Column[]): Map<Period, Column[]> {
  const out = new Map<Period, Column[]>();
  for (const c of columns) if (c.wide && c.period) (out.get(c.period) ?? out.set(c.period, []).get(c.period)!).push(c);
  return out;
}

function looksLikeTable(grid: Grid): boolean {
  let rows = 0;
  for (let r = 0; r < grid.rowCount && rows < 3; r++) if (rowTexts(grid, r).length >= 3) rows++;
  return rows >= 3;
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).map((r) => r + 1).join(', ');
  return rows.length > 10 ? `${shown}, …` : shown;
}
