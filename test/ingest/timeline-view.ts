import { join } from 'node:path';
import { buildTimelines } from '../../src/history/timelines.js';
import { readInputs, type ReadInputsResult } from '../../src/ingest/inputs.js';
import { nameKey, slug } from '../../src/ingest/text.js';
import type { Issue } from '../../src/model/issue.js';
import type { YearRecord } from '../../src/model/record.js';
import type { Timeline } from '../../src/model/subject.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');

export type Loaded = ReadInputsResult & { timelines: Timeline[]; allIssues: Issue[] };

/** ingest → history for paths under fixtures/, as the CLI does it. */
export async function load(paths: string[], fixEncoding = false): Promise<Loaded> {
  const read = await readInputs(paths, FIXTURES, { mode: 'school-year', fixEncoding });
  const history = buildTimelines(read.records);
  return { ...read, timelines: history.timelines, allIssues: [...read.issues, ...history.issues] };
}

/** What a layout carries, field by field; the comparison looks at these only. */
export type Carried = {
  id?: boolean; position?: boolean; gender?: boolean; entryDate?: boolean; unit?: boolean;
  titleDecisions?: boolean; initiatives?: 'full' | 'counts'; awards?: boolean; awardAuthority?: boolean;
  discipline?: 'full' | 'level';
};

/** Persons keyed by name + birth date, each period reduced to what `carried` says the layout holds. */
export function personView(timelines: Timeline[], carried: Carried): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const t of timelines) {
    const s = t.subject;
    if (s.kind !== 'person') continue;
    const head: Record<string, unknown> = {};
    if (carried.id) head.id = s.id;
    if (carried.position) head.position = s.position;
    if (carried.gender) head.gender = s.gender;
    if (carried.entryDate) head.entryDate = s.entryDate;
    const periods = Object.fromEntries(t.records.map((r) => [r.period, periodView(r, carried)]));
    out[`${nameKey(s.name)}|${s.birthDate}`] = { ...head, periods };
  }
  return out;
}

export function periodView(r: YearRecord, carried: Carried): Record<string, unknown> {
  const v: Record<string, unknown> = {
    rating: r.rating ?? null,
    titles: r.titles ? r.titles.map((h) => (carried.titleDecisions ? `${h.award} ${h.decision?.number} ${h.decision?.date}` : h.award)).sort() : null,
    team: r.team ? slug(r.team) : null,
  };
  if (carried.unit) v.unit = r.unit ? slug(r.unit) : null;
  if (carried.initiatives === 'full') {
    v.initiatives = r.initiatives?.map((i) => [i.type, i.count, i.level, i.basisOfCstdcs, i.name].join(' ')).sort() ?? null;
  }
  if (carried.initiatives === 'counts') v.initiatives = initiativeCounts(r);
  if (carried.awards) {
    v.awards = r.awards?.map((h) => [h.award, h.kind, h.decision?.number, h.decision?.date, carried.awardAuthority ? h.decision?.authority : ''].join(' ')).sort() ?? null;
  }
  if (carried.discipline === 'full') v.discipline = r.discipline?.map((d) => `${d.level} ${d.until}`).sort() ?? null;
  if (carried.discipline === 'level') v.discipline = r.discipline?.map((d) => d.level).sort() ?? null;
  return v;
}

function initiativeCounts(r: YearRecord): Record<string, number> | null {
  if (!r.initiatives) return null;
  const out: Record<string, number> = {};
  for (const i of r.initiatives) out[`${i.type} ${i.level ?? '?'}`] = (out[`${i.type} ${i.level ?? '?'}`] ?? 0) + i.count;
  return out;
}

/** Collectives keyed by name (folded): rating, titles and awards per period, and the parent's name. */
export function collectiveView(timelines: Timeline[], carried: { awards?: boolean; records?: boolean }): Record<string, unknown> {
  const byId = new Map(timelines.map((t) => [t.subject.id, t.subject]));
  const out: Record<string, unknown> = {};
  for (const t of timelines) {
    const s = t.subject;
    if (s.kind !== 'collective') continue;
    const parent = s.parent ? byId.get(s.parent)?.name : undefined;
    const v: Record<string, unknown> = { parent: parent ? slug(parent) : null };
    if (carried.records) {
      v.periods = Object.fromEntries(t.records.map((r) => [r.period, {
        rating: r.rating ?? null,
        titles: r.titles?.map((h) => h.award).sort() ?? null,
        ...(carried.awards ? { awards: r.awards?.map((h) => `${h.award} ${h.kind} ${h.decision?.number} ${h.decision?.date}`).sort() ?? null } : {}),
      }]));
    }
    out[slug(s.name)] = v;
  }
  return out;
}

export function codes(issues: Issue[], severity?: Issue['severity']): string[] {
  return issues.filter((i) => !severity || i.severity === severity).map((i) => i.code).sort();
}
