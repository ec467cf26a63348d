import type { Period } from '../model/period.js';
import type { AwardId } from '../model/award.js';
import type { AwardRule, Confirmation, Criterion } from './types.js';

/** Finds the council's answer for one criterion of one award for one subject, in O(1). */
export type ConfirmationLookup = (subject: string, award: AwardId, criterion: string, asOf: Period) => Confirmation | undefined;

export function confirmationLookup(list: Confirmation[]): ConfirmationLookup {
  if (list.length === 0) return () => undefined;
  const byKey = new Map<string, Confirmation[]>();
  for (const c of list) {
    const k = `${c.subject}|${c.criterion}`;
    (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(c);
  }
  // An answer for this award beats one for any award; an answer dated to another school year does not count.
  return (subject, award, criterion, asOf) => {
    const found = byKey.get(`${subject}|${criterion}`)?.filter((c) => !c.period || c.period === asOf);
    return found?.find((c) => c.award === award) ?? found?.find((c) => c.award === '*');
  };
}

/** Every criterion of a rule, nested ones included, in reading order. */
export function criteriaOf(rule: AwardRule): Criterion[] {
  const out: Criterion[] = [];
  const walk = (c: Criterion) => {
    out.push(c);
    for (const p of c.parts ?? []) walk(p);
  };
  rule.criteria.forEach(walk);
  return out;
}

/**
 * Reads a criterion as a clerk wrote it: its id ("leads-cluster") or the words of its requirement ("Dẫn đầu cụm,
 * khối thi đua"), folded. The requirement that holds the most of the written words wins, if it holds at least
 * four in five of them and no other requirement holds as many; else undefined (the answer is reported, not guessed).
 */
export function matchCriterion(rules: AwardRule[], written: string, fold: (s: string) => string): string | undefined {
  const all = rules.flatMap(criteriaOf);
  const trimmed = written.trim();
  if (all.some((c) => c.id === trimmed)) return trimmed;
  const words = (s: string) => fold(s).split(/[^a-z0-9]+/).filter(Boolean);
  const asked = new Set(words(written));
  if (asked.size === 0) return undefined;
  const scores = new Map<string, number>();
  for (const c of all) {
    const have = new Set(words(c.requirement.vi));
    let n = 0;
    for (const w of asked) if (have.has(w)) n++;
    scores.set(c.id, Math.max(scores.get(c.id) ?? 0, n / asked.size));
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  return best && best[1] >= 0.8 && (!second || second[1] < best[1]) ? best[0] : undefined;
}
