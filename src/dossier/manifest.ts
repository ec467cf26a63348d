import YAML, { isScalar, LineCounter, visit } from 'yaml';
import { z } from 'zod';
import { awardIdSchema } from '../model/award.js';

// The dossier folder's manifest (tdkt.yaml or tdkt.json): what the folder proposes, from which data.
export const detailsSchema = z.object({
  parentAgency: z.string().optional(),
  agency: z.string().optional(),
  agencyShort: z.string().optional(),
  place: z.string().optional(),
  signer: z.string().optional(),
  signerTitle: z.string().optional(),
  recipient: z.string().optional(),
  number: z.string().optional(),
  date: z.string().regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'ngày dạng dd/mm/yyyy').optional(),
  meeting: z.object({ date: z.string().optional(), place: z.string().optional(), chair: z.string().optional(), secretary: z.string().optional(), members: z.array(z.string()).optional() }).strict().optional(),
}).strict();
export type Details = z.infer<typeof detailsSchema>;

export const manifestSchema = z.object({
  unit: z.string().min(1),
  asOf: z.string().regex(/^\d{4}(\s*-\s*\d{4})?$/, 'năm học dạng 2024-2025'),
  ruleset: z.enum(['vn-2017', 'vn-2024', 'vn-2025']).optional(),
  date: z.string().regex(/^\d{1,2}\/\d{1,2}\/\d{4}$/, 'ngày đề nghị dạng dd/mm/yyyy').optional(),
  data: z.array(z.string().min(1)).min(1).default(['data']),
  nominations: z.array(z.object({ award: awardIdSchema, subject: z.string().min(1), justification: z.string().min(1).optional() }).strict()).default([]),
  attachments: z.array(z.object({ award: awardIdSchema.optional(), name: z.string().min(1), file: z.string().min(1) }).strict()).default([]),
  details: detailsSchema.optional(),
  output: z.string().min(1).default('ho-so'),
  confirmations: z.string().optional(),
}).strict();
export type Manifest = z.infer<typeof manifestSchema>;

export type ManifestError = { key: string; line?: number; message: string };

/** Parses a manifest, naming the key and line of every error. */
export function parseManifest(text: string): { manifest?: Manifest; errors: ManifestError[] } {
  const lineCounter = new LineCounter();
  const doc = YAML.parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => ({ key: '', line: e.linePos?.[0]?.line, message: e.message.split('\n')[0] })) };
  }
  // An id written without quotes (subject: 020178699064) is read as YAML wrote it, leading zero kept.
  visit(doc, { Scalar(_, node) {
    if (isScalar(node) && typeof node.value === 'number' && node.source && /^\d{6,}$/.test(node.source)) node.value = node.source;
  } });
  const parsed = manifestSchema.safeParse(withoutNulls(doc.toJS()) ?? {});
  if (parsed.success) return { manifest: parsed.data, errors: [] };
  return {
    errors: parsed.error.issues.map((i) => {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      let node: unknown;
      for (let n = path.length; n >= 0 && !node; n--) node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      return { key: path.join('.') || '(gốc)', line: range ? lineCounter.linePos(range[0]).line : undefined, message: i.message };
    }),
  };
}

/**
 * A key whose lines below are all commented out ("details:" with "#   place: …") reads as null in YAML: it
 * means "not given", as if the key were absent. Inside `parameters` a null is a value ("no cap") and stays.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null) out[k] = k === 'parameters' ? v : withoutNulls(v);
  }
  return out;
}
