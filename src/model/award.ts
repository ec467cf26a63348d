import { z } from 'zod';

// One id per form of award (DESIGN.md "Award ids"); criteria differ for persons and collectives.
export const AWARD_IDS = [
  'ldtt', 'cstdcs', 'cstd-tinh', 'cstd-tq', 'ttldtt', 'ttldxs', 'giay-khen', 'bk-tinh', 'bk-ttg',
  'co-tinh', 'co-cp', 'hcld-3', 'hcld-2', 'hcld-1', 'knc-gd',
] as const;
export const awardIdSchema = z.enum(AWARD_IDS);
export type AwardId = z.infer<typeof awardIdSchema>;

export const AWARD_KINDS = ['cong-trang', 'chuyen-de', 'dot-xuat', 'cong-hien', 'nien-han'] as const;
export const awardKindSchema = z.enum(AWARD_KINDS);
export type AwardKind = z.infer<typeof awardKindSchema>;

export type SubjectKind = 'person' | 'collective';

export type AwardInfo = {
  id: AwardId;
  /** danh hiệu thi đua (a title, recognised yearly) or hình thức khen thưởng (an award). */
  category: 'title' | 'award';
  kinds: readonly SubjectKind[];
  name: { vi: string; en: string };
  short: string;
};

const info = (id: AwardId, category: AwardInfo['category'], kinds: SubjectKind[], vi: string, en: string, short: string): AwardInfo =>
  ({ id, category, kinds, name: { vi, en }, short });

export const AWARDS: Record<AwardId, AwardInfo> = {
  ldtt: info('ldtt', 'title', ['person'], 'Lao động tiên tiến', 'Advanced Worker', 'LĐTT'),
  cstdcs: info('cstdcs', 'title', ['person'], 'Chiến sĩ thi đua cơ sở', 'Grassroots Emulation Fighter', 'CSTĐCS'),
  'cstd-tinh': info('cstd-tinh', 'title', ['person'], 'Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh', 'Provincial Emulation Fighter', 'CSTĐ cấp tỉnh'),
  'cstd-tq': info('cstd-tq', 'title', ['person'], 'Chiến sĩ thi đua toàn quốc', 'National Emulation Fighter', 'CSTĐ toàn quốc'),
  ttldtt: info('ttldtt', 'title', ['collective'], 'Tập thể lao động tiên tiến', 'Advanced Collective', 'TTLĐTT'),
  ttldxs: info('ttldxs', 'title', ['collective'], 'Tập thể lao động xuất sắc', 'Excellent Collective', 'TTLĐXS'),
  'co-tinh': info('co-tinh', 'title', ['collective'], 'Cờ thi đua cấp bộ, ban, ngành, tỉnh', 'Provincial Emulation Flag', 'Cờ thi đua cấp tỉnh'),
  'co-cp': info('co-cp', 'title', ['collective'], 'Cờ thi đua của Chính phủ', 'Government Emulation Flag', 'Cờ thi đua Chính phủ'),
  'giay-khen': info('giay-khen', 'award', ['person', 'collective'], 'Giấy khen', 'Certificate of Merit (unit)', 'Giấy khen'),
  'bk-tinh': info('bk-tinh', 'award', ['person', 'collective'], 'Bằng khen cấp bộ, ban, ngành, tỉnh', 'Provincial Certificate of Merit', 'Bằng khen cấp tỉnh'),
  'bk-ttg': info('bk-ttg', 'award', ['person', 'collective'], 'Bằng khen của Thủ tướng Chính phủ', "Prime Minister's Certificate of Merit", 'Bằng khen Thủ tướng'),
  'hcld-3': info('hcld-3', 'award', ['person', 'collective'], 'Huân chương Lao động hạng Ba', 'Labour Order, Third Class', 'HCLĐ hạng Ba'),
  'hcld-2': info('hcld-2', 'award', ['person', 'collective'], 'Huân chương Lao động hạng Nhì', 'Labour Order, Second Class', 'HCLĐ hạng Nhì'),
  'hcld-1': info('hcld-1', 'award', ['person', 'collective'], 'Huân chương Lao động hạng Nhất', 'Labour Order, First Class', 'HCLĐ hạng Nhất'),
  'knc-gd': info('knc-gd', 'award', ['person'], 'Kỷ niệm chương "Vì sự nghiệp giáo dục"', 'Medal "For the cause of education"', 'Kỷ niệm chương'),
};

export const AWARD_KIND_NAMES: Record<AwardKind, string> = {
  'cong-trang': 'công trạng',
  'chuyen-de': 'chuyên đề',
  'dot-xuat': 'đột xuất',
  'cong-hien': 'cống hiến',
  'nien-han': 'niên hạn',
};

export function awardsFor(kind: SubjectKind): AwardId[] {
  return AWARD_IDS.filter((id) => AWARDS[id].kinds.includes(kind));
}
