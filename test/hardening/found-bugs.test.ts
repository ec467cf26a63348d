import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readFile } from '../../src/ingest/read-file.js';
import { parseInitiatives } from '../../src/ingest/vocabulary.js';

// The bugs the fuzz and property tests found in src/ingest, each pinned by the smallest input that showed it
// (the cases the other hardening files cover with their own inputs are named there).

const read = (file: string, buf: Buffer) => readFile(file, buf, { mode: 'school-year', fixEncoding: false });

describe('found by the hardening tests', () => {
  it('a sheet of 150,000 rows is read whole (the rows were appended with push(...rows): a stack overflow)', async () => {
    const lines = ['Họ và tên,Năm học,Xếp loại'];
    for (let i = 1; i <= 150_000; i++) lines.push(`Người ${i},2023-2024,HTTNV`);
    const r = await read('rat-nhieu-dong.csv', Buffer.from(lines.join('\n')));
    expect(r.records).toHaveLength(150_000);
  }, 30_000);

  it('"01 SK cấp tỉnh; 01 SK cấp cơ sở" is two initiatives (the second part was dropped)', () => {
    expect(parseInitiatives('01 SK cấp tỉnh; 01 SK cấp cơ sở')).toEqual([
      { type: 'sang-kien', count: 1, level: 'tinh' }, { type: 'sang-kien', count: 1, level: 'co-so' },
    ]);
    // A title that holds a ";" is still one initiative.
    expect(parseInitiatives('Một số biện pháp dạy học; ứng dụng công nghệ thông tin')).toHaveLength(1);
  });

  it('an empty "Khen thưởng" sheet says no one has an award (it was read as unknown)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Cá nhân').addRows([['Họ và tên', 'Ngày sinh', 'Năm học', 'Xếp loại'], ['Ngô Văn Tài', '12/05/1988', '2024-2025', 'HTTNV']]);
    wb.addWorksheet('Khen thưởng').addRows([['Họ và tên', 'Năm học', 'Hình thức khen thưởng', 'Số quyết định']]);
    wb.addWorksheet('Sáng kiến').addRows([['Họ và tên', 'Năm học', 'Tên sáng kiến']]);
    const r = await read('don-vi.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r.records.map((x) => [x.record.awards, x.record.initiatives, x.record.discipline])).toEqual([[[], [], undefined]]);
  });
});
