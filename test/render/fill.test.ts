import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENT_CATALOGUE, DOCUMENT_IDS, documentSchemas, GUIDE, type DocumentId } from '../../src/model/documents.js';
import { compileTemplate, type CompiledTemplate } from '../../src/render/docx/index.js';
import { SAMPLE } from './sample-data.js';
import { allText, paragraphInfo, tables, unzipDocx, xmlProblems } from './support/ooxml.js';

// Every shipped template filled with sample data: well-formed, every value in place and escaped, tables with one
// row per data row, nothing left unfilled, and the same bytes for the same data.

const compiled = new Map<DocumentId, CompiledTemplate>(
  DOCUMENT_IDS.map((id) => [id, compileTemplate(readFileSync(`templates/${id}.docx`), id)]),
);
const fill = <D extends DocumentId>(id: D, patch: Record<string, unknown> = {}): Buffer =>
  compiled.get(id)!.fill(documentSchemas[id].parse({ ...SAMPLE[id], ...patch }));
const body = (buf: Buffer): string => unzipDocx(buf).get('word/document.xml')!;
const tableWith = (xml: string, header: string): string[][] => tables(xml).find((t) => t[0]?.includes(header))!;

const EXPECTED: Record<DocumentId, string[]> = {
  'to-trinh': ['Phòng Giáo dục & Đào tạo Hoa Sen', 'Số: 07/TTr-THCSHS', 'Lạng Sơn, ngày 05 tháng 02 năm 2025',
    'Về việc đề nghị tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', 'Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Lạng Sơn',
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
    'Trường THCS Hoa Sen kính trình Chủ tịch Ủy ban nhân dân tỉnh xem xét, tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể và 02 cá nhân',
    'I. Cá nhân', '2. Ông Trần Đức Mạnh, Tổ trưởng Tổ Ngữ văn;', '1. Tổ Khoa học Tự nhiên & Công nghệ.', '- Như trên;', '- Lưu: VT, TĐKT.',
    'KT. Hiệu trưởng', 'Phó Hiệu trưởng', 'Hoàng Thị Ngọc Ánh'],
  'danh-sach': ['ĐỀ NGHỊ TẶNG Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', '(Kèm theo Tờ trình số 07/TTr-THCSHS ngày 05 tháng 02 năm 2025 của Trường THCS Hoa Sen)',
    'I. CÁ NHÂN', 'II. TẬP THỂ', 'Nguyễn Thị Ánh Tuyết', 'Tỷ lệ HS giỏi < 10% → 25%', 'Trường TH Sơn Ca', 'Danh sách này có 03 cá nhân và 01 tập thể./.'],
  'bao-cao-ca-nhan': ['ĐỀ NGHỊ TẶNG Bằng khen', '- Họ tên: Nguyễn Thị Ánh Tuyết', '- Sinh ngày, tháng, năm: 09/02/1985\tGiới tính: Nữ',
    '- Dân tộc: Tày', '- Chức vụ (Đảng, chính quyền, đoàn thể): Giáo viên, Tổ phó Tổ Toán & Tin học', 'Giảng dạy môn Toán các lớp 8A, 8B; chủ nhiệm lớp 8A.',
    GUIDE.thanhTichCaNhan[0], 'Số 45/QĐ-PGDĐT, điểm < 5% sai sót', 'NGƯỜI BÁO CÁO THÀNH TÍCH', 'XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG'],
  'bao-cao-tap-the': ['Tổ Khoa học Tự nhiên & Công nghệ, Trường THCS Hoa Sen', GUIDE.dacDiemTapThe[1], GUIDE.nhiemVuTapThe[0],
    'Tỷ lệ học sinh đạt giỏi tăng từ < 20% lên 35%.', '- Có 03 sáng kiến được công nhận cấp huyện.', 'THỦ TRƯỞNG ĐƠN VỊ', 'Hoàng Thị Ngọc Ánh'],
  'bien-ban': ['Số: …/BB-HĐTĐKT', 'Họp Hội đồng Thi đua - Khen thưởng xét đề nghị khen thưởng năm học 2024-2025',
    'Thời gian: … giờ … phút, ngày … tháng … năm ….', 'Chủ trì: Hoàng Thị Ngọc Ánh, Hiệu trưởng, Chủ tịch Hội đồng.', GUIDE.noiDungHop[1],
    'Chiến sĩ thi đua cơ sở', 'Cuộc họp kết thúc vào lúc … giờ … phút cùng ngày./.', 'THƯ KÝ', 'CHỦ TRÌ'],
  'quyet-dinh': ['Số: …/QĐ-THCSHS', 'Về việc công nhận danh hiệu Lao động tiên tiến năm học 2024-2025', 'Hiệu trưởng Trường THCS Hoa Sen',
    'QUYẾT ĐỊNH:', 'Điều 1. Công nhận danh hiệu "Lao động tiên tiến" năm học 2024-2025', 'Điều 3. Bộ phận Văn phòng',
    'Cá nhân đạt danh hiệu Lao động tiên tiến năm học 2024-2025', '"Tiêu biểu"', 'Danh sách này có 03 cá nhân./.'],
};

describe.each(DOCUMENT_IDS)('filled %s', (id) => {
  const out = fill(id);
  const parts = unzipDocx(out);
  const xml = parts.get('word/document.xml')!;
  const text = allText(xml);

  it('is well-formed XML in every part', () => {
    for (const [name, part] of parts) expect(xmlProblems(part), name).toEqual([]);
  });

  it('shows the data, escaped, and no placeholder is left', () => {
    for (const s of EXPECTED[id]) expect(text, s).toContain(s);
    for (const [name, part] of parts) {
      if (/^word\/(document|header\d+)\.xml$/.test(name)) expect(allText(part), name).not.toMatch(/\{[#/]?[\w.]+\}/);
    }
    if (text.includes('&')) expect(xml).toContain('&amp;');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;|#)/);
  });

  it('gives the same bytes for the same data, other bytes for other data', () => {
    expect(Buffer.compare(fill(id), out)).toBe(0);
    const scalar = DOCUMENT_CATALOGUE[id].placeholders.find((p) => p.kind === 'scalar' && p.required)!.name;
    expect(Buffer.compare(fill(id, { [scalar]: 'Khác' }), out)).not.toBe(0);
  });
});

describe('tables', () => {
  it('danh sách: one row per person and per unit group, a group without a unit name has no row', () => {
    const xml = body(fill('danh-sach'));
    const persons = tableWith(xml, 'Năm sinh');
    expect(persons.map((r) => r[0])).toEqual(['STT', 'A', '1', '2', 'B', '3']);
    expect(persons[2]).toEqual(['1', 'Nguyễn Thị Ánh Tuyết', '1985', 'Nữ', 'Giáo viên, Tổ Toán - Tin', 'Bằng khen', '05 năm HTXSNV, 03 năm CSTĐCS', '']);
    expect(persons[4][1]).toBe('Trường TH Sơn Ca');
    const collectives = tableWith(xml, 'Tên tập thể');
    expect(collectives).toHaveLength(2);
    expect(collectives[1][1]).toBe('Tổ Khoa học Tự nhiên & Công nghệ');
  });

  it('danh sách: an empty section title drops its heading and table', () => {
    const xml = body(fill('danh-sach', { muc_tap_the: '', nhom_tap_the: [] }));
    expect(tableWith(xml, 'Tên tập thể')).toBeUndefined();
    expect(allText(xml)).not.toContain('TẬP THỂ');
    expect(xmlProblems(xml)).toEqual([]);
  });

  it('báo cáo: section III has one row per title and per award; an empty list leaves the header row', () => {
    const xml = body(fill('bao-cao-ca-nhan'));
    expect(tableWith(xml, 'Danh hiệu thi đua').map((r) => r[0])).toEqual(['Năm', '2022-2023', '2023-2024', '2024-2025']);
    expect(tableWith(xml, 'Hình thức khen thưởng')).toHaveLength(2);
    const empty = body(fill('bao-cao-ca-nhan', { khen_thuong: [] }));
    expect(tableWith(empty, 'Hình thức khen thưởng')).toHaveLength(1);
  });

  it('biên bản: members, and votes grouped by form of award', () => {
    const xml = body(fill('bien-ban'));
    expect(tableWith(xml, 'Chức danh trong Hội đồng')).toHaveLength(4);
    const votes = tableWith(xml, 'Số phiếu đồng ý');
    expect(votes.map((r) => r[0])).toEqual(['STT', 'I', '1', '2', 'II', '1']);
    expect(votes[1][1]).toBe('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
  });

  it('quyết định: the attached list on a new page, one row per person', () => {
    const xml = body(fill('quyet-dinh'));
    const list = tableWith(xml, 'Họ và tên');
    expect(list.map((r) => r[1])).toEqual(['Họ và tên', 'Nguyễn Thị Ánh Tuyết', 'Trần Đức Mạnh', 'Lê Văn Hưng']);
    expect(paragraphInfo(xml).find((p) => p.text === 'DANH SÁCH')!.pPr).toContain('<w:pageBreakBefore/>');
  });
});

describe('values', () => {
  it('an optional line with an empty value is left out; with a value it is shown', () => {
    const qd = allText(body(fill('quyet-dinh')));
    expect(qd).not.toContain('KT. Hiệu trưởng');
    expect(qd).toContain('Hiệu trưởng\n');
    expect(allText(body(fill('bao-cao-ca-nhan', { dan_toc: '' })))).not.toContain('Dân tộc');
    expect(allText(body(fill('to-trinh', { co_quan_chu_quan: '' })))).not.toContain('Phòng Giáo dục');
  });

  it('a new line is a line break, a tab a tab; edge spaces are kept; characters XML cannot hold are dropped', () => {
    const xml = body(fill('to-trinh', { kinh_gui: '  Chủ tịch UBND tỉnh;\nGiám đốc Sở Giáo dục và Đào tạo\tA\u0001B ' }));
    expect(xml).toContain('<w:t xml:space="preserve">Kính gửi:   Chủ tịch UBND tỉnh;</w:t><w:br/><w:t xml:space="preserve">Giám đốc Sở Giáo dục và Đào tạo</w:t><w:tab/><w:t xml:space="preserve">AB </w:t>');
    expect(xmlProblems(xml)).toEqual([]);
  });

  it('an empty list inside a table cell leaves an empty paragraph, so the cell stays valid', () => {
    const xml = body(fill('to-trinh', { noi_nhan: [] }));
    expect(xmlProblems(xml)).toEqual([]);
    for (const cell of xml.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) expect(cell).toMatch(/<w:p[ >/]/);
  });

  it.each([['to-trinh', 'Mẫu số 01'], ['bao-cao-ca-nhan', 'Mẫu số 03'], ['bao-cao-tap-the', 'Mẫu số 02']] as const)(
    '%s: the form number goes in the first-page header', (id, form) => {
      const parts = unzipDocx(fill(id));
      const headers = [...parts].filter(([n]) => /^word\/header\d+\.xml$/.test(n)).map(([, x]) => allText(x));
      expect(headers).toContain(form);
    });
});

describe('zip', () => {
  const unzip = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
  it.skipIf(unzip.status !== 0)('passes an independent zip check (Info-ZIP unzip -t)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-zip-'));
    try {
      for (const id of DOCUMENT_IDS) {
        const file = join(dir, `${id}.docx`);
        writeFileSync(file, fill(id));
        const r = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
        expect(r.stdout, id).toContain('No errors detected');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
