import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildTimelines } from '../../src/history/index.js';
import { readFile } from '../../src/ingest/read-file.js';
import type { SourceRecord } from '../../src/ingest/types.js';
import type { AwardId } from '../../src/model/award.js';
import { comparePeriods, defaultProposalDate, type Period } from '../../src/model/period.js';
import { RATINGS } from '../../src/model/rating.js';
import type { YearRecord } from '../../src/model/record.js';
import type { Timeline } from '../../src/model/subject.js';
import { applyCaps, evaluateSubject, memberIndex, resolveParameters, rulesetForDate, type Environment } from '../../src/rules/index.js';
import { writeCanonical } from '../../scripts/fixtures/canonical.js';
import { writePerYear } from '../../scripts/fixtures/per-year.js';
import { PERIODS, SCHOOL, TEAMS, type School, type Staff, type StaffYear, type Team } from '../../scripts/fixtures/school.js';
import { writeWide } from '../../scripts/fixtures/wide.js';
import { collectiveView, personView, type Carried } from '../ingest/timeline-view.js';

// Properties of the whole pipeline, on generated data (fast-check, seeded: a failure prints its seed and the
// shrunk case). Run counts are kept small so the hardening suite stays within a minute.

const SEED = 20250815;
const periodsFrom = (first: number, n: number) => Array.from({ length: n }, (_, i) => `${first + i}-${first + i + 1}`);
const ALL_PERIODS = periodsFrom(2014, 12);

/** Every verdict of every subject, as data (status and each check), sorted: what a report would show. */
function verdictsOf(timelines: Timeline[], asOf: Period, only?: Set<string>): Record<string, unknown> {
  const ruleset = rulesetForDate(defaultProposalDate(asOf));
  const { params } = resolveParameters(ruleset.id, {});
  const env: Environment = { ruleset, params, asOf, confirmations: [], members: memberIndex(timelines) };
  const caps = applyCaps(timelines, env);
  const out: Record<string, unknown> = {};
  for (const tl of [...timelines].sort((a, b) => (a.subject.id < b.subject.id ? -1 : 1))) {
    if (only && !only.has(tl.subject.id)) continue;
    out[tl.subject.id] = evaluateSubject(tl, env, caps.adjust).map((v) => ({
      award: v.award, status: v.status, checks: v.checks.map((c) => ({ criterion: c.criterion, status: c.status, periods: (c as { periods?: string[] }).periods })),
    }));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// 1. Adding a later year never changes an earlier as-of verdict.

const honour = (award: AwardId, kind: 'cong-trang' | 'chuyen-de' = 'cong-trang') => ({ award, kind });
const arbRecord = (kind: 'person' | 'collective') => fc.record({
  rating: fc.option(fc.constantFrom(...RATINGS), { nil: undefined }),
  titles: fc.option(fc.constantFrom<AwardId[]>(...(kind === 'person'
    ? [[], ['ldtt'], ['cstdcs'], ['ldtt', 'cstdcs'], ['cstdcs', 'cstd-tinh']] as AwardId[][]
    : [[], ['ttldtt'], ['ttldxs'], ['ttldxs', 'co-tinh']] as AwardId[][])), { nil: undefined }),
  awards: fc.option(fc.constantFrom<{ award: AwardId; kind: 'cong-trang' | 'chuyen-de' }[][]>(
    [], [honour('giay-khen')], [honour('bk-tinh')], [honour('bk-tinh', 'chuyen-de')], [honour('bk-ttg')], [honour('hcld-3')]), { nil: undefined }),
  initiatives: fc.option(fc.constantFrom(
    [], [{ type: 'sang-kien' as const, count: 1 }], [{ type: 'sang-kien' as const, count: 2, level: 'co-so' as const }],
    [{ type: 'de-tai' as const, count: 1, level: 'tinh' as const, basisOfCstdcs: true }]), { nil: undefined }),
  discipline: fc.option(fc.constantFrom([], [{ level: 'khien-trach' as const }], [{ level: 'canh-cao' as const }]), { nil: undefined }),
}, { requiredKeys: [] });

type Gen = { rating?: YearRecord['rating']; titles?: AwardId[]; awards?: { award: AwardId; kind: 'cong-trang' | 'chuyen-de' }[]; initiatives?: YearRecord['initiatives']; discipline?: YearRecord['discipline'] };
function toRecord(period: string, g: Gen, collective?: string): YearRecord {
  const r: YearRecord = { period };
  if (collective) r.collective = collective;
  if (g.rating) r.rating = g.rating;
  if (g.titles) r.titles = g.titles.map((a) => honour(a));
  if (g.awards) r.awards = g.awards.map((a) => ({ ...a }));
  if (g.initiatives) r.initiatives = g.initiatives.map((i) => ({ ...i }));
  if (g.discipline) r.discipline = g.discipline.map((d) => ({ ...d }));
  return r;
}

/** A history over some of twelve school years, an as-of period inside it, and a record for a year after it. */
const arbHistory = (kind: 'person' | 'collective') => fc.record({
  years: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), arbRecord(kind) as fc.Arbitrary<Gen>), { maxLength: 12 }),
  asOf: fc.integer({ min: 3, max: 10 }),
  later: fc.tuple(fc.integer({ min: 1, max: 3 }), arbRecord(kind) as fc.Arbitrary<Gen>),
  entryYear: fc.option(fc.integer({ min: 1985, max: 2020 }), { nil: undefined }),
});

function timeline(kind: 'person' | 'collective', id: string, years: [number, Gen][], collective?: string, entryYear?: number): Timeline {
  const byPeriod = new Map<number, Gen>();
  for (const [i, g] of years) byPeriod.set(i, g);
  const records = [...byPeriod].sort(([a], [b]) => a - b).map(([i, g]) => toRecord(ALL_PERIODS[i], g, collective));
  return kind === 'person'
    ? { subject: { kind, id, idSource: 'ma-dinh-danh', name: `Người ${id}`, ...(entryYear ? { entryDate: `${entryYear}-09-01` } : {}) }, records }
    : { subject: { kind, id, name: `Tổ ${id}` }, records };
}

// Found by this property and fixed in criteria/person.ts: whether award data exists was once looked for in
// records after the as-of period too, so a later year with an empty Khen thưởng column turned an earlier
// "review" into "ineligible". The later years generated here may carry any column; that case is pinned below.
describe('adding a later school year never changes an earlier as-of verdict', () => {
  it('for a person', () => {
    fc.assert(fc.property(arbHistory('person'), ({ years, asOf, later, entryYear }) => {
      const upTo = years.filter(([i]) => i <= asOf);
      const before = timeline('person', 'p', upTo, undefined, entryYear);
      const added: [number, Gen] = [Math.min(11, asOf + later[0]), later[1]];
      const after = timeline('person', 'p', [...upTo, added], undefined, entryYear);
      expect(verdictsOf([after], ALL_PERIODS[asOf])).toEqual(verdictsOf([before], ALL_PERIODS[asOf]));
    }), { seed: Number(process.env.PSEED ?? SEED), numRuns: Number(process.env.PRUNS ?? 150) });
  });

  it('for a collective and its members (the later year given to the tổ and to every member)', () => {
    const arb = fc.record({ tổ: arbHistory('collective'), members: fc.array(fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), arbRecord('person') as fc.Arbitrary<Gen>), { maxLength: 6 }), { minLength: 1, maxLength: 4 }) });
    fc.assert(fc.property(arb, ({ tổ, members }) => {
      const { years, asOf, later } = tổ;
      const upTo = (ys: [number, Gen][]) => ys.filter(([i]) => i <= asOf);
      const next = Math.min(11, asOf + later[0]);
      const forTổ = later[1];
      const world = (withLater: boolean) => [
        timeline('collective', 't', withLater ? [...upTo(years), [next, forTổ]] : upTo(years)),
        ...members.map((m, k) => timeline('person', `m${k}`, withLater ? [...upTo(m), [next, later[1].rating ? { rating: later[1].rating } : {}]] : upTo(m), 't')),
      ];
      expect(verdictsOf(world(true), ALL_PERIODS[asOf])).toEqual(verdictsOf(world(false), ALL_PERIODS[asOf]));
    }), { seed: Number(process.env.PSEED ?? SEED), numRuns: Number(process.env.PRUNS ?? 80) });
  });

  // The minimal case fast-check shrank to. Expected to fail until src/rules bounds the search by the as-of period.
  it('a person with no record up to 2017-2018 and an empty Khen thưởng column in 2018-2019: bk-ttg stays "review"', () => {
    const asOf = '2017-2018';
    const before: Timeline = { subject: { kind: 'person', id: 'p', idSource: 'ma-dinh-danh', name: 'Người p' }, records: [] };
    const after: Timeline = { ...before, records: [{ period: '2018-2019', awards: [] }] };
    const status = (tl: Timeline) => (verdictsOf([tl], asOf).p as { award: string; status: string }[]).find((v) => v.award === 'bk-ttg')!.status;
    expect(status(before)).toBe('review');
    expect(status(after)).toBe('review');
  });
});

// ---------------------------------------------------------------------------------------------------------
// 2. Reordering the rows of a file, or the files, never changes any verdict. The files are CSV (read through
// readFile like any workbook, cheaply): persons with and without a Mã định danh, across tổ and years,
// the same person sometimes listed in two files.

const NAMES = ['Nguyễn Thị Hương', 'Trần Văn Dũng', 'Lê Thị Mai', 'Phạm Quang Huy', 'Hoàng Thu Trang', 'Vũ Minh Khánh', 'Đặng Thị Lan', 'Bùi Ngọc Linh'];
const RATING_TEXT = { HTXS: 'HTXSNV', HTT: 'HTTNV', HT: 'HTNV', KHT: 'KHTNV' } as const;
const TITLE_TEXT = ['', 'LĐTT', 'CSTĐCS', 'LĐTT, CSTĐCS'];
const P2_PERIODS = periodsFrom(2019, 6);
const HEAD = ['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Tổ chuyên môn', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua', 'Sáng kiến', 'Kỷ luật'];

const arbRow = fc.record({
  person: fc.integer({ min: 0, max: NAMES.length - 1 }),
  period: fc.integer({ min: 0, max: P2_PERIODS.length - 1 }),
  rating: fc.constantFrom(...RATINGS),
  titles: fc.integer({ min: 0, max: TITLE_TEXT.length - 1 }),
  initiatives: fc.integer({ min: 0, max: 2 }),
  discipline: fc.constantFrom('', '', '', 'Khiển trách'),
  file: fc.integer({ min: 0, max: 2 }),
});
type Row = typeof arbRow extends fc.Arbitrary<infer T> ? T : never;

function csvRow(r: Row, withIds: boolean[]): string[] {
  const p = r.person;
  return ['', withIds[p] ? `0010860012${String(p).padStart(2, '0')}` : '', NAMES[p], `${String(p + 1).padStart(2, '0')}/03/198${p}`, TEAMS[p % 3],
    P2_PERIODS[r.period], RATING_TEXT[r.rating], TITLE_TEXT[r.titles], r.initiatives ? String(r.initiatives) : '', r.discipline];
}

async function readCsvFiles(files: { name: string; rows: string[][] }[]): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  for (const f of files) {
    const text = [HEAD, ...f.rows].map((r) => r.map((x) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x)).join(',')).join('\n');
    const read = await readFile(f.name, Buffer.from(text, 'utf8'), { mode: 'school-year', fixEncoding: false });
    for (const r of read.records) records.push(r);
  }
  return records;
}

const stripSources = (tls: Timeline[]) => [...tls].sort((a, b) => (a.subject.id < b.subject.id ? -1 : 1));

describe('reordering rows or files never changes a verdict', () => {
  // One row per person and year (the same row may sit in two files): rows that disagree are a separate case.
  const arbData = fc.record({
    rows: fc.uniqueArray(arbRow, { minLength: 1, maxLength: 24, selector: (r) => `${r.person}@${r.period}` }),
    copies: fc.uniqueArray(fc.integer({ min: 0, max: 23 }), { maxLength: 4 }),
    withIds: fc.array(fc.boolean(), { minLength: NAMES.length, maxLength: NAMES.length }),
    shuffle: fc.infiniteStream(fc.nat()),
  });

  it('rows shuffled within files, files read in another order', async () => {
    await fc.assert(fc.asyncProperty(arbData, async ({ rows, copies, withIds, shuffle }) => {
      // A person is listed with a Mã định danh everywhere or nowhere (a file without ids merges on name + birth date).
      const files = [0, 1, 2].map((k) => ({ name: `don-vi-${k}.csv`, rows: rows.filter((r) => r.file === k).map((r) => csvRow(r, withIds)) }));
      for (const c of copies) if (rows[c]) files[(rows[c].file + 1) % 3].rows.push(csvRow(rows[c], withIds));
      const keys = shuffle[Symbol.iterator]();
      const permute = <T>(xs: T[]) => xs.map((x) => ({ x, k: keys.next().value as number })).sort((a, b) => a.k - b.k).map((p) => p.x);
      const reordered = permute(files.map((f) => ({ ...f, rows: permute(f.rows) })));
      const a = buildTimelines(await readCsvFiles(files));
      const b = buildTimelines(await readCsvFiles(reordered));
      const asOf = P2_PERIODS[P2_PERIODS.length - 1];
      expect(stripSources(b.timelines)).toEqual(stripSources(a.timelines));
      expect(verdictsOf(b.timelines, asOf)).toEqual(verdictsOf(a.timelines, asOf));
      expect(b.issues.map((i) => i.code).sort()).toEqual(a.issues.map((i) => i.code).sort());
    }), { seed: Number(process.env.PSEED ?? SEED), numRuns: Number(process.env.PRUNS ?? 40) });
  });

  // Found here and fixed in merge-lists.ts: two files that disagree on a sáng kiến count once let the file that
  // sorts first decide; a conflict now leaves the count unknown (review) whatever the order.
  it('two files that disagree on a sáng kiến count give the same verdicts in either order', async () => {
    const row = (sk: string) => ['1', '', 'Trần Văn Dũng', '02/11/1985', 'Tổ Toán - Tin', '2024-2025', 'HTXSNV', 'LĐTT', sk, ''];
    const a = { name: 'a.csv', rows: [row('')] };
    const b = { name: 'b.csv', rows: [row('1')] };
    const one = buildTimelines(await readCsvFiles([a, b]));
    const other = buildTimelines(await readCsvFiles([b, a]));
    expect(one.issues.map((i) => i.code)).toContain('E_CONFLICT');
    expect(verdictsOf(other.timelines, '2024-2025')).toEqual(verdictsOf(one.timelines, '2024-2025'));
  });
});

// ---------------------------------------------------------------------------------------------------------
// 3. The three layouts of the same data agree on what each carries (as test/ingest/layouts.test.ts checks for
// the bundled school): a generated school is written canonical, per year and wide by the fixture writers.

const CANONICAL: Carried = { id: true, position: true, gender: true, entryDate: true, unit: true, initiatives: 'full', awards: true, discipline: 'full' };
const PER_YEAR: Carried = { id: true, position: true, gender: true, unit: true, initiatives: 'counts', awards: true, discipline: 'level' };
const WIDE: Carried = { unit: true };
const LAYOUT_PERIODS = PERIODS.slice(-3);

const arbStaffYear: fc.Arbitrary<StaffYear | undefined> = fc.option(fc.record({
  rating: fc.option(fc.constantFrom(...RATINGS), { nil: undefined }),
  titles: fc.constantFrom<AwardId[]>([], ['ldtt'], ['cstdcs']),
  initiatives: fc.array(fc.record({
    name: fc.constantFrom('Một số biện pháp nâng cao chất lượng dạy học môn Toán', 'Ứng dụng công nghệ thông tin trong giảng dạy'),
    level: fc.constantFrom('co-so' as const, 'tinh' as const), type: fc.constant('sang-kien' as const),
  }), { maxLength: 2 }),
  awards: fc.array(fc.record({
    award: fc.constantFrom<AwardId>('giay-khen', 'bk-tinh', 'bk-ttg'), kind: fc.constantFrom('cong-trang' as const, 'chuyen-de' as const),
    number: fc.constantFrom('123/QĐ-UBND', '45/QĐ-PGDĐT'), date: fc.constantFrom('2023-08-15', '2024-05-20'), authority: fc.constant('UBND tỉnh Lạng Sơn'),
  }), { maxLength: 1 }),
  discipline: fc.option(fc.record({ level: fc.constantFrom('khien-trach' as const, 'canh-cao' as const), until: fc.constant('2024-12-31') }), { nil: undefined }),
}, { requiredKeys: ['titles', 'initiatives', 'awards'] }), { nil: undefined, freq: 4 }) as fc.Arbitrary<StaffYear | undefined>;

const arbSchool: fc.Arbitrary<School> = fc.record({
  staff: fc.uniqueArray(fc.record({
    name: fc.constantFrom(...NAMES, 'Ngô Văn Tài', 'Đinh Thị Nga', 'Lò Văn Páo', 'Hà Thị Thu'),
    gender: fc.constantFrom('nam' as const, 'nu' as const),
    birth: fc.integer({ min: 0, max: 4000 }),
    team: fc.constantFrom(...TEAMS.slice(0, 4)),
    years: fc.tuple(arbStaffYear, arbStaffYear, arbStaffYear),
  }), { minLength: 1, maxLength: 6, selector: (s) => s.name }),
  teamYears: fc.array(fc.record({ rating: fc.constantFrom('HTXS' as const, 'HTT' as const), titles: fc.constantFrom<AwardId[]>([], ['ttldtt'], ['ttldxs']) }), { minLength: 3, maxLength: 3 }),
}).map(({ staff, teamYears }) => {
  const people: Staff[] = staff.map((s, i) => {
    const years: Record<string, StaffYear> = {};
    s.years.forEach((y, k) => {
      if (y) years[LAYOUT_PERIODS[k]] = y;
    });
    const birth = new Date(Date.UTC(1965, 0, 1) + s.birth * 86_400_000 * 3).toISOString().slice(0, 10);
    return { id: `0200${String(80000000 + i * 7919).padStart(8, '0')}`, name: s.name, birthDate: birth, gender: s.gender, position: 'Giáo viên', entryDate: '2005-09-01', team: s.team, years };
  });
  const collective = (members: Staff[]): Team['years'] => Object.fromEntries(LAYOUT_PERIODS.flatMap((p, k) => (members.some((m) => m.years[p]) ? [[p, { ...teamYears[k], awards: [] }]] : [])));
  const teams = TEAMS.filter((t) => people.some((s) => s.team === t)).map((name) => ({ name, years: collective(people.filter((s) => s.team === name)) }));
  return { staff: people, teams, school: { name: SCHOOL.name, years: collective(people) } };
});

async function readLayout(files: { name: string; wb: import('exceljs').Workbook }[]) {
  const records: SourceRecord[] = [];
  for (const f of files) {
    const read = await readFile(f.name, Buffer.from(await f.wb.xlsx.writeBuffer()), { mode: 'school-year', fixEncoding: false });
    for (const r of read.records) records.push(r);
  }
  return buildTimelines(records).timelines;
}

describe('the three layouts of the same school agree', () => {
  it('canonical, per-year and wide: persons and collectives, for what each carries', async () => {
    await fc.assert(fc.asyncProperty(arbSchool, async (school) => {
      const periods = LAYOUT_PERIODS.filter((p) => school.staff.some((s) => s.years[p]));
      const chuan = await readLayout([{ name: 'chuan.xlsx', wb: writeCanonical(school) }]);
      const theoNam = await readLayout(periods.map((p) => ({ name: `DS thi dua NH ${p}.xlsx`, wb: writePerYear(school, p) })));
      const ngang = await readLayout([{ name: 'tong-hop.xlsx', wb: writeWide(school) }]);
      const persons = school.staff.filter((s) => Object.keys(s.years).length > 0).length;
      expect(Object.keys(personView(chuan, CANONICAL))).toHaveLength(persons);
      expect(personView(theoNam, PER_YEAR)).toEqual(personView(chuan, PER_YEAR));
      expect(personView(ngang, WIDE)).toEqual(personView(chuan, WIDE));
      expect(collectiveView(theoNam, { records: true, awards: true })).toEqual(collectiveView(chuan, { records: true, awards: true }));
      expect(collectiveView(ngang, {})).toEqual(collectiveView(chuan, {}));
    }), { seed: Number(process.env.PSEED ?? SEED), numRuns: Number(process.env.PRUNS ?? 12) });
  }, 60_000);
});

// Kept in view: comparePeriods orders the generated periods as the engine does.
it('the generated periods are in order', () => {
  for (let i = 1; i < ALL_PERIODS.length; i++) expect(comparePeriods(ALL_PERIODS[i - 1], ALL_PERIODS[i])).toBeLessThan(0);
});
