import { ReadError } from './read-error.js';

/**
 * A pull scanner over one XML part held as a string: tag by tag, with the text between tags on demand. Enough
 * XML for the parts of a workbook (SpreadsheetML is elements, attributes and text): element names are taken
 * without their prefix (`x:c` is `c`), entities and CDATA are decoded, comments and processing instructions
 * skipped. A DTD is refused (OOXML never declares one: entity expansion is all it could be for), and a part
 * whose tags do not nest or that ends before its root closes is a damaged file, never data read up to the cut.
 */
export class XmlScanner {
  /** The current tag's name, without prefix. */
  name = '';
  /** `</name>` */
  closing = false;
  /** `<name/>` */
  empty = false;
  private pos = 0;
  private attrStart = 0;
  private attrEnd = 0;
  private readonly open: string[] = [];
  private rootClosed = false;

  constructor(private readonly xml: string, readonly part: string, private readonly file: string) {}

  /** Moves to the next tag; false once the part is read to its end (checked whole). */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) {
        if (!this.rootClosed || xml.slice(this.pos).trim() !== '') throw this.damaged();
        this.pos = xml.length;
        return false;
      }
      const c1 = xml.charCodeAt(lt + 1);
      if (c1 === 0x21 /* ! */ || c1 === 0x3f /* ? */) {
        this.pos = this.skipSpecial(lt);
        continue;
      }
      if (this.rootClosed) throw this.damaged();
      const closing = c1 === 0x2f; /* / */
      let i = closing ? lt + 2 : lt + 1;
      const nameStart = i;
      let local = i;
      for (let ch = xml.charCodeAt(i); i < xml.length && ch !== 0x3e && ch !== 0x2f && ch > 0x20; ch = xml.charCodeAt(++i)) {
        if (ch === 0x3a /* : */) local = i + 1;
      }
      if (i === nameStart) throw this.damaged();
      const qname = xml.slice(nameStart, i);
      this.name = local === nameStart ? qname : xml.slice(local, i);
      this.attrStart = i;
      // The tag ends at the first ">" outside quotes (an attribute value may hold ">").
      let quote = 0;
      for (; i < xml.length; i++) {
        const ch = xml.charCodeAt(i);
        if (quote !== 0) {
          if (ch === quote) quote = 0;
        } else if (ch === 0x22 || ch === 0x27) quote = ch;
        else if (ch === 0x3e) break;
      }
      if (i >= xml.length) throw this.damaged();
      this.empty = !closing && xml.charCodeAt(i - 1) === 0x2f;
      this.attrEnd = this.empty ? i - 1 : i;
      this.closing = closing;
      this.pos = i + 1;
      if (closing) {
        if (this.open.pop() !== qname) throw this.damaged();
      } else if (!this.empty) this.open.push(qname);
      if (this.open.length === 0) this.rootClosed = true;
      return true;
    }
  }

  /** An attribute of the current tag by its name without prefix, decoded; undefined when absent. */
  attr(name: string): string | undefined {
    ONE[0] = name;
    this.attrs(ONE, FOUND);
    return FOUND[0];
  }

  /**
   * Several attributes of the current tag in one pass over it (a cell's r, s and t): `out[i]` is the value of
   * `names[i]`, decoded, or undefined.
   */
  attrs(names: readonly string[], out: (string | undefined)[]): void {
    out.fill(undefined, 0, names.length);
    const xml = this.xml;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && xml.charCodeAt(i) <= 0x20) i++;
      if (i >= end) break;
      const eq = xml.indexOf('=', i);
      if (eq < 0 || eq >= end) throw this.damaged();
      let nameEnd = eq;
      while (nameEnd > i && xml.charCodeAt(nameEnd - 1) <= 0x20) nameEnd--;
      let q = eq + 1;
      while (q < end && xml.charCodeAt(q) <= 0x20) q++;
      const quote = xml.charCodeAt(q);
      if (quote !== 0x22 && quote !== 0x27) throw this.damaged();
      const close = xml.indexOf(quote === 0x22 ? '"' : "'", q + 1);
      if (close < 0 || close >= end) throw this.damaged();
      let localStart = i;
      for (let k = i; k < nameEnd; k++) if (xml.charCodeAt(k) === 0x3a /* : */) localStart = k + 1;
      for (let n = 0; n < names.length; n++) {
        const name = names[n];
        if (nameEnd - localStart === name.length && xml.startsWith(name, localStart)) {
          out[n] = decodeXml(xml.slice(q + 1, close));
          break;
        }
      }
      i = close + 1;
    }
  }

  /** The text from the current start tag to the next tag (CDATA included), decoded; '' for an empty element. */
  text(): string {
    if (this.empty || this.closing) return '';
    const xml = this.xml;
    let out = '';
    for (;;) {
      const lt = xml.indexOf('<', this.pos);
      if (lt < 0) throw this.damaged();
      out += decodeXml(xml.slice(this.pos, lt));
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end < 0) throw this.damaged();
        out += xml.slice(lt + 9, end).replace(/\r\n?/g, '\n');
        this.pos = end + 3;
        continue;
      }
      if (xml.startsWith('<!--', lt)) {
        this.pos = this.skipSpecial(lt);
        continue;
      }
      this.pos = lt;
      return out;
    }
  }

  /** Where the scan goes on after a comment, processing instruction or CDATA met between tags. */
  private skipSpecial(lt: number): number {
    const xml = this.xml;
    const at = (s: string) => xml.startsWith(s, lt);
    if (at('<!DOCTYPE') || at('<!ENTITY')) throw new ReadError('E_XML_DTD', this.file, { part: this.part });
    const close = at('<!--') ? '-->' : at('<![CDATA[') ? ']]>' : at('<?') ? '?>' : undefined;
    if (!close) throw this.damaged();
    const end = xml.indexOf(close, lt + 2);
    if (end < 0) throw this.damaged();
    return end + close.length;
  }

  private damaged(): ReadError {
    return new ReadError('E_CORRUPT_FILE', this.file, { part: this.part });
  }
}

const ONE: string[] = [''];
const FOUND: (string | undefined)[] = [undefined];

const NAMED = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"]]);

/**
 * Text as written in the XML: line ends normalised (a CR LF or a lone CR is a LF, as every XML parser reads
 * it; a CR written as &#13; stays), then XML's five entities and character references; anything else is left
 * as written.
 */
export function decodeXml(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, e: string) => {
    if (e[0] !== '#') return NAMED.get(e) ?? whole;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
