import { randomBytes } from 'node:crypto';
import { link, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';

/** Another run holds the lock of the folder: its process id and machine, as it wrote them. */
export class FolderBusyError extends Error {
  constructor(readonly lockFile: string, readonly pid: number, readonly host: string) {
    super(`${lockFile} is held by process ${pid} on ${host}`);
  }
}

export type FolderLock = { release(): Promise<void> };

// A lock file without an owner is being written this very moment, or its writer died right after creating it.
const UNWRITTEN_GRACE_MS = 10_000;

type Owner = { pid: number; host: string; text: string };

/**
 * A lock file created exclusively ("wx"), holding the owner's process id and host name. A lock whose process is gone
 * (killed, the machine restarted) on this machine is stale and is taken over; a live one, or one from another
 * machine sharing the folder, makes the caller refuse with FolderBusyError.
 */
export async function acquireFolderLock(file: string): Promise<FolderLock> {
  const me = `${process.pid}\n${hostname()}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(me);
      } finally {
        await handle.close();
      }
      return { release: () => rm(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const owner = await readOwner(file);
    if (!owner) continue; // released meanwhile
    if (owner.host !== hostname() || isAlive(owner.pid)) throw new FolderBusyError(file, owner.pid, owner.host);
    await breakStale(file, owner);
  }
  const owner = await readOwner(file);
  throw new FolderBusyError(file, owner?.pid ?? 0, owner?.host ?? hostname());
}

/**
 * Moves a stale lock aside, then checks it was the one judged stale: two runs breaking the same stale lock must not
 * remove the fresh lock the faster one has just made (it is put back).
 */
async function breakStale(file: string, stale: Owner): Promise<void> {
  const aside = `${file}.${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    await rename(file, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const moved = await readFile(aside, 'utf8').catch(() => '');
  if (moved !== stale.text) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

async function readOwner(file: string): Promise<Owner | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const [pid, host] = text.split('\n');
  if (/^\d+$/.test(pid) && host) return { pid: Number(pid), host, text };
  const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => Infinity);
  return { pid: age < UNWRITTEN_GRACE_MS ? -1 : 0, host: hostname(), text };
}

/** Whether a process of this machine is running; -1 stands for a lock still being written. */
function isAlive(pid: number): boolean {
  if (pid === -1 || pid === process.pid) return true;
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
