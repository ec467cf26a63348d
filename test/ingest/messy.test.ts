import { describe, expect, it } from 'vitest';
import { codes, collectiveView, load, personView, type Carried } from './timeline-view.js';

// The inputs that go wrong in real batches (scripts/fixtures/messy.ts). Codes, cells and data are asserted,
// never the wording of messages.
const PER_YEAR: Carried = { id: true, position: true, gender: true, unit: true, initiatives: 'counts', awards: true, discipline: 'level' };
const WIDE: Carried = { unit: true };
const clean = (year: string) => `truong-thcs-hoa-sen/theo-nam/DS thi dua NH ${year}.xlsx`;

describe('NFD text, serial dates, numeric ids', () => {
  it('read as the clean list of the same year', async () => {
    const messy = await load(['messy/nfd-serial']);
    const tidy = await load([clean('2023-2024')]);
    expect(codes(messy.allIssues, 'error')).toEqual([]);
    expect(codes(messy.allIssues, 'warning')).toEqual([]);
    expect(personView(messy.timelines, PER_YEAR)).toEqual(personView(tidy.timelines, PER_YEAR));
    expect(collectiveView(messy.timelines, { records: true, awards: true })).toEqual(collectiveView(tidy.timelines, { records: true, awards: true }));
  });

  it('keeps the leading zero of ids stored as numbers, and says so where no format kept it', async () => {
    const messy = await load(['messy/nfd-serial']);
    const ids = messy.timelines.filter((t) => t.subject.kind === 'person').map((t) => t.subject.id);
    expect(ids.length).toBe(40);
    expect(ids.every((id) => /^0\d{11}$/.test(id))).toBe(true);
    const padded = messy.allIssues.filter((i) => i.code === 'I_ID_PADDED');
    expect(padded.length).toBeGreaterThan(0);
    expect(padded.every((i) => i.sheet === 'DS cá nhân' && /^B\d+$/.test(i.cell!) && Number(i.cell!.slice(1)) % 5 === 0)).toBe(true);
  });

  it('names are NFC', async () => {
    const messy = await load(['messy/nfd-serial']);
    for (const t of messy.timelines) expect(t.subject.name).toBe(t.subject.name.normalize('NFC'));
  });
});

describe.each([
  ['tcvn3', 'messy/tcvn3', '2019-2020', 'TCVN3 (ABC)'],
  ['vni', 'messy/vni', '2020-2021', 'VNI'],
])('legacy encoding %s', (_name, dir, year, encoding) => {
  it('is reported, cell by cell, and the sheet is not read as garbage', async () => {
    const r = await load([dir]);
    const warnings = r.allIssues.filter((i) => i.code === 'W_LEGACY_ENCODING');
    expect(warnings.map((w) => w.sheet).sort()).toEqual(['DS cá nhân', 'DS tập thể']);
    const persons = warnings.find((w) => w.sheet === 'DS cá nhân')!;
    expect(persons.data.encoding).toBe(encoding);
    expect(persons.cell).toBe('A1');
    expect(String(persons.data.cells)).toMatch(/^A1, /);
    expect(Number(persons.data.count)).toBeGreaterThan(100);
    expect(codes(r.allIssues, 'error')).toEqual(['E_LEGACY_SHEET_UNREAD', 'E_LEGACY_SHEET_UNREAD']);
    expect(r.records).toEqual([]);
  });

  it('with --fix-encoding reads as the clean list of the same year', async () => {
    const fixed = await load([dir], true);
    const tidy = await load([clean(year)]);
    expect(codes(fixed.allIssues).filter((c) => !c.startsWith('I_'))).toEqual([]);
    expect(codes(fixed.allIssues, 'info')).toEqual(['I_LEGACY_ENCODING_FIXED', 'I_LEGACY_ENCODING_FIXED']);
    expect(personView(fixed.timelines, PER_YEAR)).toEqual(personView(tidy.timelines, PER_YEAR));
    expect(collectiveView(fixed.timelines, { records: true, awards: true })).toEqual(collectiveView(tidy.timelines, { records: true, awards: true }));
    expect(fixed.inputs[0].sheets.map((s) => s.columns)).toEqual(tidy.inputs[0].sheets.map((s) => s.columns));
  });
});

describe('two files that disagree', () => {
  it('give one E_CONFLICT naming both cells, and the rating is left unknown', async () => {
    const r = await load(['messy/xung-dot']);
    const conflicts = r.allIssues.filter((i) => i.code === 'E_CONFLICT');
    expect(conflicts).toHaveLength(1);
    const c = conflicts[0];
    expect(c).toMatchObject({ severity: 'error', file: 'messy/xung-dot/van-phong.xlsx', sheet: 'Cá nhân', cell: 'F2' });
    expect(c.data).toMatchObject({ field: 'rating', period: '2024-2025', value: 'HTT', otherValue: 'HTXS' });
    expect(String(c.data.other)).toContain('to-toan.xlsx');
    expect(String(c.data.other)).toContain('Cá nhân!F2');
    expect(String(c.data.here)).toContain('van-phong.xlsx');
    const person = r.timelines.find((t) => t.subject.kind === 'person')!;
    expect(person.records).toHaveLength(1);
    expect(person.records[0].rating).toBeUndefined();
    expect(person.records[0].titles?.map((h) => h.award)).toEqual(['cstdcs']);
  });
});

describe('two people of one name', () => {
  it('a row naming only the name is ambiguous and merged into nobody', async () => {
    const r = await load(['messy/trung-ten']);
    const amb = r.allIssues.filter((i) => i.code === 'E_AMBIGUOUS_PERSON');
    expect(amb).toHaveLength(1);
    expect(amb[0]).toMatchObject({ file: 'messy/trung-ten/chi-co-ten.xlsx', sheet: 'Cá nhân', cell: 'A2' });
    expect(amb[0].data).toMatchObject({ name: 'Nguyễn Văn An', count: 2 });
    const persons = r.timelines.filter((t) => t.subject.kind === 'person');
    expect(persons.map((t) => t.subject.id).sort()).toEqual(['001086001234', '001090005678']);
    for (const t of persons) expect(t.records.map((x) => x.period)).toEqual(['2023-2024']);
  });
});

describe('values a clerk invented', () => {
  it('are errors at their cells; the rest of each row is read', async () => {
    const r = await load(['messy/gia-tri-la.xlsx']);
    const at = (code: string) => r.allIssues.filter((i) => i.code === code).map((i) => `${i.sheet}!${i.cell}`);
    expect(at('E_UNKNOWN_TITLE')).toEqual(['Cá nhân!F2']);
    expect(at('E_UNKNOWN_RATING')).toEqual(['Cá nhân!E3']);
    expect(at('E_BAD_DATE')).toEqual(['Cá nhân!C3']);
    expect(at('E_MISSING_NAME')).toEqual(['Cá nhân!B4']);
    expect(at('E_FORMULA_ERROR')).toEqual(['Cá nhân!E5']);
    expect(r.allIssues.find((i) => i.code === 'E_UNKNOWN_TITLE')!.data.value).toBe('LĐXS');
    expect(r.allIssues.find((i) => i.code === 'E_BAD_DATE')!.data.value).toBe('31/02/1990');
    expect(r.allIssues.find((i) => i.code === 'E_FORMULA_ERROR')!.data.value).toBe('#N/A');
    const byName = new Map(r.timelines.map((t) => [t.subject.name, t.records[0]]));
    expect([...byName.keys()].sort()).toEqual(['Lý Văn Phúc', 'Ngô Văn Tài', 'Đinh Thị Nga']);
    expect(byName.get('Ngô Văn Tài')).toMatchObject({ rating: 'HTXS', titles: [], initiatives: [{ count: 1 }] });
    expect(byName.get('Đinh Thị Nga')!.rating).toBeUndefined();
    expect(byName.get('Đinh Thị Nga')!.titles!.map((h) => h.award)).toEqual(['ldtt']);
    expect(byName.get('Lý Văn Phúc')!.rating).toBeUndefined();
  });
});

describe('wide layout with a two-row header, a hidden sheet and a hidden row', () => {
  it('reads the same ratings and titles as the plain wide file', async () => {
    const messy = await load(['messy/ngang-hai-dong.xlsx']);
    const plain = await load(['truong-thcs-hoa-sen/ngang']);
    expect(personView(messy.timelines, WIDE)).toEqual(personView(plain.timelines, WIDE));
    expect(codes(messy.allIssues).filter((c) => !c.startsWith('I_'))).toEqual([]);
    expect(messy.inputs[0].layout).toBe('wide');
  });

  it('reports the hidden sheet and the hidden row', async () => {
    const r = await load(['messy/ngang-hai-dong.xlsx']);
    expect(r.allIssues.find((i) => i.code === 'I_HIDDEN_SHEET')).toMatchObject({ sheet: 'Ghi chú' });
    expect(r.allIssues.find((i) => i.code === 'I_HIDDEN_ROWS')).toMatchObject({ sheet: 'Tổng hợp', data: { count: 1, rows: '12' } });
  });
});

describe('CSV with a BOM and semicolons', () => {
  it('reads six persons of 2024-2025 with their tổ', async () => {
    const r = await load(['messy/csv']);
    expect(codes(r.allIssues)).toEqual([]);
    const persons = r.timelines.filter((t) => t.subject.kind === 'person');
    expect(persons).toHaveLength(6);
    const huong = persons.find((t) => t.subject.name === 'Nguyễn Thị Hương')!;
    expect(huong.subject).toMatchObject({ birthDate: '1978-03-12' });
    expect(huong.records).toMatchObject([{ period: '2024-2025', team: 'Tổ Toán - Tin', rating: 'HTXS' }]);
    expect(huong.records[0].titles!.map((h) => h.award)).toEqual(['ldtt']);
    expect(r.inputs[0].sheets[0].columns).toMatchObject({ 'Họ và tên': 'name', 'Năm học': 'period', 'Xếp loại': 'rating' });
  });
});
