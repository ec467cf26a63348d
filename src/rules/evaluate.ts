import { defaultProposalDate, type Period } from '../model/period.js';
import type { Collective, Timeline } from '../model/subject.js';
import { confirmationLookup, type ConfirmationLookup } from './confirm.js';
import { andStatus } from './criteria/core.js';
import { rulesetForDate } from './rulesets/index.js';
import type { AwardRule, CheckResult, Confirmation, EvalContext, Parameters, Ruleset, Verdict } from './types.js';

/** Kleene logic over the criteria: all met → eligible; any unmet → ineligible; otherwise review. */
export function evaluateRule(rule: AwardRule, ctx: EvalContext): Verdict {
  // One context per subject, its award set per rule: copying it per rule would also lose the subject's memo.
  ctx.award = rule.award;
  const criteria = rule.criteria;
  const checks: CheckResult[] = [];
  for (let i = 0; i < criteria.length; i++) checks.push(criteria[i].evaluate(ctx));
  return verdictOf(rule, ctx.timeline, checks);
}

/**
 * Whether the rule's verdict would be "eligible" (every criterion met), asking no further once one is not: for
 * counting (the unit cap), where the verdict itself is not kept.
 */
export function allMet(rule: AwardRule, ctx: EvalContext): boolean {
  ctx.award = rule.award;
  const criteria = rule.criteria;
  for (let i = 0; i < criteria.length; i++) if (criteria[i].evaluate(ctx).status !== 'met') return false;
  return true;
}

export function verdictOf(rule: AwardRule, tl: Timeline, checks: CheckResult[]): Verdict {
  const s = andStatus(checks);
  return {
    subject: tl.subject.id, kind: tl.subject.kind, award: rule.award, status: s === 'met' ? 'eligible' : s === 'unmet' ? 'ineligible' : 'review',
    citation: rule.citation, confidence: rule.confidence, checks,
  };
}

/** What evaluating needs beyond a timeline: the ruleset, parameters, members of collectives, confirmations. */
export type Environment = {
  ruleset: Ruleset;
  params: Parameters;
  asOf: Period;
  confirmations: Confirmation[];
  /** Built from `confirmations` on first use. */
  confirmed?: ConfirmationLookup;
  members: (collectiveId: string, period: Period) => Timeline[];
};

export function contextFor(tl: Timeline, env: Environment, asOf = env.asOf): EvalContext {
  return {
    timeline: tl, asOf, rulesetId: env.ruleset.id, params: env.params, award: 'ldtt', members: env.members, memo: new Map(),
    confirmed: env.confirmed ?? (env.confirmed = confirmationLookup(env.confirmations)), regimeOf,
  };
}

const regimeCache = new Map<Period, string>();
export function regimeOf(p: Period): string {
  let id = regimeCache.get(p);
  if (!id) regimeCache.set(p, (id = rulesetForDate(defaultProposalDate(p)).id));
  return id;
}

/**
 * Members of a collective in a period: persons whose most specific unit is the collective or one of its
 * descendants (a school's members include those of its tổ).
 */
export function memberIndex(timelines: Timeline[]): (collectiveId: string, period: Period) => Timeline[] {
  const children = new Map<string, string[]>();
  for (const tl of timelines) {
    const s = tl.subject as Collective;
    if (s.kind === 'collective' && s.parent) (children.get(s.parent) ?? children.set(s.parent, []).get(s.parent)!).push(s.id);
  }
  const direct = new Map<string, Timeline[]>();
  for (const tl of timelines) {
    if (tl.subject.kind !== 'person') continue;
    for (const r of tl.records) {
      if (!r.collective) continue;
      const k = `${r.collective}|${r.period}`;
      (direct.get(k) ?? direct.set(k, []).get(k)!).push(tl);
    }
  }
  const cache = new Map<string, Timeline[]>();
  const members = (id: string, p: Period): Timeline[] => {
    const k = `${id}|${p}`;
    let out = cache.get(k);
    if (!out) {
      out = [...(direct.get(k) ?? []), ...(children.get(id) ?? []).flatMap((c) => members(c, p))];
      cache.set(k, out);
    }
    return out;
  };
  return members;
}
