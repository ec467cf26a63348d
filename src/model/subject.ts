import { z } from 'zod';
import { isoDateSchema } from './date.js';
import { yearRecordSchema } from './record.js';

export const personSchema = z.object({
  kind: z.literal('person'),
  id: z.string().min(1),
  /** How the id was formed: a Mã định danh/CCCD from the data, or name + birth date, or the name alone. */
  idSource: z.enum(['ma-dinh-danh', 'name-birth', 'name']).default('ma-dinh-danh'),
  name: z.string().min(1),
  birthDate: isoDateSchema.optional(),
  /** A birth year alone, when only "Năm sinh" was given. */
  birthYear: z.number().int().optional(),
  gender: z.enum(['nam', 'nu']).optional(),
  position: z.string().optional(),
  /** Ngày vào ngành: the start of service in the education sector. */
  entryDate: isoDateSchema.optional(),
  unit: z.string().optional(),
});
export type Person = z.infer<typeof personSchema>;

export const collectiveSchema = z.object({
  kind: z.literal('collective'),
  id: z.string().min(1),
  name: z.string().min(1),
  /** Id of the parent collective (the school of a tổ chuyên môn). */
  parent: z.string().optional(),
  unit: z.string().optional(),
});
export type Collective = z.infer<typeof collectiveSchema>;

export const subjectSchema = z.discriminatedUnion('kind', [personSchema, collectiveSchema]);
export type Subject = z.infer<typeof subjectSchema>;

/** A subject with its records, one per period, sorted by period. */
export const timelineSchema = z.object({
  subject: subjectSchema,
  records: z.array(yearRecordSchema),
});
export type Timeline = z.infer<typeof timelineSchema>;
