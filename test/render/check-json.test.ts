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
});
