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

// Pieces of one verdict's text go into an array joined once: building it by concatenation copied it twice.
type Parts = string[];

/** Adds a field (`key` is its `,"name":`), nothing when the value is undefined (JSON.stringify leaves it out). */
function field(p: Parts, key: string, text: string | undefined): void {
  if (text !== undefined) p.push(key, text);
}

/** Wraps the fields added since `start` in braces (the first one loses its comma). */
function object(p: Parts, start: number): void {
  if (p.length === start) p.push('{}');
  else {
    p[start] = `{${p[start].slice(1)}`;
    p.push('}');
  }
}

// A string JSON.stringify would write as it is, between quotes, is written so; one with quotes, backslashes,
// control characters or surrogates (emoji: rare in Vietnamese text) goes through JSON.stringify.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
const plain = (v: string | undefined) => (v === undefined ? undefined : NEEDS_ESCAPE.test(v) ? JSON.stringify(v) : `"${v}"`);
const repeated = (v: string | undefined) => (v === undefined ? undefined : known(v));
const list = (xs: readonly string[]) => `[${xs.map((x) => (typeof x === 'string' ? known(x) : JSON.stringify(x) ?? 'null')).join(',')}]`;

// A check's text is mostly the same pieces for every subject: its opening (criterion and status) and its
// requirement are kept per criterion and language, its citation and confidence per citation, so a check is
// half a dozen pieces, not twenty.
const OPENINGS = new Map<string, Map<string, string>>();

function opening(criterion: string, status: string): string {
  let byStatus = OPENINGS.get(criterion);
  if (!byStatus) {
    if (OPENINGS.size >= 2_000) OPENINGS.clear();
    OPENINGS.set(criterion, (byStatus = new Map()));
  }
  let text = byStatus.get(status);
  if (text === undefined) byStatus.set(status, (text = `{"criterion":${known(criterion)},"status":${known(status)}`));
  return text;
}

const REQUIREMENTS = { vi: new WeakMap<object, string>(), en: new WeakMap<object, string>() };

function requirementText(c: CheckResult, lang: Lang): string {
  const cache = REQUIREMENTS[lang];
  let text = cache.get(c.requirement);
  if (text === undefined) cache.set(c.requirement, (text = `,"requirement":${JSON.stringify(c.requirement[lang])}`));
  return text;
}

const CITED_TAILS = new WeakMap<object, Map<string, string>>();

/** `,"citation":…,"confidence":…` as the check has them (either may be absent). */
function citationTail(c: CheckResult): string {
  if (!c.citation) return c.confidence ? `,"confidence":${known(c.confidence)}` : '';
  let byConfidence = CITED_TAILS.get(c.citation);
  if (!byConfidence) CITED_TAILS.set(c.citation, (byConfidence = new Map()));
  const key = c.confidence ?? '';
  let text = byConfidence.get(key);
  if (text === undefined) byConfidence.set(key, (text = `,"citation":${citationText(c.citation)}${c.confidence ? `,"confidence":${known(c.confidence)}` : ''}`));
  return text;
}

function checkParts(c: CheckResult, lang: Lang, p: Parts): void {
  p.push(opening(c.criterion, c.status));
  field(p, ',"message":', plain(c.found[lang]));
  p.push(requirementText(c, lang));
  if (c.periods && c.periods.length) field(p, ',"periods":', list(c.periods));
  if (c.missing && c.missing.length) field(p, ',"missing":', list(c.missing));
  p.push(citationTail(c));
  if (c.presumed) field(p, ',"presumed":', 'true');
  if (c.confirmedBy) field(p, ',"confirmedBy":', JSON.stringify(c.confirmedBy));
  if (c.note) field(p, ',"note":', repeated(c.note[lang]));
  if (c.children) {
    field(p, ',"combine":', repeated(c.combine));
    checksParts(c.children, lang, p);
  }
  p.push('}');
}

function checksParts(checks: CheckResult[], lang: Lang, p: Parts): void {
  p.push(',"checks":[');
  checks.forEach((c, i) => {
    if (i > 0) p.push(',');
    checkParts(c, lang, p);
  });
  p.push(']');
}

/** JSON.stringify(checkJson(c, lang)), faster. */
export function checkJsonText(c: CheckResult, lang: Lang): string {
  const p: Parts = [];
  checkParts(c, lang, p);
  return p.join('');
}

/** JSON.stringify(verdictJson(v, lang)), faster. */
export function verdictJsonText(v: Verdict, lang: Lang): string {
  const p: Parts = [];
  field(p, ',"subject":', plain(v.subject));
  field(p, ',"award":', repeated(v.award));
  field(p, ',"status":', repeated(v.status));
  field(p, ',"citation":', citationText(v.citation));
  field(p, ',"confidence":', repeated(v.confidence));
  checksParts(v.checks, lang, p);
  object(p, 0);
  return p.join('');
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
