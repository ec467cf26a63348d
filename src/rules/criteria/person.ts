import { AWARD_KIND_NAMES, AWARDS, type AwardId, type AwardKind } from '../../model/award.js';
import { addMonths, monthsBetween } from '../../model/date.js';
import { comparePeriods, defaultProposalDate, periodEnd, periodOfDate, type Period } from '../../model/period.js';
import { disciplineAtLeast, type DisciplineLevel } from '../../model/record.js';
import { heldIn, monthsServedIn, periodMode, recordAt } from '../facts.js';
import { lazy } from '../citation.js';
import type { Criterion, EvalContext } from '../types.js';
import { criterion, type CriterionSpec } from './core.js';
import { priorPeriods } from './window.js';

// Never returned (only a non-empty list is): one empty list for every subject that holds no other kind.
const NO_PERIODS: Period[] = [];

const LEVEL_NAMES: Record<DisciplineLevel, string> = {
  'khien-trach': 'khiển trách', 'canh-cao': 'cảnh cáo', 'ha-bac-luong': 'hạ bậc lương', 'giang-chuc': 'giáng chức', 'cach-chuc': 'cách chức', 'buoc-thoi-viec': 'buộc thôi việc',
};

/** Not under discipline (at `floor` or above) during the as-of period: achievements count only after it ends. */
export function noDisciplineInYear(spec: CriterionSpec, floor: DisciplineLevel = 'khien-trach'): Criterion {
  return criterion(spec, (ctx) => {
    const hits: string[] = [];
    let unknown = false;
    for (const r of ctx.timeline.records) {
      if (comparePeriods(r.period, ctx.asOf) > 0) continue;
      if (r.discipline === undefined) {
        if (r.period === ctx.asOf) unknown = true;
        continue;
      }
      for (const d of r.discipline) {
        if (!disciplineAtLeast(d.level, floor)) continue;
        const end = d.until ? periodOfDate(d.until, periodMode(ctx.asOf)) : r.period;
        if (comparePeriods(end, ctx.asOf) >= 0 || r.period === ctx.asOf) hits.push(`${LEVEL_NAMES[d.level]} (năm học ${r.period}${d.until ? `, đến ${d.until.split('-').reverse().join('/')}` : ''})`);
      }
    }
    if (hits.length > 0) return { status: 'unmet', found: { vi: `Bị kỷ luật ${hits.join('; ')}`, en: `Disciplined: ${hits.join('; ')}` } };
    if (unknown) return { status: 'unknown', missing: [ctx.asOf], found: { vi: `Không có cột kỷ luật cho năm học ${ctx.asOf}; coi là cần xác nhận`, en: `No discipline column for ${ctx.asOf}` } };
    return { status: 'met', found: { vi: 'Không bị kỷ luật', en: 'No discipline' } };
  });
}

const SERVED_YEAR = { vi: 'Đã công tác cả năm', en: 'Served the whole year' };

/** A new recruit needs the least months of service in the year (TT 01/2024: 6; ND 91/2017: 10). */
export function servedMonths(spec: CriterionSpec): Criterion {
  return criterion(spec, (ctx) => {
    const need = Number(ctx.params['ldtt.min-months']);
    const months = monthsServedIn(ctx, ctx.asOf);
    if (months === undefined) return { status: 'met', presumed: true, found: { vi: 'Không có ngày vào ngành; coi là đủ thời gian công tác', en: 'No entry date; presumed long enough' } };
    return months >= need
      ? { status: 'met', found: months >= 12 ? SERVED_YEAR : { vi: `Đã công tác ${months} tháng`, en: `Served ${months} months` } }
      : { status: 'unmet', found: { vi: `Mới công tác ${months} tháng (cần ${need} tháng)`, en: `Served ${months} months (${need} needed)` } };
  });
}

/** Holds a prerequisite award of a given kind, at or before the as-of period (after a previous same award). */
export function priorAward(spec: CriterionSpec, award: AwardId, kinds: AwardKind[] = ['cong-trang'], times = 1): Criterion {
  return criterion(spec, (ctx) => {
    const all = priorPeriods(ctx, award, undefined);
    const usable = priorPeriods(ctx, award, kinds);
    const name = AWARDS[award].name.vi;
    if (usable.length >= times) {
      return { status: 'met', periods: usable, found: lazy((lang) => (lang === 'vi' ? `${name} năm học ${usable.join(', ')}` : `${AWARDS[award].name.en} in ${usable.join(', ')}`)) };
    }
    const others = all.length > usable.length ? all.filter((p) => !usable.includes(p)) : NO_PERIODS;
    const unknown = ctx.timeline.records.filter((r) => comparePeriods(r.period, ctx.asOf) <= 0 && !heldIn(r, award).known).map((r) => r.period);
    // What a later school year records says nothing about the as-of one: a verdict never depends on the future.
    const noneRecorded = ctx.timeline.records.every((r) => comparePeriods(r.period, ctx.asOf) > 0 || !heldIn(r, award).known);
    if (others.length > 0 && usable.length === 0) {
      const otherKinds = [...new Set(others.flatMap((p) => heldIn(recordAt(ctx.timeline, p), award).held.map((h) => AWARD_KIND_NAMES[h.kind])))];
      return { status: unknown.length > 0 ? 'unknown' : 'unmet', periods: others, found: { vi: `Chỉ có ${name} loại ${otherKinds.join(', ')} (năm học ${others.join(', ')}), không dùng làm căn cứ khen theo công trạng`, en: `Only a ${otherKinds.join(', ')} award (${others.join(', ')}), not a basis for merit awards` } };
    }
    if (noneRecorded || unknown.length > 0) {
      return { status: 'unknown', missing: unknown.length ? unknown : undefined, found: lazy((lang) => (lang === 'vi'
        ? `Không có dữ liệu khen thưởng${unknown.length ? ` năm học ${unknown.join(', ')}` : ''} để biết đã có ${name} chưa`
        : `No award data to tell whether ${AWARDS[award].name.en} was received`)) };
    }
    return { status: 'unmet', found: lazy((lang) => (lang === 'vi'
      ? (times > 1 ? `Có ${usable.length}/${times} lần ${name}` : `Chưa có ${name}`)
      : (times > 1 ? `${usable.length}/${times} × ${AWARDS[award].name.en}` : `No ${AWARDS[award].name.en}`))) };
  });
}

/** Conferred once in a lifetime (Kỷ niệm chương): not held before. */
export function notHeldBefore(spec: CriterionSpec): Criterion {
  return criterion(spec, (ctx) => {
    const held = priorPeriods(ctx, ctx.award, undefined).filter((p) => comparePeriods(p, ctx.asOf) < 0);
    if (held.length > 0) return { status: 'unmet', periods: held, found: { vi: `Đã được tặng năm học ${held.join(', ')}`, en: `Already received in ${held.join(', ')}` } };
    const known = ctx.timeline.records.some((r) => comparePeriods(r.period, ctx.asOf) <= 0 && r.awards !== undefined);
    return known ? { status: 'met', found: { vi: 'Chưa được tặng', en: 'Not received before' } }
      : { status: 'unknown', found: { vi: 'Không có dữ liệu khen thưởng để biết đã được tặng chưa', en: 'No award data' } };
  });
}

/** Years in the education sector up to the proposal date, less disciplinary time (Kỷ niệm chương). */
export function serviceYears(spec: CriterionSpec): Criterion {
  return criterion(spec, (ctx: EvalContext) => {
    const s = ctx.timeline.subject;
    const need = Number(ctx.params['knc-gd.years']);
    const needHard = Number(ctx.params['knc-gd.years-hard-area']);
    const wait = Number(ctx.params['knc-gd.wait-after-discipline']);
    if (s.kind !== 'person' || !s.entryDate) return { status: 'unknown', found: { vi: 'Thiếu ngày vào ngành', en: 'No entry date' } };
    const proposal = defaultProposalDate(ctx.asOf);
    const months = Math.max(0, monthsBetween(s.entryDate, proposal));
    let disciplineMonths = 0;
    let waitUntil: string | undefined;
    for (const r of ctx.timeline.records) for (const d of comparePeriods(r.period, ctx.asOf) <= 0 ? r.discipline ?? [] : []) {
      disciplineMonths += 12;
      const end = d.until ?? defaultProposalDate(r.period);
      const w = addMonths(end, wait * 12);
      if (!waitUntil || w > waitUntil) waitUntil = w;
    }
    const years = Math.floor((months - disciplineMonths) / 12);
    const entry = s.entryDate;
    const base = lazy((lang) => (lang === 'vi'
      ? `${years} năm công tác trong ngành (từ ${entry.split('-').reverse().join('/')}${disciplineMonths ? `, trừ ${disciplineMonths / 12} năm kỷ luật` : ''})`
      : `${years} years in the sector`));
    if (wait > 0 && waitUntil && waitUntil > proposal) {
      return { status: 'unmet', found: lazy((lang) => (lang === 'vi' ? `${base.vi}; phải chờ ${wait} năm sau khi hết kỷ luật` : `${base.en}; must wait ${wait} years after discipline`)) };
    }
    if (years >= need) return { status: 'met', found: base };
    if (years >= needHard) {
      return { status: 'unknown', found: lazy((lang) => (lang === 'vi' ? `${base.vi}; đủ nếu có từ 05 năm công tác ở vùng đặc biệt khó khăn (cần xác nhận)` : `${base.en}; enough with 5+ years in especially difficult areas (to confirm)`)) };
    }
    return { status: 'unmet', found: lazy((lang) => (lang === 'vi' ? `${base.vi}; cần ${need} năm` : `${base.en}; ${need} needed`)) };
  });
}

/** The subject holds this title (of these kinds) in the as-of period itself. */
export function heldThisYear(spec: CriterionSpec, award: AwardId, kinds: AwardKind[]): Criterion {
  return criterion(spec, (ctx) => {
    const r = recordAt(ctx.timeline, ctx.asOf);
    const { held, known } = heldIn(r, award);
    const name = AWARDS[award].name.vi;
    const asOf = ctx.asOf;
    if (held.some((h) => kinds.includes(h.kind))) return { status: 'met', periods: [asOf], found: lazy((lang) => (lang === 'vi' ? `${name} năm học ${asOf}` : `${AWARDS[award].name.en} in ${asOf}`)) };
    if (held.length > 0) return { status: 'unmet', found: { vi: `${name} năm học ${ctx.asOf} là khen ${held.map((h) => AWARD_KIND_NAMES[h.kind]).join(', ')}`, en: `Only a ${held.map((h) => h.kind).join(', ')} award in ${ctx.asOf}` } };
    if (!known) return { status: 'unknown', missing: [ctx.asOf], found: { vi: `Không có dữ liệu khen thưởng năm học ${ctx.asOf}`, en: `No award data for ${ctx.asOf}` } };
    return { status: 'unmet', found: lazy((lang) => (lang === 'vi' ? `Năm học ${asOf} không có ${name}` : `No ${AWARDS[award].name.en} in ${asOf}`)) };
  });
}

/**
 * "02 lần liên tục" for a title conferred once per cycle (CSTĐ cấp tỉnh every three years): the last `times`
 * conferrals follow each other cycle after cycle, the last in the as-of period or the one before it.
 */
export function consecutiveConferrals(spec: CriterionSpec, award: AwardId, times: number, cycle: number): Criterion {
  return criterion(spec, (ctx) => {
    const ps = priorPeriods(ctx, award, ['cong-trang']);
    const name = AWARDS[award].name.vi;
    const last = ps.slice(-times);
    const recent = last.length > 0 && periodEnd(ctx.asOf) - periodEnd(last[last.length - 1]) <= 1;
    const chained = last.length === times && last.every((p, i) => i === 0 || periodEnd(p) - periodEnd(last[i - 1]) === cycle);
    if (chained && recent) return { status: 'met', periods: last, found: { vi: `${name} năm học ${last.join(', ')}`, en: `${AWARDS[award].name.en} in ${last.join(', ')}` } };
    const unknown = !ctx.timeline.records.some((r) => comparePeriods(r.period, ctx.asOf) <= 0 && heldIn(r, award).known);
    if (unknown) return { status: 'unknown', found: { vi: `Không có dữ liệu để biết đã có ${name} chưa`, en: `No data on ${AWARDS[award].name.en}` } };
    return { status: 'unmet', periods: ps, found: { vi: ps.length === 0 ? `Chưa có ${name}` : `${name} năm học ${ps.join(', ')}: ${chained ? 'lần gần nhất không phải năm học trước hoặc năm học đề nghị' : `chưa có ${times} lần liên tục`}`, en: `${AWARDS[award].name.en}: ${ps.join(', ') || 'none'}` } };
  });
}
