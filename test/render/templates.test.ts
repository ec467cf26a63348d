import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { updateDocs } from '../../scripts/templates/docs.js';
import { buildTemplates } from '../../scripts/templates/index.js';
import { DOCUMENT_CATALOGUE, DOCUMENT_IDS, type DocumentId } from '../../src/model/documents.js';
import { inspectTemplate } from '../../src/render/docx/index.js';
import { allText, num, paragraphInfo, unzipDocx, xmlProblems } from './support/ooxml.js';

// The shipped templates: built reproducibly, committed, typeset per ND 30/2020, and every placeholder known.

let built: Map<DocumentId, Buffer>;
beforeAll(async () => {
  built = await buildTemplates();
});

const attr = (tag: string, name: string): number => Number(new RegExp(`w:${name}="(\\d+)"`).exec(tag)?.[1]);

// The bare counts gave way to so_luong ("01 tập thể và 02 cá nhân", a kind with none left out); they stay in the data
// for verification and for templates made before, but the shipped templates no longer show them.
const SUPERSEDED = new Set(['to-trinh:so_tap_the', 'to-trinh:so_ca_nhan', 'danh-sach:so_tap_the', 'danh-sach:so_ca_nhan']);

describe('template build', () => {
  it('gives the same bytes twice, and the committed templates are that build (run npm run build:templates)', async () => {
    const again = await buildTemplates();
    for (const id of DOCUMENT_IDS) {
      expect(Buffer.compare(again.get(id)!, built.get(id)!), id).toBe(0);
      expect(Buffer.compare(readFileSync(`templates/${id}.docx`), built.get(id)!), `templates/${id}.docx is stale`).toBe(0);
    }
  });

  it('docs/templates.md lists every placeholder as the catalogue has it (run npm run build:templates)', () => {
    const docs = readFileSync('docs/templates.md', 'utf8');
    expect(updateDocs(docs) === docs, 'docs/templates.md is stale').toBe(true);
  });

  it('stamps fixed core properties and zip times', () => {
    for (const id of DOCUMENT_IDS) {
      const core = unzipDocx(built.get(id)!).get('docProps/core.xml')!;
      expect(core).toContain('>2025-01-01T00:00:00Z</dcterms:created>');
      expect(core).toContain('>2025-01-01T00:00:00Z</dcterms:modified>');
    }
  });
});

describe.each(DOCUMENT_IDS)('template %s', (id) => {
  const parts = (): Map<string, string> => unzipDocx(built.get(id)!);
  const documentXml = (): string => parts().get('word/document.xml')!;

  it('is well-formed XML in every part', () => {
    for (const [name, xml] of parts()) expect(xmlProblems(xml), name).toEqual([]);
  });

  it('holds every placeholder of its document and no other, none split, loops balanced', () => {
    const report = inspectTemplate(built.get(id)!, id);
    expect(report.unknown).toEqual([]);
    expect(report.missing).toEqual([]);
    expect(report.split).toEqual([]);
    expect(report.malformed).toEqual([]);
    const names = new Set(report.placeholders.map((p) => p.name));
    const listed = (specs: typeof DOCUMENT_CATALOGUE[DocumentId]['placeholders'], prefix = ''): string[] =>
      specs.flatMap((s) => [prefix + s.name, ...listed(s.fields ?? [], `${prefix}${s.name}.`)]);
    for (const name of listed(DOCUMENT_CATALOGUE[id].placeholders)) {
      if (!SUPERSEDED.has(`${id}:${name}`)) expect(names.has(name), `${name} unused`).toBe(true);
    }
  });

  it('is A4 with ND 30 margins, and page numbers centred in the header from page 2', () => {
    const xml = documentXml();
    const pgSz = /<w:pgSz [^>]*>/.exec(xml)![0];
    const landscape = id === 'danh-sach';
    expect(attr(pgSz, 'w')).toBe(landscape ? 16838 : 11906);
    expect(attr(pgSz, 'h')).toBe(landscape ? 11906 : 16838);
    if (landscape) expect(pgSz).toContain('w:orient="landscape"');
    const mar = /<w:pgMar [^>]*>/.exec(xml)![0];
    const mm = (twips: number): number => twips / 56.7;
    expect(mm(attr(mar, 'top'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr(mar, 'top'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr(mar, 'bottom'))).toBeGreaterThanOrEqual(19.9);
    expect(mm(attr(mar, 'bottom'))).toBeLessThanOrEqual(25.1);
    expect(mm(attr(mar, 'left'))).toBeGreaterThanOrEqual(29.9);
    expect(mm(attr(mar, 'left'))).toBeLessThanOrEqual(35.1);
    expect(mm(attr(mar, 'right'))).toBeGreaterThanOrEqual(14.9);
    expect(mm(attr(mar, 'right'))).toBeLessThanOrEqual(20.1);
    expect(xml).toContain('<w:titlePg/>');
    const rels = parts().get('word/_rels/document.xml.rels')!;
    const headerOf = (type: string): string => {
      const rid = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"/>`).exec(xml)![1];
      const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
      return parts().get(`word/${target[1] ?? target[2]}`)!;
    };
    const pageHeader = headerOf('default');
    expect(pageHeader).toMatch(/<w:jc w:val="center"\/>/);
    expect(pageHeader).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(headerOf('first')).not.toContain('PAGE');
  });

  it('sets Times New Roman for all text, Vietnamese proofing, 14 pt body', () => {
    const styles = parts().get('word/styles.xml')!;
    const defaults = /<w:rPrDefault>[\s\S]*?<\/w:rPrDefault>/.exec(styles)![0];
    for (const a of ['ascii', 'hAnsi', 'cs', 'eastAsia']) expect(defaults).toContain(`w:${a}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('w:val="vi-VN"');
    for (const [name, xml] of parts()) {
      if (!name.startsWith('word/') || name.includes('theme')) continue;
      for (const m of xml.match(/<w:rFonts [^>]*>/g) ?? []) {
        expect(m, name).not.toMatch(/Theme=/);
        for (const [, font] of m.matchAll(/w:\w+="([^"]*)"/g)) expect(font, name).toBe('Times New Roman');
      }
    }
  });

  it('has the quốc hiệu exactly, its rule drawn as a border, no underscores for rules', () => {
    const xml = documentXml();
    const text = allText(xml);
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n');
    expect(text).not.toMatch(/_{3,}/);
    const after = xml.slice(xml.indexOf('Độc lập - Tự do - Hạnh phúc'));
    expect(/<w:p>[\s\S]*?<\/w:p>/.exec(after.slice(after.indexOf('</w:p>') + 6))![0]).toMatch(/<w:pBdr><w:top w:val="single"/);
    expect(/<w:r><w:rPr><w:b\/><w:bCs\/><w:sz w:val="26"\/><w:szCs w:val="26"\/><\/w:rPr><w:t xml:space="preserve">CỘNG HÒA/.test(xml)).toBe(true);
  });

  it('never puts two tables side by side (Word and LibreOffice would merge them, borders and all)', () => {
    expect(documentXml()).not.toMatch(/<\/w:tbl>\s*<w:tbl>/);
  });

  it('justifies body paragraphs with a 1 cm first-line indent and at least 6 pt after', () => {
    // Table cells are justified too, without indent: only paragraphs of the page body have one.
    const body = paragraphInfo(documentXml()).filter((p) => p.pPr.includes('<w:jc w:val="both"/>') && p.pPr.includes('<w:ind '));
    expect(body.length).toBeGreaterThan(0);
    for (const p of body) {
      expect(num(p.pPr, 'spacing', 'after'), p.text).toBeGreaterThanOrEqual(120);
      expect(num(p.pPr, 'ind', 'firstLine'), p.text).toBeGreaterThanOrEqual(560);
      expect(num(p.pPr, 'ind', 'firstLine'), p.text).toBeLessThanOrEqual(720);
    }
  });

  it('sets quốc hiệu 13 pt bold and the tiêu ngữ 14 pt bold, the date line in italics', () => {
    const paras = paragraphInfo(documentXml());
    const run = (text: string): string => paras.flatMap((p) => p.runs).find((r) => r.text.startsWith(text))!.rPr;
    expect(run('CỘNG HÒA')).toContain('<w:b/>');
    expect(num(run('CỘNG HÒA'), 'sz', 'val')).toBe(26);
    expect(run('Độc lập')).toContain('<w:b/>');
    expect(num(run('Độc lập'), 'sz', 'val')).toBe(28);
    if (id !== 'danh-sach') expect(run('{dia_danh}, {ngay_thang}')).toContain('<w:i/>');
  });
});

describe('administrative documents', () => {
  it.each(['to-trinh', 'bien-ban', 'quyet-dinh'] as const)('%s has the agency block, "Số:", the date line and a signature', (id) => {
    const xml = unzipDocx(built.get(id)!).get('word/document.xml')!;
    const text = allText(xml);
    expect(text).toContain('{ten_co_quan}');
    expect(text).toContain('Số: {so_ky_hieu}');
    expect(text).toContain('{dia_danh}, {ngay_thang}');
    const name = paragraphInfo(xml).flatMap((p) => p.runs).find((r) => r.text === '{ten_co_quan}')!;
    expect(name.rPr).toContain('<w:b/>');
    expect(name.rPr).toContain('<w:caps/>');
    expect(num(name.rPr, 'sz', 'val')).toBe(26);
  });

  it.each(['to-trinh', 'quyet-dinh'] as const)('%s ends with "Nơi nhận:" in 12 pt bold italic and 11 pt entries', (id) => {
    const runs = paragraphInfo(unzipDocx(built.get(id)!).get('word/document.xml')!).flatMap((p) => p.runs);
    const label = runs.find((r) => r.text === 'Nơi nhận:')!.rPr;
    expect(label).toContain('<w:b/>');
    expect(label).toContain('<w:i/>');
    expect(num(label, 'sz', 'val')).toBe(24);
    expect(num(runs.find((r) => r.text.startsWith('- {#noi_nhan}'))!.rPr, 'sz', 'val')).toBe(22);
  });
});
