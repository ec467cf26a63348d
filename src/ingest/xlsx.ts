import ExcelJS from 'exceljs';
import { Grid, parseRange } from './grid.js';
import { ReadError } from './read-error.js';
import { plainValue, SHEET_LIMITS, type SheetNote } from './xlsx-cells.js';
import { readXlsxStream } from './xlsx-stream.js';
import { guardZip } from './zip-guard.js';

export { SHEET_LIMITS } from './xlsx-cells.js';

/**
 * When to stream: a unit workbook (a few hundred KB) is loaded whole; a province file past this size is read
 * with exceljs's streaming reader (a full load of 180,000 rows peaked at 1 GB here, streaming at 280 MB).
 * A property of an object, not a constant, so tests can send a small fixture down the streaming path.
 */
export const XLSX_READER = { streamAboveBytes: 8 * 1024 * 1024 };

export type XlsxSheets = { grids: Grid[]; notes: SheetNote[] };

/** Reads every sheet of an .xlsx into grids. */
export async function readXlsx(buf: Buffer, file: string): Promise<XlsxSheets> {
  guardZip(buf, file);
  if (buf.length > XLSX_READER.streamAboveBytes) return readXlsxStream(buf, file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError('E_CORRUPT_FILE', file, { detail: String((e as Error).message ?? e).slice(0, 200) });
  }
  const grids: Grid[] = [];
  const notes: SheetNote[] = [];
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
