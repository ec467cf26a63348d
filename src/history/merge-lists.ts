import type { Decision, Discipline, Honour, Initiative, YearRecord } from '../model/record.js';
import type { SourceRecord } from '../ingest/types.js';

export const LISTS = ['awards', 'initiatives', 'discipline', 'leave', 'revoked'] as const;
export type ListField = (typeof LISTS)[number];

/** Two sources disagree on a list (sáng kiến counts): the caller reports it, naming both rows. */
export type ListConflict = { field: ListField; a: SourceRecord; b: SourceRecord; va: string; vb: string };

type Item = NonNullable<YearRecord[ListField]>[number];

/**
 * Joins what several files list for one subject and period. Within one file every row is an item (two Bằng
 * khen rows are two awards). Across files, the same item told twice is one item: an award of the same form
 * and kind whose decisions do not contradict, a discipline of the same level; the copy with more detail is
 * kept. Sáng kiến are compared by their count: one file's "02 SK cấp cơ sở" and another's two named rows are
 * the same two; different counts are a conflict, and the count is left unknown (as for a rating): which file
 * sorts first must never decide a verdict.
 * Linear in the number of items per file and period.
 */
export function mergeLists(parts: SourceRecord[], field: ListField): { list?: Item[]; conflict?: ListConflict } {
  // One row for the subject and period, as for most of a province: its list as it is (a copy).
  if (parts.length === 1) {
    const list = parts[0].record[field] as Item[] | undefined;
    return list === undefined ? {} : { list: [...list] };
  }
  const byFile = new Map<string, { from: SourceRecord; items: Item[] }>();
  for (const p of parts) {
    const list = p.record[field] as Item[] | undefined;
    if (list === undefined) continue;
    const entry = byFile.get(p.source.file) ?? byFile.set(p.source.file, { from: p, items: [] }).get(p.source.file)!;
    entry.items.push(...list);
  }
  if (byFile.size === 0) return {};
  const [first, ...others] = [...byFile.values()];
  if (field === 'initiatives') return mergeInitiatives(first, others);
  const out = [...first.items];
  for (const other of others) {
    // Only items of earlier files can be this file's repeats, each at most once.
    const before = out.length;
    const used = new Set<number>();
    for (const item of other.items) {
      let match = -1;
      for (let j = 0; j < before && match < 0; j++) if (!used.has(j) && same(field, out[j], item)) match = j;
      if (match < 0) {
        out.push(item);
      } else {
        used.add(match);
        out[match] = richer(field, out[match], item);
      }
    }
  }
  return { list: out };
}

function same(field: ListField, a: Item, b: Item): boolean {
  if (field === 'awards' || field === 'revoked') {
    const x = a as Honour;
    const y = b as Honour;
    return x.award === y.award && (field === 'revoked' || x.kind === y.kind) && decisionsAgree(x.decision, y.decision);
  }
  if (field === 'discipline') {
    const x = a as Discipline;
    const y = b as Discipline;
    return x.level === y.level && (!x.until || !y.until || x.until === y.until);
  }
  return (a as { kind: string }).kind === (b as { kind: string }).kind; // leave
}

function decisionsAgree(a: Decision | undefined, b: Decision | undefined): boolean {
  if (!a || !b) return true;
  return (!a.number || !b.number || a.number === b.number) && (!a.date || !b.date || a.date === b.date);
}

// The copy that says more: fields one copy lacks are taken from the other (decision number, date, authority).
function richer(field: ListField, a: Item, b: Item): Item {
  if (field !== 'awards' && field !== 'discipline') return a;
  const x = a as Honour | Discipline;
  const y = b as Honour | Discipline;
  const decision = x.decision || y.decision ? { ...y.decision, ...x.decision } : undefined;
  const merged = { ...y, ...x } as Honour | Discipline;
  if (decision) merged.decision = decision;
  return merged as Item;
}

function mergeInitiatives(first: { from: SourceRecord; items: Item[] }, others: { from: SourceRecord; items: Item[] }[]): { list?: Item[]; conflict?: ListConflict } {
  let best = first;
  for (const other of others) {
    const a = total(best.items as Initiative[]);
    const b = total(other.items as Initiative[]);
    if (a !== b) return { conflict: { field: 'initiatives', a: best.from, b: other.from, va: String(a), vb: String(b) } };
    if (detail(other.items as Initiative[]) > detail(best.items as Initiative[])) best = other;
  }
  return { list: best.items };
}

function total(list: Initiative[]): number {
  return list.reduce((n, i) => n + i.count, 0);
}

// Named rows, known levels and a known basis say more than a bare count.
function detail(list: Initiative[]): number {
  return list.reduce((n, i) => n + (i.name ? 4 : 0) + (i.level ? 2 : 0) + (i.basisOfCstdcs !== undefined ? 1 : 0), 0);
}
