import type { Timeline } from '../src/model/subject.js';
import type { YearRecord } from '../src/model/record.js';
import { applyCaps, evaluateSubject, memberIndex, resolveParameters, rulesetById, type Environment } from '../src/rules/index.js';

// Evaluation alone: persons × years of synthetic timelines in memory, every award of the ruleset.
export function syntheticTimelines(persons: number, years: number, lastYear = 2025): Timeline[] {
  let s = 42;
  const rand = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x6d2b79f5) >>> 0) / 4294967296);
  const out: Timeline[] = [];
  const units = Math.max(1, Math.floor(persons / 100));
  for (let u = 0; u < units; u++) out.push({ subject: { kind: 'collective', id: `u${u}`, name: `Trường ${u}` }, records: [] });
  for (let i = 0; i < persons; i++) {
    const records: YearRecord[] = [];
    for (let y = lastYear - years + 1; y <= lastYear; y++) {
      const htxs = rand() < 0.45;
      const cstdcs = htxs && rand() < 0.4;
      records.push({
        period: `${y - 1}-${y}`, unit: `Trường ${i % units}`, collective: `u${i % units}`, rating: htxs ? 'HTXS' : 'HTT',
        titles: [{ award: cstdcs ? 'cstdcs' : 'ldtt', kind: 'cong-trang' }], initiatives: cstdcs && rand() < 0.6 ? [{ type: 'sang-kien', count: 1 }] : [],
        awards: rand() < 0.03 ? [{ award: 'bk-tinh', kind: 'cong-trang' }] : [], discipline: [],
      });
    }
    out.push({ subject: { kind: 'person', id: `p${i}`, idSource: 'ma-dinh-danh', name: `Người ${i}`, entryDate: '2000-09-01' }, records });
  }
  return out;
}

let warmed = false;

/** Evaluation time of every award for `persons` × `years`, after a small warm-up run (JIT), in this process. */
export function benchEvaluation(persons: number, years: number): { ms: number; verdicts: number } {
  if (!warmed) {
    warmed = true;
    benchEvaluation(2000, years);
  }
  const timelines = syntheticTimelines(persons, years);
  const ruleset = rulesetById('vn-2025')!;
  const env: Environment = { ruleset, params: resolveParameters('vn-2025').params, asOf: '2024-2025', confirmations: [], members: memberIndex(timelines) };
  const start = performance.now();
  const caps = applyCaps(timelines, env);
  let verdicts = 0;
  for (const tl of timelines) verdicts += evaluateSubject(tl, env, caps.adjust).length;
  return { ms: performance.now() - start, verdicts };
}
