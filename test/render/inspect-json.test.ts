import { describe, expect, it } from 'vitest';
import type { Timeline } from '../../src/model/subject.js';
import { renderInspectJson } from '../../src/render/inspect-json.js';

const person = (i: number): Timeline => ({
  subject: { kind: 'person', id: `0010860000${i}`, idSource: 'ma-dinh-danh', name: `Nguyễn Văn ${i} "&<>`, birthDate: '1986-02-05' },
  records: [{ period: '2023-2024', rating: 'HTXS', titles: [{ award: 'cstdcs', kind: 'cong-trang' }], initiatives: [], awards: [], discipline: [] }],
});

// Streamed a subject at a time, the text is exactly what JSON.stringify(…, null, 2) would give for the whole.
describe('inspect --json text', () => {
  it.each([0, 1, 3])('is JSON.stringify-identical with %i subjects', (n) => {
    const text = renderInspectJson([], [{ code: 'W_X', message: 'ô "A1"' }], Array.from({ length: n }, (_, i) => person(i)));
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(JSON.parse(text).subjects).toHaveLength(n);
  });
});
