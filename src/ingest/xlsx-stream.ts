import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { CellValue } from './cell-values.js';
import { cellAddress, Grid, parseRange } from './grid.js';
import { ReadError } from './read-error.js';
import { addMerges, isDateFormat, plainValue, SHEET_LIMITS, type SheetNote, type SheetRead } from './xlsx-cells.js';
import { formulaResult } from './xlsx-parse.js';
import { readSheetExtras } from './xlsx-parts.js';
import { zipEntries, type ZipEntry } from './zip-guard.js';

type StreamCell = { value: ExcelJS.CellValue; numFmt?: string; formula?: string };
type StreamRow = { number: number; eachCell: (opts: { includeEmpty: boolean }, cb: (cell: StreamCell, col: number) => void) => void };
type StreamSheet = AsyncIterable<StreamRow> & { name: string; state?: string };
type ReaderModel = { model?: { sheets?: { name: string; rId: string }[] }; workbookRels?: { Id: string; Target: string }[] };

/**
 * Reads a workbook too large to load whole with exceljs's streaming reader, into the same grids as the full
 * load. Run on the main thread only: in worker threads the reader returned whole files as `{sharedString: n}`
 * placeholders and raw date serials, with no error, in 8 of 30 runs (exceljs #683). Any such value here is
 * a ReadError, never data. `buf` is the zip rebuildZip writes, with the workbook's own parts first.
 */
export async function readXlsxStream(buf: Buffer, file: string): Promise<SheetRead> {
  const entries = zipEntries(buf, file);
  // Loaded only when a province-sized file comes: a unit workbook never needs exceljs (0.4 s to load).
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([buf]), {
    sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore',
  });
  const grids: Grid[] = [];
  const notes: SheetNote[] = [];
  // Formula cells exceljs gave no result for, by address, with their number format.
  const noResults = new Map<Grid, Map<string, string | undefined>>();
  let cells = 0;
  let seen = 0;
  try {
    for await (const ws of reader as unknown as AsyncIterable<StreamSheet>) {
      const grid = new Grid(ws.name, ws.state === 'hidden' || ws.state === 'veryHidden');
      let truncatedCols = 0;
      let truncatedRows = 0;
      const noResult = new Map<string, string | undefined>();
      // A row number given twice: the full load keeps one of them (and the cell count says so); here the
      // second would overwrite the first in the grid without a word.
      const rowNumbers = new Set<number>();
      for await (const row of ws) {
        if (rowNumbers.has(row.number)) throw new ReadError('E_CORRUPT_FILE', file, { detail: `row ${row.number} twice` });
        rowNumbers.add(row.number);
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (cell.value !== null && cell.value !== undefined) seen++;
          if (row.number > SHEET_LIMITS.maxRows) {
            truncatedRows = Math.max(truncatedRows, row.number);
            return;
          }
          if (col > SHEET_LIMITS.maxCols) {
            truncatedCols = Math.max(truncatedCols, col);
            return;
          }
          if (++cells > SHEET_LIMITS.maxCells) throw new ReadError('E_TOO_LARGE', file, { cells: SHEET_LIMITS.maxCells });
          const plain = plainValue(cell.value, file);
          if (plain.noResult) noResult.set(cellAddress(row.number - 1, col - 1), cell.numFmt);
          const value = plain.value;
          if (value === null) return;
          const numFmt = cell.numFmt;
          grid.set(row.number - 1, col - 1, numFmt && numFmt !== 'General' ? { value: dateChecked(value, numFmt, cell, file), numFmt } : { value });
        });
      }
      if (truncatedRows > 0) notes.push({ code: 'W_TOO_MANY_ROWS', sheet: ws.name, data: { rows: truncatedRows, max: SHEET_LIMITS.maxRows } });
      if (truncatedCols > 0) notes.push({ code: 'W_TOO_MANY_COLUMNS', sheet: ws.name, data: { columns: truncatedCols, max: SHEET_LIMITS.maxCols } });
      grids.push(grid);
      noResults.set(grid, noResult);
    }
  } catch (e) {
    if (e instanceof ReadError) throw e;
    throw new ReadError('E_CORRUPT_FILE', file, { detail: String((e as Error)?.message ?? e).slice(0, 200) });
  }
  const model = reader as unknown as ReaderModel;
  const order = (model.model?.sheets ?? []).map((s) => s.name);
  grids.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  for (const grid of grids) {
    const noResult = noResults.get(grid)!;
    await addExtras(buf, entries, grid, model, noResult, file);
    if (noResult.size > 0) notes.push({ code: 'W_FORMULA_NO_RESULT', sheet: grid.name, data: { count: noResult.size } });
  }
  return { grids, notes, seen };
}

// A number under a date format is what the reader turns into a Date; a raw serial left there is the #683
// failure. A formula's cached result is the exception: exceljs keeps it as a number on both paths.
function dateChecked(value: CellValue, numFmt: string, cell: StreamCell, file: string): CellValue {
  if (typeof value === 'number' && isDateFormat(numFmt) && !isFormula(cell)) throw new ReadError('E_READER_PLACEHOLDER', file);
  return value;
}

function isFormula(cell: StreamCell): boolean {
  const v = cell.value as unknown;
  return typeof v === 'object' && v !== null && ('formula' in v || 'sharedFormula' in v);
}

/**
 * Merged ranges, hidden rows and formula errors, which the streaming reader does not report; a merge keeps its
 * first cell only, as in the full load.
 */
async function addExtras(buf: Buffer, entries: ZipEntry[], grid: Grid, model: ReaderModel, noResult: Map<string, string | undefined>, file: string): Promise<void> {
  const rId = model.model?.sheets?.find((s) => s.name === grid.name)?.rId;
  const target = model.workbookRels?.find((r) => r.Id === rId)?.Target;
  if (!target) return;
  const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
  const extras = await readSheetExtras(buf, entries, path, file, new Set(noResult.keys()));
  for (const r of extras.hiddenRows) grid.hiddenRows.push(r);
  for (const [ref, error] of extras.errors) {
    const at = parseRange(ref)!;
    if (at.top < SHEET_LIMITS.maxRows && at.left < SHEET_LIMITS.maxCols) grid.set(at.top, at.left, { value: { error } });
    noResult.delete(ref);
  }
  // A result of 0 or false, which exceljs drops, read as xlsx-parse reads it (in the 1900 date system: the
  // streaming reader does not say which one the workbook uses).
  for (const [ref, r] of extras.results) {
    if (!noResult.has(ref)) continue;
    const numFmt = noResult.get(ref);
    noResult.delete(ref);
    const value = formulaResult(r.type, r.v, numFmt, false);
    const at = parseRange(ref)!;
    if (value === undefined || value === null || at.top >= SHEET_LIMITS.maxRows || at.left >= SHEET_LIMITS.maxCols) continue;
    grid.set(at.top, at.left, numFmt && numFmt !== 'General' ? { value, numFmt } : { value });
  }
  addMerges(grid, extras.merges, file);
  grid.dropMergedCells();
}
