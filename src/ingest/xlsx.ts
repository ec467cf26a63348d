import type { Grid } from './grid.js';
import { ReadError } from './read-error.js';
import { SHEET_LIMITS, type SheetNote } from './xlsx-cells.js';
import { parseXlsx, type XmlBytes } from './xlsx-parse.js';
import { readXlsxStream } from './xlsx-stream.js';
import { surveyXlsx } from './xlsx-survey.js';
import { rebuildZip, verifyZip, zipEntries, type ZipEntry } from './zip-guard.js';

export { SHEET_LIMITS } from './xlsx-cells.js';

/**
 * When to stream: a unit workbook (a few hundred KB) is parsed whole; a province file past this size, or one
 * that inflates past this much XML, is read with exceljs's streaming reader, so its XML is never held whole.
 * A property of an object, not a constant, so tests can send a small fixture down the streaming path.
 */
export const XLSX_READER = {
  streamAboveBytes: 8 * 1024 * 1024,
  streamAboveXmlBytes: 160_000_000,
};

export type XlsxSheets = { grids: Grid[]; notes: SheetNote[] };

/**
 * Reads every sheet of an .xlsx into grids. The zip is checked first (zip-guard: sizes, CRCs, bombs). A unit
 * workbook is inflated whole and parsed by xlsx-parse; a province-sized one is counted in its XML (xlsx-survey)
 * and streamed by exceljs, whose cells are then counted against the XML's, since on XML it does not expect it
 * drops cells, even whole rows, without an error.
 */
export async function readXlsx(buf: Buffer, file: string): Promise<XlsxSheets> {
  const entries = zipEntries(buf, file);
  const xmlBytes = entries.reduce((n, e) => n + (XML_PART.test(e.name) ? e.inflated : 0), 0);
  if (buf.length <= XLSX_READER.streamAboveBytes && xmlBytes <= XLSX_READER.streamAboveXmlBytes) {
    const read = parseXlsx(await inflateParts(buf, file, entries), file);
    return { grids: read.grids, notes: read.notes };
  }
  const survey = await surveyXlsx(buf, file, entries);
  if (survey.values > SHEET_LIMITS.maxCells) throw new ReadError('E_TOO_LARGE', file, { cells: SHEET_LIMITS.maxCells });
  const read = await readXlsxStream(rebuildZip(buf, entries), file);
  // The streaming reader drops a cell that shows an empty shared string: with such strings its count runs short.
  if (read.seen < survey.values && survey.emptySharedStrings === 0) throw new ReadError('E_CORRUPT_FILE', file, { detail: `${survey.values - read.seen} cells lost` });
  return { grids: read.grids, notes: read.notes };
}

const XML_PART = /\.(xml|rels)$/i;

/**
 * The XML parts' bytes, keyed by lower-cased path; every part inflated and checked on the way. parseXlsx
 * decodes only the parts it reads (not the theme, not docProps).
 */
async function inflateParts(buf: Buffer, file: string, entries: ZipEntry[]): Promise<Map<string, XmlBytes>> {
  const parts = new Map<string, XmlBytes>();
  await verifyZip(buf, file, entries, (e) => {
    if (!XML_PART.test(e.name)) return undefined;
    const chunks: Buffer[] = [];
    return {
      data: (chunk) => chunks.push(chunk),
      end: () => parts.set(e.name.replace(/^\//, '').toLowerCase(), { name: e.name, bytes: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks) }),
    };
  });
  return parts;
}
