import type { AwardId } from '../model/award.js';
import { wholeMonths } from '../model/date.js';
import { comparePeriods, periodEnd, periodOfDate, shiftPeriod, type Period } from '../model/period.js';
import type { Honour, Initiative, YearRecord } from '../model/record.js';
import type { Timeline } from '../model/subject.js';
import type { EvalContext } from './types.js';

// Reading a timeline the way the law counts: revoked titles do not count, a CSTĐCS counts as an LĐTT,
// an absent fact is unknown (undefined), an empty list is none.

/**
 * A fact about the subject as of the context's period, worked out once (`make(ctx, arg)`) and shared by every
 * rule. `make` is a plain function and `arg` its argument: a closure made on every call would cost more than the
 * lookup on the hot paths (windows, prior awards, the entry period).
 */
export function memo<T, A = undefined>(ctx: EvalContext, key: unknown, make: (ctx: EvalContext, arg: A) => T, arg?: A): T {
  let v = ctx.memo.get(key) as T | undefined;
  if (v === undefined && !ctx.memo.has(key)) ctx.memo.set(key, (v = make(ctx, arg as A)));
  return v as T;
}

/** A new map, for memo. */
export const newMap = <K, V>(): Map<K, V> => new Map();

// The index sits on the timeline itself (a symbol, invisible to JSON): the hottest lookup of all.
const BY_PERIOD = Symbol('records by period');
type Indexed = Timeline & { [BY_PERIOD]?: Map<Period, YearRecord> };

export function recordAt(tl: Timeline, p: Period): YearRecord | undefined {
  const t = tl as Indexed;
  let m = t[BY_PERIOD];
  if (!m) {
    m = new Map();
    for (const r of tl.records) m.set(r.period, r);
    Object.defineProperty(t, BY_PERIOD, { value: m, enumerable: false });
  }
  return m.get(p);
}

/** Whether the period's record revokes the award (a revoked title or award is not held). */
export function revoked(r: YearRecord, award: AwardId): boolean {
  return !!r.revoked?.some((x) => x.award === award);
}

/**
 * Whether the subject holds a title in the period (a revoked one is not held); an LĐTT is also held by a CSTĐCS,
 * a TTLĐTT by a TTLĐXS. Undefined when the period's titles are unknown. Asked for every period by every rule
 * that looks back: a loop, no list made.
 */
export function hasTitle(r: YearRecord | undefined, award: AwardId): boolean | undefined {
  if (!r?.titles) return undefined;
  const implied = award === 'ldtt' ? 'cstdcs' : award === 'ttldtt' ? 'ttldxs' : undefined;
  for (const h of r.titles) if ((h.award === award || h.award === implied) && !revoked(r, h.award)) return true;
  return false;
}

const TITLE_AWARDS = new Set<AwardId>(['cstd-tinh', 'cstd-tq', 'co-tinh', 'co-cp', 'ldtt', 'cstdcs', 'ttldtt', 'ttldxs']);

/** Awards (and titles) of a form held in a period, knowing whether the awards column was there. */
export function heldIn(r: YearRecord | undefined, award: AwardId): { held: readonly Honour[]; known: boolean } {
  if (!r) return UNKNOWN_NONE;
  // Called for every record by every rule that looks back: no array is made unless something is held.
  let held: Honour[] | undefined;
  if (r.titles) for (const h of r.titles) if (h.award === award && !revoked(r, award)) (held ??= []).push(h);
  if (r.awards) for (const h of r.awards) if (h.award === award && !revoked(r, award)) (held ??= []).push(h);
  const known = TITLE_AWARDS.has(award) ? r.titles !== undefined || r.awards !== undefined : r.awards !== undefined;
  return held ? { held, known } : known ? KNOWN_NONE : UNKNOWN_NONE;
}

const UNKNOWN_NONE = Object.freeze({ held: Object.freeze([]) as readonly Honour[], known: false });
const KNOWN_NONE = Object.freeze({ held: Object.freeze([]) as readonly Honour[], known: true });

/**
 * The last period in which discipline still ran, at or before `asOf`: achievements count only after it
 * (ND 98/2023 Điều 4). A discipline without an end date ends with its row's period.
 */
export function disciplineBound(ctx: EvalContext, mode: 'school-year' | 'calendar' = periodMode(ctx.asOf)): Period | undefined {
  return memo(ctx, DISCIPLINE_BOUND[mode], computeDisciplineBound, mode);
}

const DISCIPLINE_BOUND = { 'school-year': Symbol('discipline bound (school years)'), calendar: Symbol('discipline bound (calendar years)') };

function computeDisciplineBound(ctx: EvalContext, mode: 'school-year' | 'calendar'): Period | undefined {
  let bound: Period | undefined;
  for (const r of ctx.timeline.records) {
    if (comparePeriods(r.period, ctx.asOf) > 0) continue;
    for (const d of r.discipline ?? []) {
      const end = d.until ? periodOfDate(d.until, mode) : r.period;
      const last = comparePeriods(end, r.period) < 0 ? r.period : end;
      if (!bound || comparePeriods(last, bound) > 0) bound = last;
    }
  }
  return bound;
}

export function periodMode(p: Period): 'school-year' | 'calendar' {
  return p.length === 4 ? 'calendar' : 'school-year';
}

/** Periods that ended before the person entered the sector are not service (undefined when unknown). */
export function inService(ctx: EvalContext, p: Period): boolean | undefined {
  const s = ctx.timeline.subject;
  if (s.kind !== 'person' || !s.entryDate) return undefined;
  const mode = periodMode(p);
  return comparePeriods(p, memo(ctx, ENTRY[mode], entryPeriod, mode)) >= 0;
}

function entryPeriod(ctx: EvalContext, mode: 'school-year' | 'calendar'): Period {
  return periodOfDate((ctx.timeline.subject as { entryDate: string }).entryDate, mode);
}

const ENTRY = { 'school-year': Symbol('entry period (school years)'), calendar: Symbol('entry period (calendar years)') };

/**
 * Months of service by the end of a period (for the new-recruit rule), or undefined without an entry date.
 * A school year ends on 31/08, so a teacher recruited on 01/09 has served its twelve months.
 */
export function monthsServedIn(ctx: EvalContext, p: Period): number | undefined {
  const s = ctx.timeline.subject;
  if (s.kind !== 'person' || !s.entryDate) return undefined;
  const byPeriod = memo(ctx, MONTHS, newMap<Period, number>);
  let months = byPeriod.get(p);
  if (months === undefined) byPeriod.set(p, (months = monthsServed(s.entryDate, p)));
  return months;
}

const MONTHS = Symbol('months served by period');

// Whole months from the entry date to the day after the period ends (01/01 or 01/09), as monthsBetween counts
// them, without building the dates as text: asked for every period of every person.
function monthsServed(entryDate: string, p: Period): number {
  const ey = Number(entryDate.slice(0, 4));
  const em = Number(entryDate.slice(5, 7));
  const ed = Number(entryDate.slice(8, 10));
  const ty = p.length === 4 ? Number(p) + 1 : periodEnd(p);
  const tm = p.length === 4 ? 1 : 9;
  if (ey > ty || (ey === ty && em >= tm)) return 0; // entered on or after the day after the period
  return Math.min(24, wholeMonths(ey, em, ed, ty, tm, 1));
}

export type Spend = { available: number; total: number; spent: number; unknown: boolean };
const NONE_TO_SPEND: Spend = { available: 0, total: 0, spent: 0, unknown: false };

/**
 * Sáng kiến (or đề tài) of a period still usable for a Bằng khen: those that were the basis of a CSTĐCS are
 * spent (legal-rules §1.4). Unrecorded basis: before 2024 a CSTĐCS always rested on a sáng kiến; from 2024 an
 * HTXS year is taken as granted on HTXS (parameter cstdcs.basis-when-unrecorded).
 */
export function usableInitiatives(ctx: EvalContext, r: YearRecord | undefined, type: Initiative['type'], levels: Initiative['level'][] | 'any', spend = true): Spend {
  if (!r?.initiatives) return { available: 0, total: 0, spent: 0, unknown: true };
  if (r.initiatives.length === 0) return NONE_TO_SPEND; // most records: no sáng kiến that year
  const list = r.initiatives.filter((i) => i.type === type);
  const fits = (i: Initiative) => levels === 'any' || (i.level !== undefined && levels.includes(i.level));
  const levelUnknown = levels !== 'any' && list.some((i) => i.level === undefined);
  const total = list.filter(fits).reduce((n, i) => n + i.count, 0);
  let spent = 0;
  if (spend && hasTitle(r, 'cstdcs') === true) {
    const marked = list.filter((i) => i.basisOfCstdcs === true);
    if (marked.length > 0) spent = marked.filter(fits).reduce((n, i) => n + i.count, 0);
    else if (!list.some((i) => i.basisOfCstdcs === false) && total > 0) {
      const htxsRoute = ctx.regimeOf(r.period) !== 'vn-2017' && r.rating === 'HTXS' && ctx.params['cstdcs.basis-when-unrecorded'] === 'htxs-in-htxs-year';
      // One initiative carried the CSTĐCS; a sáng kiến before an đề tài when the year had both.
      const otherCarried = type === 'de-tai' && r.initiatives.some((i) => i.type === 'sang-kien');
      spent = htxsRoute || otherCarried ? 0 : 1;
    }
  }
  return { available: Math.max(0, total - spent), total, spent, unknown: levelUnknown };
}

export function previous(p: Period, n = 1): Period {
  return shiftPeriod(p, -n);
}
