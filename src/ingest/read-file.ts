import { createHash } from 'node:crypto';
import { basename, extname } from 'node:path';
import { issue, type Issue } from '../model/issue.js';
import type { PeriodMode } from '../model/period.js';
import type { YearRecord } from '../model/record.js';
import { readCsv } from './csv.js';
import type { Grid } from './grid.js';
import type { LegacyEncoding } from './legacy-encoding.js';
import { findLegacyText } from './legacy-sheet.js';
import { ReadError } from './read-error.js';
import { readSheet } from './sheet.js';
import type { InputSummary, Layout, ReadResult, SheetSummary } from './types.js';
import { readXlsx } from './xlsx.js';

export type ReadOptions = { mode: PeriodMode; fixEncoding: boolean };

const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };
const LIST_FIELDS = ['awards', 'initiatives', 'discipline'] as const satisfies readonly (keyof YearRecord)[];

/**
 * Reads one .xlsx or .csv file into records. Throws ReadError when the file as a whole cannot be read.
 * `sha256`: the content's hash when the caller has it already (the cache is keyed by it).
 */
export async function readFile(file: string, buf: Buffer, opts: ReadOptions, sha256?: string): Promise<ReadResult> {
  const issues: Issue[] = [];
  const ext = extname(file).toLowerCase();
  checkSignature(buf, file, ext);
  const read = ext === '.csv' ? readCsv(buf, file, basename(file, extname(file))) : await readXlsx(buf, file);
  const grids: Grid[] = 'grid' in read ? [read.grid] : read.grids;
  for (const n of read.notes) issues.push(issue(n.code, 'warning', { file, sheet: n.sheet }, n.data));
  const input: InputSummary = { file, sha256: sha256 ?? createHash('sha256').update(buf).digest('hex'), layout: 'none', sheets: [], rows: 0 };
  const records: ReadResult['records'] = [];
  const confirmations: ReadResult['confirmations'] = [];
  const fileStem = basename(file, extname(file));
  for (const grid of grids) {
    if (grid.hidden) issues.push(issue('I_HIDDEN_SHEET', 'info', { file, sheet: grid.name }));
    const legacy = findLegacyText(grid, opts.fixEncoding);
    if (legacy) {
      issues.push(issue(opts.fixEncoding ? 'I_LEGACY_ENCODING_FIXED' : 'W_LEGACY_ENCODING', opts.fixEncoding ? 'info' : 'warning',
        { file, sheet: grid.name, cell: legacy.cells[0] }, { encoding: ENCODING_NAMES[legacy.encoding], count: legacy.cells.length, cells: cellList(legacy.cells) }));
    }
    const sheet = readSheet(grid, { file, fileStem, mode: opts.mode });
    // A header typed in a legacy font is not found until converted: say that, not "no header".
    const unread = legacy && !opts.fixEncoding && sheet.summary.layout === undefined;
    for (const i of sheet.issues) {
      if (unread && (i.code === 'W_NO_HEADER' || i.code === 'I_NO_TABLE')) issues.push(issue('E_LEGACY_SHEET_UNREAD', 'error', { file, sheet: grid.name }, { encoding: ENCODING_NAMES[legacy.encoding] }));
      else issues.push(i);
    }
    input.sheets.push(sheet.summary);
    input.rows += sheet.summary.rows;
    // A loop, not push(...): a spread of 400,000 rows overflows the call stack.
    for (const r of sheet.records) records.push(r);
    for (const c of sheet.confirmations) confirmations.push(c);
  }
  // A "Xác nhận" sheet next to the data does not change the workbook's layout.
  const data = input.sheets.filter((s) => s.layout && s.layout !== 'confirmations');
  const layouts = new Set((data.length > 0 ? data : input.sheets).map((s) => s.layout).filter((l): l is Layout => !!l));
  input.layout = layouts.size === 0 ? 'none' : layouts.size === 1 ? [...layouts][0] : 'mixed';
  if (input.sheets.every((s) => s.rows === 0) && !issues.some((i) => i.severity === 'error')) {
    issues.push(issue('E_NO_DATA', 'error', { file }));
  }
  fillListFields(records, input.sheets);
  return { input, records, confirmations, issues: issues.map(clipData) };
}

// A cell may hold 32,767 characters: an issue quotes the start of it, never the whole (one line of a report).
const QUOTED_MAX = 120;

function clipData(i: Issue): Issue {
  const long = Object.entries(i.data).filter(([, v]) => typeof v === 'string' && v.length > QUOTED_MAX);
  if (long.length === 0) return i;
  const data = { ...i.data };
  for (const [k, v] of long) data[k] = `${[...(v as string)].slice(0, QUOTED_MAX).join('')}…`;
  return { ...i, data };
}

// A workbook that carries a list column somewhere (a "Khen thưởng" or "Sáng kiến" sheet) says "none" for the
// subjects of that kind it lists elsewhere without one: empty means none, absent means unknown (DESIGN.md).
// The column counts even when its sheet has no row at all: an empty "Khen thưởng" sheet says no one has one.
const COLUMN_OF = { awards: 'award', initiatives: 'initiatives', discipline: 'discipline' } as const;

function fillListFields(records: ReadResult['records'], sheets: SheetSummary[]): void {
  for (const kind of ['person', 'collective'] as const) {
    const ofKind = records.filter((r) => r.key.kind === kind);
    const columns = new Set(sheets.filter((s) => s.layout !== 'confirmations' && coversKind(s, kind)).flatMap((s) => Object.values(s.columns)));
    for (const field of LIST_FIELDS) {
      if (!columns.has(COLUMN_OF[field]) && !ofKind.some((r) => r.record[field] !== undefined)) continue;
      for (const r of ofKind) r.record[field] ??= [];
    }
  }
}

function coversKind(s: SheetSummary, kind: 'person' | 'collective'): boolean {
  const fields = new Set(Object.values(s.columns));
  if (fields.has('name') || fields.has('collectiveName')) return fields.has(kind === 'person' ? 'name' : 'collectiveName');
  return s.kind === kind;
}

function checkSignature(buf: Buffer, file: string, ext: string): void {
  if (buf.length === 0) throw new ReadError('E_EMPTY_FILE', file);
  const cfb = buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;
  if (ext === '.xls' || (cfb && ext !== '.xlsx' && ext !== '.xlsm')) throw new ReadError('E_XLS', file);
  if (cfb) throw new ReadError('E_ENCRYPTED', file);
  if (ext === '.ods') throw new ReadError('E_ODS', file);
  if (ext === '.csv') return;
  if (ext !== '.xlsx' && ext !== '.xlsm') throw new ReadError('E_UNSUPPORTED_FILE', file, { ext });
  if (buf.length < 4 || buf.readUInt32BE(0) !== 0x504b0304) throw new ReadError('E_CORRUPT_FILE', file);
}

function cellList(cells: string[]): string {
  return cells.length > 8 ? `${cells.slice(0, 8).join(', ')}, …` : cells.join(', ');
}
