import type { AwardId, AwardKind } from '../../model/award.js';
import { comparePeriods, shiftPeriod, type Period } from '../../model/period.js';
import type { Honour, YearRecord } from '../../model/record.js';
import { disciplineBound, inService, memo, newMap, recordAt, revoked } from '../facts.js';
import type { EvalContext, Text } from '../types.js';

/** A run of consecutive periods ending at the as-of period, each meeting `test`. */
export type WindowSpec = {
  key: string;
  test: (r: YearRecord | undefined, ctx: EvalContext, p: Period) => boolean | undefined;
  /** Least number of periods ("05 năm liên tục"). */
  min: number;
  label: Text;
  /** The run starts after the prerequisite award (parameter window.start-after-prior-award). */
  afterPrior?: { award: AwardId; kinds: AwardKind[]; always?: boolean };
  /** The run starts after the last award of the same form (parameter window.no-reuse). */
  noReuse?: boolean;
};

export type Window = {
  /** Consecutive known-good periods from the as-of period back, newest first. */
  known: Period[];
  /** The periods the decision rests on: `known` when long enough, else the `min` periods ending at as-of. */
  periods: Period[];
  /** Periods in `periods` whose data is missing. */
  unknown: Period[];
  status: 'met' | 'unmet' | 'unknown';
  /** Why the run cannot start earlier: "after" this period. */
  bound?: { period: Period; reason: 'prior-award' | 'same-award' | 'discipline' };
  brokenAt?: Period;
};

export function windowOf(ctx: EvalContext, spec: WindowSpec): Window {
  // A no-reuse window is bounded by the last conferral of the award being judged: it differs per award.
  if (!spec.noReuse) return memo(ctx, spec, computeWindow, spec);
  const perAward = memo(ctx, ctx.award, newMap<WindowSpec, Window>);
  let w = perAward.get(spec);
  if (!w) perAward.set(spec, (w = computeWindow(ctx, spec)));
  return w;
}

function computeWindow(ctx: EvalContext, spec: WindowSpec): Window {
  const bound = windowBound(ctx, spec);
  const inWindow = (p: Period) => !bound || comparePeriods(p, bound.period) > 0;
  const test = (p: Period): boolean | undefined => {
    if (inService(ctx, p) === false) return false;
    return spec.test(recordAt(ctx.timeline, p), ctx, p);
  };
  const known: Period[] = [];
  let brokenAt: Period | undefined;
  for (let p = ctx.asOf; inWindow(p) && known.length < 60; p = shiftPeriod(p, -1)) {
    const v = test(p);
    if (v !== true) {
      if (v === false) brokenAt = p;
      break;
    }
    known.push(p);
  }
  if (known.length >= spec.min) return { known, periods: known, unknown: [], status: 'met', bound, brokenAt };
  const periods: Period[] = [];
  const unknown: Period[] = [];
  let status: Window['status'] = 'unknown';
  for (let i = 0, p = ctx.asOf; i < spec.min; i++, p = shiftPeriod(p, -1)) {
    if (!inWindow(p)) {
      status = 'unmet';
      break;
    }
    const v = test(p);
    periods.push(p);
    if (v === false) {
      status = 'unmet';
      brokenAt ??= p;
      break;
    }
    if (v === undefined) unknown.push(p);
  }
  if (unknown.length === 0) status = 'unmet';
  return { known, periods, unknown: status === 'unmet' ? [] : unknown, status, bound, brokenAt };
}

function windowBound(ctx: EvalContext, spec: WindowSpec): Window['bound'] {
  const candidates: NonNullable<Window['bound']>[] = [];
  // Only a merit (công trạng) award of the same form used its years; a thematic or sudden one counted none.
  const sameAward = spec.noReuse && ctx.params['window.no-reuse'] !== false ? lastHeld(ctx, ctx.award, ['cong-trang'], ctx.asOf) : undefined;
  if (sameAward) candidates.push({ period: sameAward, reason: 'same-award' });
  if (spec.afterPrior && (spec.afterPrior.always || ctx.params['window.start-after-prior-award'] !== false)) {
    const prior = priorPeriods(ctx, spec.afterPrior.award, spec.afterPrior.kinds);
    const after = sameAward ? prior.filter((p) => comparePeriods(p, sameAward) > 0) : prior;
    const chosen = after[0] ?? prior[prior.length - 1];
    if (chosen) candidates.push({ period: chosen, reason: 'prior-award' });
  }
  const d = disciplineBound(ctx);
  if (d) candidates.push({ period: d, reason: 'discipline' });
  return candidates.sort((a, b) => comparePeriods(b.period, a.period))[0];
}

const PRIOR = Symbol('prior awards');
const HONOURS = Symbol('honours by award');

/** Periods (oldest first, up to as-of) in which the subject held an award of this form and kind. */
export function priorPeriods(ctx: EvalContext, award: AwardId, kinds: AwardKind[] | undefined): Period[] {
  const byAward = memo(ctx, PRIOR, newMap<AwardId, Map<string, Period[]>>);
  let byKinds = byAward.get(award);
  if (!byKinds) byAward.set(award, (byKinds = new Map()));
  const key = kinds === undefined ? '' : kinds.length === 1 ? kinds[0] : kinds.join(',');
  let out = byKinds.get(key);
  if (!out) byKinds.set(key, (out = prior(ctx, award, kinds)));
  return out;
}

/** An honour held, with its record's period and place in the timeline. */
type Held = { period: Period; kind: AwardKind; record: number };

function prior(ctx: EvalContext, award: AwardId, kinds: AwardKind[] | undefined): Period[] {
  const out: Period[] = [];
  let last = -1;
  for (const h of memo(ctx, HONOURS, honoursByAward).get(award) ?? NONE_HELD) {
    if (kinds && !kinds.includes(h.kind)) continue;
    if (h.record === last) continue; // one period per record, whatever it held
    last = h.record;
    out.push(h.period);
  }
  return out;
}

const NONE_HELD: readonly Held[] = [];

/** The honours held up to the as-of period (revoked ones dropped), by award, in record order: one pass for all rules. */
function honoursByAward(ctx: EvalContext): Map<AwardId, Held[]> {
  const byAward = new Map<AwardId, Held[]>();
  const records = ctx.timeline.records;
  for (let i = 0; i < records.length; i++) {
    const r = records[i];
    if (comparePeriods(r.period, ctx.asOf) > 0) continue;
    if (r.titles) addHeld(byAward, r, i, r.titles);
    if (r.awards) addHeld(byAward, r, i, r.awards);
  }
  return byAward;
}

function addHeld(byAward: Map<AwardId, Held[]>, r: YearRecord, i: number, list: readonly Honour[]): void {
  for (const h of list) {
    if (revoked(r, h.award)) continue;
    let held = byAward.get(h.award);
    if (!held) byAward.set(h.award, (held = []));
    held.push({ period: r.period, kind: h.kind, record: i });
  }
}

/** The latest period before the as-of period in which the award was held (a previous conferral). */
export function lastHeld(ctx: EvalContext, award: AwardId, kinds: AwardKind[] | undefined, before: Period): Period | undefined {
  const ps = priorPeriods(ctx, award, kinds).filter((p) => comparePeriods(p, before) < 0);
  return ps[ps.length - 1];
}

/** "2021-2022 – 2024-2025": the earliest and the latest of the periods, found in one pass (no sorted copy per text). */
export function span(periods: readonly Period[]): string {
  if (periods.length === 0) return '';
  let first = periods[0];
  let last = periods[0];
  for (let i = 1; i < periods.length; i++) {
    const p = periods[i];
    if (comparePeriods(p, first) < 0) first = p;
    if (comparePeriods(p, last) >= 0) last = p; // of equals, the last one, as a stable sort would put it
  }
  return periods.length === 1 ? first : `${first} – ${last}`;
}
