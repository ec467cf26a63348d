import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoCrash, tdkt } from './support/cli.js';
import { unzip } from './support/mutate.js';

// Text from the data that Excel would take for a formula (=, +, -, @ first: "CSV injection", here in the
// XLSX report of `tdkt check --out`) is written as text: never a formula cell, never a <f> in the XML.

const HOSTILE = {
  id: '=1+2',
  names: ['=HYPERLINK("http://example.com/x","Bấm vào đây")', '+Nguyễn Văn An', '-Trần Thị Bình', '@Lê Văn Cường', '=cmd|\' /C calc\'!A0'],
  unit: '=2+3*Trường THCS Hoa Sen',
  team: '@Tổ Toán',
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tdkt-report-'));
  mkdirSync(join(dir, 'du-lieu'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cá nhân');
  ws.addRow(['Mã định danh', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Tổ chuyên môn', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua']);
  HOSTILE.names.forEach((name, i) => {
    for (const [p, title] of [['2023-2024', 'LĐTT'], ['2024-2025', 'CSTĐCS']]) {
      ws.addRow([i === 0 ? HOSTILE.id : `00108600123${i}`, name, `0${i + 1}/02/1985`, HOSTILE.unit, HOSTILE.team, p, 'HTXSNV', title]);
    }
  });
  writeFileSync(join(dir, 'du-lieu', 'don-vi.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tdkt check --out report.xlsx with formula-like text in the data', () => {
  it('writes every such value as a text cell, and no formula anywhere', async () => {
    const r = tdkt(['check', 'du-lieu', '--out', 'bao-cao.xlsx'], dir);
    expectNoCrash(r);
    expect([0, 1]).toContain(r.code);
    const buf = readFileSync(join(dir, 'bao-cao.xlsx'));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const found = new Map<string, ExcelJS.ValueType[]>();
    const wanted = [HOSTILE.id, ...HOSTILE.names, HOSTILE.unit];
    let cells = 0;
    for (const ws of wb.worksheets) {
      ws.eachRow((row) => row.eachCell((cell) => {
        cells++;
        expect(cell.type, `${ws.name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula, `${ws.name}!${cell.address}`).toBeUndefined();
        if (typeof cell.value === 'string' && /^[=+\-@]/.test(cell.value)) expect(cell.type).toBe(ExcelJS.ValueType.String);
        for (const w of wanted) if (cell.value === w) found.set(w, [...(found.get(w) ?? []), cell.type]);
      }));
    }
    expect(cells).toBeGreaterThan(50);
    // Each value is there, as it was typed, in text cells only (the verdict and timeline sheets).
    for (const w of wanted) {
      expect(found.get(w), w).toBeDefined();
      expect(new Set(found.get(w))).toEqual(new Set([ExcelJS.ValueType.String]));
    }
    // And in the XML itself: no formula element in any sheet.
    for (const part of unzip(buf).filter((p) => p.name.startsWith('xl/worksheets/'))) expect(part.data.toString('utf8')).not.toMatch(/<f[\s>]/);
  });
});
