import { Grid } from './grid.js';
import { ReadError } from './read-error.js';

/** CSV in UTF-8 (with or without BOM), comma or semicolon separated, RFC 4180 quoting. */
export function readCsv(buf: Buffer, file: string, sheetName: string): Grid {
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
  const push = () => {
    if (field !== '') grid.set(row, col, { value: field });
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      push();
      col++;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      push();
      row++;
      col = 0;
    } else field += ch;
  }
  push();
  return grid;
}

function count(s: string, ch: string): number {
  return s.split(ch).length - 1;
}
