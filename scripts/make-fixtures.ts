import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { writeCanonical } from './fixtures/canonical.js';
import { writeMessy } from './fixtures/messy.js';
import { writePerYear } from './fixtures/per-year.js';
import { makeSchool, PERIODS } from './fixtures/school.js';
import { writeWide } from './fixtures/wide.js';

// Writes fixtures/: one fictional school in the three layouts, messy variants and unreadable files.
// Run with `npm run fixtures`; the output is committed and used by the demo and the tests.
const root = join(process.argv[2] ?? 'fixtures');
const school = makeSchool();

async function saveFile(wb: ExcelJS.Workbook, file: string): Promise<void> {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
}

const base = 'truong-thcs-hoa-sen';
for (const dir of ['chuan', 'theo-nam', 'ngang']) rmSync(join(root, base, dir), { recursive: true, force: true });
await saveFile(writeCanonical(school), join(root, base, 'chuan', 'truong-thcs-hoa-sen.xlsx'));
for (const p of PERIODS) await saveFile(writePerYear(school, p, { numericIds: p === '2020-2021' }), join(root, base, 'theo-nam', `DS thi dua NH ${p}.xlsx`));
await saveFile(writeWide(school), join(root, base, 'ngang', 'tong-hop-7-nam.xlsx'));
await writeMessy(school, join(root, 'messy'), join(root, 'bad'), saveFile);
process.stdout.write(`fixtures written to ${root}\n`);
