import { describe, expect, it } from 'vitest';
import { AWARDS } from '../../src/model/award.js';
import type { YearRecord } from '../../src/model/record.js';
import type { Timeline } from '../../src/model/subject.js';
import { memberIndex, resolveParameters, rulesetById, unsupportedTitles, type Environment } from '../../src/rules/index.js';

const year = (period: string, extra: Partial<YearRecord>): YearRecord => ({ period, unit: 'Trường A', collective: 'truong-a', discipline: [], initiatives: [], awards: [], ...extra });
const person = (id: string, records: YearRecord[]): Timeline => ({ subject: { kind: 'person', id, idSource: 'ma-dinh-danh', name: `Người ${id}`, entryDate: '2010-09-01' }, records });
const title = (...awards: string[]) => awards.map((award) => ({ award, kind: 'cong-trang' })) as YearRecord['titles'];

function warnings(timelines: Timeline[]): { id: string; period: string; title: string }[] {
  const env: Environment = { ruleset: rulesetById('vn-2025')!, params: resolveParameters('vn-2025').params, asOf: '2024-2025', confirmations: [], members: memberIndex(timelines) };
  return timelines.flatMap((tl) => unsupportedTitles(tl, env, {})).map((i) => ({ id: String(i.data.id), period: String(i.data.period), title: String(i.data.title) }));
}

describe('titles the records claim but their data does not support', () => {
  it('judge each claimed title once: a CSTĐCS for itself, not its LĐTT; a TTLĐXS for itself, not its TTLĐTT', () => {
    const timelines: Timeline[] = [
      // LĐTT with HT: unsupported. LĐTT with HTT: supported. A later year than the as-of one is not judged.
      person('p1', [year('2023-2024', { rating: 'HT', titles: title('ldtt') }), year('2024-2025', { rating: 'HTT', titles: title('ldtt') }), year('2025-2026', { rating: 'HT', titles: title('ldtt') })]),
      // CSTĐCS and LĐTT on a row rated HT: the CSTĐCS is what is judged, once.
      person('p2', [year('2024-2025', { rating: 'HT', titles: title('ldtt', 'cstdcs') })]),
      // No title, or only an award that is not an annual title: nothing to judge.
      person('p3', [year('2024-2025', { rating: 'HT', titles: [] }), year('2023-2024', { rating: 'HT', titles: title('giay-khen') })]),
      // A collective claiming TTLĐXS and TTLĐTT whose members hold no LĐTT: the TTLĐXS is judged, once.
      { subject: { kind: 'collective', id: 'truong-a', name: 'Trường A' }, records: [{ period: '2024-2025', titles: title('ttldtt', 'ttldxs'), discipline: [], awards: [] }] },
    ];
    expect(warnings(timelines)).toEqual([
      { id: 'p1', period: '2023-2024', title: AWARDS.ldtt.short },
      { id: 'p2', period: '2024-2025', title: AWARDS.cstdcs.short },
      { id: 'truong-a', period: '2024-2025', title: AWARDS.ttldxs.short },
    ]);
  });
});
