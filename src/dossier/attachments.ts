import type { AwardId } from '../model/award.js';
import { foldKey } from '../ingest/text.js';

// What a dossier needs besides the documents tdkt writes (domain/forms.md "Dossier composition"): listed as
// reminders unless the manifest declares them (matched by a key phrase of the name), then their files must be there.
export type Reminder = { text: string; key: string };

const r = (text: string, key: string): Reminder => ({ text, key });

/** Once per dossier, whatever the awards. */
export const COMMON_REMINDERS: Reminder[] = [
  r('Biên bản họp Hội đồng Thi đua - Khen thưởng (bản có chữ ký)', 'bien ban hop'),
  r('Kết quả bỏ phiếu kín (biên bản kiểm phiếu)', 'kiem phieu'),
];

const BY_AWARD: Partial<Record<AwardId, Reminder[]>> = {
  cstdcs: [r('Quyết định công nhận sáng kiến hoặc nghiệm thu đề tài (nếu xét theo sáng kiến)', 'sang kien')],
  'cstd-tinh': [r('Bản sao các quyết định công nhận CSTĐCS', 'cstdcs'), r('Xác nhận của Hội đồng sáng kiến cấp tỉnh về hiệu quả, phạm vi ảnh hưởng của sáng kiến', 'sang kien')],
  'cstd-tq': [r('Bản sao các quyết định CSTĐ cấp tỉnh', 'cstd'), r('Xác nhận sáng kiến có phạm vi ảnh hưởng toàn quốc', 'sang kien'), r('Kết quả lấy ý kiến công khai', 'cong khai')],
  'bk-tinh': [r('Bản sao quyết định công nhận sáng kiến hoặc nghiệm thu đề tài', 'sang kien')],
  'bk-ttg': [r('Bản sao quyết định tặng Bằng khen cấp tỉnh', 'bang khen'), r('Bản sao các quyết định công nhận CSTĐCS', 'cstdcs'), r('Kết quả lấy ý kiến công khai', 'cong khai')],
  'hcld-3': [r('Bản sao quyết định tặng Bằng khen của Thủ tướng Chính phủ', 'bang khen'), r('Bản sao các quyết định công nhận CSTĐCS', 'cstdcs'), r('Kết quả lấy ý kiến công khai', 'cong khai')],
  'hcld-2': [r('Bản sao quyết định tặng Huân chương Lao động hạng Ba', 'huan chuong'), r('Kết quả lấy ý kiến công khai', 'cong khai')],
  'hcld-1': [r('Bản sao quyết định tặng Huân chương Lao động hạng Nhì', 'huan chuong'), r('Kết quả lấy ý kiến công khai', 'cong khai')],
  'co-tinh': [r('Văn bản suy tôn của cụm, khối thi đua', 'suy ton')],
  'co-cp': [r('Văn bản suy tôn của cụm, khối thi đua', 'suy ton'), r('Bản sao quyết định tặng Cờ thi đua cấp tỉnh', 'co thi dua')],
  'knc-gd': [r('Xác nhận quá trình công tác trong ngành giáo dục', 'qua trinh cong tac')],
};

export function remindersFor(award: AwardId): Reminder[] {
  return BY_AWARD[award] ?? [];
}

/** A declared attachment answers a reminder when its name holds the reminder's key phrase (same award or none). */
export function declares(declared: { award?: AwardId; name: string }[], reminder: Reminder, award?: AwardId): boolean {
  return declared.some((d) => (!d.award || !award || d.award === award) && foldKey(d.name).includes(reminder.key));
}
