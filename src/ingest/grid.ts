import { cellText, type CellInfo } from './cell-values.js';

/** A merged range, 0-based and inclusive. */
export type Range = { top: number; left: number; bottom: number; right: number };

/**
 * One sheet as plain cells, whatever it was read from. Values sit at a merge's top-left cell only;
 * `masterOf` finds it, so a vertically merged "Tổ Toán" reads on every row it spans.
 */
export class Grid {
  readonly rows: (CellInfo | undefined)[][] = [];
  readonly merges: Range[] = [];
  readonly hiddenRows: number[] = [];
  private mergeIndex?: Map<number, Range>;
  // Every data row is read several times (footer, group heading, key, facts): each cell's text is worked out
  // once, and forgotten when the cell is set again.
  private readonly texts: (string | undefined)[][] = [];
  private cols = 0;

  constructor(readonly name: string, readonly hidden = false) {}

  get rowCount(): number {
    return this.rows.length;
  }

  /** One past the last column that ever held a cell (kept as cells are set: asked once per row). */
  get colCount(): number {
    return this.cols;
  }

  set(r: number, c: number, cell: CellInfo): void {
    (this.rows[r] ??= [])[c] = cell;
    if (c >= this.cols) this.cols = c + 1;
    const t = this.texts[r];
    if (t) t[c] = undefined;
  }

  /** Replaces a cell's value in place (legacy-encoding fix): its text is worked out again. */
  setValue(r: number, c: number, value: CellInfo['value']): void {
    const cell = this.rows[r]?.[c];
    if (!cell) return;
    cell.value = value;
    const t = this.texts[r];
    if (t) t[c] = undefined;
  }

  /** Ends a merge at row `last` (0-based): the rows below it read their own cells again. */
  cutMerge(m: Range, last: number): void {
    m.bottom = last;
    this.mergeIndex = undefined;
  }

  /**
   * Leaves each merge its first cell only, as exceljs's full load does: a value left under a merge (LibreOffice
   * can keep one) is dropped, rows and columns that held nothing else go, merges are cut to what is left, and
   * a hidden row counts only if it still holds a cell. Work bounded by the cells merges cover (addMerges).
   */
  dropMergedCells(): void {
    let dropped = false;
    for (const m of this.merges) {
      for (let r = m.top; r <= m.bottom; r++) {
        const row = this.rows[r];
        if (!row) continue;
        for (let c = m.left; c <= m.right; c++) {
          if ((r === m.top && c === m.left) || !row[c]) continue;
          delete row[c];
          if (this.texts[r]) this.texts[r][c] = undefined;
          dropped = true;
        }
      }
    }
    if (!dropped) return;
    this.cols = 0;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      let last = row.length - 1;
      while (last >= 0 && !row[last]) last--;
      row.length = last + 1;
      if (row.length === 0) delete this.rows[r];
      else if (row.length > this.cols) this.cols = row.length;
    }
    let n = this.rows.length;
    while (n > 0 && !this.rows[n - 1]) n--;
    this.rows.length = n;
    const kept = this.merges.splice(0).map((m) => ({ ...m, bottom: Math.min(m.bottom, n - 1), right: Math.min(m.right, this.cols - 1) }));
    for (const m of kept) if (m.top <= m.bottom && m.left <= m.right) this.merges.push(m);
    this.mergeIndex = undefined;
    const hidden = this.hiddenRows.splice(0).filter((r) => this.rows[r]);
    this.hiddenRows.push(...hidden);
  }

  /** The merge a cell belongs to, if any. */
  mergeAt(r: number, c: number): Range | undefined {
    if (this.merges.length === 0) return undefined;
    if (!this.mergeIndex) {
      this.mergeIndex = new Map();
      for (const m of this.merges) {
        for (let rr = m.top; rr <= m.bottom; rr++) for (let cc = m.left; cc <= m.right; cc++) this.mergeIndex.set(rr * 20000 + cc, m);
      }
    }
    return this.mergeIndex.get(r * 20000 + c);
  }

  /** The cell, read through merges. */
  cell(r: number, c: number): CellInfo | undefined {
    const m = this.mergeAt(r, c);
    return m ? this.rows[m.top]?.[m.left] : this.rows[r]?.[c];
  }

  /** The cell's own content only (empty for the non-first cells of a merge). */
  ownCell(r: number, c: number): CellInfo | undefined {
    return this.rows[r]?.[c];
  }

  text(r: number, c: number): string {
    const m = this.mergeAt(r, c);
    return m ? this.ownText(m.top, m.left) : this.ownText(r, c);
  }

  /** The text of the cell's own content (empty for the non-first cells of a merge). */
  ownText(r: number, c: number): string {
    const cell = this.rows[r]?.[c];
    if (!cell) return '';
    const cached = (this.texts[r] ??= [])[c];
    if (cached !== undefined) return cached;
    return (this.texts[r][c] = cellText(cell.value));
  }

  isRowEmpty(r: number): boolean {
    const row = this.rows[r];
    if (!row) return true;
    for (let c = 0; c < row.length; c++) if (row[c] && this.ownText(r, c) !== '') return false;
    return true;
  }
}

export function columnLetter(c: number): string {
  let s = '';
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "F12" for 0-based row 11, column 5. */
export function cellAddress(r: number, c: number): string {
  return `${columnLetter(c)}${r + 1}`;
}

/** "B2:D5" as 0-based rows and columns; a single cell "B2" is the range B2:B2. */
export function parseRange(ref: string): Range | undefined {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref.replace(/\$/g, ''));
  if (!m) return undefined;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const top = Number(m[2]) - 1;
  const left = col(m[1]);
  return m[3] === undefined ? { top, left, bottom: top, right: left } : { top, left, bottom: Number(m[4]) - 1, right: col(m[3]) };
}
