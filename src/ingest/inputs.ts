import { createHash } from 'node:crypto';
import { readFile as readBytes, readdir, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative } from 'node:path';
import { issue, type Issue } from '../model/issue.js';
import { cacheKey, decodeEntry, encodeEntry, entryName, ReadCache } from './cache.js';
import { ownBuffer, ReadPool, workerCount, type ReadTask } from './parallel.js';
import { ReadError } from './read-error.js';
import type { ReadOptions } from './read-file.js';
import type { Confirmation, InputSummary, ReadResult, SourceRecord } from './types.js';

const DATA_EXTS = new Set(['.xlsx', '.xlsm', '.csv']);
const REFUSED_EXTS = new Set(['.xls', '.ods']);
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.tdkt-cache', 'ho-so']);

export type InputFile = { path: string; /** named on the command line, not found inside a folder */ explicit: boolean };

export type ReadInputsResult = {
  inputs: InputSummary[];
  records: SourceRecord[];
  /** Answers from "Xác nhận" sheets, for the criteria data cannot decide. */
  confirmations: Confirmation[];
  issues: Issue[];
  /** Files named on the command line that could not be read: the run cannot go on (exit 2). */
  fatal: ReadError[];
  /** How many files came from the cache of read workbooks. */
  fromCache: number;
};

/** Lists the data files under the given paths: files as named, folders recursively, sorted. */
export async function listInputs(paths: string[], cwd: string): Promise<{ files: InputFile[]; fatal: ReadError[]; issues: Issue[] }> {
  const files: InputFile[] = [];
  const fatal: ReadError[] = [];
  const issues: Issue[] = [];
  for (const p of paths) {
    const abs = isAbsolute(p) ? p : join(cwd, p);
    let st;
    try {
      st = await stat(abs);
    } catch {
      fatal.push(new ReadError('E_NOT_FOUND', p));
      continue;
    }
    if (st.isDirectory()) await walk(abs, cwd, files, issues);
    else files.push({ path: displayPath(abs, cwd), explicit: true });
  }
  // A file reached twice (named, and inside a folder also named; a --confirmations file in the data folder) is
  // read once: read twice, its rows would merge with themselves. Named on the command line wins.
  const byPath = new Map<string, InputFile>();
  for (const f of files) if (!byPath.get(f.path)?.explicit) byPath.set(f.path, f);
  const unique = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: unique, fatal, issues };
}

async function walk(dir: string, cwd: string, out: InputFile[], issues: Issue[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIPPED_DIRS.has(e.name)) await walk(full, cwd, out, issues);
      continue;
    }
    const ext = extname(e.name).toLowerCase();
    if (DATA_EXTS.has(ext) || REFUSED_EXTS.has(ext)) out.push({ path: displayPath(full, cwd), explicit: false });
  }
}

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel.startsWith('..') || rel === '' ? abs : rel;
}

export type ReadInputsOptions = ReadOptions & {
  /** The cache of read workbooks (cache.ts): its folder and the tdkt version. Absent: no cache (--no-cache). */
  cache?: { dir: string; version: string };
  /** For TDKT_WORKERS (parallel.ts); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Called as files are done, for a progress line. */
  progress?: (done: number, total: number) => void;
};

type Outcome = ReadResult | ReadError;

/**
 * Reads every input; one unreadable file inside a folder is an issue, never the end of a province batch.
 * Files come from the cache when their content was read before, else from reading threads (parallel.ts) or,
 * for a small input, this thread; results are put together in file order whatever finished first.
 */
export async function readInputs(paths: string[], cwd: string, opts: ReadInputsOptions): Promise<ReadInputsResult> {
  const listed = await listInputs(paths, cwd);
  const result: ReadInputsResult = { inputs: [], records: [], confirmations: [], issues: [...listed.issues], fatal: [...listed.fatal], fromCache: 0 };
  const files = listed.files;
  const absOf = (f: InputFile) => (isAbsolute(f.path) ? f.path : join(cwd, f.path));
  const sizes = await Promise.all(files.map((f) => stat(absOf(f)).then((s) => s.size, () => 0)));
  const threads = workerCount(files.length, sizes.reduce((a, b) => a + b, 0), opts.env ?? process.env);
  const cache = opts.cache ? new ReadCache(join(opts.cache.dir, 'workbooks')) : undefined;
  const readOpts: ReadOptions = { mode: opts.mode, fixEncoding: opts.fixEncoding };
  const outcomes: Outcome[] = new Array(files.length);
  let done = 0;
  let wrote = false;
  const finish = (i: number, o: Outcome) => {
    outcomes[i] = o;
    opts.progress?.(++done, files.length);
  };
  // Read on this thread, and cached from here. The reader (and exceljs, a quarter of a second to load) is
  // loaded only when some file is not in the cache.
  const reader = () => import('./read-file.js');
  const readHere = async (f: InputFile, buf: Buffer, sha256: string, key: string): Promise<Outcome> => {
    try {
      const read = await (await reader()).readFile(f.path, buf, readOpts, sha256);
      if (cache && cache.store(entryName(key), encodeEntry(key, read))) wrote = true;
      return read;
    } catch (e) {
      return asReadError(e, f.path);
    }
  };
  // The next files are read from disk while this one is hashed and decoded, up to a bound on their bytes: a warm
  // run would otherwise wait on the disk for each of hundreds of files in turn.
  const reads: (Promise<Buffer> | undefined)[] = new Array(files.length);
  let ahead = 0;
  let aheadBytes = 0;
  const readAhead = (from: number) => {
    for (ahead = Math.max(ahead, from); ahead < files.length && ahead < from + READ_AHEAD && aheadBytes + sizes[ahead] <= READ_AHEAD_BYTES; ahead++) {
      const p = readBytes(absOf(files[ahead]));
      p.catch(() => undefined); // awaited, and its error handled, in its turn
      reads[ahead] = p;
      aheadBytes += sizes[ahead];
    }
  };
  let pool: ReadPool | undefined;
  const inflight = new Set<Promise<void>>();
  try {
    for (let i = 0; i < files.length; i++) {
      const f = files[i];
      readAhead(i);
      const pending = reads[i] ?? readBytes(absOf(f));
      if (reads[i]) aheadBytes -= sizes[i];
      reads[i] = undefined;
      let buf: Buffer;
      try {
        buf = await pending;
      } catch (e) {
        finish(i, asReadError(e, f.path));
        continue;
      }
      const sha256 = createHash('sha256').update(buf).digest('hex');
      const key = cacheKey(sha256, f.path, readOpts, opts.cache?.version ?? '');
      const stored = cache?.load(entryName(key));
      const hit = stored && decodeEntry(stored, key);
      if (hit) {
        result.fromCache++;
        finish(i, hit);
        continue;
      }
      // A file big enough for the streaming reader comes back from the thread (mainThread): exceljs #683.
      if (threads === 0) {
        finish(i, await readHere(f, buf, sha256, key));
        continue;
      }
      pool ??= new ReadPool(threads);
      const task: ReadTask = { id: i, file: f.path, bytes: ownBuffer(buf), sha256, opts: readOpts, key, cache: cache && { dir: cache.dir, name: entryName(key) } };
      const p = pool.read(task)
        .then(async (reply): Promise<Outcome> => {
          if (reply.stored) wrote = true;
          if (reply.error) return new ReadError(reply.error.code, reply.error.file, reply.error.data);
          if (reply.mainThread) return readHere(f, Buffer.from(reply.bytes!.buffer, reply.bytes!.byteOffset, reply.bytes!.byteLength), sha256, key);
          return (reply.entry && decodeEntry(reply.entry, key)) || new ReadError('E_CORRUPT_FILE', f.path, { detail: 'reading thread' });
        }, async (): Promise<Outcome> => { // the thread died: read the file here
          try {
            return await readHere(f, await readBytes(absOf(f)), sha256, key);
          } catch (e) {
            return asReadError(e, f.path);
          }
        })
        .then((o) => finish(i, o))
        .finally(() => inflight.delete(p));
      inflight.add(p);
      // Bounded read-ahead: a province's bytes are never all in memory at once.
      if (inflight.size >= pool.size * 2) await Promise.race(inflight);
    }
    await Promise.all(inflight);
  } finally {
    await pool?.close();
  }
  cache?.prune(wrote);

  files.forEach((f, i) => {
    const o = outcomes[i];
    if (o instanceof ReadError) {
      if (f.explicit) result.fatal.push(o);
      else result.issues.push(issue(o.code, 'error', { file: o.file }, { ...o.data, name: basename(o.file) }));
      return;
    }
    result.inputs.push(o.input);
    for (const i of o.issues) result.issues.push(i); // a loop: a file can carry 100,000s of issues
    for (const r of o.records) result.records.push(r);
    for (const c of o.confirmations) result.confirmations.push(c);
  });
  return result;
}

const READ_AHEAD = 4;
const READ_AHEAD_BYTES = 64 * 1024 * 1024;

function asReadError(e: unknown, file: string): ReadError {
  if (e instanceof ReadError) return e;
  // Listed, then gone (moved, deleted, a broken shortcut): not there, rather than damaged.
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new ReadError('E_NOT_FOUND', file);
  return new ReadError('E_CORRUPT_FILE', file, { detail: String((e as Error)?.message ?? e).slice(0, 200) });
}
