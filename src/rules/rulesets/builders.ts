import { AWARDS, type AwardId, type SubjectKind } from '../../model/award.js';
import type { AwardRule, Citation, Confidence, Criterion } from '../types.js';

/** An award's rule for one subject kind; its criteria in the order of the article's points. */
export function rule(award: AwardId, kind: SubjectKind, citation: Citation, confidence: Confidence, ...criteria: Criterion[]): AwardRule {
  return { award, kind, title: AWARDS[award].name, citation, confidence, criteria };
}

/** A ruleset's rules with some replaced (a later regime overrides only what changed). */
export function override(base: AwardRule[], ...changed: AwardRule[]): AwardRule[] {
  return base.map((r) => changed.find((c) => c.award === r.award && c.kind === r.kind) ?? r).concat(
    changed.filter((c) => !base.some((r) => r.award === c.award && r.kind === c.kind)));
}
