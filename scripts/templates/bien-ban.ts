import type { Document } from 'docx';
import {
  agencyHeader, body, dataRow, gridTable, groupRow, heading, makeDocument, para, section, signature, signatureTable,
  TEXT_WIDTH, title, type Column,
} from './nd30.js';

// Biên bản họp Hội đồng Thi đua - Khen thưởng (domain/forms.md §7): one per meeting, every award of the run.
// Members and votes are blanks ("…") for the secretary to fill; the vote table is grouped by form of award.
const MEMBERS: Column[] = [
  { header: 'STT', width: 850, align: 'center' },
  { header: 'Họ và tên', width: 3000 },
  { header: 'Chức vụ', width: TEXT_WIDTH - 850 - 3000 - 2500 },
  { header: 'Chức danh trong Hội đồng', width: 2500 },
];
const VOTES: Column[] = [
  { header: 'STT', width: 850, align: 'center' },
  { header: 'Họ và tên cá nhân, tên tập thể', width: 2700 },
  { header: 'Chức vụ, đơn vị', width: TEXT_WIDTH - 850 - 2700 - 1300 - 1100 - 1200 },
  { header: 'Số phiếu đồng ý', width: 1300, align: 'center' },
  { header: 'Tỷ lệ (%)', width: 1100, align: 'center' },
  { header: 'Ghi chú', width: 1200 },
];

export function bienBan(): Document {
  return makeDocument('Biên bản họp Hội đồng Thi đua - Khen thưởng', [section([
    agencyHeader({ numbered: true }),
    ...title('BIÊN BẢN', ['{trich_yeu}']),
    para('', { spacing: { before: 0, after: 120 } }),
    body('Thời gian: {thoi_gian}.'),
    body('Địa điểm: {dia_diem}.'),
    body('Chủ trì: {chu_tri}, {chuc_vu_chu_tri}.'),
    body('Thư ký: {thu_ky}, {chuc_vu_thu_ky}.'),
    body('Thành phần: {so_co_mat}/{so_thanh_vien} thành viên Hội đồng có mặt; vắng mặt: {vang_mat}. Danh sách thành viên dự họp:'),
    gridTable(MEMBERS, [dataRow(MEMBERS, ['{#thanh_vien}{stt}', '{ho_ten}', '{chuc_vu}', '{chuc_danh}{/thanh_vien}'])]),
    heading('Nội dung cuộc họp:', 240),
    body('{#noi_dung}{.}{/noi_dung}'),
    gridTable(VOTES, [
      groupRow(VOTES, '{#bieu_quyet}{so_nhom}', '{hinh_thuc}'),
      dataRow(VOTES, ['{#de_nghi}{stt}', '{ten}', '{chuc_vu_don_vi}', '{dong_y}', '{ty_le}', '{ghi_chu}{/de_nghi}{/bieu_quyet}']),
    ]),
    para('', { spacing: { before: 0, after: 120 } }),
    body('{#ket_luan}{.}{/ket_luan}'),
    body('Cuộc họp kết thúc vào lúc {ket_thuc} cùng ngày./.'),
    ...signatureTable(signature('THƯ KÝ', '(Ký, ghi rõ họ tên)', 'thu_ky'), signature('CHỦ TRÌ', '(Ký, ghi rõ họ tên)', 'chu_tri'), TEXT_WIDTH),
  ])]);
}
