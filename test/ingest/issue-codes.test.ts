import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issuesEn } from '../../src/cli/i18n/issues-en.js';
import { issuesVi } from '../../src/cli/i18n/issues-vi.js';
import { ROOT } from './timeline-view.js';

// Every code ingest and history can raise has its sentence in both catalogues: a clerk never reads a bare code.
function codesIn(dir: string): string[] {
  const out = new Set<string>();
  for (const f of readdirSync(join(ROOT, dir)).filter((x) => x.endsWith('.ts'))) {
    for (const m of readFileSync(join(ROOT, dir, f), 'utf8').matchAll(/'([EWI]_[A-Z0-9_]+)'/g)) out.add(m[1]);
  }
  return [...out].sort();
}

describe('issue codes of ingest and history', () => {
  const codes = [...codesIn('src/ingest'), ...codesIn('src/history')];
  it('are found', () => expect(codes.length).toBeGreaterThan(30));
  it.each(codes)('%s has a Vietnamese and an English message', (code) => {
    expect(issuesVi[code], code).toBeTypeOf('function');
    expect(issuesEn[code], code).toBeTypeOf('function');
  });
});
