import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir, cacheKey, decodeEntry, encodeEntry, entryName, frameEntry, ReadCache } from '../../src/ingest/cache.js';
import { readInputs } from '../../src/ingest/inputs.js';
import { readFile } from '../../src/ingest/read-file.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SCHOOL = join(ROOT, 'fixtures', 'truong-thcs-hoa-sen');
const FILE = 'fixtures/truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx';
const OPTS = { mode: 'school-year', fixEncoding: false } as const;

async function entry() {
  const result = await readFile(FILE, readFileSync(join(ROOT, FILE)), OPTS);
  const key = cacheKey(result.input.sha256, FILE, OPTS, '1.2.3');
  return { result, key, bytes: encodeEntry(key, result) };
}

describe('where the cache lives', () => {
  const home = () => '/home/an';
  it('TDKT_CACHE_DIR first, then the platform rule', () => {
    expect(cacheDir({ TDKT_CACHE_DIR: '/tmp/x', XDG_CACHE_HOME: '/c' }, 'linux', home)).toBe('/tmp/x');
    expect(cacheDir({ XDG_CACHE_HOME: '/c' }, 'linux', home)).toBe(join('/c', 'tdkt'));
    expect(cacheDir({ XDG_CACHE_HOME: 'relative/dir' }, 'linux', home)).toBe(join('/home/an', '.cache', 'tdkt'));
    expect(cacheDir({}, 'darwin', home)).toBe(join('/home/an', '.cache', 'tdkt'));
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\an\\AppData\\Local' }, 'win32', home)).toBe(join('C:\\Users\\an\\AppData\\Local', 'tdkt', 'Cache'));
  });
});

describe('cache entries', () => {
  it('give back the records exactly as read', async () => {
    const { result, key, bytes } = await entry();
    expect(decodeEntry(bytes, key)).toStrictEqual(JSON.parse(JSON.stringify(result)));
    expect(decodeEntry(bytes, key)).toEqual(result);
  });

  it('share empty lists and plain titles between records; a title with its decision stays its own', async () => {
    const { bytes, key } = await entry();
    const text = bytes.subarray(28).toString('utf8');
    const rows = `["rows",[[0,0,2,{"period":"2023-2024","titles":[{"award":"ldtt","kind":"cong-trang"}],"initiatives":[],"discipline":[]},{}],`
      + `[0,0,3,{"period":"2024-2025","titles":[{"award":"ldtt","kind":"cong-trang"}],"initiatives":[],"awards":[]},{}],`
      + `[0,0,4,{"period":"2022-2023","titles":[{"award":"ldtt","kind":"cong-trang","decision":{"number":"12/QĐ"}}],"initiatives":[{"type":"sang-kien","count":1}]},{}]]]`;
    const records = decodeEntry(frameEntry(`${text}\n${rows}`), key)!.records.slice(-3).map((r) => r.record);
    expect(records[0].titles).toBe(records[1].titles);
    expect(records[0].titles).toEqual([{ award: 'ldtt', kind: 'cong-trang' }]);
    expect(records[0].initiatives).toBe(records[1].awards);
    expect(records[0].discipline).toBe(records[1].initiatives);
    expect(records[2].titles).toEqual([{ award: 'ldtt', kind: 'cong-trang', decision: { number: '12/QĐ' } }]);
    expect(records[2].initiatives).toEqual([{ type: 'sang-kien', count: 1 }]);
    expect(records[2].titles).not.toBe(records[0].titles);
  });

  it('are lines of a few thousand characters, however many records (a long string is slow to make)', async () => {
    const { result } = await entry();
    const many = { ...result, records: Array.from({ length: 40 }, () => result.records).flat() };
    const key = cacheKey(result.input.sha256, FILE, OPTS, '1.2.3');
    const bytes = encodeEntry(key, many);
    expect(bytes.length).toBeGreaterThan(500_000);
    const lines = bytes.subarray(28).toString('utf8').split('\n');
    expect(lines.length).toBeGreaterThan(20);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(32_000);
    expect(decodeEntry(bytes, key)).toEqual(JSON.parse(JSON.stringify(many)));
  });

  it('a line that is not JSON, or names no list, is a miss', async () => {
    const { bytes, key } = await entry();
    const text = bytes.subarray(28).toString('utf8');
    expect(decodeEntry(frameEntry(`${text}\n["other",[1]]`), key)).toBeUndefined();
    expect(decodeEntry(frameEntry(`${text}\n["rows",{}]`), key)).toBeUndefined();
    expect(decodeEntry(frameEntry(`${text}\n{`), key)).toBeUndefined();
    expect(decodeEntry(frameEntry(`${text}\n["rows",[["length",0,2,{"period":"2024-2025"},{}]]]`), key)).toBeUndefined();
    expect(decodeEntry(frameEntry(`${text}\n["rows",[[0,"__proto__",2,{"period":"2024-2025"},{}]]]`), key)).toBeUndefined();
    // A unit or tổ name is an index into the head's texts, a whole number in range.
    expect(text).toMatch(/"texts":\["[^"]/);
    for (const unit of ['"Trường A"', '0.5', '99999', '"length"', 'null']) {
      expect(decodeEntry(frameEntry(`${text}\n["rows",[[0,0,2,{"period":"2024-2025","unit":${unit}},{}]]]`), key)).toBeUndefined();
    }
    expect(decodeEntry(frameEntry(`${text}\n["rows",[[0,0,2,{"period":"2024-2025","unit":0},{}]]]`), key)).toBeDefined();
    expect(decodeEntry(frameEntry(text), key)).toEqual(decodeEntry(bytes, key));
  });

  it('are keyed by content, version, options and path', async () => {
    const { result } = await entry();
    const key = cacheKey(result.input.sha256, FILE, OPTS, '1.2.3');
    expect(cacheKey('0'.repeat(64), FILE, OPTS, '1.2.3')).not.toBe(key);
    expect(cacheKey(result.input.sha256, FILE, OPTS, '1.2.4')).not.toBe(key);
    expect(cacheKey(result.input.sha256, FILE, { ...OPTS, fixEncoding: true }, '1.2.3')).not.toBe(key);
    expect(cacheKey(result.input.sha256, FILE, { ...OPTS, mode: 'calendar' }, '1.2.3')).not.toBe(key);
    expect(cacheKey(result.input.sha256, 'other/2023-2024.xlsx', OPTS, '1.2.3')).not.toBe(key);
    expect(entryName(key)).toMatch(/^[0-9a-f]{40}\.bin$/);
  });

  it('are refused when truncated, bit-flipped, foreign or made for another key', async () => {
    const { key, bytes } = await entry();
    const flip = (at: number) => {
      const b = Buffer.from(bytes);
      b[at] ^= 0x10;
      return b;
    };
    expect(decodeEntry(bytes.subarray(0, bytes.length - 1), key)).toBeUndefined();
    expect(decodeEntry(bytes.subarray(0, 10), key)).toBeUndefined();
    expect(decodeEntry(Buffer.alloc(0), key)).toBeUndefined();
    expect(decodeEntry(flip(bytes.length - 5), key)).toBeUndefined(); // payload
    expect(decodeEntry(flip(200), key)).toBeUndefined();
    expect(decodeEntry(flip(3), key)).toBeUndefined(); // magic
    expect(decodeEntry(flip(16), key)).toBeUndefined(); // format
    expect(decodeEntry(Buffer.concat([bytes, Buffer.from('x')]), key)).toBeUndefined();
    expect(decodeEntry(Buffer.from('not a cache entry at all, just some text'), key)).toBeUndefined();
    expect(decodeEntry(bytes, key.replace('1.2.3', '1.2.4'))).toBeUndefined();
  });

  it('are written atomically, files 0600 in folders 0700', async () => {
    const { bytes } = await entry();
    const dir = join(mkdtempSync(join(tmpdir(), 'tdkt-cache-')), 'a', 'workbooks');
    const cache = new ReadCache(dir);
    expect(cache.store('x.bin', bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['x.bin']); // no temporary file left
    expect(cache.load('x.bin')).toEqual(bytes);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'x.bin')).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, '..')).mode & 0o777).toBe(0o700);
    }
  });

  it('a cache that cannot be written is no cache, not an error', async () => {
    const { bytes } = await entry();
    const file = join(mkdtempSync(join(tmpdir(), 'tdkt-cache-')), 'plain-file');
    writeFileSync(file, 'x');
    expect(new ReadCache(join(file, 'workbooks')).store('x.bin', bytes)).toBe(false);
  });

  it('old entries and stray temporary files are pruned after a run that wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-cache-'));
    const cache = new ReadCache(dir);
    cache.store('old.bin', Buffer.from('x'));
    cache.store('new.bin', Buffer.from('y'));
    writeFileSync(join(dir, 'left.bin.123.tmp'), 'z');
    cache.prune(false, Date.now() + 50 * 24 * 3600 * 1000);
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(dir)).toBe(true);
  });
});

describe('readInputs with a cache', () => {
  it('reads once, then serves the same records from the cache; a damaged entry is read again and rewritten', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-cache-'));
    const opts = { ...OPTS, cache: { dir, version: '9.9.9' }, env: { TDKT_WORKERS: '0' } };
    const first = await readInputs([SCHOOL], ROOT, opts);
    expect(first.fromCache).toBe(0);
    const entries = readdirSync(join(dir, 'workbooks'));
    expect(entries).toHaveLength(first.inputs.length);

    const second = await readInputs([SCHOOL], ROOT, opts);
    expect(second.fromCache).toBe(first.inputs.length);
    expect(second).toEqual({ ...first, fromCache: first.inputs.length });

    const damaged = join(dir, 'workbooks', entries[0]);
    const good = readFileSync(damaged);
    writeFileSync(damaged, good.subarray(0, good.length >> 1));
    const third = await readInputs([SCHOOL], ROOT, opts);
    expect(third.fromCache).toBe(first.inputs.length - 1);
    expect(third).toEqual({ ...first, fromCache: first.inputs.length - 1 });
    expect(readFileSync(damaged)).toEqual(good);

    const bypass = await readInputs([SCHOOL], ROOT, { ...OPTS, env: { TDKT_WORKERS: '0' } });
    expect(bypass).toEqual(first);
  });

  it('never caches a file that cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-cache-'));
    const r = await readInputs([join(ROOT, 'fixtures', 'bad')], ROOT, { ...OPTS, cache: { dir, version: '1' }, env: { TDKT_WORKERS: '0' } });
    expect(r.inputs.filter((i) => i.rows > 0)).toHaveLength(0);
    const cached = existsSync(join(dir, 'workbooks')) ? readdirSync(join(dir, 'workbooks')) : [];
    expect(cached.length).toBe(r.inputs.length);
    expect(r.issues.filter((i) => i.code.startsWith('E_')).length).toBeGreaterThan(0);
  });

  it('reads files ahead in order, and a file gone from under it is an issue in its place, the others read', async () => {
    const data = mkdtempSync(join(tmpdir(), 'tdkt-ahead-'));
    const source = join(ROOT, 'fixtures', 'truong-thcs-hoa-sen', 'chuan', 'truong-thcs-hoa-sen.xlsx');
    for (const name of ['a', 'b', 'd', 'e', 'f', 'g']) copyFileSync(source, join(data, `${name}.xlsx`));
    symlinkSync(join(data, 'gone.xlsx'), join(data, 'c.xlsx')); // listed, then not there to read
    for (const cache of [undefined, { dir: mkdtempSync(join(tmpdir(), 'tdkt-cache-')), version: '1' }]) {
      for (let run = 0; run < 2; run++) {
        const r = await readInputs([data], data, { ...OPTS, cache, env: { TDKT_WORKERS: '0' } });
        expect(r.inputs.map((i) => i.file)).toEqual(['a.xlsx', 'b.xlsx', 'd.xlsx', 'e.xlsx', 'f.xlsx', 'g.xlsx']);
        expect(r.issues.filter((i) => i.file === 'c.xlsx').map((i) => i.code)).toEqual(['E_NOT_FOUND']);
        expect(r.fromCache).toBe(cache && run === 1 ? 6 : 0);
      }
    }
  });
});
