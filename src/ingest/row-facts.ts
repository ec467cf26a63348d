import { issue, type Issue } from '../model/issue.js';
import type { Decision, Discipline, Leave, Revocation, YearRecord } from '../model/record.js';
import { isErrorValue, parseDateValue } from './cell-values.js';
import type { Field } from './columns.js';
import { parseDecision } from './decision.js';
import { mergeInitiativeLevel, parseAwards, parseCombo } from './facts.js';
import { cellAddress, type Grid } from './grid.js';
import type { Column } from './header.js';
import { foldKey } from './text.js';
import type { SourceRecord } from './types.js';
import {
  parseAwardKind, parseDiscipline, parseInitiativeLevel, parseInitiatives, parseLeave, parseMark,
} from './vocabulary.js';

/** The columns that hold facts of a period (the rest name the subject). */
export const FACT_FIELDS = new Set<Field>(['rating', 'titles', 'initiatives', 'award', 'discipline', 'leave', 'revoked']);

export type Where = (r?: number, c?: number) => { file: string; sheet: string; cell?: string };

/** Reads the facts of one row (or one period group of a wide row) into `rec`, every misunderstood cell an issue. */
export function readFacts(grid: Grid, r: number, cols: Column[], decisionCols: Column[], rec: YearRecord, cells: SourceRecord['cells'], issues: Issue[], where: Where): void {
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
