import type { AwardId } from '../model/award.js';
import { shiftPeriod, type Period } from '../model/period.js';
import type { YearRecord } from '../model/record.js';
import type { Timeline } from '../model/subject.js';
import { evaluateSubject } from './check.js';
import type { Environment } from './evaluate.js';
import type { Text } from './types.js';

/** A plausible year a person could achieve, from the least to the most effort. */
const PROFILES: { id: string; text: Text; record: (p: Period) => YearRecord }[] = [
  { id: 'htt', text: { vi: 'đạt HTT và LĐTT', en: 'HTT and LĐTT' }, record: (p) => ({ period: p, rating: 'HTT', titles: [{ award: 'ldtt', kind: 'cong-trang' }], initiatives: [], awards: [], discipline: [] }) },
  { id: 'htxs', text: { vi: 'đạt HTXS', en: 'HTXS' }, record: (p) => ({ period: p, rating: 'HTXS', titles: [{ award: 'ldtt', kind: 'cong-trang' }], initiatives: [], awards: [], discipline: [] }) },
  { id: 'cstdcs', text: { vi: 'đạt HTXS và CSTĐCS', en: 'HTXS and CSTĐCS' }, record: (p) => ({ period: p, rating: 'HTXS', titles: [{ award: 'cstdcs', kind: 'cong-trang' }], initiatives: [], awards: [], discipline: [] }) },
  { id: 'cstdcs-sk', text: { vi: 'đạt HTXS, CSTĐCS và có 01 sáng kiến', en: 'HTXS, CSTĐCS and one initiative' }, record: (p) => ({ period: p, rating: 'HTXS', titles: [{ award: 'cstdcs', kind: 'cong-trang' }], initiatives: [{ type: 'sang-kien', count: 1, level: 'co-so', basisOfCstdcs: false }], awards: [], discipline: [] }) },
];

export type Projection = { award: AwardId; years: Period[]; profile: Text; status: 'eligible' | 'review' };

/**
 * The nearest awards still out of reach: for each ineligible award, the fewest future years (up to five) of the
 * least demanding profile after which every criterion data can decide would be met ("Nếu năm học 2025-2026 đạt
 * HTXS thì đủ điều kiện Bằng khen cấp tỉnh"). The same ruleset and parameters are assumed to stay in force.
 */
export function projectAwards(tl: Timeline, env: Environment, awards: AwardId[]): Projection[] {
  const out: Projection[] = [];
  for (const award of awards) {
    found: for (let k = 1; k <= 5; k++) {
      for (const profile of PROFILES) {
        const years = Array.from({ length: k }, (_, i) => shiftPeriod(env.asOf, i + 1));
        const future: Timeline = { subject: tl.subject, records: [...tl.records.filter((r) => r.period <= env.asOf), ...years.map(profile.record)] };
        const asOf = years[years.length - 1];
        const [v] = evaluateSubject(future, { ...env, asOf }, new Map(), [award]);
        if (v && v.status !== 'ineligible') {
          out.push({ award, years, profile: profile.text, status: v.status });
          break found;
        }
      }
    }
  }
  return out.sort((a, b) => a.years.length - b.years.length);
}
