import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { AWARDS } from '../../model/award.js';
import type { DocumentId } from '../../model/documents.js';
import { sortIssues } from '../../model/issue.js';
import { makeLock, sha256, LOCK_FILE } from '../../dossier/lock.js';
import { parseManifest, type Manifest } from '../../dossier/manifest.js';
import type { PlannedDocument } from '../../dossier/plan.js';
import { startCommand, type RunContext } from '../context.js';
import { parseAwards } from '../evaluation.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { exitCodeFor } from '../load.js';
import type { CommonOptions } from '../main.js';
import { FolderBusyError } from '../folder-lock.js';
import { FolderExistsError, writeFolderAtomic, type FolderFile } from '../output-folder.js';
import { printIssues } from '../print-issues.js';
import { prepareDossier, readNominees, type DossierRequest } from '../dossier-run.js';
import { withConfirmations } from '../load.js';
import { loadTemplates } from '../templates.js';
import { VERSION } from '../version.js';

export type GenerateOptions = CommonOptions & { dossier?: string; includeReview?: boolean; nominees?: string; templates?: string; force?: boolean };

export async function runGenerate([paths]: [string[]], opts: GenerateOptions, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  if (opts.dossier) return generateDossier(opts.dossier, opts, ctx);
  if (!opts.out) throw new UsageError(vi ? 'Cần --out <thư mục> để ghi hồ sơ.' : 'Give --out <folder>.');
  const requested = opts.nominees ? readNominees(opts.nominees, io.cwd, vi) : undefined;
  if (!opts.award && !requested) throw new UsageError(vi ? 'Cần --award <mã,…> (vd bk-tinh,bk-ttg) hoặc --nominees <tệp>.' : 'Give --award <ids> or --nominees <file>.');
  const out = isAbsolute(opts.out) ? opts.out : join(io.cwd, opts.out);
  if (existsSync(out) && !opts.force) throw new UsageError(vi ? `Đã có thư mục ${opts.out}; không ghi đè. Thêm --force nếu muốn ghi đè (văn bản đã sửa tay trong đó sẽ mất).` : `${opts.out} exists; add --force to overwrite.`);
  const req: DossierRequest = {
    paths: withConfirmations(paths, opts.confirmations), asOf: opts.asOf, date: opts.date, ruleset: opts.ruleset, awards: opts.award ? parseAwards(opts.award, vi) : undefined,
    include: opts.includeReview ? ['eligible', 'review'] : ['eligible'], requested, details: ctx.config.unit ?? {}, fixEncoding: !!opts.fixEncoding, cache: opts.cache,
  };
  return write(req, out, opts, ctx);
}

async function generateDossier(dir: string, opts: GenerateOptions, ctx: RunContext): Promise<number> {
  const vi = ctx.lang === 'vi';
  const root = isAbsolute(dir) ? dir : join(ctx.io.cwd, dir);
  const { manifest, file, text } = readManifest(root, vi);
  const out = join(root, manifest.output);
  if (existsSync(out) && !opts.force) throw new UsageError(vi ? `Đã có ${relative(ctx.io.cwd, out) || out}; không ghi đè. Thêm --force để lập lại (văn bản đã sửa tay trong đó sẽ mất).` : `${out} exists; add --force to regenerate.`);
  const req: DossierRequest = {
    paths: withConfirmations(manifest.data.map((d) => join(root, d)), manifest.confirmations && join(root, manifest.confirmations)), asOf: manifest.asOf, date: manifest.date, ruleset: manifest.ruleset,
    include: ['eligible', 'review'], requested: manifest.nominations, details: { ...ctx.config.unit, ...manifest.details }, unit: manifest.unit, fixEncoding: !!opts.fixEncoding, cache: opts.cache,
  };
  return write(req, out, opts, ctx, { root, manifestText: text, manifestFile: file });
}

export function readManifest(root: string, vi: boolean): { manifest: Manifest; file: string; text: string } {
  const file = ['tdkt.yaml', 'tdkt.yml', 'tdkt.json'].map((n) => join(root, n)).find(existsSync);
  if (!file) throw new UsageError(vi ? `Không thấy tdkt.yaml hoặc tdkt.json trong ${root}. Tạo bằng: tdkt init --dossier ${root}` : `No tdkt.yaml or tdkt.json in ${root}.`);
  const text = readFileSync(file, 'utf8');
  const { manifest, errors } = parseManifest(text);
  if (!manifest) throw new UsageError(`${vi ? 'Tệp kê khai hồ sơ không hợp lệ' : 'Invalid manifest'} (${file}):\n${errors.map((e) => `  - ${e.key}${e.line ? ` (${vi ? 'dòng' : 'line'} ${e.line})` : ''}: ${e.message}`).join('\n')}`);
  return { manifest, file, text };
}

async function write(req: DossierRequest, out: string, opts: GenerateOptions, ctx: RunContext, dossier?: { root: string; manifestText: string; manifestFile: string }): Promise<number> {
  const vi = ctx.lang === 'vi';
  const prepared = await prepareDossier(req, ctx);
  const issues = sortIssues([...prepared.data.issues, ...prepared.ev.issues, ...prepared.issues]);
  if (prepared.issues.some((i) => i.severity === 'error')) {
    printIssues(issues, ctx);
    throw new UsageError(vi ? 'Danh sách đề nghị có người không tìm thấy hoặc không rõ; chưa ghi gì.' : 'Some nominees were not found; nothing written.');
  }
  if (prepared.plan.length === 0) {
    printIssues(issues, ctx);
    ctx.o.err(vi ? 'Không có ai đủ điều kiện cho các hình thức đã chọn; không ghi văn bản nào.' : 'Nobody is eligible for the chosen awards; nothing written.');
    return exitCodeFor(issues);
  }
  const templates = loadTemplates([...new Set(prepared.plan.map((p) => p.template))] as DocumentId[], opts.templates, ctx.io.cwd, vi);
  const progress = await ctx.o.progress(vi ? `Đang lập ${prepared.plan.length} văn bản…` : `Writing ${prepared.plan.length} documents…`);
  // Each document is filled when it is written (a generator), so a province's thousands of files never sit in
  // memory together; the lock file, which holds their hashes, comes last.
  function* outputs(): Generator<FolderFile> {
    const written: { plan: PlannedDocument; sha256: string }[] = [];
    for (const plan of prepared.plan) {
      const bytes = templates.get(plan.template)!.compiled.fill(plan.data);
      if (dossier) written.push({ plan, sha256: sha256(bytes) });
      yield { path: plan.path, bytes };
    }
    if (dossier) {
      const lock = makeLock({
        tdkt: VERSION, asOf: prepared.ev.asOf, ruleset: prepared.ev.ruleset.id, manifest: sha256(dossier.manifestText),
        inputs: prepared.data.inputs.map((i) => ({ file: relative(dossier.root, isAbsolute(i.file) ? i.file : join(ctx.io.cwd, i.file)).split('\\').join('/'), sha256: i.sha256 })),
        templates: Object.fromEntries([...templates].map(([id, t]) => [id, t.sha256])),
      }, written);
      yield { path: LOCK_FILE, bytes: `${JSON.stringify(lock, null, 2)}\n` };
    }
  }
  try {
    await writeFolderAtomic(out, outputs(), { overwrite: !!opts.force });
  } catch (e) {
    throw writeFailure(e, relative(ctx.io.cwd, out) || out, vi);
  } finally {
    progress.stop();
  }
  const where = relative(ctx.io.cwd, out) || out;
  const perAward = new Map<string, number>();
  for (const n of prepared.nominations) perAward.set(n.award, (perAward.get(n.award) ?? 0) + 1);
  ctx.o.out(vi ? `Đã ghi ${prepared.plan.length} văn bản vào ${where}` : `Wrote ${prepared.plan.length} documents to ${where}`);
  for (const [award, n] of perAward) ctx.o.out(`  ${AWARDS[award as keyof typeof AWARDS].name[ctx.lang]}: ${n} ${vi ? 'đề nghị' : 'nominees'}`);
  printIssues(issues, ctx);
  return exitCodeFor(issues);
}

const NO_SPACE = new Set(['ENOSPC', 'EDQUOT']);
// EPERM and EBUSY are also what Windows answers when a document in the folder is open in Word.
const NO_RIGHT = new Set(['EACCES', 'EPERM', 'EROFS', 'EBUSY']);

/** Why the folder could not be written, for a clerk; whatever happened, the previous folder is as it was. */
export function writeFailure(e: unknown, where: string, vi: boolean): Error {
  const kept = vi ? 'Chưa thay đổi gì: hồ sơ đã có (nếu có) vẫn giữ nguyên.' : 'Nothing was changed: any previous dossier is intact.';
  if (e instanceof FolderBusyError) {
    return new UsageError(vi
      ? `Một lần chạy tdkt khác (tiến trình ${e.pid} trên máy ${e.host}) đang ghi vào ${where}; chờ lần đó xong rồi chạy lại. Nếu chắc chắn không còn lần chạy nào, xóa tệp ${e.lockFile}.`
      : `Another tdkt run (process ${e.pid} on ${e.host}) is writing ${where}; wait for it to finish. If none is running, delete ${e.lockFile}.`);
  }
  if (e instanceof FolderExistsError) {
    return new UsageError(vi ? `Đã có thư mục ${where} (vừa được một lần chạy khác ghi); không ghi đè. Thêm --force nếu muốn ghi đè.` : `${where} exists (just written by another run); add --force to overwrite.`);
  }
  const code = (e as NodeJS.ErrnoException)?.code;
  if (!code) return e instanceof Error ? e : new Error(String(e));
  if (NO_SPACE.has(code)) {
    return new UsageError(vi ? `Ổ đĩa đã đầy: không ghi được hồ sơ vào ${where}. ${kept} Giải phóng chỗ trống rồi chạy lại.` : `The disk is full: cannot write ${where}. ${kept} Free some space and run again.`);
  }
  if (NO_RIGHT.has(code)) {
    return new UsageError(vi ? `Không có quyền ghi vào ${where} (thư mục chỉ đọc, bị khóa, hoặc có văn bản trong đó đang mở). ${kept} Đóng các văn bản đang mở, cấp quyền ghi hoặc chọn thư mục khác bằng --out.` : `No permission to write ${where} (read-only, locked, or a document in it is open). ${kept} Close open documents, or choose another folder with --out.`);
  }
  return new UsageError(vi ? `Không ghi được hồ sơ vào ${where} (${code}: ${(e as Error).message}). ${kept}` : `Cannot write ${where} (${code}: ${(e as Error).message}). ${kept}`);
}
