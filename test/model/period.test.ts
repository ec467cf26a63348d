import { describe, expect, it } from 'vitest';
import { defaultProposalDate, parsePeriod, periodOfDate, periodRange, shiftPeriod } from '../../src/model/period.js';
import { formatDateLine } from '../../src/model/date.js';

describe('parsePeriod', () => {
  it.each([
    ['2023-2024', '2023-2024'], ['2023 - 2024', '2023-2024'], ['2023–24', '2023-2024'], ['2023/2024', '2023-2024'],
    ['NH 2023-2024', '2023-2024'], ['Năm học 2023-2024', '2023-2024'], ['NĂM HỌC 2023 – 2024', '2023-2024'],
    ['DANH SÁCH … NĂM HỌC 2019-2020', '2019-2020'], ['2025', '2024-2025'], ['Năm 2024', '2023-2024'], ['1999-00', '1999-2000'],
  ])('reads %s as %s', (text, expected) => expect(parsePeriod(text)).toBe(expected));

  it.each(['', 'abc', '2023-2025', '2023-2023', '123', '3000'])('refuses %s', (text) => expect(parsePeriod(text)).toBeUndefined());

  it('reads calendar years when configured', () => {
    expect(parsePeriod('2024', 'calendar')).toBe('2024');
    expect(parsePeriod('2023-2024', 'calendar')).toBe('2024');
  });
});

describe('period arithmetic', () => {
  it('shifts and ranges school years', () => {
    expect(shiftPeriod('2023-2024', -2)).toBe('2021-2022');
    expect(periodRange('2021-2022', '2023-2024')).toEqual(['2021-2022', '2022-2023', '2023-2024']);
    expect(shiftPeriod('2024', 1)).toBe('2025');
  });
  it('places dates in the school year that runs from September to August', () => {
    expect(periodOfDate('2024-08-31', 'school-year')).toBe('2023-2024');
    expect(periodOfDate('2024-09-01', 'school-year')).toBe('2024-2025');
    expect(periodOfDate('2024-09-01', 'calendar')).toBe('2024');
  });
  it('proposes at the end of the school year by default', () => {
    expect(defaultProposalDate('2024-2025')).toBe('2025-08-31');
    expect(defaultProposalDate('2024')).toBe('2024-12-31');
  });
});

describe('formatDateLine (ND 30/2020)', () => {
  it('pads days below 10 and months 1 and 2 only', () => {
    expect(formatDateLine('2025-02-05')).toBe('ngày 05 tháng 02 năm 2025');
    expect(formatDateLine('2025-08-15')).toBe('ngày 15 tháng 8 năm 2025');
    expect(formatDateLine('2025-01-20')).toBe('ngày 20 tháng 01 năm 2025');
    expect(formatDateLine('2025-12-09')).toBe('ngày 09 tháng 12 năm 2025');
  });
});
