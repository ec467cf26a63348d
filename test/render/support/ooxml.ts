import { entryData, readZip } from '../../../src/render/docx/zip.js';

// Test helpers: unzip a .docx, check its XML strictly, and read its paragraphs and tables as text.

export function unzipDocx(buf: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of readZip(buf)) if (/\.(xml|rels)$/.test(e.name)) out.set(e.name, entryData(e).toString('utf8'));
  return out;
}

const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;
const ENTITY = /^&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/;
const BAD_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Strict well-formedness with namespaces: one root, balanced and properly nested tags, unique attributes, quoted
 * values, only the predefined or numeric entities, no bare "<" or "&", every prefix declared. Returns the problems.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: { name: string; prefixes: Set<string> }[] = [];
  let roots = 0;
  let i = xml.startsWith('\ufeff') ? 1 : 0;
  if (BAD_CHAR.test(xml)) problems.push('character not allowed in XML');
  const text = (s: string, at: number): void => {
    for (let k = s.indexOf('&'); k >= 0; k = s.indexOf('&', k + 1)) {
      if (!ENTITY.test(s.slice(k, k + 12))) problems.push(`bare & at ${at + k}`);
    }
    if (s.includes(']]>')) problems.push(`"]]>" in text at ${at}`);
    if (stack.length === 0 && s.trim() !== '') problems.push(`text outside the root at ${at}`);
  };
  const declared = (prefix: string): boolean => prefix === 'xml' || prefix === 'xmlns' || stack.some((e) => e.prefixes.has(prefix));
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) {
      text(xml.slice(i), i);
      break;
    }
    text(xml.slice(i, lt), i);
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt);
      if (end < 0) return [...problems, 'unterminated processing instruction'];
      if (lt !== 0 && xml.startsWith('<?xml ', lt)) problems.push('XML declaration not at the start');
      i = end + 2;
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt);
      if (end < 0) return [...problems, 'unterminated comment'];
      i = end + 3;
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt);
      if (end < 0 || stack.length === 0) return [...problems, 'bad CDATA'];
      i = end + 3;
    } else if (xml.startsWith('<!', lt)) {
      return [...problems, 'DOCTYPE or declaration not allowed'];
    } else {
      const gt = findTagEnd(xml, lt);
      if (gt < 0) return [...problems, `unterminated tag at ${lt}`];
      const raw = xml.slice(lt + 1, gt);
      i = gt + 1;
      if (raw.startsWith('/')) {
        const name = raw.slice(1).trim();
        const open = stack.pop();
        if (!open || open.name !== name) problems.push(`</${name}> closes <${open?.name ?? 'nothing'}> at ${lt}`);
        continue;
      }
      const selfClosing = raw.endsWith('/');
      const body = selfClosing ? raw.slice(0, -1) : raw;
      const m = /^([^\s/>]+)/.exec(body);
      if (!m || !NAME.test(m[1])) {
        problems.push(`bad element name at ${lt}`);
        continue;
      }
      const attrs = parseAttributes(body.slice(m[1].length), lt, problems);
      const prefixes = new Set<string>();
      for (const [name] of attrs) if (name.startsWith('xmlns:')) prefixes.add(name.slice(6));
      if (stack.length === 0) roots++;
      stack.push({ name: m[1], prefixes });
      for (const name of [m[1], ...attrs.map(([n]) => n)]) {
        const colon = name.indexOf(':');
        if (colon > 0 && !name.startsWith('xmlns:') && !declared(name.slice(0, colon))) problems.push(`undeclared prefix in ${name}`);
      }
      if (selfClosing) stack.pop();
    }
  }
  if (stack.length > 0) problems.push(`unclosed <${stack[stack.length - 1].name}>`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}

function findTagEnd(xml: string, from: number): number {
  let quote = '';
  for (let k = from + 1; k < xml.length; k++) {
    const c = xml[k];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '<') return -1;
    else if (c === '>') return k;
  }
  return -1;
}

function parseAttributes(s: string, at: number, problems: string[]): [string, string][] {
  const out: [string, string][] = [];
  const re = /\s+([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
  let k = 0;
  while (k < s.length) {
    if (/^\s*$/.test(s.slice(k))) break;
    re.lastIndex = k;
    const m = re.exec(s);
    if (!m) {
      problems.push(`bad attribute syntax at ${at}`);
      break;
    }
    const value = m[3] ?? m[4];
    if (!NAME.test(m[1])) problems.push(`bad attribute name ${m[1]}`);
    if (out.some(([n]) => n === m[1])) problems.push(`duplicate attribute ${m[1]} at ${at}`);
    if (value.includes('<')) problems.push(`"<" in attribute ${m[1]}`);
    for (let j = value.indexOf('&'); j >= 0; j = value.indexOf('&', j + 1)) {
      if (!ENTITY.test(value.slice(j, j + 12))) problems.push(`bare & in attribute ${m[1]}`);
    }
    out.push([m[1], value]);
    k = re.lastIndex;
  }
  return out;
}

export function decode(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');
}

/** The text of each paragraph (<w:br/> as a new line, <w:tab/> as a tab), nested text boxes aside. */
export function paragraphs(xml: string): string[] {
  const out: string[] = [];
  const re = /<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g;
  for (const m of xml.match(re) ?? []) out.push(runText(m));
  return out;
}

function runText(xml: string): string {
  let s = '';
  const re = /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:tab\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) s += m[0] === '<w:br/>' ? '\n' : m[0] === '<w:tab/>' ? '\t' : decode(m[1]);
  return s;
}

/** The document's tables in order (nested tables are not used by the templates): rows of cell texts. */
export function tables(xml: string): string[][][] {
  return (xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).map((t) =>
    (t.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []).map((r) => (r.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []).map((c) => paragraphs(c).join('\n'))));
}

export function allText(xml: string): string {
  return paragraphs(xml).join('\n');
}

export type ParagraphInfo = { text: string; pPr: string; runs: { rPr: string; text: string }[] };

/** Each paragraph with its properties and its runs' properties, for checks on formatting. */
export function paragraphInfo(xml: string): ParagraphInfo[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []).map((p) => ({
    text: runText(p),
    pPr: /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(p)?.[0] ?? '',
    runs: (p.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).map((r) => ({ rPr: /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(r)?.[0] ?? '', text: runText(r) })),
  }));
}

/** The number in attribute `w:name` of the first element `tag` in `xml`, or NaN. */
export function num(xml: string, tag: string, name: string): number {
  const el = new RegExp(`<w:${tag}\\s[^>]*>`).exec(xml)?.[0] ?? '';
  return Number(new RegExp(`w:${name}="(-?\\d+)"`).exec(el)?.[1]);
}
