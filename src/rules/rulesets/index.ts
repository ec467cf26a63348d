import type { Ruleset } from '../types.js';
import { vn2017 } from './vn-2017.js';
import { vn2024 } from './vn-2024.js';
import { vn2025 } from './vn-2025.js';

export const RULESETS: Ruleset[] = [vn2017, vn2024, vn2025];

export function rulesetById(id: string): Ruleset | undefined {
  return RULESETS.find((r) => r.id === id);
}

/** The ruleset in force on a proposal date (ISO): the latest that started on or before it. */
export function rulesetForDate(iso: string): Ruleset {
  let chosen = RULESETS[0];
  for (const r of RULESETS) if (r.from <= iso) chosen = r;
  return chosen;
}
