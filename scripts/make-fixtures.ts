import { join } from 'node:path';
import { writeCanonical } from './fixtures/canonical.js';
import { writeBadConfirmations, writeConfirmations } from './fixtures/confirmations.js';
import { writeMessy } from './fixtures/messy.js';
import { writePerYear } from './fixtures/per-year.js';
import { makeSchool, PERIODS } from './fixtures/school.js';
import { writeWide } from './fixtures/wide.js';
import { FixtureWriter } from './fixtures/writer.js';

// Writes fixtures/: one fictional school in the three layouts, messy variants and unreadable files.
// Run with `npm run fixtures`; the output is committed and used by the demo and the tests.
const root = join(process.argv[2] ?? 'fixtures');
const school = makeSchool();
const out = new FixtureWriter();

const base = join(root, 'truong-thcs-hoa-sen');
await out.save(writeCanonical(school), join(base, 'chuan', 'truong-thcs-hoa-sen.xlsx'));
for (const p of PERIODS) await out.save(writePerYear(school, p, { numericIds: p === '2020-2021' }), join(base, 'theo-nam', `DS thi dua NH ${p}.xlsx`));
await out.save(writeWide(school), join(base, 'ngang', 'tong-hop-7-nam.xlsx'));
await out.save(writeConfirmations(school), join(base, 'xac-nhan', 'xac-nhan-2024-2025.xlsx'));
await writeMessy(school, join(root, 'messy'), join(root, 'bad'), out);
await out.save(writeBadConfirmations(), join(root, 'messy', 'xac-nhan-sai.xlsx'));
out.prune(['chuan', 'theo-nam', 'ngang', 'xac-nhan'].map((d) => join(base, d)).concat([join(root, 'messy'), join(root, 'bad')]));
process.stdout.write(`fixtures written to ${root}\n`);
