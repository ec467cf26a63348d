import { type Document, Tab, TabStopType } from 'docx';
import {
  body, centred, dataRow, formNumberHeader, gridTable, heading, makeDocument, nationalHeader, optionalLine, para, section,
  signature, signatureTable, TEXT_WIDTH, title, type Column,
} from './nd30.js';

// Báo cáo thành tích, NĐ 98/2023 Mẫu số 03 (cá nhân) and 02 (tập thể), domain/forms.md §4–5: quốc hiệu only (it is
// the subject's own report), sections I–III, the two tables of section III filled from the data.
const TITLES: Column[] = [
  { header: 'Năm', width: 1500, align: 'center' },
  { header: 'Danh hiệu thi đua', width: 3000 },
  { header: 'Số, ngày, tháng, năm của quyết định công nhận danh hiệu thi đua; cơ quan ban hành quyết định', width: TEXT_WIDTH - 4500 },
];
const AWARDS: Column[] = [
  { header: 'Năm', width: 1500, align: 'center' },
  { header: 'Hình thức khen thưởng', width: 3000 },
  { header: 'Số, ngày, tháng, năm của quyết định khen thưởng; cơ quan ban hành quyết định', width: TEXT_WIDTH - 4500 },
];

function sectionThree(): ReturnType<typeof body | typeof gridTable>[] {
  return [
    heading('III. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG', 240),
    heading('1. Danh hiệu thi đua:', 0),
    gridTable(TITLES, [dataRow(TITLES, ['{#danh_hieu}{nam}', '{danh_hieu}', '{quyet_dinh}{/danh_hieu}'])]),
    heading('2. Hình thức khen thưởng:', 240),
    gridTable(AWARDS, [dataRow(AWARDS, ['{#khen_thuong}{nam}', '{hinh_thuc}', '{quyet_dinh}{/khen_thuong}'])]),
  ];
}

const line = (content: string): ReturnType<typeof body> => body(content);

export function baoCaoCaNhan(): Document {
  return makeDocument('Báo cáo thành tích cá nhân', [section([
    ...nationalHeader(),
    ...title('BÁO CÁO THÀNH TÍCH', [['ĐỀ NGHỊ TẶNG ', { text: '{hinh_thuc}', allCaps: true }]], false),
    heading('I. SƠ LƯỢC LÝ LỊCH', 360),
    line('- Họ tên: {ho_ten}'),
    para(['- Sinh ngày, tháng, năm: {ngay_sinh}', { children: [new Tab(), 'Giới tính: {gioi_tinh}'] }], {
      alignment: 'left', indent: { firstLine: 567 }, spacing: { before: 0, after: 120, line: 276 },
      tabStops: [{ type: TabStopType.LEFT, position: 6000 }],
    }),
    optionalLine('dan_toc', (c) => body(c), '- Dân tộc: '),
    line('- Quê quán: {que_quan}'),
    line('- Trú quán: {tru_quan}'),
    line('- Đơn vị công tác: {don_vi_cong_tac}'),
    line('- Chức vụ (Đảng, chính quyền, đoàn thể): {chuc_vu}'),
    line('- Trình độ lý luận chính trị, chuyên môn, nghiệp vụ: {trinh_do}'),
    line('- Học hàm, học vị, danh hiệu, giải thưởng: {hoc_ham_hoc_vi}'),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC', 240),
    heading('1. Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:', 0),
    body('{#nhiem_vu}{.}{/nhiem_vu}'),
    heading('2. Thành tích đạt được của cá nhân:', 0),
    body('{#thanh_tich}{.}{/thanh_tich}'),
    ...sectionThree(),
    ...signatureTable(
      signature('THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', '(Ký, đóng dấu)', 'thu_truong'),
      signature('NGƯỜI BÁO CÁO THÀNH TÍCH', '(Ký, ghi rõ họ và tên)', 'ho_ten'),
    ),
    centred('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', { bold: true }, { before: 360 }),
    centred('(Ký, đóng dấu)', { italics: true }),
  ], { firstPage: formNumberHeader() })]);
}

export function baoCaoTapThe(): Document {
  return makeDocument('Báo cáo thành tích tập thể', [section([
    ...nationalHeader(),
    ...title('BÁO CÁO THÀNH TÍCH', [['ĐỀ NGHỊ TẶNG ', { text: '{hinh_thuc}', allCaps: true }], '{ten_tap_the}'], false),
    heading('I. SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH', 360),
    heading('1. Đặc điểm, tình hình:', 0),
    body('{#dac_diem}{.}{/dac_diem}'),
    heading('2. Chức năng, nhiệm vụ:', 0),
    body('{#nhiem_vu}{.}{/nhiem_vu}'),
    heading('II. THÀNH TÍCH ĐẠT ĐƯỢC', 240),
    body('{#thanh_tich}{.}{/thanh_tich}'),
    ...sectionThree(),
    ...signatureTable(
      signature('XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG', '(Ký, đóng dấu)', ''),
      signature('THỦ TRƯỞNG ĐƠN VỊ', '(Ký, đóng dấu)', 'thu_truong'),
    ),
  ], { firstPage: formNumberHeader() })]);
}
