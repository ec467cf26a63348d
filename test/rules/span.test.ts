import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../src/model/period.js';
import { span } from '../../src/rules/criteria/window.js';

// What span gave when it sorted a copy: the first and last of the periods in a stable sort.
function sortedSpan(periods: string[]): string {
  if (periods.length === 0) return '';
  const sorted = [...periods].sort(comparePeriods);
  return sorted.length === 1 ? sorted[0] : `${sorted[0]} – ${sorted[sorted.length - 1]}`;
}

describe('span of periods', () => {
  it('names the earliest and the latest, in any order, repeats and both kinds of period included', () => {
    expect(span(['2024-2025', '2021-2022', '2023-2024'])).toBe('2021-2022 – 2024-2025');
    expect(span(['2024-2025'])).toBe('2024-2025');
    expect(span(['2024-2025', '2024-2025'])).toBe('2024-2025 – 2024-2025');
    expect(span([])).toBe('');
    // A calendar year and the school year ending in it compare equal: the order they came in decides, as before.
    const period = fc.integer({ min: 2015, max: 2026 }).chain((y) => fc.constantFrom(`${y - 1}-${y}`, `${y}`));
    fc.assert(fc.property(fc.array(period, { maxLength: 12 }), (ps) => span(ps) === sortedSpan(ps)), { numRuns: 2000 });
  });
});
