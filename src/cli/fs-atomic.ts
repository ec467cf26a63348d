import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './io.js';

/**
 * Writes through a temporary file in the same folder, then renames: a reader never sees half a file, and a file that
 * cannot be written (full disk, read-only folder, a file open in Excel) leaves the previous one as it was and is
 * reported as a reason the command could not run (exit 2), not as a bug.
 */
export async function writeFileAtomic(file: string, data: Buffer | string, mode = 0o644, lang: 'vi' | 'en' = 'vi'): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, data, { mode });
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw cannotWrite(e, file, lang === 'vi');
  }
}

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
// EPERM and EBUSY are also what Windows answers when the file is open in another program.
const NO_RIGHT = new Set(['EACCES', 'EPERM', 'EROFS', 'EBUSY']);

function cannotWrite(e: unknown, file: string, vi: boolean): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return e;
  const kept = vi ? 'Tệp cũ (nếu có) vẫn giữ nguyên.' : 'Any previous file is intact.';
  if (NO_SPACE.has(code)) return new UsageError(vi ? `Ổ đĩa đã đầy: không ghi được ${file}. ${kept}` : `The disk is full: cannot write ${file}. ${kept}`);
  if (NO_RIGHT.has(code)) {
    return new UsageError(vi ? `Không có quyền ghi ${file} (thư mục chỉ đọc, hoặc tệp đang mở trong chương trình khác). ${kept}` : `No permission to write ${file} (read-only, or open in another program). ${kept}`);
  }
  return new UsageError(vi ? `Không ghi được ${file} (${code}: ${(e as Error).message}). ${kept}` : `Cannot write ${file} (${code}: ${(e as Error).message}). ${kept}`);
}

export function exists(file: string): boolean {
  return existsSync(file);
}
