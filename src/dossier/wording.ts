import { AWARDS, type AwardId } from '../model/award.js';
import { formatDateLine, formatDateVi, isoFromParts } from '../model/date.js';
import { UNKNOWN, UNKNOWN_DATE_LINE } from '../model/documents.js';
import type { Honour } from '../model/record.js';

// The words documents share: agency lines, dates, who decides each award, decisions as the forms print them.

export type UnitDetails = {
  parentAgency?: string; agency?: string; agencyShort?: string; place?: string; signer?: string; signerTitle?: string;
  recipient?: string; number?: string; date?: string;
  meeting?: { date?: string; place?: string; chair?: string; secretary?: string; members?: string[] };
};

/** "15/08/2025" → "ngày 15 tháng 8 năm 2025"; unknown stays "ngày … tháng … năm …" for the clerk. */
export function dateLine(ddmmyyyy: string | undefined): string {
  const m = ddmmyyyy ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(ddmmyyyy.trim()) : null;
  const iso = m ? isoFromParts(Number(m[3]), Number(m[2]), Number(m[1])) : undefined;
  return iso ? formatDateLine(iso) : UNKNOWN_DATE_LINE;
}

export function orUnknown(s: string | undefined): string {
  return s && s.trim() !== '' ? s : UNKNOWN;
}

/** "07/TTr-THCSHS", else "…/TTr-THCSHS". */
export function documentNumber(kind: 'TTr' | 'QĐ' | 'BB', d: UnitDetails, given?: string): string {
  if (given) return given;
  return `${UNKNOWN}/${kind}-${d.agencyShort ?? UNKNOWN}`;
}

// Who confers each award (legal-rules §2); titles decided inside a unit have no fixed authority here.
const CONFERS: Partial<Record<AwardId, string>> = {
  'cstd-tinh': 'Chủ tịch Ủy ban nhân dân tỉnh',
  'bk-tinh': 'Chủ tịch Ủy ban nhân dân tỉnh',
  'co-tinh': 'Chủ tịch Ủy ban nhân dân tỉnh',
  'cstd-tq': 'Thủ tướng Chính phủ',
  'bk-ttg': 'Thủ tướng Chính phủ',
  'co-cp': 'Thủ tướng Chính phủ',
  'hcld-3': 'Chủ tịch nước',
  'hcld-2': 'Chủ tịch nước',
  'hcld-1': 'Chủ tịch nước',
  'knc-gd': 'Bộ trưởng Bộ Giáo dục và Đào tạo',
};

export function confersAward(award: AwardId): string {
  return CONFERS[award] ?? UNKNOWN;
}

/** The award's name as the forms write it: "danh hiệu Chiến sĩ thi đua cơ sở", "Bằng khen của Thủ tướng Chính phủ". */
export function awardPhrase(award: AwardId): string {
  const info = AWARDS[award];
  return info.category === 'title' ? `danh hiệu "${info.name.vi}"` : info.name.vi;
}

/** "Số 123/QĐ-UBND ngày 15/06/2024; UBND huyện Hữu Lũng" — what section III's third column holds. */
export function decisionText(h: Honour | undefined): string {
  const d = h?.decision;
  if (!d) return UNKNOWN;
  const parts = [d.number ? `Số ${d.number}` : '', d.date ? `ngày ${formatDateVi(d.date)}` : ''].filter(Boolean).join(' ');
  return [parts, d.authority].filter(Boolean).join('; ') || UNKNOWN;
}

/** A count as documents write it: two digits below 10 ("01", "09"), as ND 30 writes numbers in "Số:". */
export function countText(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * The nominees counted in a sentence: "01 tập thể và 02 cá nhân", a kind with none left out ("01 cá nhân"), so the
 * tờ trình never proposes "0 tập thể". The kinds come in the order given.
 */
export function countPhrase(parts: [count: number, noun: string][]): string {
  const shown = parts.filter(([n]) => n > 0);
  return (shown.length > 0 ? shown : parts.slice(0, 1)).map(([n, noun]) => `${countText(n)} ${noun}`).join(' và ');
}

/** "Ông"/"Bà" before a name, as lists write it. */
export function honorific(gender: 'nam' | 'nu' | undefined): string {
  return gender === 'nu' ? 'Bà' : gender === 'nam' ? 'Ông' : 'Ông/Bà';
}
