import { isAbsolute, join, relative } from 'node:path';
import { periodOfDate } from '../../model/period.js';
import { renderInputWorkbook } from '../../render/input-workbook.js';
import { startCommand, type RunContext } from '../context.js';
import { exists, writeFileAtomic } from '../fs-atomic.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import type { CommonOptions } from '../main.js';
import { sampleConfig, sampleManifest, sampleNarrative } from '../sample-config.js';

export const INPUT_WORKBOOK = 'du-lieu-thi-dua.xlsx';
export const CONFIG_FILE = 'tdkt.config.yaml';

export async function runInit([dir]: [string | undefined], opts: CommonOptions & { force?: boolean; dossier?: string }, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  if (opts.dossier) return initDossier(opts.dossier, !!opts.force, ctx);
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
  const periods = Array.from({ length: 8 }, (_, i) => (ctx.mode === 'calendar' ? String(end - 7 + i) : `${end - 8 + i}-${end - 7 + i}`));
  await writeFileAtomic(files[0], await renderInputWorkbook(periods));
  await writeFileAtomic(files[1], sampleConfig());
  for (const f of files) ctx.o.out(`${vi ? 'Đã tạo' : 'Wrote'} ${relative(io.cwd, f) || f}`);
  ctx.o.err(vi
    ? `Bước tiếp theo: điền ${INPUT_WORKBOOK} (xóa dòng mẫu), rồi chạy: tdkt inspect ${relative(io.cwd, files[0]) || INPUT_WORKBOOK}`
    : `Next: fill in ${INPUT_WORKBOOK} (delete the example rows), then run: tdkt inspect ${relative(io.cwd, files[0]) || INPUT_WORKBOOK}`);
  return 0;
}

/** `tdkt init --dossier <dir>`: a dossier folder with a commented manifest, the input workbook and a narrative sample. */
async function initDossier(dir: string, force: boolean, ctx: RunContext): Promise<number> {
  const vi = ctx.lang === 'vi';
  const root = isAbsolute(dir) ? dir : join(ctx.io.cwd, dir);
  const manifest = join(root, 'tdkt.yaml');
  if (exists(manifest) && !force) throw new UsageError(vi ? `Đã có ${relative(ctx.io.cwd, manifest)}; không ghi đè. Thêm --force nếu muốn ghi đè.` : `${manifest} exists; add --force.`);
  const now = ctx.io.now.toISOString().slice(0, 10);
  const current = periodOfDate(now, ctx.mode);
  const end = Number(current.slice(-4));
  const periods = Array.from({ length: 8 }, (_, i) => (ctx.mode === 'calendar' ? String(end - 7 + i) : `${end - 8 + i}-${end - 7 + i}`));
  // The last school year that has ended: the one a dossier proposes for.
  const asOf = ctx.mode === 'calendar' ? String(end - 1) : `${end - 2}-${end - 1}`;
  await writeFileAtomic(manifest, sampleManifest(asOf));
  const workbook = join(root, 'data', INPUT_WORKBOOK);
  if (!exists(workbook) || force) await writeFileAtomic(workbook, await renderInputWorkbook(periods));
  const story = join(root, 'thanh-tich', 'MA-DINH-DANH.md');
  if (!exists(story)) await writeFileAtomic(story, sampleNarrative());
  for (const f of [manifest, workbook, story]) ctx.o.out(`${vi ? 'Đã tạo' : 'Wrote'} ${relative(ctx.io.cwd, f) || f}`);
  ctx.o.err(vi ? `Bước tiếp theo: điền ${relative(ctx.io.cwd, workbook)}, ghi người được đề nghị vào tdkt.yaml, rồi chạy: tdkt generate --dossier ${dir}` : `Next: fill the workbook, list nominations in tdkt.yaml, then run: tdkt generate --dossier ${dir}`);
  return 0;
}
