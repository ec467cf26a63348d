import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cp, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { acquireFolderLock } from './folder-lock.js';

export type FolderFile = { path: string; bytes: Buffer | string };

/** The folder exists and the caller did not ask to replace it (checked again under the lock). */
export class FolderExistsError extends Error {
  constructor(readonly target: string) {
    super(`${target} exists`);
  }
}

// Synchronous writes: for thousands of small files they cost a quarter of promise-based ones (measured with 2,000
// báo cáo of 16 KB). The event loop gets a turn every so often, so a progress spinner keeps moving.
const YIELD_EVERY = 64;

/**
 * Writes a whole folder at once: into a hidden sibling first, then a rename swaps it in, under a lock file beside
 * it so that two runs never write the same folder together. A run killed half way leaves the previous folder as it
 * was (and a hidden leftover that the next run removes); a run killed between the two renames of the swap leaves
 * the previous folder under its hidden name, and the next run puts it back before anything else. `files` may be a
 * generator: each file is made only when it is written, so memory does not grow with the number of files.
 */
export async function writeFolderAtomic(target: string, files: Iterable<FolderFile>, opts: { overwrite?: boolean; keep?: (name: string) => boolean } = {}): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true });
  const lock = await acquireFolderLock(join(parent, `.${name}.lock`));
  try {
    await recoverLeftovers(parent, name, target);
    if (existsSync(target) && !opts.overwrite) throw new FolderExistsError(target);
    const tmp = join(parent, `.${name}.tmp-${randomBytes(6).toString('hex')}`);
    try {
      await writeAll(tmp, files);
      await swapIn(tmp, target, opts.keep ?? (() => false));
    } catch (e) {
      await rm(tmp, { recursive: true, force: true }).catch(() => undefined);
      throw e;
    }
  } finally {
    await lock.release();
  }
}

async function writeAll(tmp: string, files: Iterable<FolderFile>): Promise<void> {
  await mkdir(tmp);
  const dirs = new Set<string>([tmp]);
  let n = 0;
  for (const f of files) {
    const file = join(tmp, ...f.path.split('/'));
    const dir = dirname(file);
    if (!dirs.has(dir)) {
      mkdirSync(dir, { recursive: true });
      dirs.add(dir);
    }
    writeFileSync(file, f.bytes);
    if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

async function swapIn(tmp: string, target: string, keep: (name: string) => boolean): Promise<void> {
  if (!existsSync(target)) {
    await rename(tmp, target);
    return;
  }
  // Files the user keeps in the folder (attachments beside the documents) are copied into the new folder, not
  // moved: until the swap is done the originals stay where a killed run would look for them.
  for (const e of await readdir(target)) if (keep(e) && !existsSync(join(tmp, e))) await cp(join(target, e), join(tmp, e), { recursive: true, preserveTimestamps: true });
  const old = join(dirname(target), `.${basename(target)}.old-${basename(tmp).slice(-12)}`);
  await rename(target, old);
  try {
    await rename(tmp, target);
  } catch (e) {
    await rename(old, target);
    throw e;
  }
  // The new folder is in place: failing to delete the old one loses nothing (the next run removes it).
  await rm(old, { recursive: true, force: true }).catch(() => undefined);
}

/** Under the lock: a previous folder left under its hidden name goes back, then hidden leftovers go. */
async function recoverLeftovers(parent: string, name: string, target: string): Promise<void> {
  const entries = await readdir(parent);
  const olds = entries.filter((e) => e.startsWith(`.${name}.old-`));
  if (!existsSync(target) && olds.length > 0) {
    const newest = (await Promise.all(olds.map(async (e) => ({ e, t: (await stat(join(parent, e))).mtimeMs })))).sort((a, b) => b.t - a.t)[0].e;
    await rename(join(parent, newest), target);
  }
  for (const e of entries) {
    if ((e.startsWith(`.${name}.tmp-`) || e.startsWith(`.${name}.old-`)) && existsSync(join(parent, e))) await rm(join(parent, e), { recursive: true, force: true });
  }
}
