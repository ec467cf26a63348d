import { issue, type Issue } from '../model/issue.js';
import { parseDateValue, parseIdValue } from './cell-values.js';
import type { Field } from './columns.js';
import type { Grid } from './grid.js';
import type { Column } from './header.js';
import type { Where } from './row-facts.js';
import { foldKey, tidyName } from './text.js';
import type { CollectiveKey, PersonKey } from './types.js';
import { parseGender, parseMark } from './vocabulary.js';

/** Who a row is about: name, id (leading zeros kept), birth date or year, gender, position, entry date. */
export function personKey(grid: Grid, r: number, byField: Map<Field, Column>, name: string, issues: Issue[], where: Where): PersonKey {
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
    if (!c || !cell || grid.text(r, c.col) === '') continue;
    const parsed = parseDateValue(cell.value);
    if (!parsed) {
      issues.push(issue('E_BAD_DATE', 'error', where(r, c.col), { value: grid.text(r, c.col), header: c.header }));
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
  if (entry && entryCell && grid.text(r, entry.col) !== '') {
    const parsed = parseDateValue(entryCell.value);
    if (parsed?.date) key.entryDate = parsed.date;
    else if (parsed?.year) key.entryDate = `${parsed.year}-09-01`;
    else issues.push(issue('E_BAD_DATE', 'error', where(r, entry.col), { value: grid.text(r, entry.col), header: entry.header }));
  }
  return key;
}

// Without a "Đơn vị cấp trên" column, the unit named in the title rows is the parent of the tổ listed.
export function collectiveKey(grid: Grid, r: number, byField: Map<Field, Column>, name: string, titleUnit: string | undefined): CollectiveKey {
  const key: CollectiveKey = { kind: 'collective', name };
  const code = byField.get('unitCode');
  if (code && grid.text(r, code.col) !== '') key.code = grid.text(r, code.col);
  const parent = byField.get('parent');
  const parentText = parent ? grid.text(r, parent.col) : titleUnit;
  if (parentText && foldKey(parentText) !== foldKey(name)) key.parent = parentText;
  return key;
}
