import { issue, type Issue } from '../model/issue.js';
import { parsePeriod, type Period, type PeriodMode } from '../model/period.js';
import type { Decision, Discipline, Leave, Revocation, YearRecord } from '../model/record.js';
import { cellText, isErrorValue, parseDateValue, parseIdValue } from './cell-values.js';
import type { Field } from './columns.js';
import { parseDecision } from './decision.js';
import { mergeInitiativeLevel, parseAwards, parseCombo } from './facts.js';
import { cellAddress, type Grid } from './grid.js';
import { detectHeader, type Column, type Header } from './header.js';
import { cleanText, foldKey, tidyName } from './text.js';
import type { CollectiveKey, Layout, PersonKey, SheetSummary, SourceRecord } from './types.js';
import {
  parseAwardKind, parseDiscipline, parseGender, parseInitiativeLevel, parseInitiatives, parseLeave, parseMark,
} from './vocabulary.js';

export type SheetContext = { file: string; fileStem: string; mode: PeriodMode };
export type SheetResult = { summary: SheetSummary; records: SourceRecord[]; issues: Issue[] };

const FACT_FIELDS = new Set<Field>(['rating', 'titles', 'initiatives', 'award', 'discipline', 'leave', 'revoked']);

/** Reads one sheet's data rows into per-period records, reporting every cell it cannot understand. */
export function readSheet(grid: Grid, ctx: SheetContext): SheetResult {
  const issues: Issue[] = [];
  const where = (r?: number, c?: number) => ({ file: ctx.file, sheet: grid.name, cell: r === undefined || c === undefined ? undefined : cellAddress(r, c) });
  const summary: SheetSummary = { name: grid.name, rows: 0, columns: {} };
  if (grid.rowCount === 0) return { summary, records: [], issues };
  const header = detectHeader(grid, ctx.mode);
  if (!header) {
    issues.push(issue('W_NO_HEADER', 'warning', where(), {}));
    return { summary, records: [], issues };
  }
  for (const c of header.columns) summary.columns[c.header] = c.wide ? `${c.field}@${c.period}` : c.field;
  if (header.unknown.length > 0) issues.push(issue('I_UNKNOWN_COLUMN', 'info', where(), { columns: header.unknown.map((c) => c.header).join('; ') }));
  for (const d of header.duplicates) issues.push(issue('W_DUPLICATE_COLUMN', 'warning', where(header.lastRow, d.col), { header: d.header }));

  const byField = new Map<Field, Column>();
  for (const c of header.columns) if (!c.wide && c.field && !c.decisionFor) byField.set(c.field, c);
  const decisionCols = header.columns.filter((c) => c.decisionFor);
  const wide = groupWide(header.columns);
  const sheetKind: 'person' | 'collective' = byField.has('name') || !byField.has('collectiveName') ? 'person' : 'collective';
  // A sheet with both "Họ và tên" and "Tên tập thể" (a "Khen thưởng" sheet) holds both kinds, row by row.
  const mixed = byField.has('name') && byField.has('collectiveName');
  summary.kind = sheetKind;
  summary.headerRow = header.lastRow + 1;

  const titlePeriod = periodFromTitleRows(grid, header, ctx.mode);
  const sheetPeriod = titlePeriod ?? parsePeriod(grid.name, ctx.mode) ?? parsePeriod(ctx.fileStem, ctx.mode);
  summary.periodFrom = byField.has('period') ? 'column' : titlePeriod ? 'title' : parsePeriod(grid.name, ctx.mode) ? 'sheet' : sheetPeriod ? 'file' : wide.size > 0 ? 'header' : undefined;
  if (!byField.has('period')) summary.period = sheetPeriod;
  const layout: Layout = wide.size > 0 && !byField.has('period') ? 'wide' : byField.has('period') ? 'canonical' : 'per-year';
  summary.layout = layout;
  const hasPlainFacts = [...byField.keys()].some((f) => FACT_FIELDS.has(f));
  if (!byField.has('period') && !sheetPeriod && (wide.size === 0 || hasPlainFacts)) {
    issues.push(issue('E_NO_PERIOD', 'error', where(), {}));
    if (wide.size === 0) return { summary, records: [], issues };
  }
  const titleUnit = byField.has('unit') ? undefined : unitFromTitleRows(grid, header);

  const records: SourceRecord[] = [];
  let groupTeam: string | undefined;
  const text = (r: number, field: Field) => {
    const c = byField.get(field);
    return c ? grid.text(r, c.col) : '';
  };

  for (let r = header.dataStart; r < grid.rowCount; r++) {
    if (grid.isRowEmpty(r)) continue;
    const kind = mixed && text(r, 'name') === '' && text(r, 'collectiveName') !== '' ? 'collective' : sheetKind;
    const nameCol = byField.get(kind === 'person' ? 'name' : 'collectiveName');
    const name = nameCol ? cleanText(grid.text(r, nameCol.col)) : '';
    if (name !== '' ? isFooter(name) : rowTexts(grid, r).some(isFooter)) break;
    const heading = groupHeading(grid, r, header);
    if (heading !== undefined) {
      groupTeam = heading;
      continue;
    }
    const factCells = header.columns.filter((c) => (c.wide || (c.field && FACT_FIELDS.has(c.field))) && grid.text(r, c.col) !== '');
    const idCell = byField.get('id') ? grid.cell(r, byField.get('id')!.col) : undefined;
    const hasKeyData = /^\d+$/.test(text(r, 'stt')) || !!idCell || text(r, 'birthDate') !== '';
    if (name === '') {
      if (factCells.length > 0 || idCell) issues.push(issue('E_MISSING_NAME', 'error', where(r, nameCol?.col ?? 0), { row: r + 1 }));
      continue;
    }
    if (!hasKeyData && factCells.length === 0 && kind === 'person') continue;
    summary.rows++;

    const key = kind === 'person' ? personKey(grid, r, byField, name, issues, where) : collectiveKey(grid, r, byField, name, titleUnit);
    const unit = cleanText(text(r, 'unit')) || titleUnit;
    const team = cleanText(text(r, 'team')) || (byField.has('team') ? undefined : groupTeam);
    const base = (period: Period): YearRecord => {
      const rec: YearRecord = { period };
      if (unit) rec.unit = unit;
      if (team) rec.team = team;
      return rec;
    };
    const emit = (record: YearRecord, cells: SourceRecord['cells']) =>
      records.push({ key, record, source: { file: ctx.file, sheet: grid.name, row: r + 1 }, cells });

    // Long layouts: one period per row, facts from the plain columns.
    if (byField.has('period') || (wide.size === 0 && sheetPeriod)) {
      let period = sheetPeriod;
      const pc = byField.get('period');
      if (pc) {
        const t = grid.text(r, pc.col);
        const p = t === '' ? sheetPeriod : parsePeriod(t, ctx.mode);
        if (!p) {
          issues.push(issue(t === '' ? 'E_MISSING_PERIOD' : 'E_BAD_PERIOD', 'error', where(r, pc.col), { value: t }));
          continue;
        }
        period = p;
      }
      const rec = base(period!);
      const cells: SourceRecord['cells'] = {};
      readFacts(grid, r, [...byField.values()], decisionCols, rec, cells, issues, where);
      emit(rec, cells);
    } else if (hasPlainFacts && sheetPeriod) {
      const rec = base(sheetPeriod);
      const cells: SourceRecord['cells'] = {};
      readFacts(grid, r, [...byField.values()], decisionCols, rec, cells, issues, where);
      emit(rec, cells);
    }
    // Wide layout: one record per period column group, skipped when all its cells are empty.
    for (const [period, cols] of wide) {
      if (cols.every((c) => grid.text(r, c.col) === '')) continue;
      const rec = base(period);
      const cells: SourceRecord['cells'] = {};
      readFacts(grid, r, cols, [], rec, cells, issues, where);
      emit(rec, cells);
    }
  }
  if (grid.hiddenRows.length > 0) issues.push(issue('I_HIDDEN_ROWS', 'info', where(), { count: grid.hiddenRows.length, rows: rowList(grid.hiddenRows) }));
  return { summary, records, issues };
}

type Where = (r?: number, c?: number) => { file: string; sheet: string; cell?: string };

function readFacts(grid: Grid, r: number, cols: Column[], decisionCols: Column[], rec: YearRecord, cells: SourceRecord['cells'], issues: Issue[], where: Where): void {
  const find = (f: Field) => cols.find((c) => c.field === f);
  const raw = (c: Column | undefined) => (c ? grid.cell(r, c.col) : undefined);
  const txt = (c: Column | undefined) => (c ? grid.text(r, c.col) : '');
  const bad = (code: string, c: Column, value: string) => issues.push(issue(code, 'error', where(r, c.col), { value, header: c.header }));
  const formulaError = (c: Column) => {
    const v = raw(c)?.value;
    if (v !== undefined && v !== null && isErrorValue(v)) {
      issues.push(issue('E_FORMULA_ERROR', 'error', where(r, c.col), { value: v.error, header: c.header }));
      return true;
    }
    return false;
  };
  const decisionFor = (target: 'titles' | 'award'): Decision | undefined => {
    const dc = decisionCols.filter((c) => c.decisionFor === target);
    if (dc.length === 0) return undefined;
    const d: Decision = {};
    for (const c of dc) {
      const t = grid.text(r, c.col);
      if (t === '') continue;
      if (c.field === 'decision') Object.assign(d, parseDecision(t) ?? { number: t });
      else if (c.field === 'decisionNumber') d.number = t;
      else if (c.field === 'authority') d.authority = t;
      else if (c.field === 'decisionDate') {
        const p = parseDateValue(grid.cell(r, c.col)!.value);
        if (p?.date) d.date = p.date;
        else issues.push(issue('E_BAD_DATE', 'error', where(r, c.col), { value: t, header: c.header }));
      }
    }
    return d.number || d.date || d.authority ? d : undefined;
  };
  const kindCol = find('awardKind');
  const kind = kindCol && txt(kindCol) !== '' ? parseAwardKind(txt(kindCol)) : undefined;
  if (kindCol && txt(kindCol) !== '' && !kind) bad('E_UNKNOWN_AWARD_KIND', kindCol, txt(kindCol));

  for (const c of cols) {
    if (!c.field || !(FACT_FIELDS.has(c.field) || c.wide)) continue;
    if (formulaError(c)) continue;
    const t = txt(c);
    const address = cellAddress(r, c.col);
    if (c.field === 'rating' || c.field === 'titles') {
      if (t === '') {
        if (c.field === 'titles' || c.wide) rec.titles ??= [];
        continue;
      }
      const combo = parseCombo(t, decisionFor('titles'), kind);
      if (combo.unknown.length > 0) bad(c.field === 'rating' && combo.titles.length === 0 ? 'E_UNKNOWN_RATING' : 'E_UNKNOWN_TITLE', c, combo.unknown.join(', '));
      if (combo.rating) {
        rec.rating = combo.rating;
        cells.rating = address;
      }
      if (c.field === 'titles' || c.wide || combo.titles.length > 0) {
        rec.titles = [...(rec.titles ?? []), ...combo.titles];
        cells.titles = address;
      }
      if (combo.awards.length > 0) rec.awards = [...(rec.awards ?? []), ...combo.awards];
    } else if (c.field === 'award') {
      rec.awards ??= [];
      if (t === '') continue;
      const parsed = parseAwards(t, decisionFor('award'), kind);
      if (parsed.unknown.length > 0) bad('E_UNKNOWN_AWARD', c, parsed.unknown.join('; '));
      rec.awards.push(...parsed.awards);
      if (parsed.titles.length > 0) rec.titles = [...(rec.titles ?? []), ...parsed.titles];
      cells.awards = address;
    } else if (c.field === 'initiatives') {
      rec.initiatives ??= [];
      if (t === '') continue;
      const list = parseInitiatives(t);
      if (!list) {
        bad('E_UNKNOWN_INITIATIVE', c, t);
        delete rec.initiatives;
        continue;
      }
      const levelCol = find('initiativeLevel');
      const levelText = txt(levelCol);
      const level = levelText ? parseInitiativeLevel(levelText) : undefined;
      if (levelCol && levelText && !level) bad('E_UNKNOWN_INITIATIVE_LEVEL', levelCol, levelText);
      const typeCol = find('initiativeType');
      if (typeCol && txt(typeCol) !== '') {
        const type = /de tai|de an|cong trinh/.test(foldKey(txt(typeCol))) ? 'de-tai' : /sang kien|skkn|^sk$/.test(foldKey(txt(typeCol))) ? 'sang-kien' : undefined;
        if (!type) bad('E_UNKNOWN_INITIATIVE', typeCol, txt(typeCol));
        else for (const i of list) i.type = type;
      }
      const basisCol = find('initiativeBasis');
      const basis = basisCol && txt(basisCol) !== '' ? parseMark(txt(basisCol)) : undefined;
      rec.initiatives.push(...mergeInitiativeLevel(list, level, basis));
      cells.initiatives = address;
    } else if (c.field === 'discipline') {
      rec.discipline ??= [];
      if (t === '') continue;
      const level = parseDiscipline(t);
      if (!level) {
        bad('E_UNKNOWN_DISCIPLINE', c, t);
        delete rec.discipline;
        continue;
      }
      if (level === 'none') continue;
      const d: Discipline = { level };
      const untilCol = find('disciplineUntil');
      const until = untilCol ? parseDateValue(grid.cell(r, untilCol.col)?.value ?? null) : undefined;
      if (until?.date) d.until = until.date;
      const dec = parseDecision(t);
      if (dec) d.decision = dec;
      rec.discipline.push(d);
      cells.discipline = address;
    } else if (c.field === 'leave') {
      rec.leave ??= [];
      if (t === '') continue;
      const kindOfLeave = parseLeave(t);
      if (!kindOfLeave) bad('E_UNKNOWN_LEAVE', c, t);
      else if (kindOfLeave !== 'none') rec.leave.push({ kind: kindOfLeave, note: t } satisfies Leave);
    } else if (c.field === 'revoked') {
      if (t === '') continue;
      rec.revoked = revocations(t, rec);
      if (rec.revoked.length === 0) bad('E_UNKNOWN_TITLE', c, t);
      cells.revoked = address;
    }
  }
  const noteCol = find('note');
  if (noteCol && txt(noteCol) !== '') rec.note = txt(noteCol);
}

// "x" in a Thu hồi column revokes what the row records; a named title or award revokes that one.
function revocations(text: string, rec: YearRecord): Revocation[] {
  if (parseMark(text) === true) return [...(rec.titles ?? []), ...(rec.awards ?? [])].map((h) => ({ award: h.award }));
  const combo = parseCombo(text);
  return [...combo.titles, ...combo.awards].map((h) => ({ award: h.award }));
}

function personKey(grid: Grid, r: number, byField: Map<Field, Column>, name: string, issues: Issue[], where: Where): PersonKey {
  const key: PersonKey = { kind: 'person', name: tidyName(name) };
  const idCol = byField.get('id');
  if (idCol) {
    const cell = grid.cell(r, idCol.col);
    const id = cell ? parseIdValue(cell) : undefined;
    if (id) {
      key.id = id.id;
      if (id.padded) issues.push(issue('I_ID_PADDED', 'info', where(r, idCol.col), { value: id.id }));
    }
  }
  for (const [field, gender] of [['birthDate', undefined], ['birthMale', 'nam'], ['birthFemale', 'nu']] as const) {
    const c = byField.get(field);
    const cell = c ? grid.cell(r, c.col) : undefined;
    if (!c || !cell || cellText(cell.value) === '') continue;
    const parsed = parseDateValue(cell.value);
    if (!parsed) {
      issues.push(issue('E_BAD_DATE', 'error', where(r, c.col), { value: cellText(cell.value), header: c.header }));
      continue;
    }
    if (parsed.date && !parsed.year) key.birthDate = parsed.date;
    else key.birthYear = parsed.year;
    if (gender) key.gender = gender;
  }
  const g = byField.get('gender');
  if (g && grid.text(r, g.col) !== '') {
    const gender = parseGender(grid.text(r, g.col));
    if (gender) key.gender = gender;
    else issues.push(issue('E_UNKNOWN_GENDER', 'error', where(r, g.col), { value: grid.text(r, g.col) }));
  }
  const female = byField.get('female');
  if (female) key.gender = parseMark(grid.text(r, female.col)) ? 'nu' : (key.gender ?? 'nam');
  const male = byField.get('male');
  if (male && parseMark(grid.text(r, male.col))) key.gender = 'nam';
  const pos = byField.get('position');
  if (pos && grid.text(r, pos.col) !== '') key.position = grid.text(r, pos.col);
  const entry = byField.get('entryDate');
  const entryCell = entry ? grid.cell(r, entry.col) : undefined;
  if (entry && entryCell && cellText(entryCell.value) !== '') {
    const parsed = parseDateValue(entryCell.value);
    if (parsed?.date) key.entryDate = parsed.date;
    else if (parsed?.year) key.entryDate = `${parsed.year}-09-01`;
    else issues.push(issue('E_BAD_DATE', 'error', where(r, entry.col), { value: cellText(entryCell.value), header: entry.header }));
  }
  return key;
}

// Without a "Đơn vị cấp trên" column, the unit named in the title rows is the parent of the tổ listed.
function collectiveKey(grid: Grid, r: number, byField: Map<Field, Column>, name: string, titleUnit: string | undefined): CollectiveKey {
  const key: CollectiveKey = { kind: 'collective', name };
  const code = byField.get('unitCode');
  if (code && grid.text(r, code.col) !== '') key.code = grid.text(r, code.col);
  const parent = byField.get('parent');
  const parentText = parent ? grid.text(r, parent.col) : titleUnit;
  if (parentText && foldKey(parentText) !== foldKey(name)) key.parent = parentText;
  return key;
}

function groupWide(columns: Column[]): Map<Period, Column[]> {
  const out = new Map<Period, Column[]>();
  for (const c of columns) if (c.wide && c.period) (out.get(c.period) ?? out.set(c.period, []).get(c.period)!).push(c);
  return out;
}

function titleTexts(grid: Grid, header: Header): string[] {
  const out: string[] = [];
  for (let r = 0; r < header.firstRow; r++) {
    for (let c = 0; c < grid.colCount; c++) {
      if (!grid.ownCell(r, c)) continue;
      const t = grid.text(r, c);
      if (t !== '') out.push(t);
    }
  }
  return out;
}

function periodFromTitleRows(grid: Grid, header: Header, mode: PeriodMode): Period | undefined {
  const texts = titleTexts(grid, header).filter((t) => !/ngày\s*\d|ngày\s*\.\.\.|,\s*ngày/i.test(t));
  const preferred = texts.find((t) => /năm học|nam hoc|năm\s+\d{4}/i.test(t) && parsePeriod(t, mode));
  const any = preferred ?? texts.find((t) => parsePeriod(t, mode) && !/\d{1,4}\/[A-ZĐ]/.test(t));
  return any ? parsePeriod(any, mode) : undefined;
}

function unitFromTitleRows(grid: Grid, header: Header): string | undefined {
  return titleTexts(grid, header).find((t) => /^(truong|trung tam|phong|so|mam non|mau giao)\b/.test(foldKey(t)) && !/danh sach|bao cao/.test(foldKey(t)));
}

const FOOTER = /^(tong|tong cong|tong so|cong|nguoi lap( bieu)?|hieu truong|thu truong|pho hieu truong|xac nhan|ket luan|danh sach nay)\b/;

function isFooter(name: string): boolean {
  const k = foldKey(name);
  return FOOTER.test(k) || /\bngay \d+ thang \d+ nam\b|, ngay\b/.test(k);
}

function rowTexts(grid: Grid, r: number): string[] {
  const out: string[] = [];
  for (let c = 0; c < grid.colCount; c++) if (grid.ownCell(r, c) && grid.text(r, c) !== '') out.push(grid.text(r, c));
  return out;
}

// A row that only names a group ("Tổ Toán - Tin", "II. TỔ NGỮ VĂN") sets the tổ of the rows under it.
function groupHeading(grid: Grid, r: number, header: Header): string | undefined {
  const texts = rowTexts(grid, r);
  if (texts.length !== 1 && !(texts.length === 2 && /^[IVX]+\.?$|^\d+\.?$/.test(texts[0]))) return undefined;
  const t = texts[texts.length - 1].replace(/^([IVX]+|\d+)[.)]\s*/, '');
  const k = foldKey(t);
  if (!/^(to|khoi|bo phan|phong|ban)\b/.test(k)) return undefined;
  if (header.columns.some((c) => c.field === 'name' && grid.ownCell(r, c.col) && grid.text(r, c.col) === texts[texts.length - 1] && !/^to\b/.test(k))) return undefined;
  return t.replace(/^tổ\s*:\s*/i, 'Tổ ');
}

function rowList(rows: number[]): string {
  const shown = rows.slice(0, 10).map((r) => r + 1).join(', ');
  return rows.length > 10 ? `${shown}, …` : shown;
}
