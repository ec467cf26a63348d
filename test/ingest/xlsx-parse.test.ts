import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../src/ingest/grid.js';
import { ReadError } from '../../src/ingest/read-error.js';
import { readXlsx, XLSX_READER } from '../../src/ingest/xlsx.js';
import { unzip } from '../hardening/support/mutate.js';
import { zip } from '../hardening/support/zip.js';
import { exceljsGrids } from './support/exceljs-load.js';
import { FIXTURES } from './timeline-view.js';

// tdkt parses unit workbooks itself (xlsx-parse): it must give, cell for cell, the grids exceljs's full load
// gives, on every fixture and on workbooks generated with every kind of value exceljs writes.

const view = (g: Grid) => ({
  name: g.name, hidden: g.hidden, rows: g.rows.map((r) => (r ? [...r] : r)),
  merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left), hiddenRows: [...g.hiddenRows].sort((a, b) => a - b),
});

async function expectSameAsExcelJs(buf: Buffer, file: string): Promise<void> {
  const ours = await readXlsx(buf, file);
  const theirs = await exceljsGrids(buf, file);
  expect(ours.grids.map(view)).toEqual(theirs.grids.map(view));
  expect(ours.notes).toEqual(theirs.notes);
}

const workbooks = readdirSync(FIXTURES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.xlsx') && !e.parentPath.endsWith('bad'))
  .map((e) => relative(FIXTURES, join(e.parentPath, e.name))).sort();

describe('xlsx-parse against exceljs full load', () => {
  it.each(workbooks)('%s', async (f) => expectSameAsExcelJs(readFileSync(join(FIXTURES, f)), f));

  const text = fc.oneof(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.constantFrom('Nguyễn Văn An', 'Tổ Toán – Tin', 'A & B <c> "d"', '  lề  ', 'Lao động tiên tiến', 'x\ny', '0123456789', ']]>', '&amp;'),
  );
  const value = fc.oneof(
    text,
    fc.integer({ min: -1e6, max: 1e9 }),
    fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
      .map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
    fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((t) => ({ text: t, font: { bold: true } })) })),
    fc.oneof(fc.integer(), text, fc.constant({ error: '#N/A' }), fc.constant(undefined)).map((result) => ({ formula: '1+1', result })),
    text.map((t) => ({ text: t, hyperlink: 'https://example.org/a?b=1&c=2' })),
    fc.constant({ error: '#REF!' }),
  );
  // Two known differences, where exceljs is wrong: a formula whose cached result is text or an error, in a
  // date-formatted cell, comes back from exceljs as an invalid Date; and a text result is decoded twice
  // ("&amp;amp;" in the XML, "&amp;" in the cell, comes back as "&"). xlsx-parse keeps what the cell shows.
  const exceljsWrong = (c: { value: unknown; fmt?: string }) => typeof c.value === 'object' && c.value !== null && 'result' in c.value &&
    ((c.fmt === 'dd/mm/yyyy' && c.value.result !== undefined && typeof c.value.result !== 'number') ||
      (typeof c.value.result === 'string' && c.value.result.includes('&')));
  const cell = fc.record({ row: fc.integer({ min: 1, max: 12 }), col: fc.integer({ min: 1, max: 8 }), value, fmt: fc.constantFrom(undefined, 'dd/mm/yyyy', '0000000000', '@', '0.00', 'General') })
    .filter((c) => !exceljsWrong(c));
  const sheet = fc.record({
    name: fc.constantFrom('Cá nhân', 'Tập thể', 'Sheet & 1', "Tổ 'A'"),
    hidden: fc.boolean(),
    cells: fc.array(cell, { maxLength: 40 }),
    merge: fc.option(fc.record({ top: fc.integer({ min: 1, max: 10 }), left: fc.integer({ min: 1, max: 6 }), h: fc.integer({ min: 0, max: 2 }), w: fc.integer({ min: 0, max: 2 }) })),
    hiddenRow: fc.option(fc.integer({ min: 1, max: 12 })),
  });

  it('generated workbooks: the same grids, cell for cell', async () => {
    await fc.assert(fc.asyncProperty(fc.array(sheet, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, sharedStrings) => {
      const wb = new ExcelJS.Workbook();
      sheets.forEach((s, i) => {
        const ws = wb.addWorksheet(`${s.name} ${i}`, { state: s.hidden && i > 0 ? 'hidden' : 'visible' });
        for (const c of s.cells) {
          const target = ws.getCell(c.row, c.col);
          target.value = c.value as ExcelJS.CellValue;
          if (c.fmt) target.numFmt = c.fmt;
        }
        if (s.merge) ws.mergeCells(s.merge.top, s.merge.left, s.merge.top + s.merge.h, s.merge.left + s.merge.w);
        if (s.hiddenRow) ws.getRow(s.hiddenRow).hidden = true;
      });
      const buf = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: sharedStrings } as ExcelJS.XlsxWriteOptions));
      await expectSameAsExcelJs(buf, 'sinh.xlsx');
    }), { seed: 20261128, numRuns: 120 });
  }, 60_000);
});

describe('xlsx-parse on XML exceljs does not write', () => {
  it('prefixed element names, CDATA, character references, cells without addresses', async () => {
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
    const buf = await zip([
      { name: '[Content_Types].xml', data: Buffer.from('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
      { name: '_rels/.rels', data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>') },
      { name: 'xl/workbook.xml', data: Buffer.from(`<x:workbook ${ns}><x:sheets><x:sheet name="T&amp;K" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`) },
      { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>') },
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(`<?xml version="1.0"?><!-- made by hand --><x:worksheet ${ns}><x:sheetData>` +
        '<x:row><x:c t="inlineStr"><x:is><x:t><![CDATA[a < b]]></x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t>Nguy&#7877;n &#x56;&#259;n</x:t></x:is></x:c><x:c><x:v>42</x:v></x:c></x:row>' +
        '</x:sheetData></x:worksheet>') },
    ]);
    const read = await readXlsx(buf, 'tay.xlsx');
    expect(read.grids[0].name).toBe('T&K');
    expect(read.grids[0].rows[0].map((c) => c?.value)).toEqual(['a < b', 'Nguyễn Văn', 42]);
  });

  it('a sheet cut short, with tags that do not nest, or cells outside rows: E_CORRUPT_FILE naming the part', async () => {
    const source = readFileSync(join(FIXTURES, 'truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx'));
    const edits = [
      (x: string) => x.slice(0, x.length - 200), // cut short
      (x: string) => x.replace('</row>', '</c></row>'), // tags that do not nest
      (x: string) => x.replace('<sheetData>', '<sheetData><c><v>1</v></c>'), // a cell outside any row
      (x: string) => x.replace(/<row r="1"/, '<row r="0"'), // row 0
    ];
    for (const edit of edits) {
      const parts = unzip(source).map((p) => ({ name: p.name, data: p.name === 'xl/worksheets/sheet1.xml' ? Buffer.from(edit(p.data.toString())) : p.data }));
      const e = await readXlsx(await zip(parts), 'cut.xlsx').catch((x: unknown) => x);
      expect(e).toBeInstanceOf(ReadError);
      expect(e).toMatchObject({ code: 'E_CORRUPT_FILE', data: { part: 'xl/worksheets/sheet1.xml' } });
    }
  });
});

// A workbook of hand-written parts, for what other programs write (LibreOffice, WPS, hand-edited files).
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
async function handMade(o: { sheet: string; strings?: string; styles?: string; workbookPr?: string }): Promise<Buffer> {
  const rels = [`<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`];
  const parts = [];
  if (o.strings !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts.push({ name: 'xl/sharedStrings.xml', data: `<sst ${NS}>${o.strings}</sst>` });
  }
  if (o.styles !== undefined) {
    rels.push(`<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>`);
    parts.push({ name: 'xl/styles.xml', data: `<styleSheet ${NS}>${o.styles}</styleSheet>` });
  }
  // In the order Excel writes them: the workbook and its relationships before the sheets.
  return zip([
    { name: '[Content_Types].xml', data: '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>' },
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook ${NS}>${o.workbookPr ?? ''}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>` },
    ...parts,
    { name: 'xl/worksheets/sheet1.xml', data: `<worksheet ${NS}>${o.sheet}</worksheet>` },
  ]);
}
const STREAM_DEFAULT = XLSX_READER.streamAboveBytes;
const valuesOf = (g: Grid) => g.rows.map((r) => (r ? r.map((c) => c?.value) : r));

describe('xlsx-parse on what other programs write (review findings)', () => {
  it('a merge over a million rows of a sheet with a cell far down: E_TOO_LARGE at once, not a crash', async () => {
    const sheet = '<sheetData><row r="1"><c r="GR1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:GR1048576"/></mergeCells>';
    const start = performance.now();
    await expect(readXlsx(await handMade({ sheet }), 'gop.xlsx')).rejects.toMatchObject({ code: 'E_TOO_LARGE' });
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('an empty shared-string cell is an empty cell', async () => {
    const read = await readXlsx(await handMade({ sheet: '<sheetData><row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v>0</v></c></row></sheetData>', strings: '<si><t>x</t></si>' }), 'a.xlsx');
    expect(valuesOf(read.grids[0])).toEqual([[undefined, 'x']]);
  });

  it('"_x000D_" escapes are characters; CR LF in the XML is a line feed', async () => {
    const read = await readXlsx(await handMade({
      sheet: '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>m_x0009_n</t></is></c></row></sheetData>',
      strings: '<si><t>a_x000D_&#10;b</t></si><si><r><t>x_x0009_</t></r><r><t>y\r\nz</t></r></si>',
    }), 'a.xlsx');
    expect(valuesOf(read.grids[0])).toEqual([['a\r\nb', 'x\ty\nz', 'm\tn']]);
  });

  it('a formula whose result is 0 or false keeps it; an empty <f/> is no formula', async () => {
    const read = await readXlsx(await handMade({ sheet: '<sheetData><row r="1"><c r="A1"><f>B1-B1</f><v>0</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c><c r="C1"><f/></c><c r="D1"><f>E1</f></c></row></sheetData>' }), 'a.xlsx');
    expect(valuesOf(read.grids[0])).toEqual([[0, false]]);
    expect(read.notes).toEqual([{ code: 'W_FORMULA_NO_RESULT', sheet: 'S', data: { count: 1 } }]);
  });

  it('a formula result of 0 or false reads the same on the streaming path (exceljs drops it there)', async () => {
    const buf = await handMade({ sheet: '<sheetData><row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1-A1</f><v>0</v></c><c r="C1" t="b"><f>1=2</f><v>0</v></c><c r="D1" t="str"><f>"a&amp;b"</f><v>a&amp;b</v></c></row></sheetData>' });
    const whole = await readXlsx(buf, 'a.xlsx');
    XLSX_READER.streamAboveBytes = 0;
    try {
      const streamed = await readXlsx(buf, 'a.xlsx');
      expect(valuesOf(streamed.grids[0])).toEqual(valuesOf(whole.grids[0]));
      expect(streamed.notes).toEqual(whole.notes);
    } finally {
      XLSX_READER.streamAboveBytes = STREAM_DEFAULT;
    }
    expect(valuesOf(whole.grids[0])).toEqual([[5, 0, false, 'a&b']]);
  });

  it('on the streaming path, a styled empty cell just before does not hide a formula result of 0', async () => {
    const buf = await handMade({ sheet: '<sheetData><row r="1"><c r="A1" s="0"/><c r="B1"><f>C1-C1</f><v>0</v></c><c r="C1"><v>3</v></c></row></sheetData>' });
    XLSX_READER.streamAboveBytes = 0;
    try {
      const streamed = await readXlsx(buf, 'a.xlsx');
      expect(valuesOf(streamed.grids[0])).toEqual([[undefined, 0, 3]]);
      expect(streamed.notes).toEqual([]);
    } finally {
      XLSX_READER.streamAboveBytes = STREAM_DEFAULT;
    }
  });

  it('on the streaming path, an empty error cell does not take the next cell\'s error', async () => {
    const buf = await handMade({ sheet: '<sheetData><row r="1"><c r="A1" t="e"/><c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C1"><v>3</v></c></row></sheetData>' });
    XLSX_READER.streamAboveBytes = 0;
    try {
      const streamed = await readXlsx(buf, 'a.xlsx');
      expect(valuesOf(streamed.grids[0])).toEqual([[undefined, { error: '#DIV/0!' }, 3]]);
    } finally {
      XLSX_READER.streamAboveBytes = STREAM_DEFAULT;
    }
    expect(valuesOf((await readXlsx(buf, 'a.xlsx')).grids[0])).toEqual([[undefined, { error: '#DIV/0!' }, 3]]);
  });

  it('values left under a merge are dropped with their rows and columns, the merge cut to what is left', async () => {
    const sheet = '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row><row r="2" hidden="1"><c r="A2"><v>9</v></c></row></sheetData>' +
      '<mergeCells count="2"><mergeCell ref="A1:A2"/><mergeCell ref="B1:C1"/></mergeCells>';
    const g = (await readXlsx(await handMade({ sheet }), 'a.xlsx')).grids[0];
    expect(valuesOf(g)).toEqual([[1, 2]]);
    expect(g.colCount).toBe(2);
    expect(g.hiddenRows).toEqual([]);
    expect(g.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 0 }, { top: 0, left: 1, bottom: 0, right: 1 }]);
  });

  it('number formats as Excel writes them, the 1904 date system, ISO date cells, unknown entities', async () => {
    const styles = '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd\\/mm\\/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>';
    const sheet = '<sheetData><row r="1"><c r="A1" s="1"><v>40000</v></c><c r="B1" t="d"><v>2024-01-15</v></c><c r="C1" t="inlineStr"><is><t>&amp;constructor; &constructor;</t></is></c></row></sheetData>';
    const read = await readXlsx(await handMade({ sheet, styles, workbookPr: '<workbookPr date1904="true"/>' }), 'a.xlsx');
    const [a, b, c] = read.grids[0].rows[0];
    expect(a).toEqual({ value: new Date(Date.UTC(2013, 6, 7)), numFmt: 'dd/mm/yyyy' });
    expect(b?.value).toEqual(new Date(Date.UTC(2024, 0, 15)));
    expect(c?.value).toBe('&constructor; &constructor;');
  });

  it('where exceljs misreads (the generated workbooks leave these out): formula text and errors under a date format, text decoded once, a date format on the Normal style', async () => {
    const styles = '<cellXfs count="2"><xf numFmtId="14"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>';
    const sheet = '<sheetData><row r="1"><c r="A1" s="1" t="str"><f>B9</f><v>Đạt</v></c><c r="B1" s="1" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
      '<c r="C1" t="str"><f>D9</f><v>A &amp;amp; B</v></c><c r="D1"><v>45000</v></c></row></sheetData>';
    const [a, b, c, d] = (await readXlsx(await handMade({ sheet, styles }), 'a.xlsx')).grids[0].rows[0];
    expect(a?.value).toBe('Đạt');
    expect(b?.value).toEqual({ error: '#DIV/0!' });
    expect(c?.value).toBe('A &amp; B');
    expect(d?.value).toEqual(new Date(Date.UTC(2023, 2, 15)));
  });
});
