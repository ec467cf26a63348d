import ExcelJS from 'exceljs';
import { Grid, parseRange, type Range } from './grid.js';
import { ReadError } from './read-error.js';
import { addMerges, plainValue, SHEET_LIMITS, type SheetNote, type SheetRead } from './xlsx-cells.js';
import { readXlsxStream } from './xlsx-stream.js';
import { surveyXlsx } from './xlsx-survey.js';
import { rebuildZip, zipEntries } from './zip-guard.js';

export { SHEET_LIMITS } from './xlsx-cells.js';

/**
 * When to stream: a unit workbook (a few hundred KB) is loaded whole; a province file past this size is read
 * with exceljs's streaming reader (a full load of 180,000 rows peaked at 1 GB here, streaming at 280 MB).
 * A workbook small on disk but large once inflated streams too: the full load builds an object for every
 * <c> element and for every cell a merge covers (a merge over A1:XFD1048576 is 17 billion of them), and
 * checks each new merge against all the others.
 * A property of an object, not a constant, so tests can send a small fixture down the streaming path.
 */
export const XLSX_READER = {
  streamAboveBytes: 8 * 1024 * 1024,
  streamAboveXmlBytes: 160_000_000,
  streamAboveCellElements: 4_000_000,
  streamAboveMergedCells: 1_000_000,
  streamAboveMerges: 5_000,
};

export type XlsxSheets = { grids: Grid[]; notes: SheetNote[] };

/**
 * Reads every sheet of an .xlsx into grids. The zip and its XML are checked and counted first (zip-guard,
 * xlsx-survey), so exceljs never inflates a bomb or an entity; the cells exceljs hands back are then counted
 * against the XML's, since on XML it does not expect it drops cells, even whole rows, without an error.
 */
export async function readXlsx(buf: Buffer, file: string): Promise<XlsxSheets> {
  const entries = zipEntries(buf, file);
  const survey = await surveyXlsx(buf, file, entries);
  if (survey.values > SHEET_LIMITS.maxCells) throw new ReadError('E_TOO_LARGE', file, { cells: SHEET_LIMITS.maxCells });
  const stream = buf.length > XLSX_READER.streamAboveBytes || survey.xmlBytes > XLSX_READER.streamAboveXmlBytes ||
    survey.cellElements > XLSX_READER.streamAboveCellElements || survey.mergedCells > XLSX_READER.streamAboveMergedCells ||
    survey.merges > XLSX_READER.streamAboveMerges;
  const read = stream ? await readXlsxStream(rebuildZip(buf, entries), file) : await loadXlsx(buf, file);
  // The streaming reader drops a cell that shows an empty shared string: with such strings its count runs short.
  const lenient = stream && survey.emptySharedStrings > 0;
  if (read.seen < survey.values && !lenient) throw new ReadError('E_CORRUPT_FILE', file, { detail: `${survey.values - read.seen} cells lost` });
  return { grids: read.grids, notes: read.notes };
}

async function loadXlsx(buf: Buffer, file: string): Promise<SheetRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new ReadError('E_CORRUPT_FILE', file, { detail: String((e as Error)?.message ?? e).slice(0, 200) });
  }
  const out: SheetRead = { grids: [], notes: [], seen: 0 };
  let cells = 0;
  for (const ws of wb.worksheets) {
    const grid = new Grid(ws.name, ws.state === 'hidden' || ws.state === 'veryHidden');
    let truncatedCols = 0;
    let truncatedRows = 0;
    let formulaWithoutResult = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (row.hidden) grid.hiddenRows.push(rowNumber - 1);
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        // The other cells of a merge show its value and are counted: a sheet with merges is checked less tightly.
        if (cell.value !== null && cell.value !== undefined) out.seen++;
        if (cell.isMerged && cell.master !== cell) return;
        if (rowNumber > SHEET_LIMITS.maxRows) {
          truncatedRows = Math.max(truncatedRows, rowNumber);
          return;
        }
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
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is Range => !!m);
    addMerges(grid, merges, file);
    if (truncatedRows > 0) out.notes.push({ code: 'W_TOO_MANY_ROWS', sheet: ws.name, data: { rows: truncatedRows, max: SHEET_LIMITS.maxRows } });
    if (truncatedCols > 0) out.notes.push({ code: 'W_TOO_MANY_COLUMNS', sheet: ws.name, data: { columns: truncatedCols, max: SHEET_LIMITS.maxCols } });
    if (formulaWithoutResult > 0) out.notes.push({ code: 'W_FORMULA_NO_RESULT', sheet: ws.name, data: { count: formulaWithoutResult } });
    out.grids.push(grid);
  }
  return out;
}
