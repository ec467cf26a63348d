import { z } from 'zod';

// Mức độ hoàn thành nhiệm vụ, from best to worst.
export const RATINGS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export const ratingSchema = z.enum(RATINGS);
export type Rating = z.infer<typeof ratingSchema>;

export const RATING_NAMES: Record<Rating, string> = {
  HTXS: 'Hoàn thành xuất sắc nhiệm vụ',
  HTT: 'Hoàn thành tốt nhiệm vụ',
  HT: 'Hoàn thành nhiệm vụ',
  KHT: 'Không hoàn thành nhiệm vụ',
};

/** True when `r` is `floor` or better. */
export function ratingAtLeast(r: Rating, floor: Rating): boolean {
  return RATINGS.indexOf(r) <= RATINGS.indexOf(floor);
}
