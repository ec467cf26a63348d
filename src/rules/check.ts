import { AWARDS, type AwardId } from '../model/award.js';
import { issue, type Issue } from '../model/issue.js';
import { comparePeriods } from '../model/period.js';
import type { Timeline } from '../model/subject.js';
import { allMet, contextFor, evaluateRule, regimeOf, type Environment } from './evaluate.js';
import { recordAt } from './facts.js';
import { rulesetById } from './rulesets/index.js';
import { resolveParameters } from './parameters.js';
import type { AwardRule, Parameters, Ruleset, Verdict } from './types.js';

/** The rules of the ruleset that apply to a subject, narrowed to the awards asked for. */
export function rulesFor(env: Environment, tl: Timeline, awards?: AwardId[]): AwardRule[] {
  return env.ruleset.rules.filter((r) => r.kind === tl.subject.kind && (!awards || awards.includes(r.award)));
}

export type CapAdjustment = Map<string, { unit: string; eligible: number; cap: number }>;

/**
 * Caps per unit (CSTĐCS ≤ share × LĐTT, parameter cstdcs.cap-share): when a unit has more eligible than the
 * cap, its CSTĐCS verdicts need a choice (review) and the unit gets an issue.
 */
export function applyCaps(timelines: Timeline[], env: Environment): { adjust: CapAdjustment; issues: Issue[] } {
  const adjust: CapAdjustment = new Map();
  const issues: Issue[] = [];
  const share = env.params['cstdcs.cap-share'];
  if (typeof share !== 'number') return { adjust, issues };
  const ldttRule = env.ruleset.rules.find((r) => r.award === 'ldtt' && r.kind === 'person')!;
  const cstdcsRule = env.ruleset.rules.find((r) => r.award === 'cstdcs' && r.kind === 'person')!;
  const units = new Map<string, { ldtt: number; cstdcs: string[] }>();
  for (const tl of timelines) {
    if (tl.subject.kind !== 'person') continue;
    const unit = recordAt(tl, env.asOf)?.unit;
    if (!unit) continue;
    const ctx = contextFor(tl, env);
    const u = units.get(unit) ?? units.set(unit, { ldtt: 0, cstdcs: [] }).get(unit)!;
    if (allMet(ldttRule, ctx)) u.ldtt++;
    if (allMet(cstdcsRule, ctx)) u.cstdcs.push(tl.subject.id);
  }
  for (const [unit, u] of [...units].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const cap = Math.floor(u.ldtt * share);
    if (u.cstdcs.length <= cap) continue;
    issues.push(issue('W_CAP_EXCEEDED', 'warning', {}, { unit, award: 'CSTĐCS', eligible: u.cstdcs.length, cap, share: `${Math.round(share * 100)}%`, base: u.ldtt }));
    for (const id of u.cstdcs) adjust.set(id, { unit, eligible: u.cstdcs.length, cap });
  }
  return { adjust, issues };
}

/** Evaluates every applicable award for one subject, with the cap applied. */
export function evaluateSubject(tl: Timeline, env: Environment, caps: CapAdjustment, awards?: AwardId[]): Verdict[] {
  const ctx = contextFor(tl, env);
  return rulesFor(env, tl, awards).map((rule) => {
    const v = evaluateRule(rule, ctx);
    const cap = rule.award === 'cstdcs' ? caps.get(tl.subject.id) : undefined;
    if (cap && v.status === 'eligible') {
      v.status = 'review';
      v.checks.push({
        criterion: 'cap', status: 'unknown', confidence: 'UNCERTAIN',
        requirement: { vi: `Số CSTĐCS của đơn vị không quá ${Math.round(Number(env.params['cstdcs.cap-share']) * 100)}% số LĐTT`, en: 'Unit cap on CSTĐCS' },
        found: { vi: `${cap.unit}: ${cap.eligible} người đủ điều kiện, chỉ được ${cap.cap}; Hội đồng cần chọn`, en: `${cap.unit}: ${cap.eligible} eligible, cap ${cap.cap}; the council must choose` },
      });
    }
    return v;
  });
}

const ANNUAL: AwardId[] = ['ldtt', 'cstdcs', 'ttldtt', 'ttldxs'];

// Parameters of an older ruleset, resolved once per config rather than once per recorded title.
const paramsCache = new WeakMap<Record<string, unknown>, Map<string, Parameters>>();
function paramsOf(rulesetId: string, overrides: Record<string, unknown>): Parameters {
  let byId = paramsCache.get(overrides);
  if (!byId) paramsCache.set(overrides, (byId = new Map()));
  let p = byId.get(rulesetId);
  if (!p) byId.set(rulesetId, (p = resolveParameters(rulesetId, overrides).params));
  return p;
}

// The environment of another regime, made once per run rather than once per recorded title.
const envCache = new WeakMap<Environment, Map<string, Environment>>();
function envFor(env: Environment, rulesetId: string, overrides: Record<string, unknown>): Environment {
  if (rulesetId === env.ruleset.id) return env;
  let byId = envCache.get(env);
  if (!byId) envCache.set(env, (byId = new Map()));
  let e = byId.get(rulesetId);
  if (!e) byId.set(rulesetId, (e = { ...env, ruleset: rulesetById(rulesetId)!, params: paramsOf(rulesetId, overrides) }));
  return e;
}

/**
 * Titles the records claim but their own data does not support (a tổ recorded TTLĐXS with 60% LĐTT): each
 * period is judged under the rules in force for it. The clerk's records disagree with the law: a warning.
 */
export function unsupportedTitles(tl: Timeline, env: Environment, overrides: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  for (const r of tl.records) {
    if (comparePeriods(r.period, env.asOf) > 0 || !r.titles || r.titles.length === 0) continue;
    const judged = judgedTitles(r.titles);
    if (judged.length === 0) continue;
    const periodEnv = envFor(env, regimeOf(r.period), overrides);
    const ctx = contextFor(tl, periodEnv, r.period);
    for (const award of judged) {
      const rule = ruleOf(periodEnv.ruleset, tl.subject.kind, award);
      if (!rule) continue;
      const v = evaluateRule(rule, ctx);
      if (v.status !== 'ineligible') continue;
      const failed = v.checks.filter((c) => c.status === 'unmet').map((c) => c.found.vi).join('; ');
      out.push(issue('W_RECORDED_TITLE_UNSUPPORTED', 'warning', {}, { subject: tl.subject.name, id: tl.subject.id, period: r.period, title: AWARDS[award].short, reason: failed }));
    }
  }
  return out;
}

// The annual titles a row claims, in ANNUAL's order, each judged once: a CSTĐCS is judged for itself (not its
// LĐTT too), a TTLĐXS likewise. Asked for every row of a province: the answer for each set of titles held (a
// bit per title of ANNUAL) is worked out once, here.
const JUDGED: AwardId[][] = Array.from({ length: 1 << ANNUAL.length }, (_, held) => {
  const claimed = ANNUAL.filter((_, i) => held & (1 << i));
  if (claimed.includes('cstdcs')) return claimed.filter((a) => a !== 'ldtt');
  if (claimed.includes('ttldxs')) return claimed.filter((a) => a !== 'ttldtt');
  return claimed;
});

function judgedTitles(titles: readonly { award: AwardId }[]): AwardId[] {
  let held = 0;
  for (const h of titles) {
    const i = ANNUAL.indexOf(h.award);
    if (i >= 0) held |= 1 << i;
  }
  return JUDGED[held];
}

// A ruleset's rule for a subject kind and award, found once (rules are data: a ruleset never changes).
const RULE_OF = new WeakMap<Ruleset, Map<string, AwardRule | undefined>>();

function ruleOf(ruleset: Ruleset, kind: string, award: AwardId): AwardRule | undefined {
  let byKey = RULE_OF.get(ruleset);
  if (!byKey) RULE_OF.set(ruleset, (byKey = new Map()));
  const key = kind === 'person' ? award : `${kind}:${award}`;
  if (!byKey.has(key)) byKey.set(key, ruleset.rules.find((x) => x.award === award && x.kind === kind));
  return byKey.get(key);
}
