import type { AwardId } from '../model/award.js';
import type { Issue } from '../model/issue.js';
import { issue } from '../model/issue.js';
import type { Timeline } from '../model/subject.js';
import type { Verdict, VerdictStatus } from '../rules/types.js';

/** A subject proposed for an award, with the verdict it rests on. */
export type Nomination = { award: AwardId; subject: Timeline; verdict: Verdict; justification?: string };

export type NomineeRequest = { award: AwardId; subject: string; justification?: string };

/** Finds a subject by id, else by exact name (NFC), else undefined; several of one name is ambiguous. */
export function findSubject(timelines: Timeline[], who: string): Timeline | Timeline[] | undefined {
  return indexSubjects(timelines)(who);
}

const nameKey = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');

/** findSubject for many lookups: the subjects are indexed once (a province's nominee list names thousands). */
function indexSubjects(timelines: Timeline[]): (who: string) => Timeline | Timeline[] | undefined {
  const byId = new Map<string, Timeline>();
  const byName = new Map<string, Timeline[]>();
  for (const t of timelines) {
    if (!byId.has(t.subject.id)) byId.set(t.subject.id, t);
    const key = t.subject.name.toLocaleLowerCase('vi');
    (byName.get(key) ?? byName.set(key, []).get(key)!).push(t);
  }
  return (who) => {
    const hit = byId.get(who);
    if (hit) return hit;
    const hits = byName.get(nameKey(who)) ?? [];
    return hits.length === 1 ? hits[0] : hits.length > 1 ? hits : undefined;
  };
}

/**
 * Who goes into the dossier: for each award, the subjects whose verdict is eligible (and review ones when asked),
 * or exactly the list given (each must exist; its verdict travels with it).
 */
export function selectNominations(awards: AwardId[], timelines: Timeline[], verdictsOf: (tl: Timeline, award: AwardId) => Verdict | undefined,
  opts: { include: VerdictStatus[]; requested?: NomineeRequest[] }): { nominations: Nomination[]; issues: Issue[] } {
  const nominations: Nomination[] = [];
  const issues: Issue[] = [];
  if (opts.requested) {
    const find = indexSubjects(timelines);
    for (const r of opts.requested) {
      const found = find(r.subject);
      if (!found || Array.isArray(found)) {
        issues.push(issue(Array.isArray(found) ? 'E_NOMINEE_AMBIGUOUS' : 'E_NOMINEE_NOT_FOUND', 'error', {}, { subject: r.subject, award: r.award, ...(Array.isArray(found) ? { count: found.length } : {}) }));
        continue;
      }
      const verdict = verdictsOf(found, r.award);
      if (!verdict) {
        issues.push(issue('E_NOMINEE_WRONG_KIND', 'error', {}, { subject: r.subject, award: r.award, kind: found.subject.kind }));
        continue;
      }
      // The list is the clerk's choice and is written as given; a nominee the law does not support is said out loud.
      const reason = verdict.checks.find((c) => c.status === (verdict.status === 'review' ? 'unknown' : 'unmet'))?.found.vi ?? '';
      if (verdict.status === 'ineligible') issues.push(issue('W_NOMINEE_INELIGIBLE', 'warning', {}, { subject: r.subject, award: r.award, reason }));
      else if (verdict.status === 'review' && !r.justification) issues.push(issue('W_NOMINEE_UNJUSTIFIED', 'warning', {}, { subject: r.subject, award: r.award, reason }));
      nominations.push({ award: r.award, subject: found, verdict, ...(r.justification ? { justification: r.justification } : {}) });
    }
    return { nominations, issues };
  }
  for (const award of awards) {
    for (const tl of timelines) {
      const v = verdictsOf(tl, award);
      if (v && opts.include.includes(v.status)) nominations.push({ award, subject: tl, verdict: v });
    }
  }
  return { nominations, issues };
}
