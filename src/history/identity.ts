import { issue, type Issue } from '../model/issue.js';
import { nameKey, slug } from '../ingest/text.js';
import type { CollectiveKey, PersonKey, SourceRecord } from '../ingest/types.js';

/**
 * Who each person record is about. A Mã định danh decides; without one, name + birth date, matched to a
 * person with an id when that match is unique; a name alone only where it is unique. Ambiguity is an
 * issue and the record is left out, never merged by guess.
 */
export function resolvePersons(records: SourceRecord[]): { ids: (string | undefined)[]; issues: Issue[] } {
  const ids: (string | undefined)[] = new Array(records.length);
  const issues: Issue[] = [];
  // The ids each name (with a birth date, a birth year, or alone) was seen with: a list of one id, mostly.
  const byNameBirth = new Map<string, string[]>();
  const byNameYear = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, k: string, id: string) => {
    const ids = map.get(k);
    if (!ids) map.set(k, [id]);
    else if (!ids.includes(id)) ids.push(id);
  };
  const index = (key: PersonKey, id: string) => {
    const n = nameKey(key.name);
    if (key.birthDate) {
      add(byNameBirth, `${n}|${key.birthDate}`, id);
      add(byNameYear, `${n}|${key.birthDate.slice(0, 4)}`, id);
    }
    if (key.birthYear) add(byNameYear, `${n}|${key.birthYear}`, id);
    add(byName, n, id);
  };
  const persons = (pass: (key: PersonKey, i: number) => void) =>
    records.forEach((r, i) => { if (r.key.kind === 'person' && ids[i] === undefined) pass(r.key, i); });
  const ambiguous = (i: number, candidates: string[]) => {
    const r = records[i];
    ids[i] = '';
    issues.push(issue('E_AMBIGUOUS_PERSON', 'error', { file: r.source.file, sheet: r.source.sheet, cell: `A${r.source.row}` },
      { name: r.key.name, count: candidates.length, candidates: [...candidates].sort().slice(0, 5).join(', ') }));
  };

  // A person's rows share one key object when read from the cache or a reading thread: index it once.
  const indexed = new Set<PersonKey>();
  persons((key, i) => {
    if (key.id) {
      ids[i] = key.id;
      if (indexed.has(key)) return;
      indexed.add(key);
      index(key, key.id);
    }
  });
  persons((key, i) => {
    if (!key.birthDate) return;
    const n = nameKey(key.name);
    const found = byNameBirth.get(`${n}|${key.birthDate}`);
    const withId = found ? found.filter((id) => !id.startsWith('~')) : [];
    if (withId.length === 1) ids[i] = withId[0];
    else if (withId.length > 1) ambiguous(i, withId);
    else {
      ids[i] = `~${slug(key.name)}-${key.birthDate}`;
      index(key, ids[i]!);
    }
  });
  persons((key, i) => {
    if (!key.birthYear) return;
    const found = byNameYear.get(`${nameKey(key.name)}|${key.birthYear}`);
    if (found && found.length === 1) ids[i] = found[0];
    else if (found && found.length > 1) ambiguous(i, found);
    else {
      ids[i] = `~${slug(key.name)}-${key.birthYear}`;
      index(key, ids[i]!);
    }
  });
  persons((key, i) => {
    const found = byName.get(nameKey(key.name));
    if (found && found.length === 1) ids[i] = found[0];
    else if (found && found.length > 1) ambiguous(i, found);
    else {
      const unit = records[i].record.unit;
      ids[i] = `~${slug(key.name)}${unit ? `@${slug(unit)}` : ''}`;
    }
  });
  // "~" marks an id made by tdkt (not a Mã định danh); it is dropped for display.
  return { ids: ids.map((id) => (id === '' ? undefined : id?.replace(/^~/, ''))), issues };
}

/** A collective's path: "truong-thcs-kim-lien/to-toan-tin" for a tổ, "truong-thcs-kim-lien" for a school. */
export function unitPath(unit: string | undefined, team: string | undefined): string | undefined {
  if (team && unit) return `${slug(unit)}/${slug(team)}`;
  if (team) return slug(team);
  return unit ? slug(unit) : undefined;
}

/** Where a "Tập thể" row sits among the collectives the persons' units name. */
export function collectivePath(key: CollectiveKey, known: Set<string>): string {
  const name = slug(key.name);
  if (key.parent) {
    const under = `${slug(key.parent)}/${name}`;
    if (known.has(under) || known.has(slug(key.parent))) return under;
  }
  return name;
}
