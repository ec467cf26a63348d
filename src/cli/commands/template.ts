import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { DOCUMENT_CATALOGUE, DOCUMENT_IDS, type DocumentId } from '../../model/documents.js';
import { inspectTemplate } from '../../render/docx/index.js';
import { startCommand } from '../context.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import type { CommonOptions } from '../main.js';

/** `tdkt template check <file.docx>`: the placeholders of a template, and what is unknown, missing or split. */
export async function runTemplateCheck([file]: [string], opts: CommonOptions & { document?: string }, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  const doc = (opts.document ?? DOCUMENT_IDS.find((id) => basename(file).startsWith(id))) as DocumentId | undefined;
  if (!doc || !DOCUMENT_IDS.includes(doc)) {
    throw new UsageError(vi ? `Không biết "${file}" là mẫu văn bản nào; ghi --document <${DOCUMENT_IDS.join('|')}> hoặc đặt tên tệp bắt đầu bằng mã đó.` : `Cannot tell which document "${file}" is; give --document.`);
  }
  let buf: Buffer;
  try {
    buf = readFileSync(isAbsolute(file) ? file : join(io.cwd, file));
  } catch {
    throw new UsageError(vi ? `Không đọc được ${file}.` : `Cannot read ${file}.`);
  }
  let report;
  try {
    report = inspectTemplate(buf, doc, file);
  } catch {
    throw new UsageError(vi ? `${file} không phải tệp .docx đọc được. Mở trong Word và lưu lại dạng Word Document (.docx).` : `${file} is not a readable .docx.`);
  }
  const failed = report.unknown.length + report.missing.length + report.malformed.length > 0;
  if (ctx.json) {
    ctx.o.out(JSON.stringify({ schema: 'tdkt.template/v1', ...report, ok: !failed }, null, 2));
    return failed ? 1 : 0;
  }
  const { c } = ctx.o;
  ctx.o.out(c.bold(`${file}: ${DOCUMENT_CATALOGUE[doc].title}`));
  ctx.o.out(vi ? `Chỗ trống (${report.placeholders.length}):` : `Placeholders (${report.placeholders.length}):`);
  for (const p of report.placeholders) ctx.o.out(`  {${p.usage === 'loop' ? '#' : ''}${p.name}}${p.count > 1 ? c.dim(` ×${p.count}`) : ''}`);
  for (const u of report.unknown) ctx.o.out(c.red(`  ✗ ${vi ? 'không có trong mẫu' : 'unknown'} {${u.name}}${c.dim(` — "${u.paragraph}"`)}`));
  for (const m of report.missing) ctx.o.out(c.red(`  ✗ ${vi ? 'thiếu' : 'missing'} {${m.name}}: ${m.description}`));
  for (const m of report.malformed) ctx.o.out(c.red(`  ✗ ${m.code}${m.name ? ` {${m.name}}` : ''} (${m.part})`));
  for (const s of report.split) ctx.o.out(c.yellow(`  ! ${vi ? 'Word đã tách' : 'split by Word'} {${s.name.replace(/^\{|\}$/g, '')}} ${c.dim(vi ? '(vẫn điền đúng; gõ lại liền để gọn tệp)' : '(still filled; retype it)')} — "${s.paragraph}"`));
  ctx.o.out(failed ? c.red(vi ? 'Mẫu có lỗi: sửa trước khi dùng với --templates.' : 'The template has problems.') : c.green(vi ? 'Mẫu dùng được.' : 'The template is usable.'));
  return failed ? 1 : 0;
}
