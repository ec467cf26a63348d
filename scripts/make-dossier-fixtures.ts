import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { entryData, makeEntry, readZip, writeZip } from '../src/render/docx/index.js';
import { fixZipTimes } from './fixtures/stable-zip.js';

// Dossier folders for `tdkt verify`: one sound, and one per way a dossier goes wrong. Each is made by the CLI
// itself (generate --dossier), then broken on purpose. Run with `npm run fixtures:dossiers`.
const root = join(import.meta.dirname, '..', '..');
const base = join(root, 'fixtures', 'ho-so');
const school = join(root, 'fixtures', 'truong-thcs-hoa-sen', 'chuan', 'truong-thcs-hoa-sen.xlsx');

const MANIFEST = `# Hồ sơ mẫu của Trường THCS Hoa Sen (dữ liệu hư cấu)
unit: Trường THCS Hoa Sen
asOf: 2024-2025
data: [data]
output: ho-so
nominations:
  - { award: bk-ttg, subject: Nguyễn Thị Hương }
  - { award: bk-ttg, subject: Hoàng Thu Trang, justification: "Năm học 2021-2022 bà được đánh giá HTXS (QĐ 45/QĐ-THCSHS); bảng tổng hợp bị thiếu, đã bổ sung bản sao" }
  - { award: bk-tinh, subject: Trần Văn Dũng }
  - { award: bk-tinh, subject: Tổ Toán - Tin }
  - { award: hcld-3, subject: Đặng Thị Lan }
attachments:
  - { name: Biên bản kiểm phiếu, file: dinh-kem/bien-ban-kiem-phieu.pdf }
details:
  parentAgency: UBND xã Hoa Sen
  agency: Trường THCS Hoa Sen
  agencyShort: THCSHS
  place: Lạng Sơn
  signer: Đặng Thị Lan
  signerTitle: Hiệu trưởng
  recipient: Chủ tịch UBND tỉnh Lạng Sơn
  date: 15/08/2025
`;

function tdkt(...args: string[]): void {
  const r = spawnSync(process.execPath, [join(root, 'bin', 'tdkt.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`tdkt ${args.join(' ')}: ${r.stderr}`);
}

function dossier(name: string, manifest = MANIFEST): string {
  const dir = join(base, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'data'), { recursive: true });
  cpSync(school, join(dir, 'data', 'truong-thcs-hoa-sen.xlsx'));
  mkdirSync(join(dir, 'dinh-kem'), { recursive: true });
  writeFileSync(join(dir, 'dinh-kem', 'bien-ban-kiem-phieu.pdf'), '%PDF-1.4\n% bản chụp biên bản kiểm phiếu\n');
  mkdirSync(join(dir, 'thanh-tich'), { recursive: true });
  writeFileSync(join(dir, 'thanh-tich', 'Nguyễn Thị Hương.md'), '# Quyền hạn, nhiệm vụ\nTổ trưởng tổ Toán - Tin, giảng dạy Toán lớp 8, 9.\n\n# Thành tích\nTỷ lệ học sinh đạt khá, giỏi môn Toán các lớp phụ trách tăng từ 62% lên 78%.\n\n- 03 học sinh đạt giải cấp tỉnh.\n');
  writeFileSync(join(dir, 'tdkt.yaml'), manifest);
  tdkt('generate', '--dossier', dir, '--force');
  return dir;
}

/** Replaces text inside a document, as a clerk editing in Word would. */
function editDocx(file: string, from: string, to: string): void {
  const entries = readZip(readFileSync(file)).map((e) => (e.name === 'word/document.xml' ? makeEntry(e.name, Buffer.from(entryData(e).toString('utf8').replace(from, to), 'utf8')) : makeEntry(e.name, entryData(e))));
  writeFileSync(file, writeZip(entries));
}

rmSync(base, { recursive: true, force: true });
dossier('hop-le');

// A nominee the data does not support: Lê Thị Mai's only Bằng khen tỉnh was thematic (chuyên đề).
dossier('nguoi-chua-du', MANIFEST.replace('  - { award: hcld-3, subject: Đặng Thị Lan }', '  - { award: hcld-3, subject: Đặng Thị Lan }\n  - { award: bk-ttg, subject: Lê Thị Mai }'));

// A báo cáo thành tích deleted after generation.
const missing = dossier('thieu-van-ban');
rmSync(join(missing, 'ho-so', 'bk-tinh', 'bao-cao-thanh-tich', 'Trần Văn Dũng-020085745092.docx'));

// The data changed after the documents were made: a rating corrected in the workbook.
const stale = dossier('du-lieu-doi');
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(join(stale, 'data', 'truong-thcs-hoa-sen.xlsx'));
wb.getWorksheet('Cá nhân')!.eachRow((row) => {
  if (row.getCell(3).value === 'Nguyễn Thị Hương' && row.getCell(10).value === '2020-2021') row.getCell(12).value = 'Chiến sĩ thi đua cơ sở';
});
// Fixed dates in the workbook and its zip: regenerating the fixtures gives the same bytes.
wb.modified = new Date(Date.UTC(2025, 7, 15));
writeFileSync(join(stale, 'data', 'truong-thcs-hoa-sen.xlsx'), fixZipTimes(Buffer.from(await wb.xlsx.writeBuffer())));

// A clerk edited the danh sách's table by hand (a wrong birth year), and rewrote a báo cáo's narrative (allowed).
const edited = dossier('sua-tay');
editDocx(join(edited, 'ho-so', 'bk-tinh', 'danh-sach.docx'), '>1985<', '>1986<');
editDocx(join(edited, 'ho-so', 'bk-ttg', 'bao-cao-thanh-tich', 'Nguyễn Thị Hương-020178699064.docx'), 'Tỷ lệ học sinh đạt khá, giỏi', 'Tỷ lệ học sinh đạt khá và giỏi');

// A manifest with a misspelt award and a key that does not exist.
const bad = join(base, 'ke-khai-sai');
mkdirSync(join(bad, 'data'), { recursive: true });
cpSync(school, join(bad, 'data', 'truong-thcs-hoa-sen.xlsx'));
writeFileSync(join(bad, 'tdkt.yaml'), 'unit: Trường THCS Hoa Sen\nasOf: 2024-2025\nnominations:\n  - { award: bk-huyen, subject: Trần Văn Dũng }\nnguoiKy: Đặng Thị Lan\n');
process.stdout.write(`dossiers written to ${base}\n`);
