import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeEntry } from '../../src/ingest/cache.js';
import { PARALLEL_MIN_BYTES, ReadPool, workerCount } from '../../src/ingest/parallel.js';
import { readFile } from '../../src/ingest/read-file.js';
import { handle } from '../../src/ingest/read-worker.js';
import { XLSX_READER } from '../../src/ingest/xlsx.js';

const ROOT = join(import.meta.dirname, '..', '..');
const FILE = 'fixtures/truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx';
const OPTS = { mode: 'school-year', fixEncoding: false } as const;
const task = (bytes: Buffer) => ({ id: 7, file: FILE, bytes: new Uint8Array(bytes), sha256: 'x'.repeat(64), opts: OPTS, key: 'k' });

describe('how many reading threads', () => {
  it('one per core, not more than the files; none for one file, a small input, or without the worker script', () => {
    expect(workerCount(300, 12e6, {}, 2, true)).toBe(2);
    expect(workerCount(300, 12e6, {}, 8, true)).toBe(8);
    expect(workerCount(3, 12e6, {}, 8, true)).toBe(3);
    expect(workerCount(1, 12e6, {}, 2, true)).toBe(0);
    expect(workerCount(10, PARALLEL_MIN_BYTES - 1, {}, 2, true)).toBe(0);
    expect(workerCount(300, 12e6, {}, 2, false)).toBe(0);
  });

  it('TDKT_WORKERS forces the number (0: the main thread), capped by the files', () => {
    expect(workerCount(10, 100, { TDKT_WORKERS: '2' }, 1, true)).toBe(2);
    expect(workerCount(1, 100, { TDKT_WORKERS: '2' }, 4, true)).toBe(1);
    expect(workerCount(300, 12e6, { TDKT_WORKERS: '0' }, 4, true)).toBe(0);
    expect(workerCount(300, 12e6, { TDKT_WORKERS: 'many' }, 4, true)).toBe(4);
  });
});

describe('a reading thread', () => {
  const limit = XLSX_READER.streamAboveBytes;
  afterEach(() => {
    XLSX_READER.streamAboveBytes = limit;
  });

  it('answers with the normalised records of the file, as the main thread reads them', async () => {
    const bytes = readFileSync(join(ROOT, FILE));
    const reply = await handle(task(bytes));
    expect(reply.id).toBe(7);
    expect(decodeEntry(reply.entry!, 'k')).toEqual(await readFile(FILE, bytes, OPTS, 'x'.repeat(64)));
  });

  it('never streams (exceljs #683): a file past the streaming size goes back to the main thread, bytes and all', async () => {
    const bytes = readFileSync(join(ROOT, FILE));
    XLSX_READER.streamAboveBytes = 1000;
    const reply = await handle(task(bytes));
    expect(reply.mainThread).toBe(true);
    expect(Buffer.from(reply.bytes!)).toEqual(bytes);
    expect(reply.entry).toBeUndefined();
  });

  it('reports a file it cannot read as its ReadError', async () => {
    const reply = await handle(task(Buffer.from('PK\u0003\u0004 broken')));
    expect(reply.error).toMatchObject({ code: 'E_CORRUPT_FILE', file: FILE });
  });
});

describe('a pool of reading threads', () => {
  const bytes = () => new Uint8Array(readFileSync(join(ROOT, FILE)));
  it('reports the file a started thread died on, and is not retried on the main thread', async () => {
    const pool = new ReadPool(1, new URL('./support/dying-worker.mjs', import.meta.url));
    await new Promise((r) => setTimeout(r, 200));
    const reply = await pool.read(task(Buffer.from(bytes())));
    expect(reply.error).toMatchObject({ code: 'E_CORRUPT_FILE', file: FILE });
    expect(String(reply.error?.data.detail)).toContain('reading thread stopped');
    await expect(pool.read(task(Buffer.from(bytes())))).rejects.toThrow();
    await pool.close();
  });

  it('refuses the file when its thread never started: the caller reads it itself', async () => {
    const pool = new ReadPool(1, new URL('./support/broken-worker.mjs', import.meta.url));
    await expect(pool.read(task(Buffer.from(bytes())))).rejects.toThrow();
    await pool.close();
  });
});
