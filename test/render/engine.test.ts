import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSchemas } from '../../src/model/documents.js';
import {
  compileTemplate, entryData, escapeValue, inspectTemplate, makeEntry, readZip, TemplateError, writeZip,
} from '../../src/render/docx/index.js';
import { SAMPLE } from './sample-data.js';
import { allText, paragraphInfo, unzipDocx, xmlProblems } from './support/ooxml.js';

// The template engine on templates a clerk may bring: placeholders split by Word, unknown or missing names,
// unbalanced loops, and the loop forms (paragraph, table rows, block, section over a value).

const template = (id: string): Buffer => readFileSync(`templates/${id}.docx`);

/** A copy of a .docx with word/document.xml edited, as Word would save it after a clerk's change. */
function editDocument(buf: Buffer, edit: (xml: string) => string): Buffer {
  return writeZip(readZip(buf).map((e) => {
    if (e.name !== 'word/document.xml') return e;
    const xml = entryData(e).toString('utf8');
    const edited = edit(xml);
    if (edited === xml) throw new Error('the edit changed nothing');
    return makeEntry(e.name, Buffer.from(edited, 'utf8'));
  }));
}

/** A minimal package holding only a body: enough for the engine, which reads word/document.xml. */
function minimalDocx(body: string): Buffer {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return writeZip([
    makeEntry('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')),
    makeEntry('word/document.xml', Buffer.from(xml, 'utf8')),
  ]);
}
const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const row = (...cells: string[]): string => `<w:tr>${cells.map((c) => `<w:tc>${p(c)}</w:tc>`).join('')}</w:tr>`;
const table = (...rows: string[]): string => `<w:tbl>${rows.join('')}</w:tbl>`;
const render = (body: string, data: object): string => {
  const out = compileTemplate(minimalDocx(body), 't.docx').fill(data);
  const xml = unzipDocx(out).get('word/document.xml')!;
  expect(xmlProblems(xml)).toEqual([]);
  return xml;
};

// What Word writes after a spell-check pass or an edit inside the name: three runs with other formatting and
// proofing marks between them.
const SPLIT_KINH_GUI = '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Kính gửi: {kinh_</w:t></w:r>'
  + '<w:proofErr w:type="spellStart"/><w:r><w:rPr><w:i/></w:rPr><w:t>gu</w:t></w:r><w:proofErr w:type="spellEnd"/>'
  + '<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>i} (bản chính)</w:t></w:r>';

describe('placeholders split across runs', () => {
  const split = editDocument(template('to-trinh'), (xml) => xml
    .replace('<w:r><w:t xml:space="preserve">Kính gửi: {kinh_gui}</w:t></w:r>', SPLIT_KINH_GUI)
    .replace('<w:t xml:space="preserve">{#can_cu}{.}{/can_cu}</w:t></w:r>',
      '<w:t xml:space="preserve">{#ca</w:t></w:r><w:r><w:t>n_cu}{.}{/can_</w:t></w:r><w:r><w:t>cu}</w:t></w:r>'));

  it('are reported by template check, with the paragraph text', () => {
    const report = inspectTemplate(split, 'to-trinh');
    expect(report.split).toEqual([
      { name: '{kinh_gui}', part: 'word/document.xml', paragraph: 'Kính gửi: {kinh_gui} (bản chính)' },
      { name: '{#can_cu}', part: 'word/document.xml', paragraph: '{#can_cu}{.}{/can_cu}' },
      { name: '{/can_cu}', part: 'word/document.xml', paragraph: '{#can_cu}{.}{/can_cu}' },
    ]);
    expect(report.unknown).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.malformed).toEqual([]);
  });

  it('are filled whole, in the first run and with its formatting', () => {
    const out = compileTemplate(split, 'to-trinh.docx').fill(documentSchemas['to-trinh'].parse(SAMPLE['to-trinh']));
    const xml = unzipDocx(out).get('word/document.xml')!;
    expect(xmlProblems(xml)).toEqual([]);
    const para = paragraphInfo(xml).find((x) => x.text.startsWith('Kính gửi:'))!;
    expect(para.text).toBe('Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn (bản chính)');
    expect(para.runs[0]).toEqual({ rPr: '<w:rPr><w:b/></w:rPr>', text: 'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn' });
    expect(para.runs.slice(1).map((r) => r.text)).toEqual(['', ' (bản chính)']);
    expect(allText(xml)).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nCăn cứ Nghị định số 98/2023/NĐ-CP');
    expect(allText(xml)).not.toMatch(/[{}]/);
  });
});

describe('template check', () => {
  it('reports unknown names, tables used as a value and missing required placeholders', () => {
    const edited = editDocument(template('bao-cao-ca-nhan'), (xml) => xml
      .replace('{ho_ten}</w:t>', '{ho_tenn}</w:t>')
      .replace('- Trú quán: {tru_quan}', '- Trú quán: {danh_hieu}')
      .replace('{#danh_hieu}{nam}', '{#danh_hieu}{so_qd}'));
    const report = inspectTemplate(edited, 'bao-cao-ca-nhan');
    expect(report.unknown.map((u) => [u.name, u.reason])).toEqual([['ho_tenn', 'name'], ['danh_hieu', 'kind'], ['so_qd', 'name']]);
    expect(report.unknown[0].paragraph).toBe('- Họ tên: {ho_tenn}');
    // ho_ten is still signed at the bottom, so only the others are missing.
    expect(report.missing.map((m) => m.name)).toEqual(['tru_quan', 'danh_hieu.nam']);
    expect(report.malformed).toEqual([]);
    expect(report.placeholders.find((x) => x.name === 'danh_hieu.quyet_dinh')).toMatchObject({ usage: 'value', count: 1 });
  });

  it('reports unbalanced loops, which stop compilation with the same problems', () => {
    const broken = editDocument(template('to-trinh'), (xml) => xml.replace('{/de_nghi}', '').replace('{/noi_nhan}', '{/noi_nhanh}'));
    const report = inspectTemplate(broken, 'to-trinh');
    expect(report.malformed.map((m) => [m.code, m.name])).toEqual([['unclosed-loop', 'de_nghi'], ['unclosed-loop', 'noi_nhan'], ['unopened-loop', 'noi_nhanh']]);
    expect(() => compileTemplate(broken, 'to-trinh.docx')).toThrow(TemplateError);
    try {
      compileTemplate(broken, 'to-trinh.docx');
    } catch (e) {
      expect((e as TemplateError).problems).toEqual(report.malformed);
    }
  });

  it('reports a bad name, an unclosed brace, a block tag sharing its paragraph, a loop leaving its table', () => {
    const edited = editDocument(template('danh-sach'), (xml) => xml
      .replace('{hinh_thuc}</w:t>', '{hình thức}</w:t>')
      .replace('(Kèm theo {kem_theo})', '(Kèm theo {kem_theo)')
      .replace('>{#muc_ca_nhan}<', '>Mục: {#muc_ca_nhan}<')
      .replace('{ghi_chu}{/tap_the}{/nhom_tap_the}', '{ghi_chu}{/tap_the}')
      .replace('{/muc_tap_the}', '{/nhom_tap_the}{/muc_tap_the}'));
    const codes = inspectTemplate(edited, 'danh-sach').malformed.map((m) => m.code);
    expect(codes).toEqual(expect.arrayContaining(['bad-name', 'unclosed-brace', 'loop-not-alone', 'loop-crosses']));
  });

  it('says a file that is not a .docx is not one', () => {
    expect(() => inspectTemplate(Buffer.from('PK not really'), 'to-trinh')).toThrow(TemplateError);
    const noDocument = writeZip([makeEntry('a.txt', Buffer.from('x'))]);
    expect(() => compileTemplate(noDocument, 'x.docx')).toThrow(/not-docx/);
  });
});

describe('loops and values', () => {
  it('repeats a paragraph, rows of a table, and a block of paragraphs and tables', () => {
    const xml = render(
      p('{#ds}- {.}{/ds}')
      + table(row('STT', 'Tên'), row('{#nhom}{so}', '{ten_nhom}'), row('{#dong}{stt}', '{ten} ({ten_nhom}){/dong}{/nhom}'))
      + p('{#muc}') + p('Mục {tieu_de}') + p('{/muc}'),
      {
        ds: ['một', 'hai'],
        nhom: [{ so: 'A', ten_nhom: 'Tổ 1', dong: [{ stt: 1, ten: 'An' }, { stt: 2, ten: 'Bình' }] }, { so: 'B', ten_nhom: 'Tổ 2', dong: [] }],
        muc: [{ tieu_de: 'I' }, { tieu_de: 'II' }],
      });
    expect(allText(xml).split('\n')).toEqual(['- một', '- hai', 'STT', 'Tên', 'A', 'Tổ 1', '1', 'An (Tổ 1)', '2', 'Bình (Tổ 1)', 'B', 'Tổ 2', 'Mục I', 'Mục II']);
  });

  it('shows a section over a value once when it is not empty, and hides it when empty', () => {
    const body = p('{#a}có {a}{/a}') + p('{#b}có {b}{/b}') + p('{#c}x{/c}');
    expect(allText(render(body, { a: 'A', b: '', c: false }))).toBe('có A');
  });

  it('renders unknown values as empty text and numbers as digits; a list of texts as lines', () => {
    const xml = render(p('[{khong_co}] [{so}] [{dong}]'), { so: 0, dong: ['x', 'y'] });
    expect(allText(xml)).toBe('[] [0] [x\ny]');
  });

  it('keeps a table cell valid when a loop empties it', () => {
    const xml = render(table(row('{#ds}{.}{/ds}', '{#ds2}') + row('', '')).replace('{#ds2}', 'x'), { ds: [] });
    expect(xml).toContain('<w:tc><w:p></w:p></w:tc>');
  });

  it('escapes XML in values', () => {
    expect(escapeValue('Tổ Toán & Tin <10%> "A" \'B\'')).toBe('Tổ Toán &amp; Tin &lt;10%&gt; &quot;A&quot; &apos;B&apos;');
    expect(escapeValue('a\r\nb')).toBe('a</w:t><w:br/><w:t xml:space="preserve">b');
    expect(escapeValue({ x: 1 })).toBe('');
  });
});
