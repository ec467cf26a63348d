import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

// Province-scale input for the benchmarks: unit workbooks in the canonical layout with Vietnamese text,
// deterministic (a seeded generator), written with exceljs's streaming writer.
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Ngọc', 'Hữu', 'Thanh', 'Quang'];
const GIVEN = ['An', 'Bình', 'Hương', 'Lan', 'Mai', 'Dũng', 'Hải', 'Trang', 'Linh', 'Quân', 'Yến', 'Sơn', 'Thảo', 'Tuấn'];
const TEAMS = ['Tổ Toán - Tin', 'Tổ Ngữ văn', 'Tổ Khoa học tự nhiên', 'Tổ Ngoại ngữ', 'Tổ Văn phòng'];
const RATINGS = ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ'];

export type Scale = { units: number; staff: number; years: number; lastYear?: number };

export async function generateProvince(dir: string, scale: Scale, seed = 1): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296);
  const last = scale.lastYear ?? 2025;
  const files: string[] = [];
  for (let u = 0; u < scale.units; u++) {
    const file = join(dir, `don-vi-${String(u + 1).padStart(3, '0')}.xlsx`);
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
    const ws = wb.addWorksheet('Cá nhân');
    ws.addRow(['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Tổ chuyên môn', 'Ngày vào ngành', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua', 'Sáng kiến', 'Kỷ luật']).commit();
    const unit = `Trường THCS Số ${u + 1} & Cộng đồng`;
    let stt = 0;
    for (let p = 0; p < scale.staff; p++) {
      const female = rand() < 0.7;
      const name = `${FAMILY[Math.floor(rand() * FAMILY.length)]} ${female ? 'Thị' : MIDDLE[Math.floor(rand() * MIDDLE.length)]} ${GIVEN[Math.floor(rand() * GIVEN.length)]}`;
      const by = 1965 + Math.floor(rand() * 35);
      const birth = new Date(Date.UTC(by, Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
      const id = `0${String(20 + (u % 70)).padStart(2, '0')}${female ? 1 : 0}${String(by).slice(2)}${String(Math.floor(rand() * 1e6)).padStart(6, '0')}`;
      const team = TEAMS[p % TEAMS.length];
      const entry = new Date(Date.UTC(Math.max(by + 22, 1990 + Math.floor(rand() * 25)), 8, 1));
      for (let y = last - scale.years + 1; y <= last; y++) {
        const r = rand();
        const rating = r < 0.45 ? RATINGS[0] : r < 0.95 ? RATINGS[1] : RATINGS[2];
        const cstdcs = rating === RATINGS[0] && rand() < 0.4;
        const title = cstdcs ? 'Chiến sĩ thi đua cơ sở' : rating !== RATINGS[2] ? 'Lao động tiên tiến' : null;
        ws.addRow([++stt, id, name, birth, female ? 'Nữ' : 'Nam', 'Giáo viên', unit, team, entry, `${y - 1}-${y}`, rating, title,
          cstdcs && rand() < 0.6 ? 1 : null, rand() < 0.01 ? 'Khiển trách' : null]).commit();
      }
    }
    ws.commit();
    await wb.commit();
    files.push(file);
  }
  return files;
}

/** One workbook with every row of the province (the big-file case). */
export async function generateBigWorkbook(file: string, rows: number, seed = 7): Promise<void> {
  const units = Math.ceil(rows / 600);
  const dir = join(file, '..');
  mkdirSync(dir, { recursive: true });
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Cá nhân');
  ws.addRow(['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Đơn vị', 'Tổ chuyên môn', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua']).commit();
  for (let i = 0; i < rows; i++) {
    const person = Math.floor(i / 6);
    const y = 2020 + (i % 6);
    const rating = rand() < 0.45 ? 'HTXSNV' : 'HTTNV';
    ws.addRow([i + 1, `0${String(10000000000 + person)}`, `${FAMILY[person % FAMILY.length]} ${MIDDLE[person % MIDDLE.length]} ${GIVEN[person % GIVEN.length]} ${person}`,
      new Date(Date.UTC(1970 + (person % 30), person % 12, 1 + (person % 28))), `Trường số ${person % units}`, TEAMS[person % TEAMS.length],
      `${y - 1}-${y}`, rating, rating === 'HTXSNV' && rand() < 0.4 ? 'CSTĐCS' : 'LĐTT']).commit();
  }
  ws.commit();
  await wb.commit();
}
