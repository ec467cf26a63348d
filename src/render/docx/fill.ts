import type { Node } from './compile.js';

// Fills a compiled part. A value is looked up in the innermost loop item first, then outwards to the data, as in
// Mustache: a row of a table sees its own fields and the document's.

export function renderNodes(nodes: readonly Node[], data: unknown): string {
  const out: string[] = [];
  walk(nodes, [data], out);
  return out.join('');
}

function walk(nodes: readonly Node[], scopes: unknown[], out: string[]): void {
  for (const n of nodes) {
    if (typeof n === 'string') out.push(n);
    else if ('v' in n) out.push(escapeValue(lookup(scopes, n.v)));
    else {
      const value = lookup(scopes, n.loop);
      const items = Array.isArray(value) ? value : isEmpty(value) ? [] : [value];
      if (items.length === 0) out.push(n.empty);
      for (const item of items) {
        scopes.push(item);
        walk(n.body, scopes, out);
        scopes.pop();
      }
    }
  }
}

function lookup(scopes: unknown[], name: string): unknown {
  if (name === '.') return scopes.length > 1 ? scopes[scopes.length - 1] : undefined;
  for (let i = scopes.length - 1; i >= 0; i--) {
    const s = scopes[i];
    if (typeof s === 'object' && s !== null && !Array.isArray(s) && Object.hasOwn(s, name)) return (s as Record<string, unknown>)[name];
  }
  return undefined;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === false || v === '';
}

const SPECIAL = /[&<>"'\t\n\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const BREAK = '</w:t><w:br/><w:t xml:space="preserve">';
const TAB = '</w:t><w:tab/><w:t xml:space="preserve">';

/**
 * A value goes inside <w:t xml:space="preserve">: the five XML characters are escaped, a new line becomes a line
 * break (<w:br/>) and a tab a tab stop, in the same paragraph; characters XML cannot hold are dropped. A list of
 * texts in a value's place is joined with line breaks; anything else that is not text or a number is empty.
 */
export function escapeValue(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number') s = Number.isFinite(v) ? String(v) : '';
  else if (Array.isArray(v)) s = v.filter((x) => typeof x === 'string' || typeof x === 'number').join('\n');
  else return '';
  if (!SPECIAL.test(s)) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    switch (c) {
      case '&': out += '&amp;'; break;
      case '<': out += '&lt;'; break;
      case '>': out += '&gt;'; break;
      case '"': out += '&quot;'; break;
      case "'": out += '&apos;'; break;
      case '\t': out += TAB; break;
      case '\r':
        if (s[i + 1] === '\n') i++;
        out += BREAK;
        break;
      case '\n': out += BREAK; break;
      default: {
        const code = c.charCodeAt(0);
        if (code >= 0x20 && code !== 0xfffe && code !== 0xffff) out += c;
      }
    }
  }
  return out;
}
