import { DOCUMENT_CATALOGUE, type DocumentId, type PlaceholderSpec } from '../../model/documents.js';
import type { TagUse, TemplateProblem } from './compile.js';
import { readTemplateParts } from './template.js';

// `tdkt template check`: what a template holds, measured against the document's catalogue (src/model/documents.ts).

export type FoundPlaceholder = { name: string; usage: 'value' | 'loop'; part: string; count: number };
export type TemplatePlace = { name: string; part: string; paragraph: string };
export type TemplateReport = {
  template: string;
  document: DocumentId;
  /** Placeholders as the template uses them, by full name ("nhom_ca_nhan.ca_nhan.ho_ten"), in document order. */
  placeholders: FoundPlaceholder[];
  /** Names the document does not have, or a table used as a single value. */
  unknown: (TemplatePlace & { reason: 'name' | 'kind' })[];
  /** Required placeholders the template does not show. */
  missing: { name: string; description: string }[];
  /** Placeholders Word had split across runs (filled correctly; retype them to tidy the file). */
  split: TemplatePlace[];
  /** Problems that stop the template from being filled: unbalanced or crossing loops, bad names. */
  malformed: TemplateProblem[];
};

type Frame = { prefix: string; specs: PlaceholderSpec[]; item?: string };

/** Throws TemplateError only when the file is not a .docx; everything else is reported. */
export function inspectTemplate(buf: Buffer, doc: DocumentId, template = `${doc}.docx`): TemplateReport {
  const parts = readTemplateParts(buf, template);
  const report: TemplateReport = { template, document: doc, placeholders: [], unknown: [], missing: [], split: [], malformed: [] };
  const found = new Map<string, FoundPlaceholder>();
  const used = new Set<string>();
  for (const { entry, compiled } of parts) {
    if (!compiled) continue;
    report.malformed.push(...compiled.problems);
    report.split.push(...compiled.split.map((s) => ({ name: s.tag, part: entry.name, paragraph: s.paragraph })));
    for (const use of compiled.uses) {
      const r = resolve(use, DOCUMENT_CATALOGUE[doc].placeholders);
      if (!r.ok) {
        report.unknown.push({ name: use.name, part: use.part, paragraph: use.paragraph, reason: r.reason });
        continue;
      }
      used.add(r.path);
      const key = `${r.path}\u0000${use.usage}\u0000${use.part}`;
      const f = found.get(key);
      if (f) f.count++;
      else found.set(key, { name: r.path, usage: use.usage, part: use.part, count: 1 });
    }
  }
  report.placeholders = [...found.values()];
  report.missing = missingSpecs(DOCUMENT_CATALOGUE[doc].placeholders, '', used);
  return report;
}

function resolve(use: TagUse, root: PlaceholderSpec[]): { ok: true; path: string } | { ok: false; reason: 'name' | 'kind' } {
  const frames: Frame[] = [{ prefix: '', specs: root }];
  const find = (name: string): { path: string; spec: PlaceholderSpec } | undefined => {
    for (let i = frames.length - 1; i >= 0; i--) {
      const spec = frames[i].specs.find((s) => s.name === name);
      if (spec) return { path: frames[i].prefix + name, spec };
    }
    return undefined;
  };
  for (const loop of use.scope) {
    const hit = find(loop);
    if (!hit) frames.push({ prefix: `${loop}.`, specs: [] });
    else if (hit.spec.kind === 'rows') frames.push({ prefix: `${hit.path}.`, specs: hit.spec.fields ?? [] });
    else frames.push({ prefix: `${hit.path}.`, specs: [], item: hit.path });
  }
  if (use.name === '.') {
    const item = frames[frames.length - 1].item;
    return item === undefined ? { ok: false, reason: 'name' } : { ok: true, path: item };
  }
  const hit = find(use.name);
  if (!hit) return { ok: false, reason: 'name' };
  if (use.usage === 'value' && hit.spec.kind === 'rows') return { ok: false, reason: 'kind' };
  return { ok: true, path: hit.path };
}

function missingSpecs(specs: PlaceholderSpec[], prefix: string, used: Set<string>): { name: string; description: string }[] {
  return specs.flatMap((s) => {
    const path = prefix + s.name;
    if (!used.has(path)) return s.required ? [{ name: path, description: s.description }] : [];
    return s.fields ? missingSpecs(s.fields, `${path}.`, used) : [];
  });
}
