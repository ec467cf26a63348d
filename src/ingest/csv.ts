import { Grid } from './grid.js';
import { ReadError } from './read-error.js';
import { SHEET_LIMITS, type SheetNote } from './xlsx-cells.js';

/**
 * CSV in UTF-8 (with or without BOM), comma or semicolon separated, RFC 4180 quoting, within the same bounds
 * as a sheet. A quote never closed would swallow the rest of the file into one cell: the file is refused.
 */
export function readCsv(buf: Buffer, file: string, sheetName: string): { grid: Grid; notes: SheetNote[] } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    // Excel's plain "CSV" saves in the Windows code page, not UTF-8.
    throw new ReadError('E_CSV_ENCODING', file);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const sep = count(firstLine, ';') > count(firstLine, ',') ? ';' : count(firstLine, '\t') > count(firstLine, ',') ? '\t' : ',';
  const grid = new Grid(sheetName);
  let row = 0;
  let col = 0;
  let field = '';
  let quoted = false;
  let line = 1;
  let quoteLine = 0;
  let cells = 0;
  let truncatedCols = 0;
  let truncatedRows = 0;
  const push = () => {
    if (field !== '') {
      if (row >= SHEET_LIMITS.maxRows) truncatedRows = row + 1;
      else if (col >= SHEET_LIMITS.maxCols) truncatedCols = Math.max(truncatedCols, col + 1);
      else if (++cells > SHEET_LIMITS.maxCells) throw new ReadError('E_TOO_LARGE', file, { cells: SHEET_LIMITS.maxCells });
      else grid.set(row, col, { value: field });
    }
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') line++;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') {
      quoted = true;
      quoteLine = line;
    } else if (ch === sep) {
      push();
      col++;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      push();
      row++;
      col = 0;
    } else field += ch;
  }
  if (quoted) throw new ReadError('E_CSV_QUOTE', file, { line: quoteLine });
  push();
  const notes: SheetNote[] = [];
  if (truncatedRows > 0) notes.push({ code: 'W_TOO_MANY_ROWS', sheet: sheetName, data: { rows: truncatedRows, max: SHEET_LIMITS.maxRows } });
  if (truncatedCols > 0) notes.push({ code: 'W_TOO_MANY_COLUMNS', sheet: sheetName, data: { columns: truncatedCols, max: SHEET_LIMITS.maxCols } });
  return { grid, notes };
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
