import ExcelJS from 'exceljs';
import { CANONICAL, DROPDOWNS } from '../ingest/canonical.js';

type ListName = keyof typeof DROPDOWNS;

/** The ready-to-fill input workbook of `tdkt init`: canonical sheets, dropdowns, an example row, a guide. */
export async function renderInputWorkbook(periods: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tdkt';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  const guide = wb.addWorksheet('Hướng dẫn');
  const lists = wb.addWorksheet('Danh mục', { state: 'hidden' });
  const ranges = new Map<ListName, string>();
  const allLists: [ListName | 'periods', readonly string[]][] = [...(Object.entries(DROPDOWNS) as [ListName, readonly string[]][]), ['periods', periods]];
  allLists.forEach(([name, values], i) => {
    const col = i + 1;
    lists.getCell(1, col).value = name;
    values.forEach((v, j) => { lists.getCell(j + 2, col).value = v; });
    const letter = lists.getColumn(col).letter;
    ranges.set(name as ListName, `'Danh mục'!$${letter}$2:$${letter}$${values.length + 1}`);
  });
  const periodRange = ranges.get('periods' as ListName)!;

  const sheet = (def: { sheet: string; headers: readonly string[] }, example: (string | Date | number | null)[], dropdowns: Record<string, string>) => {
    const ws = wb.addWorksheet(def.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow([...def.headers]);
    ws.addRow(example);
    ws.getRow(1).font = { name: 'Times New Roman', bold: true, size: 12 };
    ws.getRow(1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    def.headers.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      col.width = Math.max(10, Math.min(36, h.length + 6));
      if (/^Mã|^Số quyết định/.test(h)) col.numFmt = '@';
      if (/^Ngày|^Thời hạn/.test(h)) col.numFmt = 'dd/mm/yyyy';
      const formula = dropdowns[h];
      if (formula) {
        const letter = col.letter;
        (ws as unknown as { dataValidations: { add: (range: string, v: object) => void } }).dataValidations.add(`${letter}2:${letter}2000`, {
          type: 'list', allowBlank: true, formulae: [formula], showErrorMessage: true, errorStyle: 'warning',
          errorTitle: 'Giá trị ngoài danh mục', error: 'Nên chọn trong danh sách; tdkt vẫn đọc được cách ghi tương đương.',
        });
      }
    });
    return ws;
  };
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  // The list ends with the current school year; the example row is for the last one that has ended.
  const latest = periods[Math.max(0, periods.length - 2)];
  sheet(CANONICAL.persons, [1, '020185012345', 'Nguyễn Văn A', d('1985-05-12'), 'Nam', 'Giáo viên', 'Trường THCS …', 'Tổ Toán - Tin', d('2008-09-01'),
    latest, 'Hoàn thành xuất sắc nhiệm vụ', 'Chiến sĩ thi đua cơ sở', '123/QĐ-UBND', d(`${latest.slice(5)}-06-15`), null, null, 'Dòng mẫu: xóa trước khi dùng'],
  { 'Giới tính': ranges.get('genders')!, 'Năm học': periodRange, 'Xếp loại': ranges.get('ratings')!, 'Danh hiệu thi đua': ranges.get('personTitles')!, 'Kỷ luật': ranges.get('discipline')! });
  sheet(CANONICAL.collectives, [1, null, 'Tổ Toán - Tin', 'Trường THCS …', latest, 'Hoàn thành xuất sắc nhiệm vụ', 'Tập thể lao động xuất sắc', null, null, 'Dòng mẫu'],
    { 'Năm học': periodRange, 'Xếp loại': ranges.get('ratings')!, 'Danh hiệu thi đua': ranges.get('collectiveTitles')! });
  sheet(CANONICAL.awards, [1, '020185012345', 'Nguyễn Văn A', null, latest, 'Bằng khen của Chủ tịch UBND tỉnh', 'Công trạng', '456/QĐ-UBND', d(`${latest.slice(5)}-08-20`), 'UBND tỉnh'],
    { 'Năm học': periodRange, 'Hình thức khen thưởng': ranges.get('awards')!, 'Loại khen thưởng': ranges.get('kinds')! });
  sheet(CANONICAL.initiatives, [1, '020185012345', 'Nguyễn Văn A', latest, 'Một số biện pháp nâng cao chất lượng dạy học môn Toán', 'Sáng kiến', 'Cơ sở', 'Không'],
    { 'Năm học': periodRange, 'Phân loại': ranges.get('initiativeTypes')!, 'Cấp công nhận': ranges.get('initiativeLevels')!, 'Dùng xét CSTĐCS': ranges.get('marks')! });

  const lines = [
    'CÁCH ĐIỀN BẢNG TÍNH THI ĐUA – KHEN THƯỞNG',
    '',
    '1. Trang "Cá nhân": mỗi người mỗi năm học một dòng. Mã định danh (số CCCD, 12 chữ số) giúp nhận đúng người qua các năm.',
    '2. Trang "Tập thể": mỗi tổ chuyên môn (và cả trường) mỗi năm học một dòng; "Đơn vị cấp trên" của tổ là tên trường.',
    '3. Trang "Khen thưởng": mỗi quyết định khen thưởng một dòng (Bằng khen, Giấy khen, Huân chương…), ghi rõ loại (công trạng, chuyên đề…).',
    '4. Trang "Sáng kiến": mỗi sáng kiến hoặc đề tài một dòng, ghi cấp công nhận; đánh "x" nếu đã dùng để xét CSTĐCS.',
    '5. Ô để trống nghĩa là "không có" (không có danh hiệu, kỷ luật, khen thưởng). Năm học không có dòng nào là "chưa có dữ liệu".',
    '6. Ngày ghi dạng ngày/tháng/năm (05/09/1985). Năm học ghi dạng 2023-2024.',
    '7. Xóa các dòng mẫu trước khi dùng. Kiểm tra bằng lệnh: tdkt inspect <tệp>.',
  ];
  lines.forEach((l, i) => { guide.getCell(i + 1, 1).value = l; });
  guide.getCell(1, 1).font = { bold: true, size: 14 };
  guide.getColumn(1).width = 120;
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
