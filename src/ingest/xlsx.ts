import ExcelJS from 'exceljs';
import type { CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue } from './cell-values.js';
import { Grid, parseRange } from './grid.js';
import { ReadError } from './read-error.js';
import { guardZip } from './zip-guard.js';

// Bounds that keep one hostile workbook from taking the batch down (16,384 columns × 1M rows is legal XLSX).
export const SHEET_LIMITS = { maxRows: 1_048_576, maxCols: 200, maxCells: 5_000_000 };

export type XlsxSheets = { grids: Grid[]; notes: { code: string; sheet: string; data: Record<string, string | number> }[] };

/** Reads every sheet of an .xlsx with a full exceljs load (unit workbooks are small; see DESIGN.md). */
export async function readXlsx(buf: Buffer, file: string): Promise<XlsxSheets> {
  guardZip(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError('E_CORRUPT_FILE', file, { detail: String((e as Error).message ?? e).slice(0, 200) });
  }
  const grids: Grid[] = [];
  const notes: XlsxSheets['notes'] = [];
  let cells = 0;
  for (const ws of wb.worksheets) {
    const grid = new Grid(ws.name, ws.state === 'hidden' || ws.state === 'veryHidden');
    let truncatedCols = 0;
    let formulaWithoutResult = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber > SHEET_LIMITS.maxRows) return;
      if (row.hidden) grid.hiddenRows.push(rowNumber - 1);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (colNumber > SHEET_LIMITS.maxCols) {
          truncatedCols = Math.max(truncatedCols, colNumber);
          return;
        }
        if (++cells > SHEET_LIMITS.maxCells) throw new ReadError('E_TOO_LARGE', file, { cells: SHEET_LIMITS.maxCells });
        const { value, noResult } = plainValue(cell.value, file);
        if (noResult) formulaWithoutResult++;
        if (value === null) return;
        const numFmt = cell.numFmt;
        grid.set(rowNumber - 1, colNumber - 1, numFmt && numFmt !== 'General' ? { value, numFmt } : { value });
      });
    });
    for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
      const range = parseRange(ref);
      if (range) grid.merges.push(range);
    }
    if (truncatedCols > 0) notes.push({ code: 'W_TOO_MANY_COLUMNS', sheet: ws.name, data: { columns: truncatedCols, max: SHEET_LIMITS.maxCols } });
    if (formulaWithoutResult > 0) notes.push({ code: 'W_FORMULA_NO_RESULT', sheet: ws.name, data: { count: formulaWithoutResult } });
    grids.push(grid);
  }
  return { grids, notes };
}

/** Reduces exceljs's value shapes to plain values; formulas give their cached result. */
function plainValue(v: ExcelCellValue, file: string): { value: CellValue; noResult?: boolean } {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  const o = v as unknown as Record<string, unknown>;
  // exceljs #683: its reader can hand back unresolved shared-string indexes with no error. Never let one through.
  if ('sharedString' in o) throw new ReadError('E_READER_PLACEHOLDER', file);
  if ('error' in o) return { value: { error: String(o.error) } };
  if ('richText' in o && Array.isArray(o.richText)) return { value: o.richText.map((t: { text?: string }) => t.text ?? '').join('') };
  if ('formula' in o || 'sharedFormula' in o) {
    if (!('result' in o) || o.result === undefined) return { value: null, noResult: true };
    return plainValue(o.result as ExcelCellValue, file);
  }
  if ('text' in o) return { value: typeof o.text === 'string' ? o.text : plainValue(o.text as ExcelCellValue, file).value };
  return { value: null };
}
