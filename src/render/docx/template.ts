import { documentSchemas, type DocumentId, type DocumentInput } from '../../model/documents.js';
import { compilePart, type CompiledPart, type Node, type TagUse, type TemplateProblem } from './compile.js';
import { renderNodes } from './fill.js';
import { assembleZip, entryData, makeEntry, packEntry, readZip, ZipError, type PackedEntry, type ZipEntry } from './zip.js';

// Compile once, fill many (domain/perf-baseline.md §4.3): the template is unzipped and parsed once; each document
// only re-renders and deflates the parts that hold placeholders, and reuses the other parts' compressed bytes.

/** The parts of a document that may hold placeholders. */
export const CONTENT_PART = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;

export class TemplateError extends Error {
  constructor(readonly template: string, readonly problems: TemplateProblem[]) {
    super(`${template}: ${problems.map((p) => `${p.code}${p.name ? ` ${p.name}` : ''} (${p.part})`).join('; ')}`);
  }
}

export type CompiledTemplate = {
  readonly name: string;
  /** Every placeholder as written, in document order. */
  readonly placeholders: readonly TagUse[];
  /** A .docx for the data: the same data gives the same bytes. */
  fill(data: object): Buffer;
};

// A part with placeholders keeps its last rendering: a part whose values are the same in every document (the form
// number in a header) is deflated once per run, not once per document.
type Slot = { packed: PackedEntry } | { name: string; nodes: Node[]; last?: { xml: string; packed: PackedEntry } };

/** Reads a template; throws TemplateError when it is not a .docx or its loops do not nest (see inspectTemplate). */
export function compileTemplate(buf: Buffer, name: string): CompiledTemplate {
  const parts = readTemplateParts(buf, name);
  const problems = parts.flatMap((p) => p.compiled?.problems ?? []);
  if (problems.length > 0) throw new TemplateError(name, problems);
  const slots: Slot[] = parts.map((p) =>
    p.compiled && p.compiled.uses.length > 0 ? { name: p.entry.name, nodes: p.compiled.nodes } : { packed: packEntry(p.entry) });
  const placeholders = parts.flatMap((p) => p.compiled?.uses ?? []);
  return {
    name,
    placeholders,
    fill(data: object): Buffer {
      return assembleZip(slots.map((s) => {
        if ('packed' in s) return s.packed;
        const xml = renderNodes(s.nodes, data);
        if (s.last?.xml !== xml) s.last = { xml, packed: packEntry(makeEntry(s.name, Buffer.from(xml, 'utf8'))) };
        return s.last.packed;
      }));
    },
  };
}

/**
 * Fills a template with a document's data, checked and completed by the document's schema (defaults such as the
 * guided narrative text are applied). Throws a ZodError when the data does not fit the document.
 */
export function fillDocument<D extends DocumentId>(template: CompiledTemplate, doc: D, input: DocumentInput<D>): Buffer {
  return template.fill(documentSchemas[doc].parse(input));
}

export type TemplatePart = { entry: ZipEntry; compiled?: CompiledPart };

export function readTemplateParts(buf: Buffer, name: string): TemplatePart[] {
  let entries: ZipEntry[];
  try {
    entries = readZip(buf);
  } catch (e) {
    if (e instanceof ZipError) throw new TemplateError(name, [{ code: 'not-docx', part: '', name: e.code }]);
    throw e;
  }
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new TemplateError(name, [{ code: 'not-docx', part: 'word/document.xml' }]);
  }
  return entries.map((entry) => {
    if (!CONTENT_PART.test(entry.name)) return { entry };
    let data: Buffer;
    try {
      data = entryData(entry);
    } catch (e) {
      if (e instanceof ZipError) throw new TemplateError(name, [{ code: 'not-docx', part: entry.name, name: e.code }]);
      throw e;
    }
    return { entry, compiled: compilePart(data.toString('utf8'), entry.name) };
  });
}
