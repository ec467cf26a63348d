import { zip, type Part } from './zip.js';

// Workbooks written part by part, so a test can put in them what Excel never would: a DTD, a merge over the
// whole sheet, a million rows, a formula error as a cached value.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export type Cell = string | number | null | { xml: string };
export type SheetSpec = {
  name: string;
  /** The sheet's XML whole, or as a stream of chunks; else built from `rows` and `merges`. */
  xml?: string | Iterable<string> | AsyncIterable<string>;
  rows?: Cell[][];
  merges?: string[];
};
export type WorkbookSpec = { sheets: SheetSpec[]; sharedStrings?: string; extra?: Part[]; declared?: Record<string, number> };

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function columnName(c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One cell's XML: text inline, numbers as numbers, `{xml}` as given (a formula error, a shared string). */
export function cellXml(ref: string, v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === 'string') return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`;
  return v.xml.replace('$REF', ref);
}

export function rowXml(r: number, cells: Cell[]): string {
  return `<row r="${r + 1}">${cells.map((v, c) => cellXml(`${columnName(c)}${r + 1}`, v)).join('')}</row>`;
}

export function sheetXml(rows: Cell[][], merges: string[] = []): string {
  const mergeXml = merges.length ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '';
  return `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows.map((r, i) => rowXml(i, r)).join('')}</sheetData>${mergeXml}</worksheet>`;
}

/** The opening and closing of a sheet, for sheets written as a stream of rows. */
export const SHEET_OPEN = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
export const SHEET_CLOSE = '</sheetData></worksheet>';

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  '<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';

/** A workbook whose parts are written here: styles and shared strings before the sheets, as the streaming reader needs. */
export async function workbook(spec: WorkbookSpec): Promise<Buffer> {
  const sheets = spec.sheets.map((s, i) => ({ ...s, path: `xl/worksheets/sheet${i + 1}.xml` }));
  const types = `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    (spec.sharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : '') +
    sheets.map((s) => `<Override PartName="/${s.path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') + '</Types>';
  const rootRels = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const book = `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('') + '</sheets></workbook>';
  const bookRels = `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rIdStyles" Type="${REL}/styles" Target="styles.xml"/>` +
    (spec.sharedStrings ? `<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : '') + '</Relationships>';
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: rootRels },
    { name: 'xl/workbook.xml', data: book },
    { name: 'xl/_rels/workbook.xml.rels', data: bookRels },
    { name: 'xl/styles.xml', data: STYLES },
    ...(spec.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: spec.sharedStrings }] : []),
    ...sheets.map((s) => ({ name: s.path, data: s.xml ?? sheetXml(s.rows ?? [], s.merges) })),
    ...(spec.extra ?? []),
  ];
  for (const p of parts) if (spec.declared?.[p.name] !== undefined) p.declaredSize = spec.declared[p.name];
  return zip(parts);
}

/** A canonical table: the header a clerk types and one row per person and school year. */
export const HEADER: Cell[] = ['STT', 'Họ và tên', 'Ngày sinh', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua'];
export const PEOPLE: Cell[][] = [
  [1, 'Ngô Văn Tài', '12/05/1988', '2023-2024', 'HTXSNV', 'CSTĐCS'],
  [2, 'Đinh Thị Nga', '01/02/1990', '2023-2024', 'HTTNV', 'LĐTT'],
  [3, 'Lò Văn Páo', '03/04/1985', '2023-2024', 'HTTNV', 'LĐTT'],
];
