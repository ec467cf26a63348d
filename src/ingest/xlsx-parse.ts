import type { CellValue } from './cell-values.js';
import { Grid, parseRange, type Range } from './grid.js';
import { ReadError } from './read-error.js';
import { addMerges, isDateFormat, SHEET_LIMITS, type SheetNote, type SheetRead } from './xlsx-cells.js';
import { XmlScanner } from './xml-scan.js';

/** An XML part of the workbook as inflated: its name in the zip, and its bytes. */
export type XmlBytes = { name: string; bytes: Buffer };
/** The same part as text. */
type XmlPart = { name: string; xml: string };

/**
 * Reads a workbook's parts (inflated and checked by zip-guard) into grids, as exceljs's full load would give
 * them (test/ingest/xlsx-parse.test.ts holds the two together), in a fraction of its time and memory: a unit
 * workbook is read in one pass over each part, building only the cells that hold a value. Values follow
 * exceljs: formulas give their cached result, a number whose format shows a date is a Date at UTC midnight,
 * the other cells of a merge are left empty. Where exceljs misreads a cell (the test names the cases), the
 * cell is read as Excel shows it.
 */
export function parseXlsx(parts: Map<string, XmlBytes>, file: string): SheetRead {
  const part = (path: string): XmlPart | undefined => {
    const p = parts.get(path.toLowerCase());
    return p && { name: p.name, xml: p.bytes.toString('utf8') };
  };
  const workbookPath = officeDocument(part('_rels/.rels'), file) ?? 'xl/workbook.xml';
  const workbookXml = part(workbookPath);
  if (workbookXml === undefined) throw new ReadError('E_CORRUPT_FILE', file, { part: workbookPath });
  const rels = relationships(part(relsPathOf(workbookPath)), workbookPath, file);
  const book = readWorkbook(workbookXml, file);
  const relOfType = (type: string) => [...rels.values()].find((r) => r.type.endsWith(`/${type}`))?.target;
  const stringsPath = relOfType('sharedStrings') ?? 'xl/sharedStrings.xml';
  const stylesPath = relOfType('styles') ?? 'xl/styles.xml';
  const strings = readSharedStrings(part(stringsPath), file);
  const formats = readCellFormats(part(stylesPath), file);
  const out: SheetRead = { grids: [], notes: [], seen: 0 };
  const count = { cells: 0 };
  for (const sheet of book.sheets) {
    const rel = rels.get(sheet.rid);
    if (!rel || !rel.type.endsWith('/worksheet')) continue; // a chart sheet holds no cells
    const xml = part(rel.target);
    if (xml === undefined) throw new ReadError('E_CORRUPT_FILE', file, { part: rel.target });
    const grid = new Grid(sheet.name, sheet.state === 'hidden' || sheet.state === 'veryHidden');
    readSheet(new XmlScanner(xml.xml, xml.name, file), grid, { strings, formats, date1904: book.date1904, file, count, out });
    out.grids.push(grid);
  }
  return out;
}

type SheetContext = {
  strings: string[];
  formats: (string | undefined)[];
  date1904: boolean;
  file: string;
  count: { cells: number };
  out: SheetRead;
};

/** The cell being read: what its tag and children said. */
type CellState = { row: number; col: number; style: number; type: string; v?: string; formula: boolean; inline?: string };

function readSheet(x: XmlScanner, grid: Grid, ctx: SheetContext): void {
  let truncatedCols = 0;
  let truncatedRows = 0;
  let noResult = 0;
  let row = 0;
  let col = 0;
  let hidden = false;
  let rowHasValue = false;
  const merges: Range[] = [];
  const rows = new Set<number>();
  let cell: CellState | undefined;
  let inPhonetic = false;
  const endCell = (c: CellState) => {
    const value = cellValue(c, ctx);
    if (value === undefined) {
      if (c.formula) noResult++;
      return;
    }
    if (value === null) return;
    ctx.out.seen++;
    if (c.row > SHEET_LIMITS.maxRows) {
      truncatedRows = Math.max(truncatedRows, c.row);
      return;
    }
    if (c.col > SHEET_LIMITS.maxCols) {
      truncatedCols = Math.max(truncatedCols, c.col);
      return;
    }
    if (++ctx.count.cells > SHEET_LIMITS.maxCells) throw new ReadError('E_TOO_LARGE', ctx.file, { cells: SHEET_LIMITS.maxCells });
    rowHasValue = true;
    const numFmt = ctx.formats[c.style];
    grid.set(c.row - 1, c.col - 1, numFmt && numFmt !== 'General' ? { value, numFmt } : { value });
  };
  while (x.next()) {
    switch (x.name) {
      case 'row':
        if (x.closing) {
          if (hidden && rowHasValue) grid.hiddenRows.push(row - 1);
          break;
        }
        row = positiveInt(x.attr('r'), row + 1, x, ctx.file);
        // A row given twice would replace the first one's cells in silence.
        if (rows.has(row)) throw new ReadError('E_CORRUPT_FILE', ctx.file, { part: x.part, detail: `row ${row} twice` });
        rows.add(row);
        col = 0;
        hidden = isTrue(x.attr('hidden'));
        rowHasValue = false;
        break;
      case 'c': {
        if (x.closing) {
          if (cell) endCell(cell);
          cell = undefined;
          break;
        }
        x.attrs(CELL_ATTRS, cellAttrs);
        const ref = cellAttrs[0];
        const at = ref === undefined ? undefined : cellRef(ref);
        if (ref !== undefined && !at) throw new ReadError('E_CORRUPT_FILE', ctx.file, { part: x.part, detail: `cell "${ref.slice(0, 20)}"` });
        if (at) {
          row = at.row;
          col = at.col;
        } else col++;
        // A cell with no address outside any row: no sheet Excel wrote.
        if (row < 1) throw new ReadError('E_CORRUPT_FILE', ctx.file, { part: x.part, detail: 'cell outside a row' });
        const style = Number(cellAttrs[1] ?? 0);
        const c: CellState = { row, col, style: Number.isInteger(style) ? style : 0, type: cellAttrs[2] ?? 'n', formula: false };
        if (x.empty) endCell(c);
        else cell = c;
        break;
      }
      case 'v':
        if (cell && !x.closing) cell.v = x.text();
        break;
      case 'f':
        // A formula as exceljs has one: some text, or a shared or array formula's reference (an empty <f/> is not).
        if (cell && !x.closing) cell.formula ||= x.attr('t') !== undefined || x.text() !== '';
        break;
      case 'rPh':
        inPhonetic = !x.closing && !x.empty;
        break;
      case 't':
        if (cell && !x.closing && !inPhonetic) cell.inline = (cell.inline ?? '') + unescapeOoxml(x.text());
        break;
      case 'mergeCell': {
        // Each merge is an object until addMerges cuts them: a sheet with millions is refused, not held.
        if (merges.length >= MAX_MERGES) throw new ReadError('E_TOO_LARGE', ctx.file, { cells: SHEET_LIMITS.maxCells });
        const ref = x.attr('ref');
        const range = ref ? parseRange(ref) : undefined;
        if (range) merges.push(range);
        break;
      }
      default:
        break;
    }
  }
  addMerges(grid, merges, ctx.file);
  grid.dropMergedCells();
  const sheet = grid.name;
  if (truncatedRows > 0) ctx.out.notes.push({ code: 'W_TOO_MANY_ROWS', sheet, data: { rows: truncatedRows, max: SHEET_LIMITS.maxRows } });
  if (truncatedCols > 0) ctx.out.notes.push({ code: 'W_TOO_MANY_COLUMNS', sheet, data: { columns: truncatedCols, max: SHEET_LIMITS.maxCols } });
  if (noResult > 0) ctx.out.notes.push({ code: 'W_FORMULA_NO_RESULT', sheet, data: { count: noResult } });
}

const CELL_ATTRS = ['r', 's', 't'] as const;
// Where XmlScanner.attrs puts a cell's r, s and t: one array for all cells.
const cellAttrs: (string | undefined)[] = [undefined, undefined, undefined];
const MAX_MERGES = 1_000_000;

/** OOXML's own escape for characters XML cannot hold: "_x000D_" is a carriage return (as exceljs reads it). */
function unescapeOoxml(s: string): string {
  return s.includes('_x') ? s.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;
}

/** The cell's value: null when it shows nothing, undefined for a formula with no cached result. */
function cellValue(c: CellState, ctx: SheetContext): CellValue | undefined {
  const v = c.v;
  if (c.formula) return formulaResult(c.type, v, ctx.formats[c.style], ctx.date1904);
  switch (c.type) {
    case 's': {
      if (!v) return null;
      const s = ctx.strings[parseInt(v, 10)];
      if (s === undefined) throw new ReadError('E_CORRUPT_FILE', ctx.file, { detail: `shared string ${v.slice(0, 20)}` });
      return s === '' ? null : s;
    }
    case 'inlineStr':
      return c.inline ? c.inline : v ? v : null;
    case 'str':
      return v ? v : null;
    case 'b':
      return v ? parseInt(v, 10) !== 0 : null;
    case 'e':
      return v ? { error: v } : null;
    case 'd': {
      if (!v) return null;
      const d = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`);
      return Number.isNaN(d.getTime()) ? v : d;
    }
    default:
      return v === undefined || v === '' ? null : numberIn(v, ctx.formats[c.style], ctx.date1904);
  }
}

// Excel day 25569 is 1970-01-01 (1904 system: 1462 days later), as exceljs builds its dates.
function numberIn(v: string, numFmt: string | undefined, date1904: boolean): CellValue {
  const n = parseFloat(v);
  if (!isDateFormat(numFmt)) return n;
  return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * A formula cell's cached result (the text of `<v>`, decoded) by the cell's type; undefined when there is none.
 * A result of 0 or false is a result (exceljs drops those: xlsx-stream puts them back).
 */
export function formulaResult(type: string, v: string | undefined, numFmt: string | undefined, date1904: boolean): CellValue | undefined {
  if (!v) return undefined;
  if (type === 'str') return v;
  if (type === 'b') return parseInt(v, 10) !== 0;
  if (type === 'e') return { error: v };
  return numberIn(v, numFmt, date1904);
}

const isTrue = (v: string | undefined) => v === '1' || v === 'true';

function positiveInt(v: string | undefined, fallback: number, x: XmlScanner, file: string): number {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new ReadError('E_CORRUPT_FILE', file, { part: x.part, detail: `row "${v.slice(0, 20)}"` });
  return n;
}

/** "AB12" → row 12, column 28 (1-based, as in the XML). */
function cellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i);
    if (ch === 0x24 /* $ */ && i === 0) continue;
    if (ch < 65 || ch > 90) break;
    col = col * 26 + ch - 64;
  }
  if (col === 0 || i === ref.length) return undefined;
  if (ref.charCodeAt(i) === 0x24) i++;
  const row = Number(ref.slice(i));
  return Number.isInteger(row) && row >= 1 ? { row, col } : undefined;
}

type Relationship = { type: string; target: string };

/** The workbook's path, from the package relationships. */
function officeDocument(xml: XmlPart | undefined, file: string): string | undefined {
  if (xml === undefined) return undefined;
  for (const r of relationships(xml, '', file).values()) if (r.type.endsWith('/officeDocument')) return r.target;
  return undefined;
}

function relsPathOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return `${path.slice(0, slash + 1)}_rels/${path.slice(slash + 1)}.rels`;
}

/** Relationships by id, targets resolved against the part they belong to (`from`), lower-cased like the parts. */
function relationships(xml: XmlPart | undefined, from: string, file: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (xml === undefined) return out;
  const x = new XmlScanner(xml.xml, xml.name, file);
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  while (x.next()) {
    if (x.name !== 'Relationship' || x.closing || x.attr('TargetMode') === 'External') continue;
    const id = x.attr('Id');
    const target = x.attr('Target');
    if (id !== undefined && target !== undefined) out.set(id, { type: x.attr('Type') ?? '', target: resolvePath(base, target) });
  }
  return out;
}

function resolvePath(base: string, target: string): string {
  const segments = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/').toLowerCase();
}

type Book = { sheets: { name: string; rid: string; state?: string }[]; date1904: boolean };

function readWorkbook(part: XmlPart, file: string): Book {
  const book: Book = { sheets: [], date1904: false };
  const x = new XmlScanner(part.xml, part.name, file);
  while (x.next()) {
    if (x.closing) continue;
    if (x.name === 'workbookPr') book.date1904 = isTrue(x.attr('date1904'));
    else if (x.name === 'sheet') {
      const name = x.attr('name');
      const rid = x.attr('id');
      if (name === undefined || rid === undefined) throw new ReadError('E_CORRUPT_FILE', file, { part: part.name });
      book.sheets.push({ name, rid, state: x.attr('state') });
    }
  }
  return book;
}

/** The shared strings in order, rich text joined, phonetic guides left out. */
function readSharedStrings(part: XmlPart | undefined, file: string): string[] {
  const out: string[] = [];
  if (part === undefined) return out;
  const x = new XmlScanner(part.xml, part.name, file);
  let text: string | undefined;
  let phonetic = false;
  while (x.next()) {
    if (x.name === 'si') {
      if (x.closing || x.empty) out.push(text ?? '');
      text = x.closing || x.empty ? undefined : '';
    } else if (x.name === 'rPh') phonetic = !x.closing && !x.empty;
    else if (x.name === 't' && !x.closing && !phonetic && text !== undefined) text += unescapeOoxml(x.text());
  }
  return out;
}

/** Each cell format's number format code (cellXfs, by position), as exceljs names the built-in ones. */
function readCellFormats(part: XmlPart | undefined, file: string): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  if (part === undefined) return out;
  const custom = new Map<number, string>();
  const x = new XmlScanner(part.xml, part.name, file);
  let inCellXfs = false;
  while (x.next()) {
    if (x.name === 'numFmt' && !x.closing) {
      const id = Number(x.attr('numFmtId'));
      const code = x.attr('formatCode');
      // "dd\/mm\/yyyy" as Excel writes it is "dd/mm/yyyy" (exceljs drops the escapes too).
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code.replace(/\\(.)/g, '$1'));
    } else if (x.name === 'cellXfs') inCellXfs = !x.closing && !x.empty;
    else if (x.name === 'xf' && inCellXfs && !x.closing) {
      const id = Number(x.attr('numFmtId') ?? 0);
      out.push(id ? custom.get(id) ?? BUILT_IN_FORMATS[id] : undefined);
    }
  }
  return out;
}

// The built-in number formats exceljs knows by id (ids it knows only per East Asian locale have no code).
const BUILT_IN_FORMATS: Record<number, string> = {
  1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm',
  21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};
