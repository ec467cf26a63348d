import type { AwardId, AwardKind } from '../model/award.js';
import type { DisciplineLevel, Initiative } from '../model/record.js';
import type { Rating } from '../model/rating.js';
import { foldKey } from './text.js';

// Values are matched by meaning on folded text (no case, no diacritics): "HTXSNV", "Hoàn thành xuất sắc
// nhiệm vụ", "Xuất sắc" are one rating. A value that matches nothing is reported at its cell, never guessed.

const RATING_PATTERNS: [RegExp, Rating][] = [
  [/^(htxs(nv)?|hoan thanh xuat sac( nhiem vu)?|xuat sac|xs)$/, 'HTXS'],
  [/^(htt(nv)?|hoan thanh tot( nhiem vu)?|tot)$/, 'HTT'],
  [/^(kht(nv)?|khong hoan thanh( nhiem vu)?|chua hoan thanh( nhiem vu)?|khong dat)$/, 'KHT'],
  [/^(ht(nv)?|hoan thanh( nhiem vu)?( nhung con (han che|mot so han che).*)?)$/, 'HT'],
];

export function parseRating(text: string): Rating | undefined {
  const k = foldKey(text);
  for (const [re, rating] of RATING_PATTERNS) if (re.test(k)) return rating;
  return undefined;
}

// Titles and award forms. Order matters: the more specific pattern comes first.
const HONOUR_PATTERNS: [RegExp, AwardId][] = [
  [/^(cstd ?cs|cstdcs|chien si thi dua co so|cstd co so|chien si thi dua cap co so)$/, 'cstdcs'],
  [/^(cstd ?tq|chien si thi dua toan quoc|cstd toan quoc)$/, 'cstd-tq'],
  [/^(cstd (cap )?(tinh|bo|nganh|bo ban nganh tinh|bo ban nganh)|chien si thi dua (cap )?(tinh|bo|nganh|bo ban nganh tinh|bo ban nganh|ubnd tinh)|chien si thi dua cap bo ban nganh tinh)$/, 'cstd-tinh'],
  [/^(ldtt|lao dong tien tien)$/, 'ldtt'],
  [/^(ttldxs|tt ldxs|tap the lao dong xuat sac|tap the ldxs)$/, 'ttldxs'],
  [/^(ttldtt|tt ldtt|tap the lao dong tien tien|tap the ldtt)$/, 'ttldtt'],
  [/^co thi dua (cua )?(chinh phu|cp)\b/, 'co-cp'],
  [/^co thi dua\b/, 'co-tinh'],
  [/^(bang khen|bk) (cua )?(thu tuong|ttg|ttcp)\b/, 'bk-ttg'],
  [/^(bang khen|bk)\b/, 'bk-tinh'],
  [/^(huan chuong lao dong|hcld) (hang )?(nhat|i|1)\b/, 'hcld-1'],
  [/^(huan chuong lao dong|hcld) (hang )?(nhi|ii|2)\b/, 'hcld-2'],
  [/^(huan chuong lao dong|hcld) (hang )?(ba|iii|3)\b/, 'hcld-3'],
  [/^(ky niem chuong|knc)\b.*giao duc/, 'knc-gd'],
  [/^(giay khen|gk)\b/, 'giay-khen'],
];

// Bằng khen of a ministry's or province's head, in the forms clerks write them.
const BK_TINH_QUALIFIERS = /\b(chu tich|ubnd|uy ban|tinh|thanh pho|bo truong|bo gd|bo giao duc|bgd|bgddt|bo|nganh|cap tinh|cap bo)\b/;

export type HonourMatch = { award: AwardId; kind?: AwardKind };

export function parseHonour(text: string): HonourMatch | undefined {
  const k = foldKey(text);
  if (k === '') return undefined;
  const base = k.replace(/\b(ve|do|trong|nam hoc|nam)\b.*$/, '').trim() || k;
  for (const [re, award] of HONOUR_PATTERNS) {
    if (!re.test(base) && !re.test(k)) continue;
    if (award === 'bk-tinh' && k !== 'bang khen' && k !== 'bk' && !BK_TINH_QUALIFIERS.test(k)) return undefined;
    const kind = parseAwardKind(k);
    return kind ? { award, kind } : { award };
  }
  return undefined;
}

const KIND_PATTERNS: [RegExp, AwardKind][] = [
  [/\bchuyen de\b|\btheo dot\b/, 'chuyen-de'],
  [/\bdot xuat\b/, 'dot-xuat'],
  [/\bcong hien\b|\bqua trinh cong hien\b/, 'cong-hien'],
  [/\bnien han\b/, 'nien-han'],
  [/\bcong trang\b|\bthuong xuyen\b|\btong ket\b/, 'cong-trang'],
];

export function parseAwardKind(text: string): AwardKind | undefined {
  const k = foldKey(text);
  for (const [re, kind] of KIND_PATTERNS) if (re.test(k)) return kind;
  return undefined;
}

const DISCIPLINE_PATTERNS: [RegExp, DisciplineLevel][] = [
  [/buoc thoi viec/, 'buoc-thoi-viec'],
  [/cach chuc/, 'cach-chuc'],
  [/giang chuc/, 'giang-chuc'],
  [/ha bac luong|ha bac/, 'ha-bac-luong'],
  [/canh cao/, 'canh-cao'],
  [/khien trach/, 'khien-trach'],
];

/** "none" for an explicit no ("Không", "0", "-"); undefined when the text is not understood. */
export function parseDiscipline(text: string): DisciplineLevel | 'none' | undefined {
  const k = foldKey(text);
  if (isNoneWord(k)) return 'none';
  for (const [re, level] of DISCIPLINE_PATTERNS) if (re.test(k)) return level;
  return undefined;
}

export function isNoneWord(folded: string): boolean {
  return /^(|khong|khong co|0|k|none|no|chua|chua co)$/.test(folded);
}

export function parseInitiativeLevel(text: string): Initiative['level'] | undefined {
  const k = foldKey(text);
  if (/toan quoc|quoc gia|trung uong/.test(k)) return 'toan-quoc';
  if (/co so|truong|don vi|phong|huyen|quan|\bxa\b|phuong/.test(k)) return 'co-so';
  if (/\b(tinh|thanh pho|bo|nganh|so)\b/.test(k)) return 'tinh';
  return undefined;
}

/**
 * A sáng kiến cell: a count ("2", "02 sáng kiến cấp cơ sở", "1 đề tài"), a mark ("x", "Có"), or the
 * initiative's own title (one initiative). Returns [] for an explicit none, undefined if not understood.
 */
export function parseInitiatives(text: string): Initiative[] | undefined {
  // "01 SK cấp tỉnh; 01 SK cấp cơ sở": counts per level, one after another (a title may hold a ";" too).
  const parts = text.split(/[;\n]/).map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length > 1 && parts.every((p) => /^\d{1,2}\b/.test(foldKey(p)))) {
    const lists = parts.map(parseInitiativeCount);
    return lists.every((l) => l !== undefined) ? lists.flat() : undefined;
  }
  return parseInitiativeCount(text);
}

function parseInitiativeCount(text: string): Initiative[] | undefined {
  const k = foldKey(text);
  if (isNoneWord(k)) return [];
  const type: Initiative['type'] = /\b(de tai|de an|cong trinh)\b/.test(k) ? 'de-tai' : 'sang-kien';
  const level = parseInitiativeLevel(k.replace(/^\d+\s*/, '').replace(/\b(sang kien|skkn|sk|de tai)\b/g, ''));
  const withLevel = (count: number, name?: string): Initiative[] => {
    const out: Initiative = { type, count };
    if (level) out.level = level;
    if (name) out.name = name;
    return [out];
  };
  const num = /^(\d{1,2})\b(.*)$/.exec(k);
  if (num) {
    const count = Number(num[1]);
    if (count === 0) return [];
    if (num[2] === '' || /^\s*(sang kien|skkn|sk|de tai|de an|cong trinh)\b/.test(num[2])) return withLevel(count);
  }
  if (/^(x|co|dat|yes)$/.test(k)) return withLevel(1);
  if (/^(sang kien|skkn|sk|de tai)( cap .*)?$/.test(k)) return withLevel(1);
  // A long text is the initiative's title: one initiative, its level in another column if anywhere.
  if (k.split(' ').length >= 4) return [{ type, count: 1, name: text.trim() }];
  return undefined;
}

export function parseGender(text: string): 'nam' | 'nu' | undefined {
  const k = foldKey(text);
  if (/^(nam|male|m)$/.test(k)) return 'nam';
  if (/^(nu|female|f)$/.test(k)) return 'nu';
  return undefined;
}

/** Yes/no marks in a column such as "Nữ" or "Dùng xét CSTĐCS". */
export function parseMark(text: string): boolean | undefined {
  const k = foldKey(text);
  if (/^(x|co|1|yes|true|dung|da dung|v)$/.test(k)) return true;
  if (isNoneWord(k) || k === 'false') return false;
  return undefined;
}

export function parseLeave(text: string): 'thai-san' | 'om-dai-ngay' | 'di-hoc' | 'none' | undefined {
  const k = foldKey(text);
  if (isNoneWord(k)) return 'none';
  if (/thai san|sinh con/.test(k)) return 'thai-san';
  if (/\bom\b|dieu tri|benh/.test(k)) return 'om-dai-ngay';
  if (/di hoc|dao tao|boi duong|hoc tap/.test(k)) return 'di-hoc';
  return undefined;
}

/** A confirmation's answer: "Đạt", "Có", "x" are yes; "Không đạt", "Không" are no; anything else is not understood. */
export function parseAnswer(text: string): boolean | undefined {
  if (text.includes('?')) return undefined; // "Đạt?" is a question, not an answer
  const k = foldKey(text);
  if (/^(dat|co|x|v|yes|true|1|dong y|da xac nhan|co dat)$/.test(k)) return true;
  if (/^(khong dat|khong|chua dat|no|false|0|khong dong y|khong co)$/.test(k)) return false;
  return undefined;
}
