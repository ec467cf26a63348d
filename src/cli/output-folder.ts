import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a whole folder at once: into a hidden sibling first, then a rename swaps it in. A run killed half way
 * leaves the previous folder as it was (and a hidden leftover that the next run removes).
 */
export async function writeFolderAtomic(target: string, files: { path: string; bytes: Buffer | string }[], keep: (name: string) => boolean = () => false): Promise<void> {
  const parent = dirname(target);
  const name = basename(target);
  await mkdir(parent, { recursive: true });
  for (const e of await readdir(parent)) if (e.startsWith(`.${name}.tmp-`) || e.startsWith(`.${name}.old-`)) await rm(join(parent, e), { recursive: true, force: true });
  const tag = randomBytes(6).toString('hex');
  const tmp = join(parent, `.${name}.tmp-${tag}`);
  try {
    for (const f of files) {
      const file = join(tmp, ...f.path.split('/'));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, f.bytes);
    }
    if (existsSync(target)) {
      // Files the user keeps in the folder (attachments beside the documents) move into the new folder.
      for (const e of await readdir(target)) if (keep(e) && !existsSync(join(tmp, e))) await rename(join(target, e), join(tmp, e));
      const old = join(parent, `.${name}.old-${tag}`);
      await rename(target, old);
      try {
        await rename(tmp, target);
      } catch (e) {
        await rename(old, target);
        throw e;
      }
      await rm(old, { recursive: true, force: true });
    } else await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
