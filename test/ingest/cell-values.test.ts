import { describe, expect, it } from 'vitest';
import { cellText, dateFromSerial, parseDateValue, parseIdValue } from '../../src/ingest/cell-values.js';
import { cleanText, foldKey, tidyName } from '../../src/ingest/text.js';

describe('text', () => {
  it('normalises to NFC and cleans spaces', () => {
    expect(cleanText('Nguye\u0302\u0303n\u00a0\u00a0Va\u0306n  An ')).toBe('Nguyễn Văn An');
    expect(cleanText('\u200bTổ\tToán')).toBe('Tổ Toán');
  });
  it('folds case, diacritics and punctuation', () => {
    expect(foldKey('Họ và tên')).toBe('ho va ten');
    expect(foldKey('HỌ VÀ TÊN:')).toBe('ho va ten');
    expect(foldKey('Đơn vị (cấp trên)')).toBe('don vi cap tren');
    expect(foldKey('Ho\u0323 va\u0300 te\u0302n')).toBe('ho va ten');
  });
  it('title-cases names typed in capitals only', () => {
    expect(tidyName('NGUYỄN VĂN AN')).toBe('Nguyễn Văn An');
    expect(tidyName('Nguyễn văn An')).toBe('Nguyễn văn An');
  });
});

describe('dates', () => {
  it('reads Excel serials without a time-zone shift', () => {
    expect(dateFromSerial(28561)).toBe('1978-03-12');
    expect(dateFromSerial(45901)).toBe('2025-09-01');
    expect(parseDateValue(28561.9999999)).toEqual({ date: '1978-03-13' });
  });
  it('reads Date cells at UTC midnight and with a stray time', () => {
    expect(parseDateValue(new Date('1985-05-12T00:00:00Z'))).toEqual({ date: '1985-05-12' });
    expect(parseDateValue(new Date('1985-05-11T23:59:59.500Z'))).toEqual({ date: '1985-05-12' });
  });
  it.each([
    ['12/03/1978', '1978-03-12'], ['1/2/1990', '1990-02-01'], ['05-09-1985', '1985-09-05'], ['05.09.1985', '1985-09-05'],
    ['1985-09-05', '1985-09-05'], ['ngày 5 tháng 9 năm 1985', '1985-09-05'], ['28561', '1978-03-12'],
  ])('reads text %s', (text, iso) => expect(parseDateValue(text)?.date).toBe(iso));
  it('reads a year alone as a year', () => {
    expect(parseDateValue('1980')).toEqual({ year: 1980 });
    expect(parseDateValue(1980)).toEqual({ year: 1980 });
  });
  it.each(['31/02/1990', '2/30/1990', 'abc', '12/13/2000'])('refuses %s', (text) => expect(parseDateValue(text)).toBeUndefined());
});

describe('ids keep their leading zeros', () => {
  it('as text', () => expect(parseIdValue({ value: '001086001234' })).toEqual({ id: '001086001234' }));
  it("as text with Excel's apostrophe", () => expect(parseIdValue({ value: "'001086001234" })).toEqual({ id: '001086001234' }));
  it('as a number with a zero-padded format', () => expect(parseIdValue({ value: 1086001234, numFmt: '000000000000' })).toEqual({ id: '001086001234' }));
  it('as an 11-digit number: a CCCD that lost its 0', () => expect(parseIdValue({ value: 20185012345 })).toEqual({ id: '020185012345', padded: true }));
  it('as a short staff code', () => expect(parseIdValue({ value: 1234 })).toEqual({ id: '1234' }));
});

describe('cellText', () => {
  it('prints numbers without float noise and dates as dd/mm/yyyy', () => {
    expect(cellText(0.1 + 0.2)).toBe('0.3');
    expect(cellText(new Date('2024-05-20T00:00:00Z'))).toBe('20/05/2024');
    expect(cellText({ error: '#REF!' })).toBe('#REF!');
  });
});
