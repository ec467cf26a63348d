import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateDocs } from './templates/docs.js';
import { buildTemplates } from './templates/index.js';

// Writes templates/<document>.docx and the placeholder reference in docs/templates.md (npm run build:templates).
// The output is byte-stable: rebuild and commit whenever scripts/templates or src/model/documents.ts changes;
// test/render checks that the committed files match a fresh build.
const root = process.argv[2] ?? 'templates';
const docs = process.argv[3] ?? join('docs', 'templates.md');

function writeAtomic(file: string, data: Buffer | string): void {
  writeFileSync(`${file}.tmp`, data);
  renameSync(`${file}.tmp`, file);
}

mkdirSync(root, { recursive: true });
for (const [id, buf] of await buildTemplates()) {
  const file = join(root, `${id}.docx`);
  writeAtomic(file, buf);
  process.stdout.write(`${file}  ${buf.length} bytes\n`);
}
writeAtomic(docs, updateDocs(readFileSync(docs, 'utf8')));
process.stdout.write(`${docs}  placeholder reference\n`);
