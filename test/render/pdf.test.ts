import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_IDS, documentSchemas } from '../../src/model/documents.js';
import { compileTemplate, inspectTemplate } from '../../src/render/docx/index.js';
import { SAMPLE } from './sample-data.js';
import { allText, unzipDocx, xmlProblems } from './support/ooxml.js';

// Renders the filled documents with LibreOffice and reads the PDF text back: the check that a real word processor
// opens them. It needs `soffice` and `pdftotext` (poppler-utils) on PATH and is skipped, saying so, without them.

const has = (cmd: string, arg: string): boolean => spawnSync(cmd, [arg], { stdio: 'ignore' }).status === 0;
const available = has('soffice', '--version') && has('pdftotext', '-v');
const skipped = ' — SKIPPED: soffice and pdftotext are not both on PATH';
const name = `LibreOffice renders every filled document, with its data and page numbers${available ? '' : skipped}`;
const roundTrip = `a template saved again by LibreOffice still checks clean and fills${available ? '' : skipped}`;
if (!available) process.stderr.write(`test/render/pdf.test.ts: LibreOffice tests${skipped}\n`);

// What pdftotext shows: Word's "all caps" is applied and lines wrap, so compare without spaces or case.
const squash = (s: string): string => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, '');

describe('PDF', () => {
  it.skipIf(!available)(name, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-pdf-'));
    try {
      for (const id of DOCUMENT_IDS) {
        const data = documentSchemas[id].parse(SAMPLE[id]);
        writeFileSync(join(dir, `${id}.docx`), compileTemplate(readFileSync(`templates/${id}.docx`), id).fill(data));
      }
      const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, ...DOCUMENT_IDS.map((id) => join(dir, `${id}.docx`))],
        { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      const expected: Record<(typeof DOCUMENT_IDS)[number], string[]> = {
        'to-trinh': ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'TRƯỜNG THCS HOA SEN', 'Số: 07/TTr-THCSHS',
          'Lạng Sơn, ngày 05 tháng 02 năm 2025', 'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn', 'Tổ Khoa học Tự nhiên & Công nghệ'],
        'danh-sach': ['ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH', 'Nguyễn Thị Ánh Tuyết', 'Tỷ lệ HS giỏi < 10%', 'Trường TH Sơn Ca'],
        'bao-cao-ca-nhan': ['BÁO CÁO THÀNH TÍCH', '- Họ tên: Nguyễn Thị Ánh Tuyết', 'Tổ phó Tổ Toán & Tin', '2023-2024'],
        'bao-cao-tap-the': ['Tổ Khoa học Tự nhiên & Công nghệ, Trường THCS Hoa Sen', 'Tỷ lệ học sinh đạt giỏi tăng từ < 20% lên 35%.'],
        'bien-ban': ['BIÊN BẢN', 'Chiến sĩ thi đua cơ sở'],
        'quyet-dinh': ['QUYẾT ĐỊNH', 'Lê Văn Hưng', 'Danh sách này có 03 cá nhân./.'],
      };
      for (const id of DOCUMENT_IDS) {
        const page = (n: number): string =>
          spawnSync('pdftotext', ['-f', String(n), '-l', String(n), join(dir, `${id}.pdf`), '-'], { encoding: 'utf8' }).stdout;
        const t = spawnSync('pdftotext', [join(dir, `${id}.pdf`), '-'], { encoding: 'utf8' });
        expect(t.status, id).toBe(0);
        for (const s of expected[id]) expect(squash(t.stdout), `${id}: ${s}`).toContain(squash(s));
        expect(t.stdout, id).not.toMatch(/\{[#/]?[\w.]+\}/);
        // No number on page 1; from page 2 the number comes first, in the header.
        expect(page(1).trimStart(), id).not.toMatch(/^1\s/);
        if (page(2).trim() !== '') expect(page(2).trimStart(), id).toMatch(/^2\s/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!available)(roundTrip, () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-lo-'));
    try {
      for (const id of DOCUMENT_IDS) writeFileSync(join(dir, `${id}.docx`), readFileSync(`templates/${id}.docx`));
      const out = join(dir, 'out');
      const r = spawnSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', out, ...DOCUMENT_IDS.map((id) => join(dir, `${id}.docx`))],
        { encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      for (const id of DOCUMENT_IDS) {
        const resaved = readFileSync(join(out, `${id}.docx`));
        const report = inspectTemplate(resaved, id);
        expect([report.unknown, report.missing, report.malformed], id).toEqual([[], [], []]);
        const xml = unzipDocx(compileTemplate(resaved, id).fill(documentSchemas[id].parse(SAMPLE[id]))).get('word/document.xml')!;
        expect(xmlProblems(xml), id).toEqual([]);
        expect(allText(xml), id).not.toMatch(/\{[#/]?[\w.]+\}/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
