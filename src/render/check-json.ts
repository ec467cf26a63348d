import type { InputSummary } from '../ingest/types.js';
import { formatCitation } from '../rules/citation.js';
import type { Citation, CheckResult, Ruleset, Verdict } from '../rules/types.js';
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

// A province writes 330,000 verdicts: they are serialised straight to text, byte for byte what
// JSON.stringify(verdictJson(v)) gives (a test holds them together), without the objects in between, and the
// texts every verdict repeats (criteria, requirements, citations) are escaped once.
const ESCAPED = new Map<string, string>();

function known(s: string): string {
  let e = ESCAPED.get(s);
  if (e === undefined) {
    e = JSON.stringify(s);
    if (ESCAPED.size >= 20_000) ESCAPED.clear();
    ESCAPED.set(s, e);
  }
  return e;
}

const CITED = new WeakMap<object, string>();

function citationText(c: Citation): string {
  let e = CITED.get(c);
  if (e === undefined) CITED.set(c, (e = JSON.stringify(formatCitation(c))));
  return e;
}

// Adds `"name":value` to an object's text, nothing when the value is undefined (JSON.stringify leaves it out).
const put = (out: string, name: string, text: string | undefined) => (text === undefined ? out : `${out}${out === '' ? '{' : ','}"${name}":${text}`);
const close = (out: string) => (out === '' ? '{}' : `${out}}`);
const plain = (v: unknown) => (v === undefined ? undefined : JSON.stringify(v));
const repeated = (v: string | undefined) => (v === undefined ? undefined : known(v));
const list = (xs: readonly string[]) => `[${xs.map((x) => (typeof x === 'string' ? known(x) : JSON.stringify(x) ?? 'null')).join(',')}]`;

/** JSON.stringify(checkJson(c, lang)), faster. */
export function checkJsonText(c: CheckResult, lang: Lang): string {
  let out = put('', 'criterion', repeated(c.criterion));
  out = put(out, 'status', repeated(c.status));
  out = put(out, 'message', plain(c.found[lang]));
  out = put(out, 'requirement', repeated(c.requirement[lang]));
  if (c.periods && c.periods.length) out = put(out, 'periods', list(c.periods));
  if (c.missing && c.missing.length) out = put(out, 'missing', list(c.missing));
  if (c.citation) out = put(out, 'citation', citationText(c.citation));
  if (c.confidence) out = put(out, 'confidence', known(c.confidence));
  if (c.presumed) out = put(out, 'presumed', 'true');
  if (c.confirmedBy) out = put(out, 'confirmedBy', JSON.stringify(c.confirmedBy));
  if (c.note) out = put(out, 'note', repeated(c.note[lang]));
  if (c.children) {
    out = put(out, 'combine', repeated(c.combine));
    out = put(out, 'checks', `[${c.children.map((x) => checkJsonText(x, lang)).join(',')}]`);
  }
  return close(out);
}

/** JSON.stringify(verdictJson(v, lang)), faster. */
export function verdictJsonText(v: Verdict, lang: Lang): string {
  let out = put('', 'subject', plain(v.subject));
  out = put(out, 'award', repeated(v.award));
  out = put(out, 'status', repeated(v.status));
  out = put(out, 'citation', citationText(v.citation));
  out = put(out, 'confidence', repeated(v.confidence));
  return close(put(out, 'checks', `[${v.checks.map((c) => checkJsonText(c, lang)).join(',')}]`));
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
    yield `${first ? '\n' : ',\n'}${verdictJsonText(v, lang)}`;
    first = false;
  }
  yield '\n]}\n';
}
