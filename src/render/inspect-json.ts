import type { InputSummary } from '../ingest/types.js';
import type { YearRecord } from '../model/record.js';
import type { Timeline } from '../model/subject.js';

export type RenderedIssue = Record<string, unknown>;

/** `tdkt inspect --json`: schema tdkt.inspect/v1 (DESIGN.md), as one string (small inputs, tests). */
export function renderInspectJson(inputs: InputSummary[], issues: RenderedIssue[], timelines: Timeline[]): string {
  return [...inspectJsonChunks(inputs, issues, timelines)].join('');
}

/**
 * The same text as `JSON.stringify(…, null, 2)`, a subject at a time: a province's timelines are hundreds of MB
 * of JSON and must not sit in memory as one string.
 */
export function* inspectJsonChunks(inputs: InputSummary[], issues: RenderedIssue[], timelines: Timeline[]): Generator<string> {
  const head = JSON.stringify({ schema: 'tdkt.inspect/v1', inputs, issues, subjects: [] }, null, 2);
  if (timelines.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield head.slice(0, head.lastIndexOf('[]'));
  yield '[';
  let first = true;
  for (const t of timelines) {
    yield `${first ? '' : ','}\n    ${JSON.stringify(subjectJson(t), null, 2).replace(/\n/g, '\n    ')}`;
    first = false;
  }
  yield '\n  ]\n}\n';
}

function subjectJson(t: Timeline): Record<string, unknown> {
  const s = t.subject;
  const out: Record<string, unknown> = { id: s.id, kind: s.kind, name: s.name };
  if (s.kind === 'person') {
    if (s.birthDate) out.birthDate = s.birthDate;
    else if (s.birthYear) out.birthYear = s.birthYear;
    if (s.gender) out.gender = s.gender;
    if (s.position) out.position = s.position;
    if (s.entryDate) out.entryDate = s.entryDate;
    out.idSource = s.idSource;
  } else if (s.parent) out.parent = s.parent;
  if (s.unit) out.unit = s.unit;
  out.periods = t.records.map(periodJson);
  return out;
}

export function periodJson(r: YearRecord): Record<string, unknown> {
  const out: Record<string, unknown> = { period: r.period };
  if (r.unit) out.unit = r.unit;
  if (r.team) out.team = r.team;
  if (r.collective) out.collective = r.collective;
  out.rating = r.rating ?? null;
  out.titles = r.titles ? r.titles.map((h) => h.award) : null;
  const decisions = r.titles?.filter((h) => h.decision).map((h) => ({ award: h.award, decision: h.decision }));
  if (decisions && decisions.length > 0) out.titleDecisions = decisions;
  out.initiatives = r.initiatives ?? null;
  out.awards = r.awards ?? null;
  out.discipline = r.discipline ?? null;
  if (r.leave && r.leave.length > 0) out.leave = r.leave;
  if (r.revoked && r.revoked.length > 0) out.revoked = r.revoked;
  if (r.note) out.note = r.note;
  return out;
}
