import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import type { AwardId } from '../../model/award.js';
import type { DocumentId } from '../../model/documents.js';
import { LOCK_FILE, lockSchema, sha256, type Lock } from '../../dossier/lock.js';
import { parseManifest } from '../../dossier/manifest.js';
import { verifyDossier, type OnDisk, type VerifyInput, type VerifyReport } from '../../dossier/verify.js';
import { docxText } from '../../render/docx-text.js';
import { renderGithub, renderJunit, renderVerifyJson } from '../../render/junit.js';
import { maskIds } from '../../render/mask.js';
import { evaluateSubject } from '../../rules/index.js';
import { startCommand, type RunContext } from '../context.js';
import { prepareDossier } from '../dossier-run.js';
import { writeFileAtomic } from '../fs-atomic.js';
import { issueMessage, type Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { withConfirmations } from '../load.js';
import type { CommonOptions } from '../main.js';
import { loadTemplates } from '../templates.js';

export type VerifyOptions = CommonOptions & { showIds?: boolean; templates?: string };
const FORMATS = ['text', 'json', 'junit', 'github'];

export async function runVerify([dir]: [string], opts: VerifyOptions, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  const format = opts.json ? 'json' : opts.format ?? 'text';
  if (!FORMATS.includes(format)) throw new UsageError(vi ? `--format nhận: ${FORMATS.join(', ')}` : `--format takes: ${FORMATS.join(', ')}`);
  const root = isAbsolute(dir) ? dir : join(io.cwd, dir);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(vi ? `Không có thư mục hồ sơ ${dir}.` : `No dossier folder ${dir}.`);
  const manifestFile = ['tdkt.yaml', 'tdkt.yml', 'tdkt.json'].map((n) => join(root, n)).find(existsSync);
  if (!manifestFile) throw new UsageError(vi ? `Không thấy tdkt.yaml hoặc tdkt.json trong ${dir}. Tạo bằng: tdkt init --dossier ${dir}` : `No tdkt.yaml or tdkt.json in ${dir}.`);
  const manifestText = readFileSync(manifestFile, 'utf8');
  const { manifest, errors } = parseManifest(manifestText);
  const input: VerifyInput = { dossier: relative(io.cwd, root) || '.', manifestFile: relative(root, manifestFile) };
  if (!manifest) return emit(verifyDossier({ ...input, manifestErrors: errors }), format, opts, ctx);

  const prepared = await prepareDossier({
    paths: withConfirmations(manifest.data.map((d) => join(root, d)), manifest.confirmations && join(root, manifest.confirmations)), asOf: manifest.asOf, date: manifest.date, ruleset: manifest.ruleset,
    include: ['eligible', 'review'], requested: manifest.nominations, details: { ...ctx.config.unit, ...manifest.details }, unit: manifest.unit, fixEncoding: !!opts.fixEncoding, cache: opts.cache,
  }, ctx);
  const rel = (f: string) => relative(root, isAbsolute(f) ? f : join(io.cwd, f)).split('\\').join('/');
  const errorsByFile = new Map<string, string[]>();
  for (const i of prepared.data.inputs) errorsByFile.set(rel(i.file), []);
  for (const i of prepared.data.issues) {
    if (i.severity !== 'error') continue;
    const key = i.file ? rel(i.file) : '(dữ liệu)';
    (errorsByFile.get(key) ?? errorsByFile.set(key, []).get(key)!).push(`${i.sheet ? `${i.sheet}${i.cell ? `!${i.cell}` : ''}: ` : ''}${issueMessage(i, ctx.lang)}`);
  }
  const out = join(root, manifest.output);
  const templates = loadTemplates([...new Set(prepared.plan.map((p) => p.template))] as DocumentId[], opts.templates, io.cwd, vi);
  const documents = new Map<string, OnDisk | undefined>();
  for (const d of prepared.plan) {
    const file = join(out, ...d.path.split('/'));
    if (!existsSync(file)) {
      documents.set(d.path, undefined);
      continue;
    }
    const bytes = readFileSync(file);
    let text: string | undefined;
    documents.set(d.path, { sha256: sha256(bytes), text: () => (text ??= safeText(bytes)) });
  }
  const planned = new Set(prepared.plan.map((p) => p.path));
  const extraDocuments = existsSync(out) ? listDocx(out).filter((p) => !planned.has(p)) : [];
  let lock: Lock | undefined;
  try {
    lock = lockSchema.parse(JSON.parse(readFileSync(join(out, LOCK_FILE), 'utf8')));
  } catch {
    lock = undefined;
  }
  const report = verifyDossier({
    ...input,
    dataFiles: [...errorsByFile].map(([file, errs]) => ({ file, errors: errs })),
    requested: manifest.nominations,
    nominations: prepared.nominations,
    // A nominee that cannot be found fails here; an ineligible one (a warning at generate) fails on its verdict.
    nomineeIssues: prepared.issues.filter((i) => i.severity === 'error').map((i) => ({ request: { award: i.data.award as AwardId, subject: String(i.data.subject) }, message: { vi: issueMessage(i, 'vi'), en: issueMessage(i, 'en') } })),
    caps: caps(prepared, ctx),
    plan: prepared.plan, output: manifest.output, lock,
    fresh: { manifest: sha256(manifestText), inputs: prepared.data.inputs.map((i) => ({ file: rel(i.file), sha256: i.sha256 })), templates: Object.fromEntries([...templates].map(([id, t]) => [id, t.sha256])) },
    documents, extraDocuments,
    attachments: manifest.attachments.map((a) => ({ ...a, exists: existsSync(join(root, a.file)) })),
  });
  return emit(report, format, opts, ctx);
}

function safeText(bytes: Buffer): string {
  try {
    return docxText(bytes);
  } catch {
    return '';
  }
}

function listDocx(dir: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || e.name.startsWith('~$')) continue;
    const path = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...listDocx(join(dir, e.name), path));
    else if (e.name.endsWith('.docx')) out.push(path);
  }
  return out.sort();
}

/** CSTĐCS nominations per unit against the cap (parameter cstdcs.cap-share × the unit's eligible LĐTT). */
function caps(prepared: Awaited<ReturnType<typeof prepareDossier>>, _ctx: RunContext): VerifyInput['caps'] {
  const share = prepared.ev.env.params['cstdcs.cap-share'];
  if (typeof share !== 'number') return [];
  const byUnit = new Map<string, number>();
  for (const n of prepared.nominations) if (n.award === 'cstdcs') byUnit.set(n.subject.subject.unit ?? '…', (byUnit.get(n.subject.subject.unit ?? '…') ?? 0) + 1);
  return [...byUnit].map(([unit, nominated]) => {
    const ldtt = prepared.data.timelines.filter((tl) => tl.subject.kind === 'person' && tl.subject.unit === unit && evaluateSubject(tl, prepared.ev.env, new Map(), ['ldtt'])[0]?.status === 'eligible').length;
    return { unit, award: 'cstdcs' as AwardId, nominated, cap: Math.floor(ldtt * share) };
  });
}

async function emit(report: VerifyReport, format: string, opts: VerifyOptions, ctx: RunContext): Promise<number> {
  const lang = ctx.lang;
  const text = format === 'json' ? renderVerifyJson(report, lang)
    : format === 'junit' ? renderJunit(report, lang, !!opts.showIds)
      : format === 'github' ? renderGithub(report, lang, !!opts.showIds)
        : renderText(report, ctx, !!opts.showIds);
  if (opts.out) {
    await writeFileAtomic(isAbsolute(opts.out) ? opts.out : join(ctx.io.cwd, opts.out), text);
    ctx.o.err(renderText(report, ctx, !!opts.showIds, true));
  } else ctx.io.stdout.write(text);
  return report.ok ? 0 : 1;
}

function renderText(report: VerifyReport, ctx: RunContext, showIds: boolean, summaryOnly = false): string {
  const { lang } = ctx;
  const c = summaryOnly ? ctx.o.ce : ctx.o.c;
  const vi = lang === 'vi';
  const m = (s: string) => (showIds || !summaryOnly ? s : maskIds(s));
  const lines: string[] = [];
  let fails = 0;
  let warns = 0;
  let passes = 0;
  for (const g of report.groups) {
    if (!summaryOnly) lines.push(c.bold(g.name[lang]));
    for (const ch of g.checks) {
      if (ch.state === 'fail') fails++;
      else if (ch.state === 'warn') warns++;
      else passes++;
      if (summaryOnly) continue;
      const mark = ch.state === 'pass' ? c.green('✓') : ch.state === 'warn' ? c.yellow('!') : c.red('✗');
      const msg = ch.state === 'pass' ? c.dim(m(ch.message[lang])) : m(ch.message[lang]).split('\n').join('\n      ');
      lines.push(`  ${mark} ${m(ch.name[lang])}${ch.file && ch.state !== 'pass' ? c.dim(` (${ch.file})`) : ''}: ${msg}`);
    }
  }
  lines.push('');
  lines.push(report.ok
    ? c.green(vi ? `Hồ sơ đạt: ${passes} kiểm tra đạt, ${warns} lưu ý.` : `Dossier passes: ${passes} checks passed, ${warns} notes.`)
    : c.red(vi ? `Hồ sơ chưa đạt: ${fails} kiểm tra không đạt, ${passes} đạt, ${warns} lưu ý.` : `Dossier fails: ${fails} failed, ${passes} passed, ${warns} notes.`));
  return `${lines.join('\n')}\n`;
}
