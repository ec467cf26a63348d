import { readFile as readBytes, readdir, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative } from 'node:path';
import { issue, type Issue } from '../model/issue.js';
import { ReadError } from './read-error.js';
import { readFile, type ReadOptions } from './read-file.js';
import type { Confirmation, InputSummary, SourceRecord } from './types.js';

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
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, fatal, issues };
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

/** Reads every input; one unreadable file inside a folder is an issue, never the end of a province batch. */
export async function readInputs(paths: string[], cwd: string, opts: ReadOptions): Promise<ReadInputsResult> {
  const listed = await listInputs(paths, cwd);
  const result: ReadInputsResult = { inputs: [], records: [], confirmations: [], issues: [...listed.issues], fatal: [...listed.fatal] };
  for (const f of listed.files) {
    try {
      const buf = await readBytes(isAbsolute(f.path) ? f.path : join(cwd, f.path));
      const read = await readFile(f.path, buf, opts);
      result.inputs.push(read.input);
      result.issues.push(...read.issues);
      for (const r of read.records) result.records.push(r);
      for (const c of read.confirmations) result.confirmations.push(c);
    } catch (e) {
      const err = e instanceof ReadError ? e : new ReadError('E_CORRUPT_FILE', f.path, { detail: String((e as Error)?.message ?? e).slice(0, 200) });
      if (f.explicit) result.fatal.push(err);
      else result.issues.push(issue(err.code, 'error', { file: err.file }, { ...err.data, name: basename(err.file) }));
    }
  }
  return result;
}
