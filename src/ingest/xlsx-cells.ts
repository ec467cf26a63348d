import type { CellValue as ExcelCellValue } from 'exceljs';
import type { CellValue } from './cell-values.js';
import type { Grid, Range } from './grid.js';
import { ReadError } from './read-error.js';

// Bounds that keep one hostile workbook from taking the batch down (16,384 columns × 1M rows is legal XLSX).
export const SHEET_LIMITS = { maxRows: 1_048_576, maxCols: 200, maxCells: 5_000_000 };

/** What a reader noticed about a sheet as a whole: issue code and data, reported by read-file. */
export type SheetNote = { code: string; sheet: string; data: Record<string, string | number> };

/** What a reader gives back; `seen` counts the cells exceljs handed over with a value, kept or not. */
export type SheetRead = { grids: Grid[]; notes: SheetNote[]; seen: number };

/**
 * Adds merged ranges, cut to the cells the grid holds: a merge over A1:XFD1048576 is legal XML, and read as
 * written it would index 17 billion cells. What is left past the cut still covers more cells than a sheet may
 * hold only in a hostile file. Merges that overlap are no sheet Excel wrote (exceljs's full load refuses them).
 */
export function addMerges(grid: Grid, merges: Range[], file: string): void {
  const lastRow = grid.rowCount - 1;
  const lastCol = Math.min(grid.colCount, SHEET_LIMITS.maxCols) - 1;
  const covered = new Set<number>();
  for (const m of merges) {
    const cut = { top: m.top, left: m.left, bottom: Math.min(m.bottom, lastRow), right: Math.min(m.right, lastCol) };
    if (cut.top > cut.bottom || cut.left > cut.right) continue;
    // Counted before the cells are: a merge over a million rows of a sheet with one cell far down is 200
    // million cells, more than a Set may hold.
    if (covered.size + (cut.bottom - cut.top + 1) * (cut.right - cut.left + 1) > SHEET_LIMITS.maxCells) {
      throw new ReadError('E_TOO_LARGE', file, { cells: SHEET_LIMITS.maxCells });
    }
    for (let r = cut.top; r <= cut.bottom; r++) {
      for (let c = cut.left; c <= cut.right; c++) {
        const key = r * 20_000 + c;
        if (covered.has(key)) throw new ReadError('E_CORRUPT_FILE', file, { detail: 'overlapping merged cells' });
        covered.add(key);
      }
    }
    grid.merges.push(cut);
  }
}

/** The number format shows a date (as exceljs decides it: y, m, d, h, s outside quotes and brackets). */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/**
 * Reduces exceljs's value shapes to plain values; formulas give their cached result. exceljs #683: its readers
 * can hand back unresolved shared-string indexes, with no error. Never let one through.
 */
export function plainValue(v: ExcelCellValue, file: string): { value: CellValue; noResult?: boolean } {
  // An empty string is an empty cell: the full load keeps it, the streaming reader drops it.
  if (v === null || v === undefined || v === '') return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  const o = v as unknown as Record<string, unknown>;
  if ('sharedString' in o) throw new ReadError('E_READER_PLACEHOLDER', file);
  if ('error' in o) return { value: { error: String(o.error) } };
  if ('richText' in o && Array.isArray(o.richText)) return { value: o.richText.map((t: { text?: string }) => t.text ?? '').join('') };
  if ('formula' in o || 'sharedFormula' in o) {
    if (!('result' in o) || o.result === undefined) return { value: null, noResult: true };
    return plainValue(o.result as ExcelCellValue, file);
  }
  if ('text' in o) return { value: typeof o.text === 'string' ? o.text : plainValue(o.text as ExcelCellValue, file).value };
  return { value: null };
}
