import { issue, type Issue } from '../model/issue.js';
import type { YearRecord } from '../model/record.js';
import type { SourceRecord } from '../ingest/types.js';
import { LISTS, mergeLists } from './merge-lists.js';

const ANNUAL_TITLES = new Set(['ldtt', 'cstdcs', 'ttldtt', 'ttldxs']);

/**
 * Merges what several rows say of one subject in one period. Ratings that disagree, or a title column that
 * says "none" where another lists a title, are conflicts naming both cells: the fact is left unknown.
 * Lists are joined (merge-lists.ts): an item repeated by another file is counted once, a repeat in one file
 * is another item.
 */
export function mergeRecords(parts: SourceRecord[]): { record: YearRecord; issues: Issue[] } {
  if (parts.length === 1) return { record: onlyRecord(parts[0].record), issues: [] };
  const issues: Issue[] = [];
  const first = parts[0];
  const record: YearRecord = { period: first.record.period };
  const where = (p: SourceRecord, field: keyof YearRecord) => `${p.source.file} › ${p.source.sheet}!${p.cells[field] ?? `A${p.source.row}`}`;
  const conflict = (a: SourceRecord, b: SourceRecord, field: keyof YearRecord, va: string, vb: string) =>
    issues.push(issue('E_CONFLICT', 'error', { file: b.source.file, sheet: b.source.sheet, cell: b.cells[field] ?? `A${b.source.row}` },
      { field, period: record.period, value: vb, otherValue: va, other: where(a, field), here: where(b, field) }));

  let ratingFrom: SourceRecord | undefined;
  let ratingConflict = false;
  let titlesFrom: SourceRecord | undefined;
  for (const p of parts) {
    const r = p.record;
    record.unit ??= r.unit;
    record.team ??= r.team;
    record.collective ??= r.collective;
    if (r.note && !record.note) record.note = r.note;
    if (r.rating) {
      if (ratingFrom && ratingFrom.record.rating !== r.rating) {
        conflict(ratingFrom, p, 'rating', ratingFrom.record.rating!, r.rating);
        ratingConflict = true;
      } else ratingFrom ??= p;
    }
    if (r.titles) {
      const annual = r.titles.filter((t) => ANNUAL_TITLES.has(t.award));
      if (titlesFrom) {
        const before = titlesFrom.record.titles!.filter((t) => ANNUAL_TITLES.has(t.award));
        if ((before.length === 0) !== (annual.length === 0)) {
          conflict(titlesFrom, p, 'titles', before.map((t) => t.award).join(', ') || '—', annual.map((t) => t.award).join(', ') || '—');
        }
      } else titlesFrom = p;
      record.titles = joinHonours(record.titles ?? [], r.titles);
    }
  }
  for (const f of LISTS) {
    const merged = mergeLists(parts, f);
    if (merged.list) (record as Record<string, unknown>)[f] = merged.list;
    if (merged.conflict) conflict(merged.conflict.a, merged.conflict.b, f, merged.conflict.va, merged.conflict.vb);
  }
  if (ratingFrom && !ratingConflict) record.rating = ratingFrom.record.rating;
  if (!record.unit) delete record.unit;
  if (!record.team) delete record.team;
  if (!record.collective) delete record.collective;
  return { record, issues };
}

/**
 * One row for the subject and period, as for most of a province: the record the general path would build, field
 * for field and in the same order, without copying its lists (nothing changes them afterwards) and without
 * deleting absent fields (a delete turns a V8 object into a slower dictionary).
 */
function onlyRecord(r: YearRecord): YearRecord {
  const record: YearRecord = { period: r.period };
  if (r.unit) record.unit = r.unit;
  if (r.team) record.team = r.team;
  if (r.collective) record.collective = r.collective;
  if (r.note) record.note = r.note;
  if (r.titles) record.titles = r.titles.length > 1 ? joinHonours([], r.titles) : r.titles;
  for (const f of LISTS) if (r[f] !== undefined) (record as Record<string, unknown>)[f] = r[f];
  if (r.rating) record.rating = r.rating;
  return record;
}

// The same title from two sources is one title; keep the one that carries its decision.
function joinHonours(a: NonNullable<YearRecord['titles']>, b: NonNullable<YearRecord['titles']>): NonNullable<YearRecord['titles']> {
  const out = [...a];
  for (const h of b) {
    const i = out.findIndex((x) => x.award === h.award);
    if (i < 0) out.push(h);
    else if (!out[i].decision && h.decision) out[i] = h;
  }
  return out;
}
