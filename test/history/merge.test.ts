import { describe, expect, it } from 'vitest';
import { mergeRecords } from '../../src/history/merge.js';
import { buildTimelines } from '../../src/history/timelines.js';
import type { SourceRecord } from '../../src/ingest/types.js';
import type { YearRecord } from '../../src/model/record.js';
import { load, personView, collectiveView, type Carried } from '../ingest/timeline-view.js';

const CANONICAL: Carried = {
  id: true, position: true, gender: true, entryDate: true, unit: true, titleDecisions: true,
  initiatives: 'full', awards: true, awardAuthority: true, discipline: 'full',
};

let row = 1;
function part(file: string, record: Partial<YearRecord>, key: Partial<SourceRecord['key']> = {}): SourceRecord {
  return {
    key: { kind: 'person', name: 'Nguyễn Văn An', id: '001086001234', ...key } as SourceRecord['key'],
    record: { period: '2023-2024', ...record }, source: { file, sheet: 'Cá nhân', row: ++row }, cells: {},
  };
}
const bk = (number?: string, authority?: string) => ({ award: 'bk-tinh' as const, kind: 'cong-trang' as const, decision: { number, date: '2024-08-20', ...(authority ? { authority } : {}) } });

describe('merging one subject and period', () => {
  it('two award rows of one file are two awards', () => {
    const { record } = mergeRecords([part('a.xlsx', { awards: [bk('1/QĐ')] }), part('a.xlsx', { awards: [bk('1/QĐ')] })]);
    expect(record.awards).toHaveLength(2);
  });

  it('the same award told by two files is one, with the fuller decision', () => {
    const { record, issues } = mergeRecords([part('a.xlsx', { awards: [bk('1/QĐ')] }), part('b.xlsx', { awards: [bk('1/QĐ', 'UBND tỉnh')] })]);
    expect(issues).toEqual([]);
    expect(record.awards).toEqual([{ award: 'bk-tinh', kind: 'cong-trang', decision: { number: '1/QĐ', date: '2024-08-20', authority: 'UBND tỉnh' } }]);
  });

  it('two awards with different decision numbers are two awards', () => {
    const { record } = mergeRecords([part('a.xlsx', { awards: [bk('1/QĐ')] }), part('b.xlsx', { awards: [bk('2/QĐ')] })]);
    expect(record.awards).toHaveLength(2);
  });

  it('sáng kiến: a count in one file and named rows in another are the same, the named ones kept', () => {
    const named = (name: string) => ({ type: 'sang-kien' as const, count: 1, level: 'co-so' as const, name });
    const { record, issues } = mergeRecords([
      part('a.xlsx', { initiatives: [{ type: 'sang-kien', count: 2, level: 'co-so' }] }),
      part('b.xlsx', { initiatives: [named('Một')] }), part('b.xlsx', { initiatives: [named('Hai')] }),
    ]);
    expect(issues).toEqual([]);
    expect(record.initiatives!.map((i) => i.name)).toEqual(['Một', 'Hai']);
  });

  it('sáng kiến counts that differ are a conflict naming both rows, and the count is left unknown', () => {
    const a = part('a.xlsx', { initiatives: [{ type: 'sang-kien', count: 2 }] });
    const b = part('b.xlsx', { initiatives: [{ type: 'sang-kien', count: 1 }] });
    b.cells.initiatives = 'I9';
    const { record, issues } = mergeRecords([a, b]);
    expect(issues.map((i) => [i.code, i.file, i.cell, i.data.field])).toEqual([['E_CONFLICT', 'b.xlsx', 'I9', 'initiatives']]);
    expect(record.initiatives).toBeUndefined();
  });

  it('an absent list stays unknown; an empty one is none', () => {
    expect(mergeRecords([part('a.xlsx', { rating: 'HTT' })]).record.awards).toBeUndefined();
    expect(mergeRecords([part('a.xlsx', { awards: [] }), part('b.xlsx', {})]).record.awards).toEqual([]);
  });

  it('stays fast when one person has thousands of rows in one period', () => {
    const parts = Array.from({ length: 4000 }, (_, i) => part(`f${i % 4}.xlsx`, { awards: [bk(`${i}/QĐ`)], discipline: [] }));
    const started = performance.now();
    const { record } = mergeRecords(parts);
    expect(record.awards).toHaveLength(4000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('timelines from many records', () => {
  it('grow linearly: 20,000 persons × 5 periods in well under a few seconds', () => {
    const records: SourceRecord[] = [];
    for (let p = 0; p < 20_000; p++) {
      for (const period of ['2020-2021', '2021-2022', '2022-2023', '2023-2024', '2024-2025']) {
        records.push({
          key: { kind: 'person', name: `Người ${p}`, id: String(p).padStart(12, '0') },
          record: { period, unit: `Trường ${p % 50}`, team: `Tổ ${p % 5}`, rating: 'HTT', titles: [{ award: 'ldtt', kind: 'cong-trang' }], awards: [] },
          source: { file: `f${p % 50}.xlsx`, sheet: 'Cá nhân', row: p + 2 }, cells: {},
        });
      }
    }
    const started = performance.now();
    const { timelines, issues } = buildTimelines(records);
    expect(issues).toEqual([]);
    expect(timelines.filter((t) => t.subject.kind === 'person')).toHaveLength(20_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe('the three layouts read together', () => {
  it('give the canonical timelines, with no conflict and nothing counted twice', async () => {
    const all = await load(['truong-thcs-hoa-sen/chuan', 'truong-thcs-hoa-sen/theo-nam', 'truong-thcs-hoa-sen/ngang']);
    const chuan = await load(['truong-thcs-hoa-sen/chuan']);
    expect(all.allIssues).toEqual([]);
    expect(personView(all.timelines, CANONICAL)).toEqual(personView(chuan.timelines, CANONICAL));
    expect(collectiveView(all.timelines, { records: true, awards: true })).toEqual(collectiveView(chuan.timelines, { records: true, awards: true }));
  });
});
