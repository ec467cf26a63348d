import { beforeAll, describe, expect, it } from 'vitest';
import type { YearRecord } from '../../src/model/record.js';
import { makeSchool, PERIODS, SCHOOL, type Team } from '../../scripts/fixtures/school.js';
import { codes, collectiveView, load, personView, periodView, type Carried, type Loaded } from './timeline-view.js';
import { nameKey, slug } from '../../src/ingest/text.js';

// The same fictional school written three ways (scripts/make-fixtures.ts) must read as the same timelines,
// for what each layout carries. Each layout is compared with the school the fixtures were generated from,
// so a bug common to all three layouts fails too, and then with the canonical layout.
const CANONICAL: Carried = {
  id: true, position: true, gender: true, entryDate: true, unit: true, titleDecisions: true,
  initiatives: 'full', awards: true, awardAuthority: true, discipline: 'full',
};
const PER_YEAR: Carried = { id: true, position: true, gender: true, unit: true, initiatives: 'counts', awards: true, discipline: 'level' };
const WIDE: Carried = { unit: true };

const school = makeSchool();

function truthPersons(carried: Carried): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of school.staff) {
    const periods: Record<string, unknown> = {};
    for (const p of PERIODS) {
      const y = s.years[p];
      if (!y) continue;
      const rec: YearRecord = {
        period: p, unit: SCHOOL.name, team: s.team, titles: y.titles.map((award) => ({ award, kind: 'cong-trang', decision: y.titleDecision })),
        initiatives: y.initiatives.map((i) => ({ type: i.type, count: 1, level: i.level, name: i.name, ...(i.basis === undefined ? {} : { basisOfCstdcs: i.basis }) })),
        awards: y.awards.map((a) => ({ award: a.award, kind: a.kind, decision: { number: a.number, date: a.date, authority: a.authority } })),
        discipline: y.discipline ? [y.discipline] : [],
      };
      if (y.rating) rec.rating = y.rating;
      periods[p] = periodView(rec, carried);
    }
    const head: Record<string, unknown> = {};
    if (carried.id) head.id = s.id;
    if (carried.position) head.position = s.position;
    if (carried.gender) head.gender = s.gender;
    if (carried.entryDate) head.entryDate = s.entryDate;
    out[`${nameKey(s.name)}|${s.birthDate}`] = { ...head, periods };
  }
  return out;
}

function truthCollectives(carried: { awards?: boolean; records?: boolean }): Record<string, unknown> {
  const view = (t: Team, parent: string | null) => {
    const v: Record<string, unknown> = { parent };
    if (carried.records) {
      v.periods = Object.fromEntries(Object.entries(t.years).map(([p, y]) => [p, {
        rating: y.rating, titles: [...y.titles].sort(),
        ...(carried.awards ? { awards: y.awards.map((a) => `${a.award} ${a.kind} ${a.number} ${a.date}`).sort() } : {}),
      }]));
    }
    return v;
  };
  const out: Record<string, unknown> = { [slug(SCHOOL.name)]: view(school.school, null) };
  for (const t of school.teams) out[slug(t.name)] = view(t, slug(SCHOOL.name));
  return out;
}

describe('three layouts of one school', () => {
  const read: Record<'chuan' | 'theoNam' | 'ngang', Loaded> = {} as never;
  beforeAll(async () => {
    read.chuan = await load(['truong-thcs-hoa-sen/chuan']);
    read.theoNam = await load(['truong-thcs-hoa-sen/theo-nam']);
    read.ngang = await load(['truong-thcs-hoa-sen/ngang']);
  });

  it('read without errors or warnings, and detect their layouts', () => {
    for (const r of Object.values(read)) {
      expect(r.fatal).toEqual([]);
      expect(codes(r.allIssues).filter((c) => !c.startsWith('I_'))).toEqual([]);
    }
    expect(read.chuan.inputs.map((i) => i.layout)).toEqual(['canonical']);
    expect(read.theoNam.inputs.map((i) => i.layout)).toEqual(PERIODS.map(() => 'per-year'));
    expect(read.ngang.inputs.map((i) => i.layout)).toEqual(['wide']);
    expect(read.theoNam.inputs.flatMap((i) => i.sheets.map((s) => s.period))).toEqual(PERIODS.flatMap((p) => [p, p]));
  });

  it('canonical layout: everything, as generated', () => {
    expect(personView(read.chuan.timelines, CANONICAL)).toEqual(truthPersons(CANONICAL));
  });

  it('per-year lists: ratings, titles, sáng kiến counts and levels, awards, discipline, ids', () => {
    expect(personView(read.theoNam.timelines, PER_YEAR)).toEqual(truthPersons(PER_YEAR));
  });

  it('wide layout: ratings and titles, persons matched by name and birth date', () => {
    expect(personView(read.ngang.timelines, WIDE)).toEqual(truthPersons(WIDE));
    for (const t of read.ngang.timelines.filter((x) => x.subject.kind === 'person')) {
      expect(t.records.every((r) => r.initiatives === undefined && r.awards === undefined && r.discipline === undefined)).toBe(true);
    }
  });

  it('the layouts agree with each other on what they share', () => {
    expect(personView(read.theoNam.timelines, PER_YEAR)).toEqual(personView(read.chuan.timelines, PER_YEAR));
    expect(personView(read.ngang.timelines, WIDE)).toEqual(personView(read.chuan.timelines, WIDE));
  });

  it('collectives: ratings, titles and awards where carried, tổ under the school', () => {
    expect(collectiveView(read.chuan.timelines, { records: true, awards: true })).toEqual(truthCollectives({ records: true, awards: true }));
    expect(collectiveView(read.theoNam.timelines, { records: true, awards: true })).toEqual(truthCollectives({ records: true, awards: true }));
    expect(collectiveView(read.ngang.timelines, {})).toEqual(truthCollectives({}));
  });

  it('members point at their tổ in every layout', () => {
    for (const r of Object.values(read)) {
      const ids = new Set(r.timelines.filter((t) => t.subject.kind === 'collective').map((t) => t.subject.id));
      const names = new Map(r.timelines.map((t) => [t.subject.id, t.subject.name]));
      for (const t of r.timelines.filter((x) => x.subject.kind === 'person')) {
        const staff = school.staff.find((s) => nameKey(s.name) === nameKey(t.subject.name))!;
        for (const rec of t.records) {
          expect(ids.has(rec.collective!)).toBe(true);
          expect(slug(names.get(rec.collective!)!)).toBe(slug(staff.team));
        }
      }
    }
  });
});
