import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameEntry } from '../../src/ingest/cache.js';
import { runCli } from '../support/run-cli.js';

// The cache of read workbooks and the reading threads, end to end: whatever path a file takes (read here, read
// by a thread, taken from the cache, or read again because its entry was damaged), the output is the same.
const SCHOOL = 'fixtures/truong-thcs-hoa-sen';
const FILES = 10;

const tempCache = () => join(mkdtempSync(join(tmpdir(), 'tdkt-cli-cache-')), 'cache');
const entriesOf = (dir: string) => (existsSync(join(dir, 'workbooks')) ? readdirSync(join(dir, 'workbooks')).sort().map((n) => join(dir, 'workbooks', n)) : []);
const inspect = (dir: string, extra: string[] = [], env: Record<string, string> = {}) =>
  runCli(['inspect', SCHOOL, '--json', '--all', ...extra], { env: { TDKT_CACHE_DIR: dir, ...env } });

describe('cache of read workbooks', () => {
  it('a second run reads from the cache and prints the same; entries are 0600 in a 0700 folder', () => {
    const dir = tempCache();
    const first = inspect(dir);
    expect(first.code).toBe(0);
    const entries = entriesOf(dir);
    expect(entries).toHaveLength(FILES);
    const mtimes = entries.map((e) => statSync(e).mtimeMs);
    const second = inspect(dir);
    expect(second.stdout).toBe(first.stdout);
    expect(entriesOf(dir).map((e) => readFileSync(e))).toEqual(entries.map((e) => readFileSync(e)));
    entries.forEach((e, i) => expect(statSync(e).mtimeMs).toBeGreaterThanOrEqual(mtimes[i]));
    if (process.platform !== 'win32') {
      for (const e of entries) expect(statSync(e).mode & 0o777).toBe(0o600);
      expect(statSync(join(dir, 'workbooks')).mode & 0o777).toBe(0o700);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('a truncated, bit-flipped or foreign entry is ignored and written again', () => {
    const dir = tempCache();
    const first = runCli(['check', SCHOOL, '--json'], { env: { TDKT_CACHE_DIR: dir } });
    const entries = entriesOf(dir);
    const good = entries.map((e) => readFileSync(e));
    writeFileSync(entries[0], good[0].subarray(0, good[0].length - 100));
    const flipped = Buffer.from(good[1]);
    flipped[flipped.length >> 1] ^= 0x04;
    writeFileSync(entries[1], flipped);
    writeFileSync(entries[2], 'PK\u0003\u0004 not an entry');
    writeFileSync(entries[3], '');
    const again = runCli(['check', SCHOOL, '--json'], { env: { TDKT_CACHE_DIR: dir } });
    expect(again.code).toBe(first.code);
    expect(again.stdout).toBe(first.stdout);
    expect(entriesOf(dir).map((e) => readFileSync(e))).toEqual(good);
  });

  it('an entry is used only through its checksum and key; --no-cache never reads or writes it', () => {
    const dir = tempCache();
    const first = inspect(dir);
    // A well-formed entry whose records were changed: the cache is trusted (the name comes back changed)…
    const forged = entriesOf(dir).map((e) => {
      const text = readFileSync(e).subarray(28).toString('utf8');
      if (!text.includes('Nguyễn Thị Hương')) return false;
      writeFileSync(e, frameEntry(text.replaceAll('Nguyễn Thị Hương', 'Nguyễn Thị Hường')));
      return true;
    });
    expect(forged).toContain(true);
    expect(inspect(dir).stdout).toContain('Nguyễn Thị Hường');
    // …and --no-cache reads the workbooks themselves.
    const bypass = inspect(dir, ['--no-cache']);
    expect(bypass.stdout).toBe(first.stdout);
    const fresh = tempCache();
    expect(inspect(fresh, ['--no-cache']).stdout).toBe(first.stdout);
    expect(existsSync(fresh)).toBe(false);
  });
});

describe('reading threads', () => {
  it('give the same inspect and check JSON as reading on the main thread', () => {
    const dir = tempCache();
    for (const args of [['inspect', 'fixtures', '--json', '--all'], ['check', SCHOOL, '--json']]) {
      const here = runCli([...args, '--no-cache'], { env: { TDKT_WORKERS: '0', TDKT_CACHE_DIR: dir } });
      const threads = runCli([...args, '--no-cache'], { env: { TDKT_WORKERS: '2', TDKT_CACHE_DIR: dir } });
      expect(threads.code).toBe(here.code);
      expect(threads.stdout).toBe(here.stdout);
      expect(threads.stdout.length).toBeGreaterThan(1000);
      // Entries written by the threads give the same output again.
      const cold = runCli(args, { env: { TDKT_WORKERS: '2', TDKT_CACHE_DIR: dir } });
      const warm = runCli(args, { env: { TDKT_WORKERS: '2', TDKT_CACHE_DIR: dir } });
      expect(cold.stdout).toBe(here.stdout);
      expect(warm.stdout).toBe(here.stdout);
    }
  });

  it('an unreadable file named on the command line still stops the run (exit 2)', () => {
    const r = runCli(['inspect', 'fixtures/bad/hong.xlsx', SCHOOL, '--json'], { env: { TDKT_WORKERS: '2', TDKT_CACHE_DIR: tempCache() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('hong.xlsx');
  });
});
