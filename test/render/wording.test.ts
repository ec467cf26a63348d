import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countPhrase, countText } from '../../src/dossier/wording.js';
import { allText, unzipDocx } from './support/ooxml.js';

// The counts a tờ trình, danh sách and quyết định state: two digits below 10, as ND 30 writes numbers, and a kind
// with no nominee left out of the sentence ("cho 01 cá nhân", never "cho 0 tập thể và 1 cá nhân").
describe('counts in the documents’ sentences', () => {
  it.each([
    [0, '00'], [1, '01'], [9, '09'], [10, '10'], [125, '125'],
  ])('%i is written %s', (n, text) => expect(countText(n)).toBe(text));

  it.each([
    [[[0, 'tập thể'], [1, 'cá nhân']], '01 cá nhân'],
    [[[2, 'tập thể'], [0, 'cá nhân']], '02 tập thể'],
    [[[1, 'tập thể'], [12, 'cá nhân']], '01 tập thể và 12 cá nhân'],
    [[[3, 'cá nhân'], [1, 'tập thể']], '03 cá nhân và 01 tập thể'],
    [[[0, 'cá nhân'], [0, 'tập thể']], '00 cá nhân'],
  ] as [[number, string][], string][])('%j → %s', (parts, text) => expect(countPhrase(parts)).toBe(text));
});

describe('the sample dossier states its counts that way', () => {
  const text = (file: string) => allText(unzipDocx(readFileSync(`fixtures/ho-so/hop-le/ho-so/${file}`)).get('word/document.xml')!);

  it.each([
    ['bk-ttg', 'cho 02 cá nhân, cụ thể như sau:', 'Danh sách này có 02 cá nhân./.'],
    ['bk-tinh', 'cho 01 tập thể và 01 cá nhân, cụ thể như sau:', 'Danh sách này có 01 cá nhân và 01 tập thể./.'],
    ['hcld-3', 'cho 01 cá nhân, cụ thể như sau:', 'Danh sách này có 01 cá nhân./.'],
  ])('%s: tờ trình and danh sách', (award, toTrinh, danhSach) => {
    expect(text(`${award}/to-trinh.docx`)).toContain(toTrinh);
    expect(text(`${award}/to-trinh.docx`)).not.toMatch(/\b0+ (tập thể|cá nhân)/);
    expect(text(`${award}/danh-sach.docx`)).toContain(danhSach);
  });
});
