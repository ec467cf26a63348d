import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadError } from '../../src/ingest/read-error.js';
import { readXlsx, XLSX_READER } from '../../src/ingest/xlsx.js';
import type { Grid } from '../../src/ingest/grid.js';
import { FIXTURES, load } from './timeline-view.js';

// Province files are streamed (exceljs WorkbookReader) instead of loaded whole. Lowering the threshold sends
// every fixture down that path: it must give the same grids, and fail loudly where exceljs would not.
const DEFAULT = XLSX_READER.streamAboveBytes;
afterEach(() => { XLSX_READER.streamAboveBytes = DEFAULT; });

async function readBoth(buf: Buffer, file: string) {
  XLSX_READER.streamAboveBytes = Number.MAX_SAFE_INTEGER;
  const full = await readXlsx(buf, file);
  XLSX_READER.streamAboveBytes = 0;
  const streamed = await readXlsx(buf, file);
  XLSX_READER.streamAboveBytes = DEFAULT;
  return { full, streamed };
}

const view = (g: Grid) => ({
  name: g.name, hidden: g.hidden, rows: g.rows,
  merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left), hiddenRows: [...g.hiddenRows].sort((a, b) => a - b),
});

const workbooks = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.xlsx') && !e.parentPath.endsWith('bad'))
  .map((e) => relative(FIXTURES, join(e.parentPath, e.name))).sort();

describe('streaming reader', () => {
  it('covers the fixtures', () => expect(workbooks.length).toBeGreaterThan(15));

  it.each(workbooks)('%s: the same grids as a full load', async (f) => {
    const buf = readFileSync(join(FIXTURES, f));
    const { full, streamed } = await readBoth(buf, f);
    expect(streamed.grids.map(view)).toEqual(full.grids.map(view));
    expect(streamed.notes).toEqual(full.notes);
  });

  it('keeps merges, hidden rows and formula errors, which exceljs streams without', async () => {
    const f = 'messy/ngang-hai-dong.xlsx';
    const { streamed } = await readBoth(readFileSync(join(FIXTURES, f)), f);
    const sheet = streamed.grids.find((g) => g.name === 'Tổng hợp')!;
    expect(sheet.merges.length).toBeGreaterThan(10);
    expect(sheet.hiddenRows).toEqual([11]);
    expect(streamed.grids.find((g) => g.name === 'Ghi chú')!.hidden).toBe(true);
    const odd = await readBoth(readFileSync(join(FIXTURES, 'messy/gia-tri-la.xlsx')), 'gia-tri-la.xlsx');
    expect(odd.streamed.grids[0].ownCell(4, 4)?.value).toEqual({ error: '#N/A' });
  });

  it('reads the canonical school into the same records and timelines', async () => {
    const full = await load(['truong-thcs-hoa-sen/chuan']);
    XLSX_READER.streamAboveBytes = 0;
    const streamed = await load(['truong-thcs-hoa-sen/chuan']);
    expect(streamed.records).toEqual(full.records);
    expect(streamed.timelines).toEqual(full.timelines);
    expect(streamed.allIssues).toEqual(full.allIssues);
  });

  it('is used only past the threshold', () => {
    expect(DEFAULT).toBeGreaterThanOrEqual(4 * 1024 * 1024);
  });
});

/** The same zip with its entries in another order, or some left out (local records copied as they are). */
function rezip(buf: Buffer, order: (names: string[]) => string[]): Buffer {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const entries = new Map<string, { central: Buffer; local: Buffer }>();
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const n = buf.readUInt16LE(p + 28);
    const size = 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    let end = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28) + buf.readUInt32LE(p + 20);
    if (buf.readUInt16LE(local + 6) & 8) end += buf.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
    entries.set(buf.toString('utf8', p + 46, p + 46 + n), { central: Buffer.from(buf.subarray(p, p + size)), local: buf.subarray(local, end) });
    p += size;
  }
  const names = order([...entries.keys()]);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const e = entries.get(name)!;
    e.central.writeUInt32LE(offset, 42);
    locals.push(e.local);
    centrals.push(e.central);
    offset += e.local.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.from(buf.subarray(eocd, eocd + 22));
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...locals, cd, end]);
}

describe('exceljs #683: values the streaming reader would return unresolved', () => {
  const canonical = readFileSync(join(FIXTURES, 'truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx'));

  it('a shared-string placeholder is a ReadError, not data', async () => {
    const noStrings = rezip(canonical, (names) => names.filter((n) => n !== 'xl/sharedStrings.xml'));
    XLSX_READER.streamAboveBytes = 0;
    const err = await readXlsx(noStrings, 'x.xlsx').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReadError);
    expect((err as ReadError).code).toBe('E_READER_PLACEHOLDER');
  });

  it('sheets stored before the styles, and the workbook part stored last, are read with their number formats', async () => {
    const first = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
    const last = ['xl/styles.xml', 'xl/workbook.xml'];
    const reordered = rezip(canonical, (names) => [...first, ...names.filter((n) => !first.includes(n) && !last.includes(n)), ...last]);
    XLSX_READER.streamAboveBytes = Number.MAX_SAFE_INTEGER;
    const loaded = await readXlsx(reordered, 'x.xlsx');
    expect(loaded.grids[0].ownCell(1, 3)?.value).toBeInstanceOf(Date);
    XLSX_READER.streamAboveBytes = 0;
    const streamed = await readXlsx(reordered, 'x.xlsx');
    expect(streamed.grids.map(view)).toEqual(loaded.grids.map(view));
  });
});
