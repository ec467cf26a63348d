import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameZipContent } from '../../scripts/fixtures/stable-zip.js';
import { FIXTURES, ROOT } from './timeline-view.js';

// The committed fixtures are what scripts/make-fixtures.ts writes: nobody edits them by hand.
function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name))).sort();
}

describe('fixtures', () => {
  let fresh: string;
  beforeAll(() => {
    fresh = mkdtempSync(join(tmpdir(), 'tdkt-fixtures-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'scripts', 'make-fixtures.js'), fresh], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  });
  afterAll(() => rmSync(fresh, { recursive: true, force: true }));

  it('are what npm run fixtures writes', () => {
    const generated = files(fresh);
    const committed = files(FIXTURES).filter((f) => generated.includes(f) || /^(truong-thcs-hoa-sen\/(chuan|theo-nam|ngang)|messy|bad)\//.test(f));
    expect(committed).toEqual(generated);
    for (const f of generated) {
      const a = readFileSync(join(fresh, f));
      const b = readFileSync(join(FIXTURES, f));
      expect(a.equals(b) || sameZipContent(a, b), f).toBe(true);
    }
  });
});
