import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import type { ReadOptions } from './read-file.js';
import type { Honour, YearRecord } from '../model/record.js';
import type { ReadResult, SourceRecord } from './types.js';

/**
 * A cache of read workbooks: a province re-checked after one school sent a corrected file re-reads that
 * file only. An entry holds the ReadResult of one file as JSON (JSON.parse rebuilds records faster and in
 * less memory than v8.deserialize, and records hold only JSON values) behind a header:
 *
 *   magic "tdkt-read-cache\n" (16 bytes) · format u32 · payload length u32 · crc32 of the payload u32 · payload
 *
 * The payload is lines of JSON: a head `{"key":…,"result":…,"sources":…,"texts":…}`, then lines
 * `["rows",[…]]` (and "keys", "issues", "confirmations") of a few thousand characters each. A hit is checked
 * against the key asked for, not just its file name. A short, corrupt, foreign or stale entry is a miss, and is
 * written again; nothing in it is trusted before the checksum and the key match. Writes go to a temporary file
 * renamed into place, so two runs at once never see half an entry. A cache that cannot be written (read-only
 * home) only means no cache.
 */
const MAGIC = Buffer.from('tdkt-read-cache\n', 'latin1');
const FORMAT = 4;
const HEADER = MAGIC.length + 12;
/** Entries not used for this long are removed when a run writes new ones. */
const MAX_AGE_MS = 45 * 24 * 3600 * 1000;

/**
 * Where the cache lives: TDKT_CACHE_DIR if set (tests point it at a temporary folder); on Windows
 * %LOCALAPPDATA%\tdkt\Cache (the per-user, non-roaming place for caches); elsewhere $XDG_CACHE_HOME/tdkt when
 * that is an absolute path (the XDG rule), else ~/.cache/tdkt — on macOS too, as most command-line tools do.
 */
export function cacheDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, home: () => string = homedir): string {
  if (env.TDKT_CACHE_DIR) return env.TDKT_CACHE_DIR;
  if (platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'tdkt', 'Cache');
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'tdkt');
  return join(home(), '.cache', 'tdkt');
}

let stamp: string | undefined;

/**
 * The reading code's own fingerprint (a hash of the ingest and model modules and of exceljs's entry point,
 * about 200 KB), next to the version: a changed build with the same version number never trusts what
 * another build read, and rebuilding the same code keeps the cache.
 */
export function buildStamp(): string {
  if (stamp !== undefined) return stamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const h = createHash('sha256');
  const add = (file: string) => {
    if (statSync(file).isFile()) h.update(file).update(readFileSync(file));
  };
  for (const dir of [here, join(here, '..', 'model')]) {
    try {
      for (const name of readdirSync(dir).sort()) add(join(dir, name));
    } catch { /* not there: the version alone decides */ }
  }
  try {
    add(createRequire(import.meta.url).resolve('exceljs')); // another exceljs may read cells differently
  } catch { /* idem */ }
  return (stamp = h.digest('hex').slice(0, 16));
}

/**
 * What an entry depends on: the file's content (its sha256, computed once for the input summary), the tdkt
 * version and build, the read options, and the file's path as shown: the path is in every record and issue,
 * and the file name can give the school year.
 */
export function cacheKey(sha256: string, file: string, opts: ReadOptions, version: string): string {
  return JSON.stringify(['tdkt-read', FORMAT, version, buildStamp(), sha256, opts.mode, opts.fixEncoding, file]);
}

/** The entry's file name: a hash of its key (paths may hold any character). */
export function entryName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.bin`;
}

/**
 * A read result as the text of an entry. Records are packed: a person's six rows share one key object and a
 * sheet's rows one file and sheet name, and its rows one copy of each unit and tổ name (an index into `texts`:
 * JSON.parse makes a long string anew each time it meets it). The text is under half as long as the result's
 * own JSON (a unit workbook of 600 rows: 128 KB against 305 KB), faster to decode and parse, and the records are
 * smaller in memory. The text is cut into short lines because a string of over 128 KB goes to V8's large-object
 * space, into fresh pages of memory: decoding 300 entries of 160 KB whole took 490 ms here, in 32 KB pieces 80 ms.
 */
function entryText(key: string, result: ReadResult): string {
  const { records, issues, confirmations, ...rest } = result;
  const packed = pack(records);
  const lines = [JSON.stringify({ key, result: rest, sources: packed.sources, texts: packed.texts })];
  addLines(lines, 'keys', packed.keys);
  addLines(lines, 'rows', packed.rows);
  addLines(lines, 'issues', issues);
  addLines(lines, 'confirmations', confirmations);
  return lines.join('\n');
}

const LINE_CHARS = 16_000;
const LISTS = ['keys', 'rows', 'issues', 'confirmations'] as const;
type ListName = (typeof LISTS)[number];

function addLines(lines: string[], list: ListName, items: readonly unknown[]): void {
  let part: string[] = [];
  let chars = 0;
  const flush = () => {
    if (part.length > 0) lines.push(`["${list}",[${part.join(',')}]]`);
    part = [];
    chars = 0;
  };
  for (const item of items) {
    const text = JSON.stringify(item);
    part.push(text);
    chars += text.length + 1;
    if (chars >= LINE_CHARS) flush();
  }
  flush();
}

type Packed = {
  keys: SourceRecord['key'][]; sources: { file: string; sheet: string }[]; texts: string[];
  rows: [number, number, number, SourceRecord['record'], SourceRecord['cells']][];
};

// The record fields given as an index into `texts`: the same few names on every row of a sheet.
const SHARED = ['unit', 'team'] as const;

function pack(records: SourceRecord[]): Packed {
  const out: Packed = { keys: [], sources: [], texts: [], rows: [] };
  const keys = new Map<string, number>();
  const sources = new Map<string, number>();
  const texts = new Map<string, number>();
  const index = <T>(map: Map<string, number>, list: T[], item: T, id: string) => {
    let i = map.get(id);
    if (i === undefined) map.set(id, (i = list.push(item) - 1));
    return i;
  };
  for (const { key, record, source, cells, ...rest } of records) {
    const none: Record<string, never> = rest; // a new SourceRecord field must be packed too
    void none;
    const k = index(keys, out.keys, key, JSON.stringify(key));
    const s = index(sources, out.sources, { file: source.file, sheet: source.sheet }, `${source.file}\u0000${source.sheet}`);
    let packed: Record<string, unknown> = record;
    for (const f of SHARED) {
      const text = record[f];
      if (typeof text === 'string') {
        if (packed === record) packed = { ...record };
        packed[f] = index(texts, out.texts, text, text);
      }
    }
    out.rows.push([k, s, source.row, packed as SourceRecord['record'], cells]);
  }
  return out;
}

function unpack(p: Packed): SourceRecord[] | undefined {
  if (!Array.isArray(p?.keys) || !Array.isArray(p.sources) || !Array.isArray(p.rows) || !Array.isArray(p.texts)) return undefined;
  const records: SourceRecord[] = new Array(p.rows.length);
  for (let i = 0; i < p.rows.length; i++) {
    const [k, s, row, record, cells] = p.rows[i];
    // Indexes are whole numbers: "length" or "__proto__" would reach something other than a key or a source.
    if (!Number.isInteger(k) || !Number.isInteger(s)) return undefined;
    const key = p.keys[k];
    const source = p.sources[s];
    if (!key || !source || typeof record !== 'object' || record === null) return undefined;
    for (const f of SHARED) {
      const t = record[f] as unknown;
      if (t === undefined) continue;
      if (!Number.isInteger(t) || typeof p.texts[t as number] !== 'string') return undefined;
      record[f] = p.texts[t as number];
    }
    shareLists(record);
    records[i] = { key, record, source: { file: source.file, sheet: source.sheet, row }, cells };
  }
  return records;
}

// Nothing changes a record's lists once read (history shares them with the timeline, the rules only read them;
// test/hardening/immutable-records.test.ts holds that): an empty list, and a list of one title held plainly
// ({award, kind}), are one object for every record instead of one per row, most of what a province's records held.
// Not frozen: Array.prototype.filter, some and map take a slow path on frozen arrays (5 to 6 times slower here),
// and a mix of frozen and plain lists made every rule that reads them slower.
const EMPTY: never[] = [];
const PLAIN_TITLE: Map<string, Honour[]> = new Map();

function shareLists(r: YearRecord): void {
  if (r.titles) r.titles = r.titles.length === 0 ? EMPTY : r.titles.length === 1 ? plainTitle(r.titles) : r.titles;
  if (r.awards?.length === 0) r.awards = EMPTY;
  if (r.initiatives?.length === 0) r.initiatives = EMPTY;
  if (r.discipline?.length === 0) r.discipline = EMPTY;
  if (r.leave?.length === 0) r.leave = EMPTY;
  if (r.revoked?.length === 0) r.revoked = EMPTY;
}

function plainTitle(list: Honour[]): Honour[] {
  const h = list[0];
  let fields = 0;
  for (const _ in h) fields++;
  if (fields !== 2 || typeof h.award !== 'string' || typeof h.kind !== 'string') return list;
  const id = `${h.award}\u0000${h.kind}`;
  let shared = PLAIN_TITLE.get(id);
  if (!shared) PLAIN_TITLE.set(id, (shared = [{ award: h.award, kind: h.kind }]));
  return shared;
}

/** Entry text as entry bytes: the header, then the text; in a memory block of its own, so it can be handed to another thread. */
export function frameEntry(text: string): Buffer {
  const length = Buffer.byteLength(text, 'utf8');
  const entry = Buffer.allocUnsafeSlow(HEADER + length);
  entry.write(text, HEADER, 'utf8');
  MAGIC.copy(entry, 0);
  entry.writeUInt32LE(FORMAT, MAGIC.length);
  entry.writeUInt32LE(length, MAGIC.length + 4);
  entry.writeUInt32LE(crc32(entry.subarray(HEADER)), MAGIC.length + 8);
  return entry;
}

export function encodeEntry(key: string, result: ReadResult): Buffer {
  return frameEntry(entryText(key, result));
}

/** The read result in entry bytes, if they are a whole, intact entry of this format made for this key. */
export function decodeEntry(bytes: Uint8Array, key: string): ReadResult | undefined {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < HEADER || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  if (buf.readUInt32LE(MAGIC.length) !== FORMAT || buf.readUInt32LE(MAGIC.length + 4) !== buf.length - HEADER) return undefined;
  const payload = buf.subarray(HEADER);
  if (crc32(payload) !== buf.readUInt32LE(MAGIC.length + 8)) return undefined;
  try {
    return parseLines(payload, key);
  } catch {
    return undefined;
  }
}

/** The payload's lines, each decoded and parsed on its own (entryText says why). */
function parseLines(payload: Buffer, key: string): ReadResult | undefined {
  let start = 0;
  const next = (): unknown => {
    if (start >= payload.length) return undefined;
    let end = payload.indexOf(0x0a, start);
    if (end < 0) end = payload.length;
    const value: unknown = JSON.parse(payload.toString('utf8', start, end));
    start = end + 1;
    return value;
  };
  const head = next() as { key?: unknown; result?: unknown; sources?: unknown; texts?: unknown } | undefined;
  const r = head?.result as Omit<ReadResult, 'records' | 'issues' | 'confirmations'> | undefined;
  if (head?.key !== key || typeof r !== 'object' || r === null || typeof r.input !== 'object' || r.input === null) return undefined;
  const lists: Record<ListName, unknown[]> = { keys: [], rows: [], issues: [], confirmations: [] };
  for (let line = next(); line !== undefined; line = next()) {
    if (!Array.isArray(line) || !LISTS.includes(line[0]) || !Array.isArray(line[1])) return undefined;
    const into = lists[line[0] as ListName];
    for (const item of line[1]) into.push(item);
  }
  const records = unpack({ keys: lists.keys, sources: head.sources, texts: head.texts, rows: lists.rows } as Packed);
  if (!records) return undefined;
  return { ...r, records, issues: lists.issues as ReadResult['issues'], confirmations: lists.confirmations as ReadResult['confirmations'] };
}

/** The entries of one cache folder, files mode 0600 in a folder mode 0700 (they hold staff records). */
export class ReadCache {
  private ready = false;
  private wrote = false;

  constructor(readonly dir: string) {}

  path(name: string): string {
    return join(this.dir, name);
  }

  /** The bytes stored under `name`, unchecked (decodeEntry checks them); undefined when there are none. */
  load(name: string): Buffer | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.path(name));
    } catch {
      return undefined;
    }
    try {
      // A used entry stays young: pruning goes by modification time.
      const now = new Date();
      utimesSync(this.path(name), now, now);
    } catch { /* a read-only cache still serves */ }
    return bytes;
  }

  /** Stores entry bytes atomically (temporary file, then rename); false when the cache cannot be written. */
  store(name: string, bytes: Uint8Array): boolean {
    const target = this.path(name);
    const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      if (!this.ready) {
        mkdirSync(this.dir, { recursive: true, mode: 0o700 });
        this.ready = true;
      }
      writeFileSync(tmp, bytes, { mode: 0o600 });
      renameSync(tmp, target);
      this.wrote = true;
      return true;
    } catch {
      try {
        rmSync(tmp, { force: true });
      } catch { /* the folder itself is not there */ }
      return false;
    }
  }

  /** After a run that wrote entries: removes the ones unused for weeks, and temporary files left by a crash. */
  prune(wroteElsewhere = false, now = Date.now()): void {
    if (!this.wrote && !wroteElsewhere) return;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!name.endsWith('.bin') && !name.endsWith('.tmp')) continue;
      try {
        const age = now - statSync(this.path(name)).mtimeMs;
        if (age > (name.endsWith('.tmp') ? 3600_000 : MAX_AGE_MS)) rmSync(this.path(name), { force: true });
      } catch { /* removed meanwhile by another run */ }
    }
  }
}
