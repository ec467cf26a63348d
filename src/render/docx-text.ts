import { entryData, readZip } from './docx/index.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const CELL_SEPARATOR = ' ¦ ';

/**
 * The text of a .docx body for reading documents back: a line per paragraph, and a line per table row with its
 * cells joined by " ¦ " (so a check can tell which values share a row).
 */
export function docxText(buf: Buffer): string {
  const doc = readZip(buf).find((e) => e.name === 'word/document.xml');
  if (!doc) return '';
  const xml = entryData(doc).toString('utf8');
  const lines: string[] = [];
  let para = '';
  let cells: string[] | undefined;
  let cell: string[] | undefined;
  let depth = 0;
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<(\/?)w:(tr|tc|p|tab|br)\b[^>]*?(\/?)>/g)) {
    if (m[1] !== undefined) {
      para += m[1].replace(/&(\w+|#x?[0-9a-f]+);/gi, (e, n: string) => (n[0] === '#' ? String.fromCodePoint(Number(n[1] === 'x' || n[1] === 'X' ? `0${n.slice(1)}` : n.slice(1))) : ENTITIES[n] ?? e));
      continue;
    }
    const [, , close, tag, selfClose] = m;
    if (tag === 'tab') para += '\t';
    else if (tag === 'br') para += '\n';
    else if (tag === 'p' && (close || selfClose)) {
      if (cell && depth === 1) cell.push(para);
      else lines.push(para);
      para = '';
    } else if (tag === 'tr' && !close) {
      depth++;
      if (depth === 1) cells = [];
    } else if (tag === 'tr' && close) {
      if (depth === 1 && cells) lines.push(cells.join(CELL_SEPARATOR));
      depth--;
      if (depth === 0) cells = undefined;
    } else if (tag === 'tc' && !close && depth === 1) cell = [];
    else if (tag === 'tc' && close && depth === 1) {
      cells?.push((cell ?? []).join(' '));
      cell = undefined;
    }
  }
  return lines.join('\n');
}
