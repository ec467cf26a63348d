import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuesEn } from '../../src/cli/i18n/issues-en.js';
import { issuesVi } from '../../src/cli/i18n/issues-vi.js';
import { ROOT } from '../support/run-cli.js';

// Every code any layer can raise has its sentence in both languages: a clerk never reads a bare code.
function codesUnder(dir: string, out = new Set<string>()): Set<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) codesUnder(p, out);
    else if (e.name.endsWith('.ts') && !p.includes(`${join('cli', 'i18n')}`)) {
      for (const m of readFileSync(p, 'utf8').matchAll(/'([EWI]_[A-Z0-9_]*[A-Z0-9])'/g)) out.add(m[1]);
    }
  }
  return out;
}

describe('issue catalogue', () => {
  const codes = [...codesUnder(join(ROOT, 'src'))].sort();
  it('finds the codes raised across the layers', () => expect(codes.length).toBeGreaterThan(40));
  it.each(codes)('%s has a Vietnamese and an English message', (code) => {
    expect(issuesVi[code], code).toBeTypeOf('function');
    expect(issuesEn[code], code).toBeTypeOf('function');
  });
});
