import { nameKey, slug } from '../ingest/text.js';
import type { Confirmation } from '../ingest/types.js';
import { issue, type Issue } from '../model/issue.js';
import type { Subject, Timeline } from '../model/subject.js';

/** A confirmation whose subject is known: `subject` is the id of a timeline's subject. */
export type ResolvedConfirmation = Omit<Confirmation, 'subject'> & { subject: string };

/**
 * Finds whom each confirmation is about, by the same rules as the data: a Mã định danh (or Mã đơn vị) decides,
 * else name + birth date, else a name that is unique. Naming nobody, or several, is an issue: an answer the
 * council gave must not silently count for someone else, nor silently be lost.
 */
export function resolveConfirmations(confirmations: Confirmation[], timelines: Timeline[]): { confirmations: ResolvedConfirmation[]; issues: Issue[] } {
  if (confirmations.length === 0) return { confirmations: [], issues: [] };
  const byId = new Map<string, Subject>();
  const byName = new Map<string, Subject[]>();
  for (const t of timelines) {
    const s = t.subject;
    byId.set(s.id, s);
    const k = s.kind === 'person' ? `p|${nameKey(s.name)}` : `c|${slug(s.name)}`;
    (byName.get(k) ?? byName.set(k, []).get(k)!).push(s);
  }
  const parentName = (s: Subject) => (s.kind === 'collective' && s.parent ? byId.get(s.parent)?.name : undefined);

  const out: ResolvedConfirmation[] = [];
  const issues: Issue[] = [];
  for (const c of confirmations) {
    const key = c.subject;
    let found: Subject[];
    if (key.kind === 'person') {
      const direct = key.id ? byId.get(key.id) : undefined;
      found = direct?.kind === 'person' ? [direct] : (byName.get(`p|${nameKey(key.name)}`) ?? []);
      if (!direct && key.birthDate) found = found.filter((s) => s.kind === 'person' && s.birthDate === key.birthDate);
      else if (!direct && key.birthYear) found = found.filter((s) => s.kind === 'person' && (s.birthYear ?? Number(s.birthDate?.slice(0, 4))) === key.birthYear);
    } else {
      const direct = key.code ? byId.get(key.code) : undefined;
      found = direct?.kind === 'collective' ? [direct] : (byName.get(`c|${slug(key.name)}`) ?? []);
      if (found.length > 1 && key.parent) found = found.filter((s) => slug(parentName(s) ?? '') === slug(key.parent!));
    }
    const where = { file: c.source.file, sheet: c.source.sheet, cell: `A${c.source.row}` };
    if (found.length === 1) {
      out.push({ ...c, subject: found[0].id });
    } else if (found.length === 0) {
      issues.push(issue('E_UNKNOWN_SUBJECT', 'error', where, { name: key.name }));
    } else {
      const code = key.kind === 'person' ? 'E_AMBIGUOUS_PERSON' : 'E_AMBIGUOUS_COLLECTIVE';
      issues.push(issue(code, 'error', where, { name: key.name, count: found.length, candidates: found.map((s) => s.id).sort().slice(0, 5).join(', ') }));
    }
  }
  return { confirmations: out, issues };
}
