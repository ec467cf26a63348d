import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tdkt.js');
// Never the user's ~/.cache/tdkt (vitest.config.ts sets it for the test processes).
const TEST_CACHE = process.env.TDKT_CACHE_DIR ?? join(tmpdir(), 'tdkt-test-cache');

export type CliResult = { code: number; stdout: string; stderr: string };

/** Runs the built CLI as a user would (a fresh process); colour off unless asked. */
export function runCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT, encoding: 'utf8', maxBuffer: 1 << 28,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TDKT_CACHE_DIR: TEST_CACHE, ...opts.env },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
