import { AWARDS, type AwardId } from '../../model/award.js';
import { comparePeriods, type Period } from '../../model/period.js';
import { RATING_NAMES, ratingAtLeast, type Rating } from '../../model/rating.js';
import type { Initiative } from '../../model/record.js';
import { hasTitle, recordAt, usableInitiatives } from '../facts.js';
import { lazy } from '../citation.js';
import type { Criterion, EvalContext, Text } from '../types.js';
import { criterion, type CriterionSpec } from './core.js';
import { span, windowOf, type Window, type WindowSpec } from './window.js';

const RATING_SHORT: Record<Rating, string> = { HTXS: 'HTXS', HTT: 'HTT', HT: 'HT', KHT: 'KHT' };

export function ratingTest(floor: Rating): WindowSpec['test'] {
  return (r) => (r?.rating === undefined ? undefined : ratingAtLeast(r.rating, floor));
}

export function titleTest(award: AwardId): WindowSpec['test'] {
  return (r) => hasTitle(r, award);
}

/** The spec of a run of periods rated `floor` or better. */
export function ratingRun(floor: Rating, min: number, extra: Partial<WindowSpec> = {}): WindowSpec {
  const label = floor === 'HTXS' ? { vi: 'HTXS', en: 'HTXS' } : { vi: `${RATING_SHORT[floor]} trở lên`, en: `${RATING_SHORT[floor]} or better` };
  return { key: `rating:${floor}:${min}:${extra.afterPrior?.award ?? ''}${extra.afterPrior?.always ? '!' : ''}:${extra.noReuse ?? ''}`, test: ratingTest(floor), min, label, ...extra };
}

export function titleRun(award: AwardId, min: number, extra: Partial<WindowSpec> = {}): WindowSpec {
  const short = AWARDS[award].short;
  return { key: `title:${award}:${min}:${extra.afterPrior?.award ?? ''}:${extra.noReuse ?? ''}`, test: titleTest(award), min, label: { vi: short, en: short }, ...extra };
}

/** "05 năm liên tục HTT trở lên đến năm học đề nghị": the run of `spec` is at least `spec.min` long. */
export function streak(spec: CriterionSpec, run: WindowSpec): Criterion {
  return criterion(spec, (ctx) => {
    const w = windowOf(ctx, run);
    // Windows are walked from the as-of period back: reversed, they read oldest first.
    return { status: w.status, periods: w.known.slice().reverse(), missing: w.unknown.length ? w.unknown.slice().reverse() : undefined, found: lazy((lang) => streakFound(w, run, ctx, lang)) };
  });
}

function streakFound(w: Window, run: WindowSpec, ctx: EvalContext, lang: keyof Text): string {
  const vi = lang === 'vi';
  const n = w.known.length;
  const label = run.label[lang];
  const have = n > 0 ? (vi ? `${n} năm liên tục ${label} (${span(w.known)})` : `${n} consecutive years ${label} (${span(w.known)})`)
    : (vi ? `năm học ${ctx.asOf} chưa đạt ${label}` : `${ctx.asOf} is not ${label}`);
  if (w.status === 'met') return have;
  if (w.status === 'unknown') {
    // A recorded LĐTT needs HTT or better, but the rating itself is the evidence the dossier cites: ask for it.
    const titled = run.key.startsWith('rating:HTT') && w.unknown.every((p) => hasTitle(recordAt(ctx.timeline, p), 'ldtt'));
    const hint = !titled ? '' : vi ? ' (năm đó có LĐTT nên nhiều khả năng đạt HTT trở lên; bổ sung xếp loại để kết luận)' : ' (LĐTT recorded, so likely HTT or better; add the rating)';
    return vi ? `${have}; thiếu dữ liệu năm học ${w.unknown.join(', ')}${hint}` : `${have}; no data for ${w.unknown.join(', ')}${hint}`;
  }
  const need = run.min - n;
  const broken = w.brokenAt && w.brokenAt !== ctx.asOf ? (vi ? `, năm học ${w.brokenAt} không đạt` : `, ${w.brokenAt} not met`) : '';
  const bound = w.bound ? `; ${boundText(w.bound, lang)}` : '';
  return vi ? `${have}${broken}${bound}; cần thêm ${need} năm` : `${have}${broken}${bound}; ${need} more year(s) needed`;
}

function boundText(b: NonNullable<Window['bound']>, lang: keyof Text): string {
  const vi = lang === 'vi';
  if (b.reason === 'discipline') return vi ? `chỉ tính từ sau thời gian kỷ luật (hết năm học ${b.period})` : `counted only after the discipline (ends ${b.period})`;
  if (b.reason === 'same-award') return vi ? `chỉ tính các năm sau lần khen năm học ${b.period}` : `only years after the previous award in ${b.period}`;
  return vi ? `chỉ tính các năm sau năm được khen năm học ${b.period}` : `only years after the prerequisite award in ${b.period}`;
}

/** "trong thời gian đó có 03 lần CSTĐCS": a title held at least `atLeast` times within the run of `run`. */
export function titlesInRun(spec: CriterionSpec, award: AwardId, atLeast: number, run: WindowSpec): Criterion {
  return criterion(spec, (ctx) => {
    const w = windowOf(ctx, run);
    const counted: Period[] = [];
    const unknown: Period[] = [];
    for (const p of w.periods) {
      const v = hasTitle(recordAt(ctx.timeline, p), award);
      if (v === true) counted.push(p);
      else if (v === undefined) unknown.push(p);
    }
    const status = counted.length >= atLeast ? 'met' : counted.length + unknown.length < atLeast ? 'unmet' : 'unknown';
    const found: Text = lazy((lang) => {
      const short = AWARDS[award].short;
      const where = w.periods.length > 0 ? span(w.periods) : ctx.asOf;
      const lack = atLeast - counted.length;
      if (lang === 'en') return `${counted.length} × ${short} in ${where}${status === 'met' ? '' : `; ${lack} more needed`}${unknown.length ? `; titles unknown for ${unknown.join(', ')}` : ''}`;
      return `${counted.length} lần ${short} trong giai đoạn ${where}${counted.length ? ` (${[...counted].sort(comparePeriods).join(', ')})` : ''}${status === 'met' ? '' : `; cần thêm ${lack} lần ${short}`}${unknown.length ? `; thiếu dữ liệu danh hiệu năm học ${unknown.join(', ')}` : ''}`;
    });
    return { status, periods: counted.sort(comparePeriods), missing: unknown.length ? unknown.sort(comparePeriods) : undefined, found };
  });
}

/**
 * "có 02 sáng kiến … hoặc có 02 đề tài": `atLeast` initiatives of one kind (not a mix) within the run, not
 * counting those spent on a CSTĐCS.
 */
export function initiativesInRun(spec: CriterionSpec, atLeast: number, levels: Initiative['level'][] | 'any', run: WindowSpec | 'as-of',
  opts: { types?: Initiative['type'][]; spend?: boolean } = {}): Criterion {
  const types = opts.types ?? ['sang-kien', 'de-tai'];
  return criterion(spec, (ctx) => {
    const periods = run === 'as-of' ? [ctx.asOf] : windowOf(ctx, run).periods;
    const unknown: Period[] = [];
    const counts = types.map((type) => {
      let n = 0;
      let spent = 0;
      const used: Period[] = [];
      for (const p of periods) {
        const u = usableInitiatives(ctx, recordAt(ctx.timeline, p), type, levels, opts.spend !== false);
        const r = recordAt(ctx.timeline, p);
        if (!r?.initiatives || u.unknown) {
          if (!unknown.includes(p)) unknown.push(p);
          continue;
        }
        n += u.available;
        spent += u.spent;
        if (u.available > 0) used.push(p);
      }
      return { type, n, spent, used };
    });
    const best = counts.reduce((a, b) => (b.n > a.n ? b : a));
    const status = best.n >= atLeast ? 'met' : unknown.length > 0 ? 'unknown' : 'unmet';
    const name = (type: Initiative['type']) => (type === 'de-tai' ? { vi: 'đề tài', en: 'research projects' } : { vi: 'sáng kiến', en: 'initiatives' });
    const found = lazy((lang) => {
      const where = periods.length > 0 ? span(periods) : ctx.asOf;
      if (lang === 'en') {
        const desc = counts.map((c) => `${c.n} ${name(c.type).en}${c.spent ? ` (${c.spent} spent on CSTĐCS)` : ''}`).join(', ');
        return `${desc} in ${where}${status === 'met' ? '' : `; ${atLeast} of one kind needed`}${unknown.length ? `; initiatives unknown for ${unknown.join(', ')}` : ''}`;
      }
      const desc = counts.map((c) => `${c.n} ${name(c.type).vi}${c.spent ? ` (không tính ${c.spent} đã dùng xét CSTĐCS)` : ''}`).join(', ');
      return `${desc} trong giai đoạn ${where}${status === 'met' ? '' : `; cần ${atLeast} ${name(best.type).vi} cùng loại`}${unknown.length ? `; thiếu dữ liệu sáng kiến năm học ${unknown.join(', ')}` : ''}`;
    });
    return { status, periods: best.used.sort(comparePeriods), missing: unknown.length ? unknown.sort(comparePeriods) : undefined, found };
  });
}

/** The rating of the as-of period is `floor` or better. */
export function ratingAt(spec: CriterionSpec, floor: Rating): Criterion {
  return criterion(spec, (ctx) => {
    const r = recordAt(ctx.timeline, ctx.asOf);
    if (!r) return { status: 'unknown', missing: [ctx.asOf], found: { vi: `Chưa có dữ liệu năm học ${ctx.asOf}`, en: `No data for ${ctx.asOf}` } };
    if (!r.rating) return { status: 'unknown', missing: [ctx.asOf], found: { vi: `Chưa có xếp loại năm học ${ctx.asOf}`, en: `No rating for ${ctx.asOf}` } };
    const ok = ratingAtLeast(r.rating, floor);
    const rating = r.rating;
    return { status: ok ? 'met' : 'unmet', periods: ok ? [ctx.asOf] : undefined, found: lazy((lang) => (lang === 'vi' ? `Năm học ${ctx.asOf}: ${RATING_NAMES[rating]}` : `${ctx.asOf}: ${rating}`)) };
  });
}
