import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticTimelines } from '../../bench/evaluate.js';
import { buildTimelines } from '../../src/history/index.js';
import { readInputs } from '../../src/ingest/inputs.js';
import type { Timeline } from '../../src/model/subject.js';
import { checkJsonChunks, verdictJson, verdictJsonText } from '../../src/render/check-json.js';
import { applyCaps, evaluateSubject, memberIndex, resolveParameters, RULESETS, type Environment, type Verdict } from '../../src/rules/index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function verdictsOf(timelines: Timeline[], confirmations: Environment['confirmations'] = []): Verdict[] {
  const out: Verdict[] = [];
  for (const ruleset of RULESETS) {
    for (const asOf of ['2022-2023', '2024-2025']) {
      const env: Environment = { ruleset, params: resolveParameters(ruleset.id).params, asOf, confirmations, members: memberIndex(timelines) };
      const caps = applyCaps(timelines, env);
      for (const tl of timelines) out.push(...evaluateSubject(tl, env, caps.adjust));
    }
  }
  return out;
}

describe('check JSON verdicts', () => {
  it('are written byte for byte as JSON.stringify writes them, in both languages', async () => {
    const read = await readInputs([join(ROOT, 'fixtures', 'truong-thcs-hoa-sen'), join(ROOT, 'fixtures', 'messy')], ROOT, { mode: 'school-year', fixEncoding: true });
    const history = buildTimelines(read.records, read.confirmations);
    const verdicts = verdictsOf([...history.timelines, ...syntheticTimelines(200, 8)], history.confirmations);
    expect(verdicts.length).toBeGreaterThan(5000);
    // Every optional field of a check occurs somewhere.
    const fields = new Set(verdicts.flatMap((v) => JSON.stringify(verdictJson(v, 'vi')).match(/"[a-zA-Z]+":/g) ?? []));
    for (const f of ['periods', 'missing', 'citation', 'confidence', 'presumed', 'confirmedBy', 'note', 'combine', 'checks']) expect(fields).toContain(`"${f}":`);
    for (const lang of ['vi', 'en'] as const) {
      for (const v of verdicts) expect(verdictJsonText(v, lang)).toBe(JSON.stringify(verdictJson(v, lang)));
    }
  });

  it('stream as one valid document', () => {
    const timelines = syntheticTimelines(30, 6);
    const verdicts = verdictsOf(timelines).slice(0, 100);
    const text = [...checkJsonChunks({ asOf: '2024-2025', ruleset: RULESETS[0], date: '2025-08-31', inputs: [], issues: [], subjects: timelines.map((t) => t.subject) }, verdicts, 'vi')].join('');
    expect(JSON.parse(text).verdicts).toEqual(verdicts.map((v) => verdictJson(v, 'vi')));
  });

  it('write a leaf check from what it says, never from a check that only shares its criterion and message', () => {
    const requirement = { vi: 'Không bị kỷ luật', en: 'No discipline' };
    const found = { vi: 'Không bị kỷ luật', en: 'No discipline' };
    const citation = { doc: 'luat-2022', article: 24 } as unknown as Verdict['citation'];
    const base = { criterion: 'no-discipline', requirement, found } as const;
    const variants: Verdict['checks'] = [
      { ...base, status: 'met' }, { ...base, status: 'unmet' }, { ...base, status: 'met', citation },
      { ...base, status: 'met', citation, confidence: 'VERIFIED' }, { ...base, status: 'met', presumed: true },
      { ...base, criterion: 'other', status: 'met' }, { ...base, status: 'met', found: { vi: 'Bị khiển trách "nặng"\n', en: 'Reprimanded' } },
      { ...base, status: 'met', found: { vi: 'Sáng kiến '.repeat(60), en: 'Initiative '.repeat(60) } },
    ];
    const verdict = (checks: Verdict['checks']): Verdict => ({ subject: '001', kind: 'person', award: 'ldtt', status: 'review', citation: RULESETS[0].rules[0].citation, confidence: 'VERIFIED', checks });
    for (let round = 0; round < 2; round++) {
      for (const lang of ['vi', 'en'] as const) {
        for (const c of variants) expect(verdictJsonText(verdict([c]), lang)).toBe(JSON.stringify(verdictJson(verdict([c]), lang)));
      }
    }
  });

  it('stay right past the bound on remembered checks', () => {
    const requirement = { vi: 'Số năm', en: 'Years' };
    const checks = Array.from({ length: 60_000 }, (_, i) => ({ criterion: 'years', status: 'met' as const, requirement, found: { vi: `${i} năm`, en: `${i} years` } }));
    const v: Verdict = { subject: '001', kind: 'person', award: 'ldtt', status: 'eligible', citation: RULESETS[0].rules[0].citation, confidence: 'VERIFIED', checks };
    const want = JSON.stringify(verdictJson(v, 'vi'));
    expect(verdictJsonText(v, 'vi')).toBe(want);
    expect(verdictJsonText(v, 'vi')).toBe(want);
  });
});
