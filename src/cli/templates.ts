import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { DOCUMENT_IDS, type DocumentId } from '../model/documents.js';
import { sha256 } from '../dossier/lock.js';
import { compileTemplate, inspectTemplate, type CompiledTemplate, type TemplateReport } from '../render/docx/index.js';
import { UsageError } from './io.js';
import { PACKAGE_ROOT } from './version.js';

export type LoadedTemplate = { id: DocumentId; file: string; sha256: string; compiled: CompiledTemplate; report: TemplateReport };

/** Each document's template: the user's copy in --templates when there is one, else the one shipped with tdkt. */
export function loadTemplates(ids: DocumentId[], userDir: string | undefined, cwd: string, vi: boolean): Map<DocumentId, LoadedTemplate> {
  const out = new Map<DocumentId, LoadedTemplate>();
  const dir = userDir ? (isAbsolute(userDir) ? userDir : join(cwd, userDir)) : undefined;
  if (dir && !existsSync(dir)) throw new UsageError(vi ? `Không có thư mục mẫu ${userDir}.` : `No template folder ${userDir}.`);
  const problems: string[] = [];
  for (const id of ids) {
    const own = dir ? join(dir, `${id}.docx`) : undefined;
    const file = own && existsSync(own) ? own : join(PACKAGE_ROOT, 'templates', `${id}.docx`);
    const buf = readFileSync(file);
    let report: TemplateReport;
    try {
      report = inspectTemplate(buf, id, file);
    } catch {
      problems.push(vi ? `${file}: không phải tệp .docx đọc được.` : `${file}: not a readable .docx.`);
      continue;
    }
    const bad = [...report.unknown.map((u) => `{${u.name}}`), ...report.malformed.map((m) => `${m.code}${m.name ? ` ${m.name}` : ''}`)];
    const missing = report.missing.map((m) => `{${m.name}}`);
    if (bad.length || missing.length) {
      problems.push(`${file}: ${[bad.length ? `${vi ? 'chỗ trống lạ hoặc sai' : 'unknown or malformed'} ${bad.join(', ')}` : '', missing.length ? `${vi ? 'thiếu' : 'missing'} ${missing.join(', ')}` : ''].filter(Boolean).join('; ')}`);
      continue;
    }
    out.set(id, { id, file, sha256: sha256(buf), compiled: compileTemplate(buf, file), report });
  }
  if (problems.length) throw new UsageError(`${vi ? 'Mẫu văn bản có lỗi (xem: tdkt template check <tệp>)' : 'Template problems (see: tdkt template check <file>)'}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return out;
}

export const ALL_DOCUMENTS: DocumentId[] = [...DOCUMENT_IDS];
