import type { Document } from 'docx';
import {
  agencyHeader, centred, dataRow, gridTable, groupRow, heading, LANDSCAPE_TEXT_WIDTH, makeDocument, para, section,
  subjectRule, tagLine, type Column,
} from './nd30.js';

// Danh sách đề nghị khen thưởng (domain/forms.md §3): separate tables for cá nhân and tập thể, rows grouped by unit
// for a Phòng/Sở batch. Eight columns with a summary of achievements do not fit portrait: the page is landscape,
// which ND 30 allows for tables.
const W = LANDSCAPE_TEXT_WIDTH;
const PERSONS: Column[] = [
  { header: 'STT', width: 850, align: 'center' },
  { header: 'Họ và tên', width: 3000 },
  { header: 'Năm sinh', width: 1000, align: 'center' },
  { header: 'Giới tính', width: 1000, align: 'center' },
  { header: 'Chức vụ, đơn vị công tác', width: 2800 },
  { header: 'Hình thức đề nghị', width: 2000 },
  { header: 'Tóm tắt thành tích', width: W - 850 - 3000 - 1000 - 1000 - 2800 - 2000 - 1100, align: 'justify' },
  { header: 'Ghi chú', width: 1100 },
];
const COLLECTIVES: Column[] = [
  { header: 'STT', width: 850, align: 'center' },
  { header: 'Tên tập thể', width: 4400 },
  { header: 'Hình thức đề nghị', width: 2800 },
  { header: 'Tóm tắt thành tích', width: W - 850 - 4400 - 2800 - 1300, align: 'justify' },
  { header: 'Ghi chú', width: 1300 },
];

export function danhSach(): Document {
  return makeDocument('Danh sách đề nghị khen thưởng', [section([
    agencyHeader({ width: W, dated: false }),
    centred('DANH SÁCH', { bold: true }, { before: 360 }),
    centred(['ĐỀ NGHỊ TẶNG ', { text: '{hinh_thuc}', allCaps: true }], { bold: true }),
    centred('(Kèm theo {kem_theo})', { italics: true }),
    subjectRule(),
    tagLine('{#muc_ca_nhan}'),
    heading('{muc_ca_nhan}', 240),
    gridTable(PERSONS, [
      groupRow(PERSONS, '{#nhom_ca_nhan}{#don_vi}{so_nhom}', '{don_vi}{/don_vi}'),
      dataRow(PERSONS, ['{#ca_nhan}{stt}', '{ho_ten}', '{nam_sinh}', '{gioi_tinh}', '{chuc_vu_don_vi}', '{hinh_thuc}', '{tom_tat}',
        '{ghi_chu}{/ca_nhan}{/nhom_ca_nhan}']),
    ]),
    tagLine('{/muc_ca_nhan}'),
    tagLine('{#muc_tap_the}'),
    heading('{muc_tap_the}', 240),
    gridTable(COLLECTIVES, [
      groupRow(COLLECTIVES, '{#nhom_tap_the}{#don_vi}{so_nhom}', '{don_vi}{/don_vi}'),
      dataRow(COLLECTIVES, ['{#tap_the}{stt}', '{ten_tap_the}', '{hinh_thuc}', '{tom_tat}', '{ghi_chu}{/tap_the}{/nhom_tap_the}']),
    ]),
    tagLine('{/muc_tap_the}'),
    para('Danh sách này có {so_luong}./.', { spacing: { before: 240, after: 0 } }, { italics: true }),
  ], { landscape: true })]);
}
