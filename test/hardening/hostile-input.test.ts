import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { issueMessage } from '../../src/cli/i18n/index.js';
import { ReadError } from '../../src/ingest/read-error.js';
import { readFile } from '../../src/ingest/read-file.js';
import type { ReadResult } from '../../src/ingest/types.js';
import { XLSX_READER } from '../../src/ingest/xlsx.js';
import { bigWorkbook } from './support/big.js';
import { expectKnownCode, expectNoCrash, FIXTURES, tdkt, VIETNAMESE } from './support/cli.js';
import { unzip } from './support/mutate.js';
import { HEADER, PEOPLE, sheetXml, SHEET_CLOSE, SHEET_OPEN, workbook, type Cell } from './support/xlsx.js';
import { bombBytes, zip } from './support/zip.js';

// Files no clerk means to send, each built here byte by byte: every one ends in a clear issue or a refusal
// with a stable code, within bounded time and memory, and never in a crash. Each case runs down both readers
// (exceljs's full load, and the streaming reader province files take).

const DEFAULT_STREAM = XLSX_READER.streamAboveBytes;
afterEach(() => {
  XLSX_READER.streamAboveBytes = DEFAULT_STREAM;
  vi.restoreAllMocks();
});

const READERS = [['full load', Number.MAX_SAFE_INTEGER], ['streaming', 0]] as const;
type Outcome = { result?: ReadResult; error?: ReadError };

async function read(buf: Buffer, streamAbove: number = DEFAULT_STREAM, file = 'don-vi.xlsx'): Promise<Outcome> {
  XLSX_READER.streamAboveBytes = streamAbove;
  try {
    return { result: await readFile(file, buf, { mode: 'school-year', fixEncoding: false }) };
  } catch (e) {
    if (e instanceof ReadError) {
      expectKnownCode(e.code, e.data);
      return { error: e };
    }
    throw e;
  } finally {
    XLSX_READER.streamAboveBytes = DEFAULT_STREAM;
  }
}

const issues = (o: Outcome) => (o.result?.issues ?? []).map((i) => [i.code, i.cell ?? null]);

/** exceljs's two readers, spied on: a refused file must never reach them. */
function spyExcelJs() {
  const xlsx = Object.getPrototypeOf(new ExcelJS.Workbook().xlsx) as { load: () => unknown };
  const reader = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as { parse: () => unknown };
  return { load: vi.spyOn(xlsx, 'load'), parse: vi.spyOn(reader, 'parse') };
}

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});
function folder(files: Record<string, Buffer>, withGood = true): string {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-hostile-'));
  tmp.push(dir);
  mkdirSync(join(dir, 'du-lieu'));
  for (const [name, buf] of Object.entries(files)) writeFileSync(join(dir, 'du-lieu', name), buf);
  if (withGood) copyFileSync(join(FIXTURES, 'truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx'), join(dir, 'du-lieu', 'truong-thcs-hoa-sen.xlsx'));
  return dir;
}

/** The CLI on a folder holding the bad file and a good workbook: exit 1, the bad file named in an error, the good one read. */
function expectFolderRun(dir: string, badName: string, code: string) {
  const r = tdkt(['inspect', 'du-lieu', '--json'], dir);
  expectNoCrash(r);
  expect(r.code).toBe(1);
  const out = JSON.parse(r.stdout) as { inputs: { file: string }[]; issues: { code: string; file: string; message: string }[]; subjects: { kind: string }[] };
  expect(out.inputs.map((i) => i.file)).toEqual(['du-lieu/truong-thcs-hoa-sen.xlsx']);
  expect(out.subjects.filter((s) => s.kind === 'person')).toHaveLength(40);
  const bad = out.issues.find((i) => i.file === `du-lieu/${badName}`);
  expect(bad).toMatchObject({ code });
  expect(bad!.message).toMatch(VIETNAMESE);
  return r;
}

/** The CLI with the bad file named on the command line: exit 2, its name and a Vietnamese sentence on stderr. */
function expectNamedRun(dir: string, badName: string) {
  const r = tdkt(['check', `du-lieu/${badName}`], dir);
  expectNoCrash(r);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain(badName);
  expect(r.stderr).toMatch(VIETNAMESE);
  return r;
}

describe('zip bombs are refused before exceljs inflates anything', () => {
  // 3.5 GB of spaces inside <sheetData>, 3.6 MB on disk.
  const bomb = bombBytes(SHEET_OPEN, 3500, SHEET_CLOSE);
  const withSheet = async (part: Parameters<typeof zip>[0][number]) => {
    const parts = unzip(await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER] }] }));
    return zip(parts.map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? part : { name: p.name, data: p.data })));
  };
  const honest = () => withSheet({ name: 'xl/worksheets/sheet1.xml', data: '', raw: bomb });
  // The directory says 20 KB: only inflating tells.
  const lying = () => withSheet({ name: 'xl/worksheets/sheet1.xml', data: '', raw: bomb, declaredSize: 20_000 });

  it.each(READERS)('one that declares its size (%s): E_ZIP_BOMB at once', async (_, stream) => {
    const spies = spyExcelJs();
    const t = Date.now();
    const o = await read(await honest(), stream);
    expect(o.error?.code).toBe('E_ZIP_BOMB');
    expect(Date.now() - t).toBeLessThan(2_000);
    expect(spies.load).not.toHaveBeenCalled();
    expect(spies.parse).not.toHaveBeenCalled();
  });

  it.each(READERS)('one whose directory lies about its size (%s): E_ZIP_BOMB, inflated as a stream only', async (_, stream) => {
    const spies = spyExcelJs();
    const o = await read(await lying(), stream);
    expect(o.error?.code).toBe('E_ZIP_BOMB');
    expect(spies.load).not.toHaveBeenCalled();
    expect(spies.parse).not.toHaveBeenCalled();
  }, 20_000);

  it('parts that share their bytes (the overlapping-files bomb): E_ZIP_BOMB', async () => {
    const good = await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, ...PEOPLE] }] });
    // A second directory entry, under another name, pointing at the first sheet's bytes.
    const eocd = good.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const cdStart = good.readUInt32LE(eocd + 16);
    let p = cdStart;
    while (good.toString('utf8', p + 46, p + 46 + good.readUInt16LE(p + 28)) !== 'xl/worksheets/sheet1.xml') p += 46 + good.readUInt16LE(p + 28);
    const copy = Buffer.from(good.subarray(p, p + 46 + good.readUInt16LE(p + 28)));
    copy.write('xl/worksheets/sheet9.xml', 46);
    const end = Buffer.from(good.subarray(eocd));
    end.writeUInt16LE(end.readUInt16LE(8) + 1, 8);
    end.writeUInt16LE(end.readUInt16LE(10) + 1, 10);
    end.writeUInt32LE(end.readUInt32LE(12) + copy.length, 12);
    const o = await read(Buffer.concat([good.subarray(0, eocd), copy, end]));
    expect(o.error?.code).toBe('E_ZIP_BOMB');
  });

  it('more than 10,000 parts: E_ZIP_BOMB', async () => {
    const extra = Array.from({ length: 10_001 }, (_, i) => ({ name: `customXml/item${i}.bin`, data: 'x', store: true }));
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, ...PEOPLE] }], extra }));
    expect(o.error?.code).toBe('E_ZIP_BOMB');
  });

  it('the CLI: exit 2 when named, exit 1 in a folder with the rest read; bounded time and memory', async () => {
    const dir = folder({ 'bom.xlsx': await lying() });
    const named = expectNamedRun(dir, 'bom.xlsx');
    const inFolder = expectFolderRun(dir, 'bom.xlsx', 'E_ZIP_BOMB');
    for (const r of [named, inFolder]) {
      expect(r.ms).toBeLessThan(20_000);
      expect(r.rssMB).toBeLessThan(500);
    }
  }, 60_000);
});

describe('XML with a DTD (entity expansion, external entities) is refused: E_XML_DTD naming the part', () => {
  const laughs = '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">' +
    '<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>' +
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&h;</t></si></sst>';
  const billionLaughs = () => workbook({
    sheets: [{ name: 'Cá nhân', rows: [HEADER, [1, { xml: '<c r="$REF" t="s"><v>0</v></c>' }, '12/05/1988', '2023-2024', 'HTTNV', 'LĐTT']] }],
    sharedStrings: laughs,
  });
  const externalEntity = () => workbook({
    sheets: [{
      name: 'Cá nhân',
      xml: sheetXml([HEADER, [1, { xml: '<c r="$REF" t="inlineStr"><is><t>&xxe;</t></is></c>' }, '12/05/1988', '2023-2024', 'HTTNV', 'LĐTT']])
        .replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet'),
    }],
  });

  it.each(READERS)('billion laughs in the shared strings (%s)', async (_, stream) => {
    const spies = spyExcelJs();
    const o = await read(await billionLaughs(), stream);
    expect(o.error).toMatchObject({ code: 'E_XML_DTD', data: { part: 'xl/sharedStrings.xml' } });
    expect(spies.load).not.toHaveBeenCalled();
    expect(spies.parse).not.toHaveBeenCalled();
  });

  it.each(READERS)('an external entity in the sheet (%s)', async (_, stream) => {
    const o = await read(await externalEntity(), stream);
    expect(o.error).toMatchObject({ code: 'E_XML_DTD', data: { part: 'xl/worksheets/sheet1.xml' } });
  });

  it('the CLI: each file named, nothing of /etc/passwd anywhere', async () => {
    const dir = folder({ 'xxe.xlsx': await externalEntity(), 'laughs.xlsx': await billionLaughs() }, false);
    const r = tdkt(['check', 'du-lieu/xxe.xlsx', 'du-lieu/laughs.xlsx'], dir);
    expectNoCrash(r);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/du-lieu\/xxe\.xlsx: .*DOCTYPE/);
    expect(r.stderr).toMatch(/du-lieu\/laughs\.xlsx: .*DOCTYPE/);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/root:/);
  });
});

describe('a million rows', () => {
  it('is refused within bounded time and memory (E_TOO_LARGE), the rest of the folder read', async () => {
    const dir = folder({ 'trieu-dong.xlsx': await bigWorkbook(1_000_000) });
    const r = expectFolderRun(dir, 'trieu-dong.xlsx', 'E_TOO_LARGE');
    // Counted in the XML as it inflates, before exceljs builds a row: a full load of this file would take GBs.
    expect(r.ms).toBeLessThan(30_000);
    expect(r.rssMB).toBeLessThan(600);
  }, 90_000);
});

describe('sheets at the edges of what Excel allows', () => {
  it.each(READERS)('16,384 columns (%s): the first 200 read, a warning with the count, the data kept', async (_, stream) => {
    const head: Cell[] = [...HEADER];
    head[16_383] = 'Cột XFD';
    const first: Cell[] = [...PEOPLE[0]];
    for (let c = 6; c < 16_384; c++) first[c] = c;
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', rows: [head, first, ...PEOPLE.slice(1)] }] }), stream);
    expect(issues(o)).toEqual([['W_TOO_MANY_COLUMNS', null]]);
    expect(o.result!.issues[0]).toMatchObject({ sheet: 'Cá nhân', data: { columns: 16_384, max: 200 } });
    expect(o.result!.records.map((x) => x.key.name)).toEqual(['Ngô Văn Tài', 'Đinh Thị Nga', 'Lò Văn Páo']);
  }, 20_000);

  it.each(READERS)('cells of 32,767 characters (%s): kept whole, quoted short in messages', async (_, stream) => {
    const name = 'Nguyễn Văn '.repeat(3000).slice(0, 32_767);
    const title = 'L'.repeat(32_767);
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, [1, name, '12/05/1988', '2023-2024', 'HTTNV', title], ...PEOPLE] }] }), stream);
    expect(o.result!.records[0].key.name).toHaveLength(name.trim().length);
    expect(issues(o)).toEqual([['E_UNKNOWN_TITLE', 'F2']]);
    const message = issueMessage(o.result!.issues[0], 'vi');
    expect(message.length).toBeLessThan(400);
  });

  it.each(READERS)('one cell of 6 MB, past anything Excel writes (%s): read whole or refused, in bounded time', async (_, stream) => {
    const huge = 'a'.repeat(6_000_000);
    const t = Date.now();
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, [1, 'Ngô Văn Tài', '12/05/1988', '2023-2024', 'HTTNV', 'LĐTT', huge], ...PEOPLE.slice(1)] }] }), stream);
    expect(Date.now() - t).toBeLessThan(10_000);
    if (o.error) expect(o.error.code).toBe('E_CORRUPT_FILE');
    else expect(o.result!.records).toHaveLength(3);
  }, 20_000);

  it.each(READERS)('a row past row 1,048,576 (%s): W_TOO_MANY_ROWS, the rest read', async (_, stream) => {
    const xml = sheetXml([HEADER, ...PEOPLE]).replace('</sheetData>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>');
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', xml }] }), stream);
    expect(issues(o)).toEqual([['W_TOO_MANY_ROWS', null]]);
    expect(o.result!.records).toHaveLength(3);
  });
});

describe('formula errors as cached values', () => {
  const err = (e: string, formula = true) => ({ xml: `<c r="$REF" t="e">${formula ? '<f>1/0</f>' : ''}<v>${e}</v></c>` });
  const rows: Cell[][] = [HEADER,
    [1, err('#REF!'), '12/05/1988', '2023-2024', 'HTTNV', 'LĐTT'],
    [2, 'Đinh Thị Nga', err('#N/A', false), '2023-2024', 'HTTNV', 'LĐTT'],
    [3, 'Lò Văn Páo', '03/04/1985', err('#VALUE!'), 'HTTNV', 'LĐTT'],
    [4, 'Hà Thị Lan', '03/04/1986', '2023-2024', err('#N/A'), err('#REF!', false)],
    [err('#DIV/0!'), 'Vi Văn Hùng', '03/04/1987', '2023-2024', 'HTXSNV', 'CSTĐCS']];

  it.each(READERS)('are an issue at each cell, never a value (%s)', async (_, stream) => {
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', rows }] }), stream);
    expect(o.result!.issues.map((i) => [i.code, i.cell, i.data.value])).toEqual([
      ['E_FORMULA_ERROR', 'B2', '#REF!'], ['E_FORMULA_ERROR', 'C3', '#N/A'], ['E_FORMULA_ERROR', 'D4', '#VALUE!'],
      ['E_FORMULA_ERROR', 'E5', '#N/A'], ['E_FORMULA_ERROR', 'F5', '#REF!'],
    ]);
    // No one is called "#REF!"; the row without a name or a period is left out; a bad birth date is no date.
    expect(o.result!.records.map((x) => [x.key.name, (x.key as { birthDate?: string }).birthDate ?? null, x.record.rating ?? null])).toEqual([
      ['Đinh Thị Nga', null, 'HTT'], ['Hà Thị Lan', '1986-04-03', null], ['Vi Văn Hùng', '1987-04-03', 'HTXS'],
    ]);
  });
});

describe('merged cells', () => {
  const sheet = (merges: string[]) => workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, ...PEOPLE], merges }] });

  it.each(READERS)('a header cell merged down over the data (%s): a warning, never a person named "Họ và tên"', async (_, stream) => {
    const o = await read(await sheet(['B1:B4']), stream);
    expect(issues(o)).toEqual([['W_HEADER_MERGED_DOWN', 'B1'], ['E_MISSING_NAME', 'B2'], ['E_MISSING_NAME', 'B3'], ['E_MISSING_NAME', 'B4']]);
    expect(o.result!.issues[0].data).toMatchObject({ header: 'Họ và tên', range: 'B1:B4' });
    expect(o.result!.records).toEqual([]);
  });

  it.each(READERS)('the header merged across into one cell (%s): no header, no data, said so', async (_, stream) => {
    const o = await read(await sheet(['A1:F1']), stream);
    expect(issues(o)).toEqual([['W_NO_HEADER', null], ['E_NO_DATA', null]]);
  });

  it.each(READERS)('one merge over the whole sheet, A1:XFD1048576 (%s): read in bounded time', async (_, stream) => {
    const t = Date.now();
    const o = await read(await sheet(['A1:XFD1048576']), stream);
    expect(Date.now() - t).toBeLessThan(3_000);
    expect(issues(o)).toEqual([['I_NO_TABLE', null], ['E_NO_DATA', null]]);
  });

  it.each(READERS)('overlapping merges (%s): E_CORRUPT_FILE', async (_, stream) => {
    expect((await read(await sheet(['A1:C1', 'B1:D1']), stream)).error?.code).toBe('E_CORRUPT_FILE');
  });

  it('30,000 merges below the table: read, in bounded time', async () => {
    const t = Date.now();
    const o = await read(await sheet(Array.from({ length: 30_000 }, (_, i) => `A${i + 10}:B${i + 10}`)));
    expect(o.result!.records).toHaveLength(3);
    expect(Date.now() - t).toBeLessThan(5_000);
  });
});

describe('damage exceljs would read past in silence', () => {
  const rewrap = async (part: string, edit: (xml: string) => string) => {
    const parts = unzip(await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, ...PEOPLE] }] }));
    return zip(parts.map((p) => ({ name: p.name, data: p.name === part ? edit(p.data.toString()) : p.data })));
  };

  it.each(READERS)('a sheet cut short, its size and CRC right (%s): E_CORRUPT_FILE, not the rows before the cut', async (_, stream) => {
    const o = await read(await rewrap('xl/worksheets/sheet1.xml', (x) => x.slice(0, x.indexOf('<row r="3"'))), stream);
    expect(o.error).toMatchObject({ code: 'E_CORRUPT_FILE', data: { part: 'xl/worksheets/sheet1.xml' } });
  });

  it.each(READERS)('an element out of place inside a cell, after which the full load drops every row (%s)', async (_, stream) => {
    const o = await read(await rewrap('xl/worksheets/sheet1.xml', (x) => x.replace('<c r="A2">', '<c r="A2"><dimension ref="A1:F9"/>')), stream);
    // The streaming reader reads the rows; the full load loses them, and the cell count says so.
    if (o.result) expect(o.result.records).toHaveLength(3);
    else expect(o.error?.code).toBe('E_CORRUPT_FILE');
  });

  it.each(READERS)('a row number given twice (%s): E_CORRUPT_FILE, not one row silently replaced by the other', async (_, stream) => {
    const o = await read(await rewrap('xl/worksheets/sheet1.xml', (x) => x.replace('<row r="3">', '<row r="2">')), stream);
    expect(o.error?.code).toBe('E_CORRUPT_FILE');
  });

  it.each(READERS)('a shared string that does not exist (%s): E_CORRUPT_FILE or E_READER_PLACEHOLDER, never an empty cell', async (_, stream) => {
    const sst = '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>';
    const o = await read(await workbook({ sheets: [{ name: 'Cá nhân', rows: [HEADER, [1, { xml: '<c r="$REF" t="s"><v>7</v></c>' }, '12/05/1988', '2023-2024', 'HTTNV', 'LĐTT']] }], sharedStrings: sst }), stream);
    expect(['E_CORRUPT_FILE', 'E_READER_PLACEHOLDER']).toContain(o.error?.code);
  });
});

describe('CSV', () => {
  const csv = (text: string) => read(Buffer.from(text, 'utf8'), DEFAULT_STREAM, 'don-vi 2023-2024.csv');
  const head = 'STT,Họ và tên,Ngày sinh,Xếp loại,Danh hiệu thi đua\n';

  it('a quote never closed: E_CSV_QUOTE with its line, not the rest of the file in one cell', async () => {
    const o = await csv(`${head}1,Ngô Văn Tài,12/05/1988,HTXSNV,CSTĐCS\n2,"Đinh Thị Nga,01/02/1990,HTTNV,LĐTT\n3,Lò Văn Páo,03/04/1985,HTTNV,LĐTT\n`);
    expect(o.error).toMatchObject({ code: 'E_CSV_QUOTE', data: { line: 3 } });
  });

  it('16,384 columns: the first 200 read, with a warning', async () => {
    const o = await csv(`${head.trim()}${',x'.repeat(16_379)}\n1,Ngô Văn Tài,12/05/1988,HTXSNV,CSTĐCS\n`);
    expect(issues(o).filter(([code]) => !code!.startsWith('I_'))).toEqual([['W_TOO_MANY_COLUMNS', null]]);
    expect(o.result!.records).toHaveLength(1);
  });

  it('bytes that are no text: E_CSV_ENCODING', async () => {
    const o = await read(Buffer.from([0x53, 0x54, 0x54, 0x2c, 0xff, 0xfe, 0x00, 0xc3, 0x28]), DEFAULT_STREAM, 'rac.csv');
    expect(o.error?.code).toBe('E_CSV_ENCODING');
  });
});
