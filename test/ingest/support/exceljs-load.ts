import ExcelJS from 'exceljs';
import { Grid, parseRange, type Range } from '../../../src/ingest/grid.js';
import { addMerges, plainValue, SHEET_LIMITS, type SheetRead } from '../../../src/ingest/xlsx-cells.js';

/**
 * The reference for xlsx-parse: the grids exceljs's full load gives for a workbook (the reader tdkt used
 * before it parsed unit workbooks itself), built the same way: merges cut to the grid, the other cells of a
 * merge empty, limits and notes as the reader's.
 */
export async function exceljsGrids(buf: Buffer, file: string): Promise<SheetRead> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: SheetRead = { grids: [], notes: [], seen: 0 };
  for (const ws of wb.worksheets) {
    const grid = new Grid(ws.name, ws.state === 'hidden' || ws.state === 'veryHidden');
    let noResult = 0;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      let hasValue = false;
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (rowNumber > SHEET_LIMITS.maxRows || colNumber > SHEET_LIMITS.maxCols) return;
        const { value, noResult: none } = plainValue(cell.value, file);
        if (none) noResult++;
        if (value === null) return;
        hasValue = true;
        const numFmt = cell.numFmt;
        grid.set(rowNumber - 1, colNumber - 1, numFmt && numFmt !== 'General' ? { value, numFmt } : { value });
      });
      if (row.hidden && hasValue) grid.hiddenRows.push(rowNumber - 1);
    });
    const merges = ((ws.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((m): m is Range => !!m);
    addMerges(grid, merges, file);
    if (noResult > 0) out.notes.push({ code: 'W_FORMULA_NO_RESULT', sheet: ws.name, data: { count: noResult } });
    out.grids.push(grid);
  }
  return out;
}
