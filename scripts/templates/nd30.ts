import {
  AlignmentType, BorderStyle, Document, Header, PageNumber, PageOrientation, Paragraph, Table, TableBorders, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType,
  type IParagraphOptions, type IRunOptions, type ISectionOptions,
} from 'docx';

// Typesetting of Nghị định 30/2020/NĐ-CP, Phụ lục I (domain/forms.md §11), shared by every template.
// Sizes are in half-points, lengths in twips (1 mm ≈ 56.7 twips).

export const SIZE = {
  body: 28, // 14 pt: body, title, "Độc lập - Tự do - Hạnh phúc", date line, page number
  quocHieu: 26, // 13 pt: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", paired 13 → 14 with the tiêu ngữ
  agency: 26, // 13 pt: the agency block and "Số:"
  table: 26, // 13 pt inside tables
  noiNhanLabel: 24, // 12 pt bold italic
  noiNhan: 22, // 11 pt
};
export const PAGE = { width: 11906, height: 16838 }; // A4
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 851, header: 567, footer: 567, gutter: 0 }; // 20/20/30/15 mm
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right; // 9354
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right; // 14286
const CELL_PADDING = 2 * 108; // the default left + right cell margins of a table
const FIRST_LINE = 567; // 1 cm
const BODY_SPACING = { before: 0, after: 120, line: 276 }; // 6 pt after, 1.15 lines
// "Độc lập - Tự do - Hạnh phúc" in 14 pt Times New Roman Bold is 12.2 em wide (Adobe Times-Bold metrics): ≈ 3,416 twips.
// ND 30 asks for a rule as long as that line; under the agency name, 1/3 to 1/2 of it; under a subject line, a short one.
const RULE = { tieuNgu: 3420, agency: 1300, subject: 1800 };

export type Runs = string | (string | IRunOptions)[];

function runs(content: Runs, base: IRunOptions = {}): TextRun[] {
  const list = typeof content === 'string' ? [content] : content;
  return list.map((r) => new TextRun(typeof r === 'string' ? { ...base, text: r } : { ...base, ...r }));
}

export function para(content: Runs, options: Omit<IParagraphOptions, 'children'> = {}, run: IRunOptions = {}): Paragraph {
  return new Paragraph({ spacing: { before: 0, after: 0 }, ...options, children: runs(content, run) });
}

/** A body paragraph: justified, first line indented 1 cm, 6 pt after. */
export function body(content: Runs, run: IRunOptions = {}): Paragraph {
  return para(content, { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, spacing: BODY_SPACING }, run);
}

/** A section heading ("I. SƠ LƯỢC LÝ LỊCH", "1. Danh hiệu thi đua:"), bold, kept with what follows. */
export function heading(content: Runs, spaceBefore = 120): Paragraph {
  return para(content, {
    alignment: AlignmentType.JUSTIFIED, indent: { firstLine: FIRST_LINE }, keepNext: true,
    spacing: { ...BODY_SPACING, before: spaceBefore },
  }, { bold: true });
}

export function centred(content: Runs, run: IRunOptions = {}, spacing: { before?: number; after?: number } = {}): Paragraph {
  return para(content, { alignment: AlignmentType.CENTER, spacing: { before: 0, after: 0, ...spacing }, keepNext: true }, run);
}

/** A paragraph for a loop tag alone on its line ({#list} … {/list} around paragraphs and tables). */
export function tagLine(tag: string): Paragraph {
  return para(tag);
}

/**
 * A short solid rule, centred: an empty 1 pt paragraph with a top border, as long as `length`. The 5 pt before it
 * keeps LibreOffice from drawing the border across the descenders of the line above.
 */
export function rule(length: number, within: number): Paragraph {
  const side = Math.max(0, Math.round((within - length) / 2));
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: side, right: side },
    spacing: { before: 100, after: 0, line: 240 },
    border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
    keepNext: true,
    run: { size: 2 },
    children: [],
  });
}

/** A paragraph shown only when the scalar `name` is not empty. */
export function optionalLine(name: string, make: (content: Runs) => Paragraph, label = ''): Paragraph {
  return make([`{#${name}}${label}{${name}}{/${name}}`]);
}

export function quocHieu(within: number): Paragraph[] {
  return [
    centred('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, size: SIZE.quocHieu }),
    centred('Độc lập - Tự do - Hạnh phúc', { bold: true, size: SIZE.body }),
    rule(RULE.tieuNgu, within),
  ];
}

export function dateLine(alignment: 'center' | 'right' = 'center'): Paragraph {
  return para('{dia_danh}, {ngay_thang}', {
    alignment: alignment === 'center' ? AlignmentType.CENTER : AlignmentType.RIGHT, spacing: { before: 120, after: 0 },
  }, { italics: true, size: SIZE.body });
}

export function subjectRule(): Paragraph {
  return rule(RULE.subject, TEXT_WIDTH);
}

const NO_BORDERS = TableBorders.NONE;

/** A borderless table of one row: the quốc hiệu block, the signature blocks. */
export function layoutTable(widths: number[], cells: Paragraph[][]): Table {
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({
      cantSplit: true,
      children: cells.map((children, i) => new TableCell({ width: { size: widths[i], type: WidthType.DXA }, borders: NO_BORDERS, children })),
    })],
  });
}

/**
 * The top of an administrative document (ô 1–4 of ND 30): on the left the parent agency, the agency in bold, a
 * short rule and "Số: …"; on the right the quốc hiệu, the tiêu ngữ with its rule, and the date line.
 */
export function agencyHeader(options: { width?: number; numbered?: boolean; dated?: boolean } = {}): Table {
  const width = options.width ?? TEXT_WIDTH;
  const left = Math.round(width * 0.38);
  const widths = [left, width - left];
  const leftCell = [
    optionalLine('co_quan_chu_quan', (c) => centred(c, { size: SIZE.agency, allCaps: true })),
    centred([{ text: '{ten_co_quan}', bold: true, allCaps: true }], { size: SIZE.agency }),
    rule(RULE.agency, widths[0] - CELL_PADDING),
    ...(options.numbered ? [centred('Số: {so_ky_hieu}', { size: SIZE.agency }, { before: 120 })] : []),
  ];
  const rightCell = [...quocHieu(widths[1] - CELL_PADDING), ...(options.dated === false ? [] : [dateLine()])];
  return layoutTable(widths, [leftCell, rightCell]);
}

/** Only the quốc hiệu, centred on the page, and the date line at the right (báo cáo thành tích, ND 98 Mẫu 02, 03). */
export function nationalHeader(): Paragraph[] {
  return [...quocHieu(TEXT_WIDTH), dateLine('right')];
}

/** The title block: document type, subject lines, an optional short rule under them. */
export function title(kind: string, lines: Runs[], withRule = true): Paragraph[] {
  return [
    centred(kind, { bold: true, size: SIZE.body }, { before: 360 }),
    ...lines.map((l) => centred(l, { bold: true, size: SIZE.body })),
    ...(withRule ? [subjectRule()] : []),
  ];
}

export function blankLines(n: number): Paragraph[] {
  return Array.from({ length: n }, () => para(''));
}

/** The signer (ô 7): authority words, title in capitals and bold, room for the signature and seal, the name. */
export function signerBlock(): Paragraph[] {
  return [
    optionalLine('quyen_han_ky', (c) => centred(c, { bold: true, allCaps: true })),
    centred([{ text: '{chuc_vu_nguoi_ky}', allCaps: true }], { bold: true }),
    ...blankLines(4),
    centred('{nguoi_ky}', { bold: true }),
  ];
}

/** "Nơi nhận:" (ô 9b): 12 pt bold italic, then one 11 pt line per recipient. */
export function noiNhanBlock(): Paragraph[] {
  return [
    para('Nơi nhận:', { spacing: { before: 0, after: 0 } }, { bold: true, italics: true, size: SIZE.noiNhanLabel }),
    para('- {#noi_nhan}{.}{/noi_nhan}', { spacing: { before: 0, after: 0 } }, { size: SIZE.noiNhan }),
  ];
}

/**
 * The signature blocks side by side, after a spacing paragraph: two tables with nothing between them are one
 * table to Word and LibreOffice, and the borderless one would take the borders off the table above.
 */
export function signatureTable(left: Paragraph[], right: Paragraph[], width = TEXT_WIDTH): (Paragraph | Table)[] {
  const l = Math.round(width * 0.45);
  return [para('', { spacing: { before: 0, after: 120 } }), layoutTable([l, width - l], [left, right])];
}

/** A block of two signatures side by side, each a title, a note in italics, room to sign and a name. */
export function signature(titleText: string, note: string, name: string): Paragraph[] {
  return [
    centred([{ text: titleText, bold: true }], {}, { before: 240 }),
    centred(note, { italics: true }),
    ...blankLines(3),
    centred(name ? `{${name}}` : '', { bold: true }),
  ];
}

export type Column = { header: string; width: number; align?: 'left' | 'center' | 'justify' };

const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, justify: AlignmentType.JUSTIFIED };

function cell(content: Runs, width: number, align: Column['align'], extra: { bold?: boolean; span?: number } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    ...(extra.span ? { columnSpan: extra.span } : {}),
    children: [para(content, { alignment: ALIGN[align ?? 'left'], spacing: { before: 40, after: 40 } }, { size: SIZE.table, bold: extra.bold })],
  });
}

/** A bordered table: a bold header row repeated on each page, then the rows given. */
export function gridTable(columns: Column[], rows: TableRow[]): Table {
  const header = new TableRow({
    tableHeader: true, cantSplit: true,
    children: columns.map((c) => cell(c.header, c.width, 'center', { bold: true })),
  });
  return new Table({
    width: { size: columns.reduce((a, c) => a + c.width, 0), type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    layout: TableLayoutType.FIXED,
    rows: [header, ...rows],
  });
}

/** One repeated row: `cells` hold the placeholders of each column, loop tags included. */
export function dataRow(columns: Column[], cells: Runs[]): TableRow {
  return new TableRow({ cantSplit: true, children: columns.map((c, i) => cell(cells[i], c.width, c.align)) });
}

/** A bold row spanning the table: the number of the group in the first column, its name across the others. */
export function groupRow(columns: Column[], first: string, rest: string): TableRow {
  const restWidth = columns.slice(1).reduce((a, c) => a + c.width, 0);
  return new TableRow({
    cantSplit: true,
    children: [cell(first, columns[0].width, 'center', { bold: true }), cell(rest, restWidth, 'left', { bold: true, span: columns.length - 1 })],
  });
}

/** The section: A4, ND 30 margins, page numbers centred in the header from page 2, `first` on page 1. */
export function section(children: ISectionOptions['children'], options: { landscape?: boolean; firstPage?: Paragraph[] } = {}): ISectionOptions {
  return {
    properties: {
      titlePage: true,
      page: {
        // docx swaps width and height itself for a landscape page.
        size: { width: PAGE.width, height: PAGE.height, orientation: options.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: MARGIN,
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      default: new Header({ children: [para([{ children: [PageNumber.CURRENT] }], { alignment: AlignmentType.CENTER }, { size: SIZE.body })] }),
      first: new Header({ children: options.firstPage ?? [para('')] }),
    },
    children,
  };
}

/** "Mẫu số 0x" at the top right of page 1, from the data. */
export function formNumberHeader(): Paragraph[] {
  return [para('{mau_so}', { alignment: AlignmentType.RIGHT }, { bold: true, size: SIZE.agency })];
}

export function makeDocument(name: string, sections: ISectionOptions[]): Document {
  return new Document({
    creator: 'tdkt',
    lastModifiedBy: 'tdkt',
    title: name,
    description: 'Mẫu của tdkt (npm run build:templates); chỗ trống {ten} được điền khi lập hồ sơ, xem docs/templates.md',
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: SIZE.body, language: { value: 'vi-VN', eastAsia: 'vi-VN' } },
          paragraph: { spacing: { before: 0, after: 0, line: 240 } },
        },
      },
    },
    sections,
  });
}
