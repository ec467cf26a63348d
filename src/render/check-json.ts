import type { InputSummary } from '../ingest/types.js';
import { formatCitation } from '../rules/citation.js';
import type { CheckResult, Ruleset, Verdict } from '../rules/types.js';
import type { Subject } from '../model/subject.js';
import type { RenderedIssue } from './inspect-json.js';

export type Lang = 'vi' | 'en';

export function checkJson(c: CheckResult, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = { criterion: c.criterion, status: c.status, message: c.found[lang], requirement: c.requirement[lang] };
  if (c.periods && c.periods.length) out.periods = c.periods;
  if (c.missing && c.missing.length) out.missing = c.missing;
  if (c.citation) out.citation = formatCitation(c.citation);
  if (c.confidence) out.confidence = c.confidence;
  if (c.presumed) out.presumed = true;
  if (c.confirmedBy) out.confirmedBy = c.confirmedBy;
  if (c.note) out.note = c.note[lang];
  if (c.children) {
    out.combine = c.combine;
    out.checks = c.children.map((x) => checkJson(x, lang));
  }
  return out;
}

export function verdictJson(v: Verdict, lang: Lang): Record<string, unknown> {
  return {
    subject: v.subject, award: v.award, status: v.status, citation: formatCitation(v.citation), confidence: v.confidence,
    checks: v.checks.map((c) => checkJson(c, lang)),
  };
}

export function subjectJson(s: Subject): Record<string, unknown> {
  const out: Record<string, unknown> = { id: s.id, kind: s.kind, name: s.name };
  if (s.unit) out.unit = s.unit;
  if (s.kind === 'collective' && s.parent) out.parent = s.parent;
  return out;
}

/**
 * `tdkt check --json` (tdkt.check/v1) as a stream of chunks: the head, one chunk per verdict, the tail. A
 * province's verdicts are hundreds of MB, so they are never joined into one string.
 */
export function* checkJsonChunks(head: { asOf: string; ruleset: Ruleset; date: string; inputs: InputSummary[]; issues: RenderedIssue[]; subjects: Subject[] },
  verdicts: Iterable<Verdict>, lang: Lang): Generator<string> {
  const headObj = {
    schema: 'tdkt.check/v1', asOf: head.asOf, date: head.date,
    ruleset: { id: head.ruleset.id, title: head.ruleset.title[lang] },
    inputs: head.inputs.map((i) => ({ file: i.file, sha256: i.sha256, rows: i.rows })),
    issues: head.issues,
    subjects: head.subjects.map(subjectJson),
  };
  const text = JSON.stringify(headObj);
  yield `${text.slice(0, -1)},"verdicts":[`;
  let first = true;
  for (const v of verdicts) {
    yield `${first ? '\n' : ',\n'}${JSON.stringify(verdictJson(v, lang))}`;
    first = false;
  }
  yield '\n]}\n';
}
