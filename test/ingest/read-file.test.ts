import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/ingest/read-file.js';

// Small workbooks built here, each showing one behaviour of the reader a clerk relies on.
type Build = (wb: ExcelJS.Workbook) => void;

async function read(build: Build, file = 'don-vi.xlsx') {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return readFile(file, buf, { mode: 'school-year', fixEncoding: false });
}

const sheet = (wb: ExcelJS.Workbook, name: string, rows: unknown[][]) => {
  const ws = wb.addWorksheet(name);
  for (const r of rows) ws.addRow(r);
  return ws;
};

const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua'];

describe('cells', () => {
  it('formula cells give their cached result; one without a result is reported, read as empty', async () => {
    const r = await read((wb) => sheet(wb, 'Cá nhân', [HEAD,
      [1, 'Ngô Văn Tài', '12/05/1988', '2024-2025', { formula: 'Z1', result: 'HTXSNV' }, { formula: 'Z2', result: 'CSTĐCS' }],
      [2, 'Đinh Thị Nga', '01/02/1990', '2024-2025', { formula: 'Z3' }, 'LĐTT']]));
    expect(r.records[0].record).toMatchObject({ rating: 'HTXS', titles: [{ award: 'cstdcs' }] });
    expect(r.records[1].record.rating).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.sheet, i.data.count])).toEqual([['W_FORMULA_NO_RESULT', 'Cá nhân', 1]]);
  });

  it('rich text reads as its text', async () => {
    const r = await read((wb) => sheet(wb, 'Cá nhân', [HEAD,
      [1, { richText: [{ text: 'Ngô ' }, { font: { bold: true }, text: 'Văn Tài' }] }, '12/05/1988', '2024-2025', 'HTTNV', 'LĐTT']]));
    expect(r.records[0].key.name).toBe('Ngô Văn Tài');
  });

  it('"Số, ngày quyết định" in one cell gives the number and the date', async () => {
    const r = await read((wb) => sheet(wb, 'Cá nhân', [[...HEAD, 'Hình thức khen thưởng', 'Số, ngày quyết định'],
      [1, 'Ngô Văn Tài', '12/05/1988', '2024-2025', 'HTXSNV', 'CSTĐCS', 'Bằng khen của Chủ tịch UBND tỉnh', '1234/QĐ-UBND ngày 15/8/2019']]));
    expect(r.records[0].record.awards).toEqual([{ award: 'bk-tinh', kind: 'cong-trang', decision: { number: '1234/QĐ-UBND', date: '2019-08-15' } }]);
  });

  it('ids keep their leading zeros, typed as text or stored as numbers under a zero format', async () => {
    const r = await read((wb) => {
      const ws = sheet(wb, 'Cá nhân', [['Mã định danh', ...HEAD],
        ['001086001234', 1, 'Ngô Văn Tài', '12/05/1988', '2024-2025', 'HTTNV', 'LĐTT'],
        [1090005678, 2, 'Đinh Thị Nga', '01/02/1990', '2024-2025', 'HTTNV', 'LĐTT']]);
      ws.getCell('A3').numFmt = '000000000000';
    });
    expect(r.records.map((x) => (x.key as { id?: string }).id)).toEqual(['001086001234', '001090005678']);
  });
});

describe('columns and sheets', () => {
  it('unknown columns are reported once per sheet, as info, and never stop the read', async () => {
    const r = await read((wb) => sheet(wb, 'Cá nhân', [[...HEAD, 'Số điện thoại', 'Quê quán'],
      [1, 'Ngô Văn Tài', '12/05/1988', '2024-2025', 'HTTNV', 'LĐTT', '0912345678', 'Lạng Sơn']]));
    expect(r.issues).toEqual([expect.objectContaining({ code: 'I_UNKNOWN_COLUMN', severity: 'info', sheet: 'Cá nhân', data: { columns: 'Số điện thoại; Quê quán' } })]);
    expect(r.records).toHaveLength(1);
  });

  it('a hidden sheet is read and reported; a guide sheet is no table', async () => {
    const r = await read((wb) => {
      sheet(wb, 'Hướng dẫn', [['Cách điền bảng tính'], ['Ghi mỗi người một dòng']]);
      sheet(wb, 'Cá nhân', [HEAD, [1, 'Ngô Văn Tài', '12/05/1988', '2024-2025', 'HTTNV', 'LĐTT']]).state = 'hidden';
    });
    expect(r.issues.map((i) => `${i.code}@${i.sheet}`).sort()).toEqual(['I_HIDDEN_SHEET@Cá nhân', 'I_NO_TABLE@Hướng dẫn']);
    expect(r.records).toHaveLength(1);
  });

  it('a workbook without any table is an error', async () => {
    const r = await read((wb) => sheet(wb, 'Sheet1', [['Báo cáo tổng kết năm học']]));
    expect(r.issues.map((i) => i.code)).toEqual(['I_NO_TABLE', 'E_NO_DATA']);
  });

  it('a title merged across the table right above the header is a title, not a two-row header', async () => {
    const r = await read((wb) => {
      const ws = sheet(wb, 'DS', [['DANH SÁCH CÁ NHÂN ĐẠT DANH HIỆU NĂM HỌC 2023-2024'], ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại', 'Danh hiệu thi đua'],
        [1, 'Ngô Văn Tài', '12/05/1988', 'HTXSNV', 'CSTĐCS']]);
      ws.mergeCells('A1:E1');
    });
    expect(r.input.sheets[0]).toMatchObject({ layout: 'per-year', period: '2023-2024', periodFrom: 'title', headerRow: 2 });
    expect(r.records.map((x) => [x.record.period, x.record.rating])).toEqual([['2023-2024', 'HTXS']]);
  });

  it('the period comes from the sheet name, else the file name, else it is an error', async () => {
    const rows = [['STT', 'Họ và tên', 'Xếp loại'], [1, 'Ngô Văn Tài', 'HTTNV']];
    const bySheet = await read((wb) => sheet(wb, 'NH 2022-2023', rows));
    expect(bySheet.input.sheets[0]).toMatchObject({ period: '2022-2023', periodFrom: 'sheet' });
    const byFile = await read((wb) => sheet(wb, 'DS', rows), 'Danh sach 2021-2022.xlsx');
    expect(byFile.input.sheets[0]).toMatchObject({ period: '2021-2022', periodFrom: 'file' });
    const none = await read((wb) => sheet(wb, 'DS', rows));
    expect(none.issues.map((i) => i.code)).toEqual(['E_NO_PERIOD']);
    expect(none.records).toEqual([]);
  });

  it('a bad school year in the column is an error at its cell; the row is skipped', async () => {
    const r = await read((wb) => sheet(wb, 'Cá nhân', [HEAD, [1, 'Ngô Văn Tài', '12/05/1988', '2024-2026', 'HTTNV', 'LĐTT']]));
    expect(r.issues.map((i) => [i.code, i.cell])).toEqual([['E_BAD_PERIOD', 'D2']]);
    expect(r.records).toEqual([]);
  });
});

describe('two-row headers without merges (as a CSV or a hand-typed sheet has them)', () => {
  it('are read as one header', async () => {
    const r = await read((wb) => sheet(wb, 'NH 2023-2024', [
      ['STT', 'Họ và tên', 'Kết quả đánh giá', null],
      [null, null, 'Xếp loại', 'Danh hiệu thi đua'],
      [1, 'Ngô Văn Tài', 'HTXSNV', 'CSTĐCS'],
    ]));
    expect(r.issues).toEqual([]);
    expect(r.input.sheets[0]).toMatchObject({ headerRow: 2 });
    expect(r.records.map((x) => [x.key.name, x.record.rating, x.record.titles?.map((h) => h.award)])).toEqual([['Ngô Văn Tài', 'HTXS', ['cstdcs']]]);
  });
});
