import { issue, type Issue } from '../model/issue.js';
import { comparePeriods } from '../model/period.js';
import type { YearRecord } from '../model/record.js';
import type { Collective, Person, Timeline } from '../model/subject.js';
import type { Confirmation, SourceRecord } from '../ingest/types.js';
import { resolveConfirmations, type ResolvedConfirmation } from './confirmations.js';
import { collectivePath, resolvePersons, unitPath } from './identity.js';
import { mergeRecords } from './merge.js';

export type HistoryResult = { timelines: Timeline[]; confirmations: ResolvedConfirmation[]; issues: Issue[] };

/**
 * Merges the records of every file into one timeline per person and per collective, sorted by id, and
 * points each confirmation at the subject it names.
 */
export function buildTimelines(records: SourceRecord[], confirmations: Confirmation[] = []): HistoryResult {
  const issues: Issue[] = [];
  shareTexts(records);
  const persons = resolvePersons(records);
  for (const i of persons.issues) issues.push(i); // a loop: a spread of 100,000s overflows the stack

  // Collectives: the units and tổ the persons name, then the "Tập thể" rows placed among them.
  const known = new Set<string>();
  const names = new Map<string, { name: string; parent?: string }>();
  for (const r of records) {
    if (r.key.kind !== 'person') continue;
    const school = unitPath(r.record.unit, undefined);
    if (school && !names.has(school)) names.set(school, { name: r.record.unit! });
    if (school) known.add(school);
    const team = r.record.team ? unitPath(r.record.unit, r.record.team) : undefined;
    if (team) {
      known.add(team);
      if (!names.has(team)) names.set(team, { name: r.record.team!, parent: school });
    }
  }
  const collectiveIdOf = new Map<string, string>();
  const collectivePaths: string[] = new Array(records.length);
  records.forEach((r, i) => {
    if (r.key.kind !== 'collective') return;
    const path = collectivePath(r.key, known);
    collectivePaths[i] = path;
    if (r.key.code) collectiveIdOf.set(path, r.key.code);
    const parent = r.key.parent && path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : undefined;
    names.set(path, { name: r.key.name, parent: parent ?? names.get(path)?.parent });
  });
  const cid = (path: string) => collectiveIdOf.get(path) ?? path;
  // One path string per (unit, tổ), not one per record: a province's timelines keep 180,000 of them.
  const paths = new Map<string, string | undefined>();
  const pathOf = (unit: string | undefined, team: string | undefined) => {
    const k = `${unit ?? ''}\u0000${team ?? ''}`;
    if (!paths.has(k)) paths.set(k, unitPath(unit, team));
    return paths.get(k);
  };

  // Group records by subject, then by period: a subject's periods in the order first met, each with its rows.
  // A list, not a map per subject: a subject has a handful of periods, and a province 30,000 subjects.
  const groups = new Map<string, { subject: Person | Collective; parts: SourceRecord[][] }>();
  const groupOf = (id: string, make: () => Person | Collective) => {
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { subject: make(), parts: [] }));
    return g;
  };
  records.forEach((r, i) => {
    let g;
    if (r.key.kind === 'person') {
      const id = persons.ids[i];
      if (id === undefined) return;
      const key = r.key;
      g = groupOf(id, () => ({ kind: 'person', id, idSource: key.id ? 'ma-dinh-danh' : key.birthDate || key.birthYear ? 'name-birth' : 'name', name: key.name }));
      enrichPerson(g.subject as Person, key, issues, r);
      const path = pathOf(r.record.unit, r.record.team);
      if (path) r.record.collective = cid(path);
    } else {
      const path = collectivePaths[i];
      g = groupOf(cid(path), () => collectiveSubject(cid(path), path, names, cid));
    }
    const period = r.record.period;
    const list = g.parts.find((rows) => rows[0].record.period === period);
    if (list) list.push(r);
    else g.parts.push([r]);
  });
  for (const path of known) {
    const id = cid(path);
    if (!groups.has(id)) groups.set(id, { subject: collectiveSubject(id, path, names, cid), parts: [] });
  }

  const timelines: Timeline[] = [];
  for (const [, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const periodRecords: YearRecord[] = [];
    for (const parts of g.parts) {
      const merged = mergeRecords(parts);
      issues.push(...merged.issues);
      periodRecords.push(merged.record);
    }
    periodRecords.sort((a, b) => comparePeriods(a.period, b.period));
    const latest = periodRecords[periodRecords.length - 1];
    if (latest?.unit) g.subject.unit = latest.unit;
    timelines.push({ subject: g.subject, records: periodRecords });
  }
  const resolved = resolveConfirmations(confirmations, timelines);
  for (const i of resolved.issues) issues.push(i);
  return { timelines, confirmations: resolved.confirmations, issues };
}

function collectiveSubject(id: string, path: string, names: Map<string, { name: string; parent?: string }>, cid: (p: string) => string): Collective {
  const n = names.get(path);
  const c: Collective = { kind: 'collective', id, name: n?.name ?? path };
  if (n?.parent) c.parent = cid(n.parent);
  const parentName = n?.parent ? names.get(n.parent)?.name : undefined;
  if (parentName) c.unit = parentName;
  return c;
}

function enrichPerson(p: Person, key: SourceRecord['key'] & { kind: 'person' }, issues: Issue[], r: SourceRecord): void {
  if (key.birthDate) {
    if (p.birthDate && p.birthDate !== key.birthDate) {
      issues.push(issue('W_BIRTHDATE_MISMATCH', 'warning', { file: r.source.file, sheet: r.source.sheet, cell: `A${r.source.row}` },
        { name: p.name, value: key.birthDate, otherValue: p.birthDate }));
    } else p.birthDate = key.birthDate;
  }
  if (key.birthYear && !p.birthDate) p.birthYear = key.birthYear;
  if (key.gender) p.gender ??= key.gender;
  if (key.position) p.position = key.position;
  if (key.entryDate) p.entryDate ??= key.entryDate;
}

// Records read from the cache or a reading thread carry their own copy of each unit and tổ name (JSON.parse
// shares short strings only): the timelines keep one copy of each.
function shareTexts(records: SourceRecord[]): void {
  const seen = new Map<string, string>();
  const share = (s: string) => {
    const known = seen.get(s);
    if (known !== undefined) return known;
    seen.set(s, s);
    return s;
  };
  for (const { record } of records) {
    if (record.unit) record.unit = share(record.unit);
    if (record.team) record.team = share(record.team);
  }
}
