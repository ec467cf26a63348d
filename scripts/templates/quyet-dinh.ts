import type { Document } from 'docx';
import {
  agencyHeader, body, centred, dataRow, gridTable, groupRow, makeDocument, noiNhanBlock, para, section, signatureTable,
  signerBlock, subjectRule, TEXT_WIDTH, title, type Column,
} from './nd30.js';

// Quyết định công nhận danh hiệu thi đua (LĐTT, CSTĐCS, TTLĐTT, TTLĐXS) and its danh sách kèm theo, on a new page.
// The articles come from the data (Điều 2 cites the award money of the decree in force).
const COLUMNS: Column[] = [
  { header: 'STT', width: 850, align: 'center' },
  { header: '{cot_ten}', width: 3200 },
  { header: 'Chức vụ, đơn vị', width: TEXT_WIDTH - 850 - 3200 - 1300 },
  { header: 'Ghi chú', width: 1300 },
];

export function quyetDinh(): Document {
  return makeDocument('Quyết định công nhận danh hiệu thi đua', [section([
    agencyHeader({ numbered: true }),
    ...title('QUYẾT ĐỊNH', ['Về việc {trich_yeu}']),
    centred([{ text: '{tham_quyen}', allCaps: true }], { bold: true }, { before: 240, after: 120 }),
    body('{#can_cu}{.}{/can_cu}', { italics: true }),
    centred('QUYẾT ĐỊNH:', { bold: true }, { before: 120, after: 120 }),
    body([{ text: '{#dieu}Điều {so}.', bold: true }, ' {noi_dung}{/dieu}']),
    ...signatureTable(noiNhanBlock(), signerBlock()),
    para('DANH SÁCH', { alignment: 'center', pageBreakBefore: true, keepNext: true }, { bold: true }),
    centred([{ text: '{tieu_de_danh_sach}', allCaps: true }], { bold: true }),
    centred('(Kèm theo {kem_theo})', { italics: true }),
    subjectRule(),
    para('', { spacing: { before: 0, after: 120 } }),
    gridTable(COLUMNS, [
      groupRow(COLUMNS, '{#nhom}{#don_vi}{so_nhom}', '{don_vi}{/don_vi}'),
      dataRow(COLUMNS, ['{#dong}{stt}', '{ten}', '{chuc_vu_don_vi}', '{ghi_chu}{/dong}{/nhom}']),
    ]),
    para('Danh sách này có {so_luong}./.', { alignment: 'left', spacing: { before: 120, after: 0 } }, { italics: true }),
  ])]);
}
