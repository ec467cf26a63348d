import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { issuesEn } from '../../../src/cli/i18n/issues-en.js';
import { issuesVi } from '../../../src/cli/i18n/issues-vi.js';
import type { Issue } from '../../../src/model/issue.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const FIXTURES = join(ROOT, 'fixtures');
const BIN = join(ROOT, 'bin', 'tdkt.js');
const RSS = join(import.meta.dirname, 'rss.cjs');

/** What the CLI prints when it crashed (src/cli/main.ts reportFailure), in either language. */
export const CRASH = /tdkt gặp lỗi không mong đợi|tdkt hit an unexpected error/;
export const STACK = /\n\s+at .+:\d+:\d+/;
export const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

export type Run = { code: number | null; stdout: string; stderr: string; ms: number; rssMB: number };

/** Runs the built CLI in `cwd` as a clerk would, measuring its wall time and peak RSS (workers included). */
export function tdkt(args: string[], cwd: string, timeoutMs = 60_000): Run {
  const rssFile = join(mkdtempSync(join(tmpdir(), 'tdkt-rss-')), 'rss');
  const start = Date.now();
  const r = spawnSync(process.execPath, ['--require', RSS, BIN, ...args], {
    cwd, encoding: 'utf8', maxBuffer: 1 << 28, timeout: timeoutMs,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, TDKT_LANG: undefined, TDKT_TEST_RSS_FILE: rssFile },
  });
  const ms = Date.now() - start;
  let rssMB = NaN;
  try {
    rssMB = Number(readFileSync(rssFile, 'utf8')) / 1e6;
  } catch {
    // killed by the timeout: no RSS written, and the status is null
  }
  rmSync(join(rssFile, '..'), { recursive: true, force: true });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, ms, rssMB };
}

/** Never a crash, never a stack trace, whatever the input. */
export function expectNoCrash(r: Run): void {
  expect(r.stderr).not.toMatch(CRASH);
  expect(r.stderr).not.toMatch(STACK);
  expect(r.stdout).not.toMatch(CRASH);
}

/** A code a clerk can read: a message in both catalogues that names nothing undefined. */
export function expectKnownCode(code: string, data: Issue['data'] = {}): void {
  expect(issuesVi[code], `${code} has no Vietnamese message`).toBeTypeOf('function');
  expect(issuesEn[code], `${code} has no English message`).toBeTypeOf('function');
  // What the data quotes from the cells may say anything; the rest of the sentence must be filled in.
  let message = issuesVi[code](data);
  for (const v of Object.values(data)) message = message.split(String(v)).join('');
  expect(message, code).not.toMatch(/undefined|NaN|\[object/);
}
