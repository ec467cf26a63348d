import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { PlannedDocument } from './plan.js';

// The lock file tdkt writes beside a dossier's documents: for each document, the hashes of what it was made from
// and of itself. `tdkt verify` uses it as a fast path: unchanged inputs and an unchanged file need no reading back.
export const LOCK_FILE = 'tdkt.lock.json';

export const lockSchema = z.object({
  schema: z.literal('tdkt.lock/v1'),
  tdkt: z.string(),
  asOf: z.string(),
  ruleset: z.string(),
  manifest: z.string(),
  inputs: z.array(z.object({ file: z.string(), sha256: z.string() })),
  templates: z.record(z.string(), z.string()),
  documents: z.array(z.object({ path: z.string(), template: z.string(), award: z.string().optional(), subjects: z.array(z.string()), data: z.string(), sha256: z.string() })),
});
export type Lock = z.infer<typeof lockSchema>;

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A stable hash of a document's data (keys in insertion order, which the builders fix). */
export function dataHash(doc: PlannedDocument): string {
  return sha256(JSON.stringify(doc.data));
}

/** The lock of a dossier; each document comes with the hash of the bytes written. */
export function makeLock(head: Omit<Lock, 'schema' | 'documents'>, docs: { plan: PlannedDocument; sha256: string }[]): Lock {
  return {
    schema: 'tdkt.lock/v1', ...head,
    documents: docs.map(({ plan, sha256: hash }) => ({
      path: plan.path, template: plan.template, ...(plan.award ? { award: plan.award } : {}), subjects: plan.subjects, data: dataHash(plan), sha256: hash,
    })),
  };
}
