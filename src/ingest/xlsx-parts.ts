import { createInflateRaw } from 'node:zlib';
import { parseRange, type Range } from './grid.js';

// exceljs's streaming reader skips <mergeCell> and the hidden flag of rows, and loses the error of a formula
// cell ("#N/A" becomes no result); all three are read here from the sheet's XML, inflated as a stream so a
// province-size sheet is never held whole in memory.

type Part = { path: string; local: number; offset: number; compressed: number; method: number };

function parts(buf: Buffer): Part[] {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return [];
  const out: Part[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0 && p + 46 <= buf.length; i--) {
    const nameLength = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    out.push({
      path: buf.toString('utf8', p + 46, p + 46 + nameLength), local,
      offset: local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28),
      compressed: buf.readUInt32LE(p + 20), method: buf.readUInt16LE(p + 10),
    });
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

const findPart = (buf: Buffer, path: string) => parts(buf).find((p) => p.path === path);

/**
 * exceljs's streaming reader parses a sheet as soon as it meets it once the shared strings and the workbook's
 * relationships are read, with whatever styles it has by then: a sheet stored before xl/styles.xml is read
 * without number formats, so its dates come back as bare serials and ids lose their leading zeros, silently.
 */
export function sheetsBeforeStyles(buf: Buffer): boolean {
  const at = (path: string) => parts(buf).find((p) => p.path === path)?.local;
  const styles = at('xl/styles.xml');
  const strings = at('xl/sharedStrings.xml');
  const rels = at('xl/_rels/workbook.xml.rels');
  if (styles === undefined || strings === undefined || rels === undefined) return false;
  return parts(buf).some((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p.path) && p.local > strings && p.local > rels && p.local < styles);
}

export type SheetExtras = { merges: Range[]; hiddenRows: number[]; errors: Map<string, string> };

/** The merged ranges and hidden rows (0-based) of one sheet part, e.g. "xl/worksheets/sheet1.xml". */
export async function readSheetExtras(buf: Buffer, path: string): Promise<SheetExtras> {
  const out: SheetExtras = { merges: [], hiddenRows: [], errors: new Map() };
  const part = findPart(buf, path);
  if (!part) return out;
  const data = buf.subarray(part.offset, part.offset + part.compressed);
  let carry = '';
  const scan = (text: string, last: boolean) => {
    const s = carry + text;
    // Keep an unfinished tag, or an unfinished <c>…</c>, for the next chunk.
    let cut = last ? s.length : Math.max(s.lastIndexOf('<'), 0);
    const openCell = s.lastIndexOf('<c ');
    if (!last && openCell > s.lastIndexOf('</c>') && openCell < cut && s[s.indexOf('>', openCell) - 1] !== '/') cut = openCell;
    const done = s.slice(0, cut);
    carry = s.slice(cut);
    for (const m of done.matchAll(/<row\b([^>]*)>/g)) {
      if (!/\bhidden="(1|true)"/.test(m[1])) continue;
      const r = /\br="(\d+)"/.exec(m[1]);
      if (r) out.hiddenRows.push(Number(r[1]) - 1);
    }
    for (const m of done.matchAll(/<c\b([^>]*\bt="e"[^>]*)>(.*?)<\/c>/gs)) {
      const ref = /\br="([A-Z]+\d+)"/.exec(m[1]);
      const value = /<v>([^<]*)<\/v>/.exec(m[2]);
      if (ref && value) out.errors.set(ref[1], value[1]);
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
  const inflate = createInflateRaw();
  inflate.setEncoding('utf8');
  const done = new Promise<void>((resolve, reject) => {
    inflate.on('data', (chunk: string) => scan(chunk, false));
    inflate.on('end', () => {
      scan('', true);
      resolve();
    });
    inflate.on('error', reject);
  });
  inflate.end(data);
  await done;
  return out;
}
