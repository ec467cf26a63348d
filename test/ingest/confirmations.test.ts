import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTimelines } from '../../src/history/timelines.js';
import { readInputs } from '../../src/ingest/inputs.js';
import { parseAnswer } from '../../src/ingest/vocabulary.js';
import { makeSchool } from '../../scripts/fixtures/school.js';
import { load } from './timeline-view.js';

const school = makeSchool();
const idOf = (name: string) => school.staff.find((s) => s.name === name)!.id;

describe('parseAnswer', () => {
  it.each(['Đạt', 'ĐẠT', 'đạt', 'Có', 'x', 'X', 'Đồng ý'])('%s is yes', (t) => expect(parseAnswer(t)).toBe(true));
  it.each(['Không đạt', 'Không', 'KHÔNG ĐẠT', 'Chưa đạt'])('%s is no', (t) => expect(parseAnswer(t)).toBe(false));
  it.each(['Chưa rõ', 'Đạt?', 'Có thể', ''])('%s is not understood', (t) => expect(parseAnswer(t)).toBeUndefined());
});

describe('a file holding only a "Xác nhận" sheet', () => {
  it('yields confirmations, no records, and no issues', async () => {
    const r = await load(['truong-thcs-hoa-sen/xac-nhan']);
    expect(r.allIssues).toEqual([]);
    expect(r.records).toEqual([]);
    expect(r.inputs[0]).toMatchObject({ layout: 'confirmations', rows: 4 });
    expect(r.inputs[0].sheets[0]).toMatchObject({ name: 'Xác nhận', kind: 'confirmation', headerRow: 1 });
    expect(r.confirmations.map((c) => [c.subject.name, c.award, c.criterion, c.answer])).toEqual([
      ['Vũ Minh Khánh', 'cstd-tinh', 'Tiêu biểu xuất sắc, được lựa chọn', true],
      ['Trường THCS Hoa Sen', 'co-tinh', 'leads-cluster', true],
      ['Tổ Ngữ văn', 'bk-ttg', 'article-73-2', false],
      ['Trần Văn Dũng', 'knc-gd', 'service-years', true],
    ]);
    const first = r.confirmations[0];
    expect(first).toMatchObject({
      subject: { kind: 'person', id: idOf('Vũ Minh Khánh') }, period: '2024-2025', who: 'Hội đồng TĐKT Trường THCS Hoa Sen',
      basis: 'Biên bản họp Hội đồng TĐKT số 03/BB-HĐTĐKT ngày 10/7/2025',
      source: { file: 'truong-thcs-hoa-sen/xac-nhan/xac-nhan-2024-2025.xlsx', sheet: 'Xác nhận', row: 2, cell: 'H2' },
    });
    expect(r.confirmations[1].subject).toMatchObject({ kind: 'collective', name: 'Trường THCS Hoa Sen' });
    expect(r.confirmations[3].basis).toBeUndefined();
  });

  it('points each confirmation at a subject of the data, by id, by name or by collective name', async () => {
    const r = await load(['truong-thcs-hoa-sen/chuan', 'truong-thcs-hoa-sen/xac-nhan']);
    const history = buildTimelines(r.records, r.confirmations);
    expect(history.issues).toEqual([]);
    expect(history.confirmations.map((c) => [c.subject, c.criterion])).toEqual([
      [idOf('Vũ Minh Khánh'), 'Tiêu biểu xuất sắc, được lựa chọn'],
      ['THCSHS', 'leads-cluster'],
      ['truong-thcs-hoa-sen/to-ngu-van', 'article-73-2'],
      [idOf('Trần Văn Dũng'), 'service-years'],
    ]);
  });

  it('matches the per-year lists too (no unit codes there)', async () => {
    const r = await load(['truong-thcs-hoa-sen/theo-nam', 'truong-thcs-hoa-sen/xac-nhan']);
    const history = buildTimelines(r.records, r.confirmations);
    expect(history.issues).toEqual([]);
    expect(history.confirmations[1].subject).toBe('truong-thcs-hoa-sen');
  });
});

describe('a "Xác nhận" sheet beside the data, with answers that cannot be read', () => {
  it('is not read as person data, and leaves the workbook layout alone', async () => {
    const r = await load(['messy/xac-nhan-sai.xlsx']);
    expect(r.inputs[0].layout).toBe('canonical');
    expect(r.records.map((x) => x.source.sheet)).toEqual(['Cá nhân', 'Cá nhân']);
  });

  it('reports each bad row at its cell and keeps only the rows fully read', async () => {
    const r = await load(['messy/xac-nhan-sai.xlsx']);
    const bad = r.allIssues.filter((i) => i.code === 'E_BAD_CONFIRMATION').map((i) => [i.cell, i.data.reason, i.data.value]);
    expect(bad).toEqual([['H3', 'answer', 'Chưa rõ'], ['I4', 'who', ''], ['G8', 'criterion', '']]);
    expect(r.allIssues.filter((i) => i.code === 'E_UNKNOWN_AWARD').map((i) => `${i.sheet}!${i.cell}`)).toEqual(['Xác nhận!F5']);
    expect(r.confirmations.map((c) => [c.source.row, c.answer, c.award])).toEqual([[2, true, 'bk-tinh'], [6, true, '*'], [7, false, '*']]);
  });

  it('a confirmation naming nobody in the data is an error, never dropped silently', async () => {
    const r = await load(['messy/xac-nhan-sai.xlsx']);
    const history = buildTimelines(r.records, r.confirmations);
    expect(history.issues.map((i) => [i.code, i.cell, i.data.name])).toEqual([['E_UNKNOWN_SUBJECT', 'A6', 'Lê Văn Vắng']]);
    expect(history.confirmations.map((c) => c.subject)).toEqual(['001086001234', '001090005678']);
  });
});

describe('confirmations in a CSV file', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'tdkt-xn-'));
    writeFileSync(join(dir, 'xac-nhan.csv'), '\ufeffHọ và tên;Tiêu chí;Xác nhận;Người xác nhận;Căn cứ\r\nĐặng Thị Lan;  selected ;Có;Hội đồng TĐKT;BB 03\r\nLê Thị Mai;leads-cluster;Không;Hội đồng TĐKT;\r\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads through the same reader, criterion trimmed, award "*"', async () => {
    const r = await readInputs([dir], dir, { mode: 'school-year', fixEncoding: false });
    expect(r.issues).toEqual([]);
    expect(r.confirmations.map((c) => [c.subject.name, c.criterion, c.answer, c.award, c.basis])).toEqual([
      ['Đặng Thị Lan', 'selected', true, '*', 'BB 03'],
      ['Lê Thị Mai', 'leads-cluster', false, '*', undefined],
    ]);
    expect(r.confirmations[0].source).toMatchObject({ file: 'xac-nhan.csv', row: 2, cell: 'C2' });
  });
});
