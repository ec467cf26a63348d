import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import type { Timeline } from '../../src/model/subject.js';

// The records read from the cache share their empty lists and plain titles (src/ingest/cache.ts), and history
// hands a row's lists to the timeline as they are: that holds only while nothing downstream changes a record.
// Here every timeline record, list and list item is frozen as history returns it; each command then runs in
// this process, where a change throws (ES modules are strict), and must print what it prints unfrozen.
let freeze = false;

vi.mock('../../src/history/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/history/index.js')>();
  return {
    ...real,
    buildTimelines: (...args: Parameters<typeof real.buildTimelines>) => {
      const history = real.buildTimelines(...args);
      if (freeze) for (const tl of history.timelines) for (const r of tl.records) deepFreeze(r);
      return history;
    },
  };
});

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

const ROOT = join(import.meta.dirname, '..', '..');
const DATA = [join(ROOT, 'fixtures', 'truong-thcs-hoa-sen'), join(ROOT, 'fixtures', 'messy')];

async function run(argv: string[], cwd = ROOT): Promise<{ code: number; out: string }> {
  const { main } = await import('../../src/cli/main.js');
  const stdout = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c: Buffer) => chunks.push(c));
  const stderr = new PassThrough().resume();
  const env = { NO_COLOR: '1', TDKT_CACHE_DIR: join(tmpdir(), 'tdkt-test-cache'), TDKT_WORKERS: '0' };
  const code = await main(argv, { cwd, env, stdout, stderr, stdin: process.stdin, now: new Date('2025-09-15T00:00:00Z') } as never);
  return { code, out: Buffer.concat(chunks).toString('utf8') };
}

async function outputs(work: string): Promise<string[]> {
  const out: string[] = [];
  for (const asOf of ['2022-2023', '2023-2024', '2024-2025']) {
    for (const lang of ['vi', 'en']) {
      const r = await run(['check', ...DATA, '--as-of', asOf, '--json', '--quiet', '--lang', lang]);
      out.push(`${r.code}\n${r.out}`);
    }
  }
  const subjects = (JSON.parse((await run(['check', ...DATA, '--json', '--quiet'])).out) as { subjects: Timeline['subject'][] }).subjects;
  for (const s of subjects.slice(0, 12)) out.push((await run(['explain', s.id, ...DATA, '--json', '--quiet'])).out);
  const dossier = join(work, `ho-so-${freeze ? 'frozen' : 'plain'}`);
  const g = await run(['generate', DATA[0], '--out', dossier, '--award', 'ldtt,cstdcs,bk-tinh,ttldxs,giay-khen', '--include-review', '--quiet']);
  const files = readdirSync(dossier, { recursive: true }).map(String).filter((f) => f.endsWith('.docx')).sort();
  expect(files.length).toBeGreaterThan(50);
  out.push(`${g.code}\n${files.map((f) => `${f} ${createHash('sha256').update(readFileSync(join(dossier, f))).digest('hex')}`).join('\n')}`);
  return out;
}

describe('timeline records', () => {
  it('are never changed after history: every command prints the same with them frozen', async () => {
    const work = mkdtempSync(join(tmpdir(), 'tdkt-frozen-'));
    const plain = await outputs(work);
    freeze = true;
    const frozen = await outputs(work);
    freeze = false;
    expect(plain.length).toBeGreaterThan(15);
    expect(plain.filter((o) => o.includes('"schema":"tdkt.check/v1"')).length).toBe(6);
    for (let i = 0; i < plain.length; i++) expect(frozen[i]).toBe(plain[i]);
  }, 120_000);
});
