import { isAbsolute, join, relative } from 'node:path';
import { periodOfDate } from '../../model/period.js';
import { renderInputWorkbook } from '../../render/input-workbook.js';
import { startCommand } from '../context.js';
import { exists, writeFileAtomic } from '../fs-atomic.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import type { CommonOptions } from '../main.js';
import { sampleConfig } from '../sample-config.js';

export const INPUT_WORKBOOK = 'du-lieu-thi-dua.xlsx';
export const CONFIG_FILE = 'tdkt.config.yaml';

export async function runInit([dir]: [string | undefined], opts: CommonOptions & { force?: boolean }, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  const target = dir ? (isAbsolute(dir) ? dir : join(io.cwd, dir)) : io.cwd;
  const files = [join(target, INPUT_WORKBOOK), join(target, CONFIG_FILE)];
  const existing = files.filter(exists);
  if (existing.length > 0 && !opts.force) {
    throw new UsageError(vi
      ? `Đã có ${existing.map((f) => relative(io.cwd, f) || f).join(', ')}; không ghi đè. Thêm --force nếu muốn ghi đè.`
      : `${existing.map((f) => relative(io.cwd, f) || f).join(', ')} already exists; not overwritten. Add --force to overwrite.`);
  }
  const now = io.now.toISOString().slice(0, 10);
  const current = periodOfDate(now, ctx.mode);
  const end = Number(current.slice(-4));
  const periods = Array.from({ length: 8 }, (_, i) => (ctx.mode === 'calendar' ? String(end - 6 + i) : `${end - 7 + i}-${end - 6 + i}`));
  await writeFileAtomic(files[0], await renderInputWorkbook(periods));
  await writeFileAtomic(files[1], sampleConfig());
  for (const f of files) ctx.o.out(`${vi ? 'Đã tạo' : 'Wrote'} ${relative(io.cwd, f) || f}`);
  ctx.o.err(vi
    ? `Bước tiếp theo: điền ${INPUT_WORKBOOK} (xóa dòng mẫu), rồi chạy: tdkt inspect ${relative(io.cwd, files[0]) || INPUT_WORKBOOK}`
    : `Next: fill in ${INPUT_WORKBOOK} (delete the example rows), then run: tdkt inspect ${relative(io.cwd, files[0]) || INPUT_WORKBOOK}`);
  return 0;
}
