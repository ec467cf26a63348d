import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateSubject } from '../../src/rules/check.js';
import { loadCases, setUp } from '../support/golden.js';

const dir = join(import.meta.dirname, '..', 'golden');

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
  describe(file, () => {
    for (const c of loadCases(join(dir, file))) {
      it(c.name, () => {
        const { subject, env, awards } = setUp(c);
        const verdicts = evaluateSubject(subject, env, new Map(), awards);
        for (const [award, want] of Object.entries(c.expect)) {
          const v = verdicts.find((x) => x.award === award);
          expect(v, `no verdict for ${award}`).toBeDefined();
          const got = {
            status: v!.status,
            unknown: v!.checks.filter((x) => x.status === 'unknown').map((x) => x.criterion).sort(),
            unmet: v!.checks.filter((x) => x.status === 'unmet').map((x) => x.criterion).sort(),
          };
          expect({ award, status: got.status }).toEqual({ award, status: want.status });
          if (want.unknown) expect(got.unknown).toEqual([...want.unknown].sort());
          if (want.unmet) expect(got.unmet).toEqual([...want.unmet].sort());
        }
      });
    }
  });
}
