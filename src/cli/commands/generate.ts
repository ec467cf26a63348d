import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { AWARDS } from '../../model/award.js';
import type { DocumentId } from '../../model/documents.js';
import { sortIssues } from '../../model/issue.js';
import { makeLock, sha256, LOCK_FILE } from '../../dossier/lock.js';
import { parseManifest, type Manifest } from '../../dossier/manifest.js';
import { startCommand, type RunContext } from '../context.js';
import { parseAwards } from '../evaluation.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { exitCodeFor } from '../load.js';
import type { CommonOptions } from '../main.js';
import { writeFolderAtomic } from '../output-folder.js';
import { printIssues } from '../print-issues.js';
import { prepareDossier, readNominees, type DossierRequest } from '../dossier-run.js';
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
    paths, asOf: opts.asOf, date: opts.date, ruleset: opts.ruleset, awards: opts.award ? parseAwards(opts.award, vi) : undefined,
    include: opts.includeReview ? ['eligible', 'review'] : ['eligible'], requested, details: ctx.config.unit ?? {}, fixEncoding: !!opts.fixEncoding,
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
    paths: manifest.data.map((d) => join(root, d)), asOf: manifest.asOf, date: manifest.date, ruleset: manifest.ruleset,
    include: ['eligible', 'review'], requested: manifest.nominations, details: { ...ctx.config.unit, ...manifest.details }, unit: manifest.unit, fixEncoding: !!opts.fixEncoding,
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
  const issues = sortIssues([...prepared.data.issues, ...prepared.issues]);
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
  const files = prepared.plan.map((p) => ({ plan: p, bytes: templates.get(p.template)!.compiled.fill(p.data) }));
  progress.stop();
  const outputs: { path: string; bytes: Buffer | string }[] = files.map((f) => ({ path: f.plan.path, bytes: f.bytes }));
  if (dossier) {
    const lock = makeLock({
      tdkt: VERSION, asOf: prepared.ev.asOf, ruleset: prepared.ev.ruleset.id, manifest: sha256(dossier.manifestText),
      inputs: prepared.data.inputs.map((i) => ({ file: relative(dossier.root, isAbsolute(i.file) ? i.file : join(ctx.io.cwd, i.file)).split('\\').join('/'), sha256: i.sha256 })),
      templates: Object.fromEntries([...templates].map(([id, t]) => [id, t.sha256])),
    }, files);
    outputs.push({ path: LOCK_FILE, bytes: `${JSON.stringify(lock, null, 2)}\n` });
  }
  await writeFolderAtomic(out, outputs);
  const where = relative(ctx.io.cwd, out) || out;
  const perAward = new Map<string, number>();
  for (const n of prepared.nominations) perAward.set(n.award, (perAward.get(n.award) ?? 0) + 1);
  ctx.o.out(vi ? `Đã ghi ${files.length} văn bản vào ${where}` : `Wrote ${files.length} documents to ${where}`);
  for (const [award, n] of perAward) ctx.o.out(`  ${AWARDS[award as keyof typeof AWARDS].name[ctx.lang]}: ${n} ${vi ? 'đề nghị' : 'nominees'}`);
  printIssues(issues, ctx);
  return exitCodeFor(issues);
}
