import { z } from 'zod';
import { awardIdSchema, awardKindSchema } from './award.js';
import { isoDateSchema } from './date.js';
import { periodSchema } from './period.js';
import { ratingSchema } from './rating.js';

export const decisionSchema = z.object({
  number: z.string().optional(),
  date: isoDateSchema.optional(),
  authority: z.string().optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** A title (danh hiệu) or award (hình thức khen thưởng) held for a period; it belongs to its row's period. */
export const honourSchema = z.object({
  award: awardIdSchema,
  kind: awardKindSchema.default('cong-trang'),
  decision: decisionSchema.optional(),
});
export type Honour = z.infer<typeof honourSchema>;

export const INITIATIVE_LEVELS = ['co-so', 'tinh', 'toan-quoc'] as const;
export const initiativeSchema = z.object({
  type: z.enum(['sang-kien', 'de-tai']).default('sang-kien'),
  count: z.number().int().positive(),
  /** Scope at which it was recognised; absent when the data does not say. */
  level: z.enum(INITIATIVE_LEVELS).optional(),
  /** Whether it was the basis of a CSTĐCS (then spent for Bằng khen, legal-rules §1.4); absent when unknown. */
  basisOfCstdcs: z.boolean().optional(),
  name: z.string().optional(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const DISCIPLINE_LEVELS = ['khien-trach', 'canh-cao', 'ha-bac-luong', 'giang-chuc', 'cach-chuc', 'buoc-thoi-viec'] as const;
export const disciplineLevelSchema = z.enum(DISCIPLINE_LEVELS);
export type DisciplineLevel = z.infer<typeof disciplineLevelSchema>;
export const disciplineSchema = z.object({
  level: disciplineLevelSchema,
  /** When the disciplinary period ends; absent means the end of the row's period. */
  until: isoDateSchema.optional(),
  decision: decisionSchema.optional(),
});
export type Discipline = z.infer<typeof disciplineSchema>;

export function disciplineAtLeast(level: DisciplineLevel, floor: DisciplineLevel): boolean {
  return DISCIPLINE_LEVELS.indexOf(level) >= DISCIPLINE_LEVELS.indexOf(floor);
}

export const leaveSchema = z.object({
  kind: z.enum(['thai-san', 'om-dai-ngay', 'di-hoc']),
  note: z.string().optional(),
});
export type Leave = z.infer<typeof leaveSchema>;

export const revocationSchema = z.object({
  award: awardIdSchema,
  decision: decisionSchema.optional(),
});
export type Revocation = z.infer<typeof revocationSchema>;

/**
 * What is known of one subject in one period. An absent field is unknown (its column was not in the
 * source); an empty list is "none" (the column was there, the cell empty).
 */
export const yearRecordSchema = z.object({
  period: periodSchema,
  unit: z.string().optional(),
  team: z.string().optional(),
  /** Id of the collective the person belongs to in this period (the most specific unit). */
  collective: z.string().optional(),
  rating: ratingSchema.optional(),
  titles: z.array(honourSchema).optional(),
  awards: z.array(honourSchema).optional(),
  initiatives: z.array(initiativeSchema).optional(),
  discipline: z.array(disciplineSchema).optional(),
  leave: z.array(leaveSchema).optional(),
  revoked: z.array(revocationSchema).optional(),
  note: z.string().optional(),
});
export type YearRecord = z.infer<typeof yearRecordSchema>;
