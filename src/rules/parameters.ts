import { z } from 'zod';
import { cite, LAW_2022, ND_91, TT_01_2024, TT_21_2020, TT_29_2023 } from './citation.js';
import type { Citation, Confidence, Parameters, Text } from './types.js';

// Every uncertain or provincial point of law is a named parameter: declared once (type, default, citation,
// confidence), shown by `tdkt rules`, checked when config overrides it. Defaults may differ per ruleset.
export type ParameterDef = {
  id: string;
  schema: z.ZodType;
  default: unknown;
  byRuleset?: Record<string, unknown>;
  confidence: Confidence;
  checkedOn: string;
  description: Text;
  citation: Citation;
  note?: string;
};

const reading = z.enum(['ask', 'apply', 'ignore']);
const READING_NOTE = '"ask": cần xem xét khi các cách hiểu cho kết quả khác nhau; "apply": áp dụng; "ignore": bỏ qua.';

export const PARAMETERS: ParameterDef[] = [
  {
    id: 'window.start-after-prior-award', schema: z.boolean(), default: true, confidence: 'UNCERTAIN', checkedOn: '2025-08-15',
    description: { vi: 'Chuỗi 05 năm của Bằng khen Thủ tướng, Huân chương Lao động hạng Ba tính từ sau năm được khen thưởng điều kiện', en: 'The five-year streak of bk-ttg and hcld-3 starts after the prerequisite award' },
    citation: cite(LAW_2022, { dieu: 73, khoan: 1, diem: 'b' }),
    note: 'ND 91/2017 ghi "05 năm tiếp theo"; Luật 2022 ghi "liên tục từ 05 năm trở lên đến thời điểm đề nghị" (legal-rules §5.2).',
  },
  {
    id: 'window.no-reuse', schema: z.boolean(), default: true, confidence: 'UNCERTAIN', checkedOn: '2025-08-15',
    description: { vi: 'Khen lần nữa cùng hình thức thì không tính lại các năm đã dùng cho lần trước', en: 'A repeat of the same award does not reuse the periods counted for the previous one' },
    citation: cite(LAW_2022, { dieu: 5 }),
  },
  {
    id: 'cstdcs.basis-when-unrecorded', schema: z.enum(['htxs-in-htxs-year', 'initiative']), default: 'htxs-in-htxs-year', confidence: 'VERIFIED', checkedOn: '2025-08-15',
    description: { vi: 'Khi không ghi căn cứ xét CSTĐCS: năm HTXS coi là xét theo tiêu chuẩn HTXS (sáng kiến không bị dùng hết)', en: 'When the basis of a CSTĐCS is not recorded, an HTXS year is taken as granted on HTXS' },
    citation: cite(LAW_2022, { dieu: 74, khoan: 1, diem: 'd' }),
    note: 'Ví dụ chính thức của Bộ Nội vụ (bà A), legal-rules §1.4; danh hiệu trước 2024 luôn xét theo sáng kiến.',
  },
  {
    id: 'cstdcs.cap-share', schema: z.number().min(0).max(1).nullable(), default: null, byRuleset: { 'vn-2017': 0.15 }, confidence: 'UNCERTAIN', checkedOn: '2025-08-15',
    description: { vi: 'Tỷ lệ CSTĐCS tối đa trên số LĐTT của đơn vị (null: không giới hạn)', en: 'Largest share of CSTĐCS among a unit\'s LĐTT (null: no cap)' },
    citation: cite(ND_91, { dieu: 9, khoan: 3 }),
    note: 'ND 91/2017 đặt 15% (VERIFIED); sau 2024 chưa thấy trong Luật, ND 98, ND 152; tỉnh có thể quy định (legal-rules §5.3).',
  },
  {
    id: 'ldtt.min-months', schema: z.number().int().min(0).max(24), default: 6, byRuleset: { 'vn-2017': 10 }, confidence: 'VERIFIED', checkedOn: '2025-08-15',
    description: { vi: 'Số tháng công tác tối thiểu trong năm để được xét LĐTT (người mới tuyển dụng)', en: 'Least months of service for a new recruit to be considered for LĐTT' },
    citation: cite(TT_01_2024, { dieu: 1, khoan: 5 }),
  },
  {
    id: 'ttldxs.no-canh-cao', schema: reading, default: 'ask', byRuleset: { 'vn-2017': 'apply' }, confidence: 'UNCERTAIN', checkedOn: '2025-08-15',
    description: { vi: 'TTLĐXS: không có thành viên bị kỷ luật từ cảnh cáo trở lên', en: 'TTLĐXS: no member disciplined at cảnh cáo or above' },
    citation: cite(LAW_2022, { dieu: 27, khoan: 1 }), note: `Điều 27 Luật 2022 không ghi rõ như Điều 28. ${READING_NOTE}`,
  },
  {
    id: 'hcld-3.one-htxs-year', schema: reading, default: 'ask', confidence: 'UNCERTAIN', checkedOn: '2025-08-15',
    description: { vi: 'HCLĐ hạng Ba: trong chuỗi năm có ít nhất 01 năm HTXS', en: 'hcld-3: at least one HTXS year in the streak' },
    citation: cite(LAW_2022, { dieu: 44, khoan: 1, diem: 'e' }), note: `Chỉ thấy trong bản dịch tiếng Anh (legal-rules §2.12). ${READING_NOTE}`,
  },
  {
    id: 'giay-khen.person-rating', schema: z.enum(['HTXS', 'HTT']).nullable(), default: null, confidence: 'VERIFIED', checkedOn: '2025-08-15',
    description: { vi: 'Giấy khen cá nhân: mức xếp loại cần đạt mỗi năm (tỉnh, ngành quy định; null: chưa khai báo)', en: 'Giấy khen for persons: rating required each year (set by the province)' },
    citation: cite(LAW_2022, { dieu: 75, khoan: 2 }),
  },
  {
    id: 'giay-khen.person-years', schema: z.number().int().min(1).max(10), default: 1, confidence: 'VERIFIED', checkedOn: '2025-08-15',
    description: { vi: 'Giấy khen cá nhân: số năm liên tục đạt mức xếp loại trên', en: 'Giấy khen for persons: consecutive years at that rating' },
    citation: cite(LAW_2022, { dieu: 75, khoan: 2 }),
  },
  {
    id: 'giay-khen.collective-rating', schema: z.enum(['HTXS', 'HTT']).nullable(), default: null, confidence: 'VERIFIED', checkedOn: '2025-08-15',
    description: { vi: 'Giấy khen tập thể: mức xếp loại tập thể cần đạt mỗi năm (null: chưa khai báo)', en: 'Giấy khen for collectives: rating required each year' },
    citation: cite(LAW_2022, { dieu: 75, khoan: 2 }),
  },
  {
    id: 'giay-khen.collective-years', schema: z.number().int().min(1).max(10), default: 1, confidence: 'VERIFIED', checkedOn: '2025-08-15',
    description: { vi: 'Giấy khen tập thể: số năm liên tục', en: 'Giấy khen for collectives: consecutive years' },
    citation: cite(LAW_2022, { dieu: 75, khoan: 2 }),
  },
  {
    id: 'knc-gd.years', schema: z.number().int().min(1).max(40), default: 20, confidence: 'VERIFIED-2nd', checkedOn: '2025-08-15',
    description: { vi: 'Kỷ niệm chương: số năm công tác trong ngành giáo dục', en: 'Medal: years of service in education' },
    citation: cite(TT_29_2023, { dieu: 8 }),
  },
  {
    id: 'knc-gd.years-hard-area', schema: z.number().int().min(1).max(40), default: 15, confidence: 'VERIFIED-2nd', checkedOn: '2025-08-15',
    description: { vi: 'Kỷ niệm chương: số năm khi có từ 05 năm công tác ở vùng đặc biệt khó khăn', en: 'Medal: years with five or more in especially difficult areas' },
    citation: cite(TT_29_2023, { dieu: 8 }),
  },
  {
    id: 'knc-gd.wait-after-discipline', schema: z.number().int().min(0).max(10), default: 0, byRuleset: { 'vn-2017': 2 }, confidence: 'VERIFIED-2nd', checkedOn: '2025-08-15',
    description: { vi: 'Kỷ niệm chương: số năm phải chờ sau khi hết thời hạn kỷ luật', en: 'Medal: years to wait after a discipline ends' },
    citation: cite(TT_21_2020, { dieu: 6 }),
  },
];

const BY_ID = new Map(PARAMETERS.map((p) => [p.id, p]));

export function parameterDefault(p: ParameterDef, rulesetId: string): unknown {
  return p.byRuleset && rulesetId in p.byRuleset ? p.byRuleset[rulesetId] : p.default;
}

/** Parameters for a ruleset: defaults, then the config's overrides, each checked against its schema. */
export function resolveParameters(rulesetId: string, overrides: Record<string, unknown> = {}): { params: Parameters; errors: string[] } {
  const params: Parameters = {};
  const errors: string[] = [];
  for (const p of PARAMETERS) params[p.id] = parameterDefault(p, rulesetId);
  for (const [key, value] of Object.entries(overrides)) {
    const def = BY_ID.get(key);
    if (!def) {
      errors.push(`parameters.${key}: không có tham số này (xem tdkt rules)`);
      continue;
    }
    const parsed = def.schema.safeParse(value);
    if (!parsed.success) errors.push(`parameters.${key}: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    else params[key] = parsed.data;
  }
  return { params, errors };
}

