import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../src/dossier/file-names.js';

// Names of báo cáo files come from cells a clerk typed: they must stay inside the output folder and be valid on
// Windows, macOS and Linux whatever the cell holds.

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;

function assertSafe(name: string): void {
  expect(name).not.toBe('');
  expect(name).not.toMatch(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/);
  expect(name).not.toMatch(/^[.\s-]|[.\s]$/);
  expect(name).not.toContain('..');
  expect(name.split('.')[0].trimEnd()).not.toMatch(WINDOWS_RESERVED);
  expect([...name].length).toBeLessThanOrEqual(80);
  expect(Buffer.byteLength(name, 'utf8')).toBeLessThanOrEqual(160);
  expect(name).toBe(name.normalize('NFC'));
  expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/); // no lone surrogate
}

describe('safe file names from data', () => {
  it.each([
    ['Nguyễn Thị Hương', 'Nguyễn Thị Hương'],
    ['Tổ Toán - Tin', 'Tổ Toán - Tin'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..\\..\\Windows\\System32', 'Windows-System32'],
    ['CON', 'CON-'],
    ['con.txt', 'con-.txt'],
    ['Nul ', 'Nul-'],
    ['COM1', 'COM1-'],
    ['LPT¹', 'LPT¹-'],
    ['Trần: Văn "Dũng"?', 'Trần- Văn -Dũng'],
    ['Lê\u0000Thị\u0007\u001b[31mMai\r\n', 'LêThị[31mMai'],
    ['Hoàng\u202eexe.docx', 'Hoàngexe.docx'],
    ['   ', 'tep'],
    ['...', 'tep'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
    assertSafe(safeFileName(input));
  });

  it('bounds a 300-character name by characters and by bytes, never cutting inside a letter', () => {
    const long = 'Nguyễn Thị Ánh Tuyết '.repeat(15);
    expect(long.length).toBeGreaterThan(300);
    const name = safeFileName(long);
    assertSafe(name);
    expect(long.startsWith(name)).toBe(true);
    const emoji = safeFileName('😀'.repeat(300));
    assertSafe(emoji);
    expect(emoji).toMatch(/^(😀)+$/u);
    expect(safeFileName('ễ'.repeat(300), 'x', 60)).toBe('ễ'.repeat(53)); // 3 bytes each: 159 bytes
  });

  it('keeps decomposed Vietnamese (NFD, as macOS writes it) as composed letters', () => {
    expect(safeFileName('Nguyễn'.normalize('NFD'))).toBe('Nguyễn');
  });

  it('is safe for any text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (s) => assertSafe(safeFileName(s))), { numRuns: 500 });
  });
});
