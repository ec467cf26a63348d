import { ReadError } from './read-error.js';
import { verifyZip, type ZipEntry } from './zip-guard.js';

/**
 * What a workbook holds, counted in its XML before exceljs's streaming reader reads it: enough to refuse it, and
 * to check what the reader hands back.
 */
export type XlsxSurvey = {
  /** Bytes of XML once inflated, all parts. */
  xmlBytes: number;
  /** Cells with a value (<v> or inline text <is>, empty inline text aside): the least a reader hands back. */
  values: number;
  /** Empty texts in the shared strings: exceljs's streaming reader drops the cells that show one. */
  emptySharedStrings: number;
};

type Kind = 'sheet' | 'strings' | 'other';

const LT = 0x3c;
const bytes = (s: string) => Buffer.from(s, 'latin1');
const DOCTYPE = bytes('<!DOCTYPE');
const ENTITY = bytes('<!ENTITY');
const EMPTY_TEXTS = ['<t/>', '<t></t>', '<t xml:space="preserve"/>', '<t xml:space="preserve"></t>'];
const EMPTY_INLINE = EMPTY_TEXTS.map((t) => bytes(`<is>${t}</is>`));
const EMPTY_SHARED = EMPTY_TEXTS.map((t) => bytes(`<si>${t}</si>`));
/** Bytes a match may need past its "<": the longest pattern above. */
const LOOKAHEAD = 48;
const HEAD = 4096;
const TAIL = 256;

/**
 * Inflates every part once (zip-guard checks sizes and CRCs on the way) and counts what the reader must hand back,
 * in one pass over the bytes (a province sheet is 100 MB of XML: a loop per pattern would cost seconds).
 * A DTD is refused outright: OOXML parts never declare one, and entity expansion ("billion laughs") or an
 * external entity is the only thing it could be for.
 */
export async function surveyXlsx(buf: Buffer, file: string, entries: ZipEntry[]): Promise<XlsxSurvey> {
  const survey: XlsxSurvey = { xmlBytes: 0, values: 0, emptySharedStrings: 0 };
  await verifyZip(buf, file, entries, (e) => {
    if (!/\.(xml|rels|vml)$/i.test(e.name)) return undefined;
    const kind: Kind = /^\/?xl\/worksheets\/[^/]+\.xml$/i.test(e.name) ? 'sheet' : /^\/?xl\/sharedStrings\.xml$/i.test(e.name) ? 'strings' : 'other';
    let pending = Buffer.alloc(0);
    let head = '';
    let tail = '';
    // Returns where the next scan must start: a pattern may need LOOKAHEAD bytes past its "<".
    const scan = (text: Buffer, last: boolean): number => {
      const stop = last ? text.length : Math.max(0, text.length - LOOKAHEAD);
      const at = (i: number, pattern: Buffer) => i + pattern.length <= text.length && text.compare(pattern, 0, pattern.length, i, i + pattern.length) === 0;
      for (let i = 0; i < stop; i++) {
        if (text[i] !== LT) continue;
        const next = text[i + 1];
        if (next === 0x21 /* ! */) {
          if (at(i, DOCTYPE) || at(i, ENTITY)) throw new ReadError('E_XML_DTD', file, { part: e.name });
        } else if (kind === 'sheet') {
          if (next === 0x76 /* v */ && text[i + 2] === 0x3e) survey.values++;
          else if (next === 0x69 /* i */ && text[i + 2] === 0x73 && text[i + 3] === 0x3e) {
            if (text[i + 4] !== LT || !EMPTY_INLINE.some((p) => at(i, p))) survey.values++;
          }
        } else if (kind === 'strings' && next === 0x73 /* s */ && text[i + 4] === LT && EMPTY_SHARED.some((p) => at(i, p))) {
          survey.emptySharedStrings++;
        }
      }
      return stop;
    };
    const data = (chunk: Buffer) => {
      survey.xmlBytes += chunk.length;
      if (head.length < HEAD) head += chunk.toString('latin1', 0, HEAD);
      const end = chunk.toString('latin1', Math.max(0, chunk.length - TAIL));
      if (end.trim() !== '') tail = (tail + end).slice(-TAIL);
      const text = pending.length > 0 ? Buffer.concat([pending, chunk]) : chunk;
      pending = Buffer.from(text.subarray(scan(text, false)));
    };
    // exceljs's streaming reader takes an XML part cut short for a whole one, and reads a sheet up to the cut
    // without a word: a part must end by closing the element it opened.
    const end = () => {
      if (pending.length > 0) scan(pending, true);
      if (!closesRoot(head, tail, survey.xmlBytes)) throw new ReadError('E_CORRUPT_FILE', file, { part: e.name });
    };
    return { data, end };
  });
  return survey;
}

// The root element's name from the start of the part (after the declaration, comments and processing
// instructions), and whether the part's last bytes close it. A part whose first 4 KB hold no start tag is let
// through: no writer does that, and the XML reader will judge it.
function closesRoot(head: string, tail: string, size: number): boolean {
  const h = head.replace(/^\xEF\xBB\xBF/, '');
  const root = /^(?:\s|<\?[^>]*\?>|<!--[\s\S]*?-->)*<([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/.exec(h);
  if (!root) return head.length >= HEAD && size > HEAD;
  const end = tail.trimEnd();
  if (root[2] === '/') return h.trimEnd().length === root[0].length;
  return end.endsWith(`</${root[1]}>`) || new RegExp(`</${root[1].replace(/\./g, '\\.')}\\s+>$`).test(end);
}
