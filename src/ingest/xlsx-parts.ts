import { createInflateRaw } from 'node:zlib';
import { parseRange, type Range } from './grid.js';
import { ReadError } from './read-error.js';
import type { ZipEntry } from './zip-guard.js';
import { decodeXml } from './xml-scan.js';

// exceljs's streaming reader skips <mergeCell> and the hidden flag of rows, and loses the error of a formula
// cell ("#N/A" becomes no result); all three are read here from the sheet's XML, inflated as a stream so a
// province-size sheet is never held whole in memory.

// A cell with content: its tag's attributes up to a ">" that does not close it (a styled empty <c r="A1" s="1"/>,
// or an empty error cell, would otherwise take the next cell's <v>), then what it holds.
const ATTRS = String.raw`(?:[^>/]|/(?!>))*`;
const CELL = new RegExp(String.raw`<c\b(${ATTRS})>(.*?)</c>`, 'gs');
const ERROR_CELL = new RegExp(String.raw`<c\b(${ATTRS}\bt="e"${ATTRS})>(.*?)</c>`, 'gs');

export type SheetExtras = {
  merges: Range[];
  hiddenRows: number[];
  errors: Map<string, string>;
  /** The cached results of the formula cells asked for, by address: type and `<v>` text, decoded. */
  results: Map<string, { type: string; v: string }>;
};

/**
 * The merged ranges, hidden rows (0-based) and formula errors of one sheet part, e.g. "xl/worksheets/sheet1.xml",
 * and the cached results of the formula cells `formulas` names (exceljs drops a result of 0 or false).
 */
export async function readSheetExtras(buf: Buffer, entries: ZipEntry[], path: string, file: string, formulas: ReadonlySet<string> = new Set()): Promise<SheetExtras> {
  const out: SheetExtras = { merges: [], hiddenRows: [], errors: new Map(), results: new Map() };
  const part = entries.find((e) => e.name === path);
  if (!part) return out;
  const data = buf.subarray(part.data, part.data + part.compressed);
  let carry = '';
  const scan = (text: string, last: boolean) => {
    const s = carry + text;
    // Keep an unfinished tag, or an unfinished <c>…</c>, for the next chunk.
    let cut = last ? s.length : Math.max(s.lastIndexOf('<'), 0);
    const openCell = s.lastIndexOf('<c ');
    if (!last && openCell > s.lastIndexOf('</c>') && openCell < cut && s[s.indexOf('>', openCell) - 1] !== '/') cut = openCell;
    const done = s.slice(0, cut);
    carry = s.slice(cut);
    // An unfinished cell carried chunk after chunk is scanned again each time: a cell holds 32,767 characters
    // at most (160 KB escaped), so a megabyte of one is no sheet Excel wrote.
    if (carry.length > 1_000_000) throw new ReadError('E_CORRUPT_FILE', file, { part: path });
    for (const m of done.matchAll(/<row\b([^>]*)>/g)) {
      if (!/\bhidden="(1|true)"/.test(m[1])) continue;
      const r = /\br="(\d+)"/.exec(m[1]);
      if (r) out.hiddenRows.push(Number(r[1]) - 1);
    }
    for (const m of done.matchAll(ERROR_CELL)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(m[1]);
      const value = /<v>([^<]*)<\/v>/.exec(m[2]);
      if (ref && value) out.errors.set(ref[1], value[1]);
    }
    if (formulas.size > 0) {
      for (const m of done.matchAll(CELL)) {
        const ref = /\br="([A-Z]+\d+)"/.exec(m[1]);
        if (!ref || !formulas.has(ref[1]) || !/<f\b/.test(m[2])) continue;
        const value = /<v>([^<]*)<\/v>/.exec(m[2]);
        if (value) out.results.set(ref[1], { type: /\bt="([^"]*)"/.exec(m[1])?.[1] ?? 'n', v: decodeXml(value[1]) });
      }
    }
    for (const m of done.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g)) {
      const range = parseRange(m[1]);
      if (range) out.merges.push(range);
    }
  };
  if (part.method === 0) {
    scan(data.toString('utf8'), true);
    return out;
  }
  const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.setEncoding('utf8');
  // A throw from a stream's handler would escape as an uncaught exception: it rejects the promise instead.
  const done = new Promise<void>((resolve, reject) => {
    const step = (chunk: string, last: boolean) => {
      try {
        scan(chunk, last);
        if (last) resolve();
      } catch (e) {
        inflate.destroy();
        reject(e);
      }
    };
    inflate.on('data', (chunk: string) => step(chunk, false));
    inflate.on('end', () => step('', true));
    inflate.on('error', reject);
  });
  inflate.end(data);
  await done;
  return out;
}
