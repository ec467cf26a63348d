import type { Document } from 'docx';
import { agencyHeader, body, formNumberHeader, heading, makeDocument, noiNhanBlock, para, section, signatureTable, signerBlock, tagLine, title } from './nd30.js';

// Tờ trình đề nghị khen thưởng, NĐ 98/2023 Mẫu số 01 (domain/forms.md §2). One per form of award: the legal
// basis lines come from the data, for the ruleset in force.
export function toTrinh(): Document {
  return makeDocument('Tờ trình đề nghị khen thưởng', [section([
    agencyHeader({ numbered: true }),
    ...title('TỜ TRÌNH', ['Về việc {trich_yeu}']),
    para('Kính gửi: {kinh_gui}', { alignment: 'center', spacing: { before: 240, after: 240 } }),
    body('{#can_cu}{.}{/can_cu}'),
    body('{ten_co_quan} kính trình {noi_trinh} xem xét, tặng {hinh_thuc} cho {so_luong}, cụ thể như sau:'),
    tagLine('{#de_nghi}'),
    heading('{muc}', 0),
    body('{#dong}{.}{/dong}'),
    tagLine('{/de_nghi}'),
    body('(Có danh sách và báo cáo thành tích kèm theo.)', { italics: true }),
    body('Kính trình {noi_trinh} xem xét, quyết định./.'),
    ...signatureTable(noiNhanBlock(), signerBlock()),
  ], { firstPage: formNumberHeader() })]);
}
