import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { AWARD_IDS, AWARD_KINDS, type AwardId } from '../../src/model/award.js';
import { DISCIPLINE_LEVELS, type YearRecord } from '../../src/model/record.js';
import { RATINGS } from '../../src/model/rating.js';
import type { Timeline } from '../../src/model/subject.js';
import { memberIndex, type Environment } from '../../src/rules/evaluate.js';
import { resolveParameters } from '../../src/rules/parameters.js';
import { rulesetById } from '../../src/rules/rulesets/index.js';

// Golden cases: a subject's history → expected verdicts per ruleset (STYLE.md §5). Unknown keys are errors.
const award = z.enum(AWARD_IDS);
const kind = z.enum(AWARD_KINDS);
const honour = z.union([award, z.object({ award, kind: kind.optional(), decision: z.string().optional() }).strict()]);
const initiative = z.object({ count: z.number().int().positive().default(1), type: z.enum(['sang-kien', 'de-tai']).optional(), level: z.enum(['co-so', 'tinh', 'toan-quoc']).optional(), basis: z.boolean().optional() }).strict();
const discipline = z.union([z.enum(DISCIPLINE_LEVELS), z.object({ level: z.enum(DISCIPLINE_LEVELS), until: z.string().optional() }).strict()]);
// "unknown" stands for a column absent from the source; an omitted key is an empty cell (none).
const unknown = z.literal('unknown');
const year = z.object({
  rating: z.enum(RATINGS).optional(),
  titles: z.union([z.array(honour), unknown]).optional(),
  awards: z.union([z.array(honour), unknown]).optional(),
  initiatives: z.union([z.number().int().min(0), z.array(initiative), unknown]).optional(),
  discipline: z.union([discipline, z.array(discipline), unknown]).optional(),
  revoked: z.array(award).optional(),
}).strict();
const member = year.extend({ n: z.number().int().positive().default(1) }).strict();
const expectation = z.object({
  status: z.enum(['eligible', 'ineligible', 'review']),
  unknown: z.array(z.string()).optional(),
  unmet: z.array(z.string()).optional(),
}).strict();

export const caseSchema = z.object({
  name: z.string().min(5),
  ruleset: z.enum(['vn-2017', 'vn-2024', 'vn-2025']),
  asOf: z.string(),
  subject: z.object({ kind: z.enum(['person', 'collective']).default('person'), entryDate: z.string().optional(), priorAwards: z.array(z.object({ award, period: z.string(), kind: kind.optional() }).strict()).optional() }).strict().default({ kind: 'person' }),
  history: z.record(z.string(), year).default({}),
  members: z.array(member).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  confirmations: z.array(z.object({ award: z.union([award, z.literal('*')]), criterion: z.string(), answer: z.boolean(), who: z.string().default('Hội đồng'), basis: z.string().optional() }).strict()).optional(),
  expect: z.partialRecord(award, expectation),
}).strict();
export type GoldenCase = z.infer<typeof caseSchema>;

export function loadCases(file: string): GoldenCase[] {
  const data = YAML.parse(readFileSync(file, 'utf8'));
  return z.array(caseSchema).parse(data);
}

function record(period: string, y: z.infer<typeof year>): YearRecord {
  const r: YearRecord = { period };
  if (y.rating) r.rating = y.rating;
  const h = (x: z.infer<typeof honour>) => (typeof x === 'string' ? { award: x, kind: 'cong-trang' as const } : { award: x.award, kind: x.kind ?? 'cong-trang', ...(x.decision ? { decision: { number: x.decision } } : {}) });
  if (y.titles !== 'unknown') r.titles = (y.titles ?? []).map(h);
  if (y.awards !== 'unknown') r.awards = (y.awards ?? []).map(h);
  if (typeof y.initiatives === 'number') r.initiatives = y.initiatives > 0 ? [{ type: 'sang-kien', count: y.initiatives }] : [];
  else if (y.initiatives !== 'unknown') r.initiatives = (y.initiatives ?? []).map((i) => ({ type: i.type ?? 'sang-kien', count: i.count, ...(i.level ? { level: i.level } : {}), ...(i.basis !== undefined ? { basisOfCstdcs: i.basis } : {}) }));
  if (y.discipline !== 'unknown') {
    const d = y.discipline === undefined ? [] : Array.isArray(y.discipline) ? y.discipline : [y.discipline];
    r.discipline = d.map((x) => (typeof x === 'string' ? { level: x } : { level: x.level, ...(x.until ? { until: x.until } : {}) }));
  }
  if (y.revoked) r.revoked = y.revoked.map((a) => ({ award: a }));
  return r;
}

/** Builds the timelines and the environment of a case. */
export function setUp(c: GoldenCase): { subject: Timeline; env: Environment; awards: AwardId[] } {
  const ruleset = rulesetById(c.ruleset)!;
  const { params, errors } = resolveParameters(c.ruleset, c.params ?? {});
  if (errors.length) throw new Error(errors.join('\n'));
  const records = new Map<string, YearRecord>();
  for (const [p, y] of Object.entries(c.history)) records.set(p, record(p, y));
  for (const a of c.subject.priorAwards ?? []) {
    const r = records.get(a.period) ?? { period: a.period, titles: [], awards: [] };
    const list = ['cstd-tinh', 'cstd-tq', 'co-tinh', 'co-cp'].includes(a.award) ? (r.titles ??= []) : (r.awards ??= []);
    list.push({ award: a.award, kind: a.kind ?? 'cong-trang' });
    records.set(a.period, r);
  }
  const id = 'golden';
  const subject: Timeline = c.subject.kind === 'person'
    ? { subject: { kind: 'person', id, idSource: 'ma-dinh-danh', name: 'Người kiểm thử', ...(c.subject.entryDate ? { entryDate: c.subject.entryDate } : {}) }, records: sortRecords(records) }
    : { subject: { kind: 'collective', id, name: 'Tổ kiểm thử' }, records: sortRecords(records) };
  const members: Timeline[] = [];
  for (const m of c.members ?? []) {
    for (let i = 0; i < m.n; i++) {
      const rec = { ...record(c.asOf, m), collective: id };
      members.push({ subject: { kind: 'person', id: `m${members.length}`, idSource: 'ma-dinh-danh', name: `Thành viên ${members.length + 1}` }, records: [rec] });
    }
  }
  const env: Environment = {
    ruleset, params, asOf: c.asOf, members: memberIndex([subject, ...members]),
    confirmations: (c.confirmations ?? []).map((x) => ({ ...x, subject: id })),
  };
  return { subject, env, awards: Object.keys(c.expect) as AwardId[] };
}

function sortRecords(m: Map<string, YearRecord>): YearRecord[] {
  return [...m.values()].sort((a, b) => (a.period < b.period ? -1 : 1));
}
