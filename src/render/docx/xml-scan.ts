// Finds the WordprocessingML structure the template engine needs, by position in the part's XML: paragraphs with
// their text nodes (<w:t>), table rows and cells. Regular expressions suffice because Word writes these elements
// without namespaced variants and never puts '>' unescaped in their attributes.

export type TextNode = { tagStart: number; start: number; end: number };
export type Para = { start: number; openEnd: number; end: number; cell: number; row: number; texts: TextNode[] };
export type Row = { start: number; end: number; table: number };
export type Cell = { start: number; end: number; row: number };
export type Scan = { paras: Para[]; rows: Row[]; cells: Cell[] };

const ELEMENT = /<(\/?)w:(p|tr|tc|tbl|t)(?=[\s/>])[^>]*>/g;
const T_CLOSE = '</w:t>';

export function scanXml(xml: string): Scan {
  const paras: Para[] = [];
  const rows: Row[] = [];
  const cells: Cell[] = [];
  const paraStack: Para[] = [];
  const rowStack: number[] = [];
  const cellStack: number[] = [];
  const tableStack: number[] = [];
  let tables = 0;
  const top = (s: number[]): number => (s.length > 0 ? s[s.length - 1] : -1);
  ELEMENT.lastIndex = 0;
  for (let m = ELEMENT.exec(xml); m; m = ELEMENT.exec(xml)) {
    const closing = m[1] === '/';
    const selfClosing = m[0].endsWith('/>');
    const after = m.index + m[0].length;
    switch (m[2]) {
      case 'p':
        if (closing) {
          const p = paraStack.pop();
          if (p) p.end = after;
        } else {
          const p: Para = { start: m.index, openEnd: after, end: after, cell: top(cellStack), row: top(rowStack), texts: [] };
          paras.push(p);
          if (!selfClosing) paraStack.push(p);
        }
        break;
      case 'tr':
        if (closing) setEnd(rows, rowStack.pop(), after);
        else if (!selfClosing) rowStack.push(rows.push({ start: m.index, end: after, table: top(tableStack) }) - 1);
        break;
      case 'tc':
        if (closing) setEnd(cells, cellStack.pop(), after);
        else if (!selfClosing) cellStack.push(cells.push({ start: m.index, end: after, row: top(rowStack) }) - 1);
        break;
      case 'tbl':
        if (closing) tableStack.pop();
        else if (!selfClosing) tableStack.push(tables++);
        break;
      case 't': {
        if (closing || selfClosing) break;
        const end = xml.indexOf(T_CLOSE, after);
        if (end < 0) break;
        paraStack[paraStack.length - 1]?.texts.push({ tagStart: m.index, start: after, end });
        ELEMENT.lastIndex = end + T_CLOSE.length;
        break;
      }
    }
  }
  return { paras, rows, cells };
}

function setEnd(list: { end: number }[], index: number | undefined, end: number): void {
  if (index !== undefined) list[index].end = end;
}

/** The raw (still escaped) text of a paragraph: its text nodes joined. */
export function rawText(xml: string, p: Para): string {
  let s = '';
  for (const t of p.texts) s += xml.slice(t.start, t.end);
  return s;
}

export function decodeXml(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e: string) => {
    switch (e) {
      case 'lt': return '<';
      case 'gt': return '>';
      case 'amp': return '&';
      case 'quot': return '"';
      case 'apos': return "'";
      default: return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export type SplitTag = { tag: string; paragraph: string };

const BRACED = /\{[^{}]*\}/g;
const PRESERVE_T = '<w:t xml:space="preserve">';

/**
 * Word splits typed text into several runs (spell-check marks, an edit on part of a word, a change of language).
 * A placeholder split that way is moved whole into the run where it starts, which keeps that run's formatting;
 * the other runs lose its characters. Every <w:t> holding a placeholder also gets xml:space="preserve", so that
 * spaces at the ends of a value survive.
 */
export function mergeSplitTags(xml: string, scan: Scan): { xml: string; split: SplitTag[] } {
  const edits: { from: number; to: number; text: string }[] = [];
  const split: SplitTag[] = [];
  for (const p of scan.paras) {
    if (p.texts.length === 0) continue;
    const raws = p.texts.map((t) => xml.slice(t.start, t.end));
    const joined = raws.join('');
    if (!joined.includes('{')) continue;
    const owner = new Int32Array(joined.length);
    for (let k = 0, i = 0; k < raws.length; k++) for (let j = 0; j < raws[k].length; j++) owner[i++] = k;
    const holdsTag = new Uint8Array(raws.length);
    BRACED.lastIndex = 0;
    for (let m = BRACED.exec(joined); m; m = BRACED.exec(joined)) {
      const first = owner[m.index];
      const end = m.index + m[0].length;
      if (owner[end - 1] !== first) {
        split.push({ tag: decodeXml(m[0]), paragraph: decodeXml(joined) });
        for (let i = m.index; i < end; i++) owner[i] = first;
      }
      holdsTag[first] = 1;
    }
    const texts = raws.map(() => '');
    for (let i = 0; i < joined.length; i++) texts[owner[i]] += joined[i];
    p.texts.forEach((t, k) => {
      const open = xml.slice(t.tagStart, t.start);
      const newOpen = holdsTag[k] && open !== PRESERVE_T ? PRESERVE_T : open;
      if (texts[k] !== raws[k] || newOpen !== open) edits.push({ from: t.tagStart, to: t.end, text: newOpen + texts[k] });
    });
  }
  if (edits.length === 0) return { xml, split };
  edits.sort((a, b) => a.from - b.from);
  let out = '';
  let cursor = 0;
  for (const e of edits) {
    out += xml.slice(cursor, e.from) + e.text;
    cursor = e.to;
  }
  return { xml: out + xml.slice(cursor), split };
}
