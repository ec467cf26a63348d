import { DOCUMENT_CATALOGUE, DOCUMENT_IDS, type PlaceholderSpec } from '../../src/model/documents.js';

// The placeholder reference of docs/templates.md, written from the catalogue so the two cannot drift apart.
export const DOCS_START = '<!-- placeholders:start (written by npm run build:templates; do not edit by hand) -->';
export const DOCS_END = '<!-- placeholders:end -->';

const KIND: Record<PlaceholderSpec['kind'], string> = {
  scalar: 'giá trị',
  paragraphs: 'danh sách dòng chữ',
  rows: 'danh sách bản ghi',
};

function usage(s: PlaceholderSpec): string {
  if (s.kind === 'scalar') return `\`{${s.name}}\``;
  if (s.kind === 'paragraphs') return `\`{#${s.name}}{.}{/${s.name}}\``;
  return `\`{#${s.name}}\` … \`{/${s.name}}\``;
}

function rows(specs: PlaceholderSpec[], prefix: string): string[] {
  return specs.flatMap((s) => [
    `| \`${prefix}${s.name}\` | ${usage(s)} | ${KIND[s.kind]} | ${s.required ? 'có' : 'không'} | ${s.description.replace(/\|/g, '\\|')} |`,
    ...rows(s.fields ?? [], `${prefix}${s.name}.`),
  ]);
}

export function placeholderReference(): string {
  const out = [DOCS_START, ''];
  for (const id of DOCUMENT_IDS) {
    const doc = DOCUMENT_CATALOGUE[id];
    out.push(`### \`${id}.docx\`: ${doc.title}`, '');
    out.push('| Tên đầy đủ | Cách viết trong mẫu | Loại | Bắt buộc trong mẫu | Ý nghĩa, nguồn dữ liệu |', '|---|---|---|---|---|');
    out.push(...rows(doc.placeholders, ''), '');
  }
  out.push(DOCS_END);
  return out.join('\n');
}

/** docs/templates.md with its reference section replaced. */
export function updateDocs(markdown: string): string {
  const start = markdown.indexOf(DOCS_START);
  const end = markdown.indexOf(DOCS_END);
  if (start < 0 || end < start) throw new Error('docs/templates.md: placeholder markers not found');
  return markdown.slice(0, start) + placeholderReference() + markdown.slice(end + DOCS_END.length);
}
