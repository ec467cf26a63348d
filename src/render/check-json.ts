import type { InputSummary } from '../ingest/types.js';
import { JsonBlocks } from './blocks.js';
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

// A province writes 330,000 verdicts, half a gigabyte of JSON: they are written straight into UTF-8 blocks,
// byte for byte what JSON.stringify(verdictJson(v)) gives (a test holds them together), without the objects,
// strings and joins in between. The pieces every verdict repeats (a check's opening, its requirement, its
// citation, the ids and statuses) are encoded once and copied; only what the data says is encoded per verdict.

const utf8 = (s: string) => Buffer.from(s, 'utf8');

/** Keeps the bytes of texts that recur (ids, statuses, periods, notes); forgets them all past a bound. */
class Encoded {
  private readonly map = new Map<string, Buffer>();
  constructor(private readonly make: (s: string) => string, private readonly max = 20_000) {}
  get(s: string): Buffer {
    let b = this.map.get(s);
    if (b === undefined) {
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(s, (b = utf8(this.make(s))));
    }
    return b;
  }
}

const JSON_TEXT = new Encoded((s) => JSON.stringify(s));
const KEY = {
  subject: utf8('{"subject":'), award: utf8(',"award":'), status: utf8(',"status":'), citation: utf8(',"citation":'),
  confidence: utf8(',"confidence":'), checks: utf8(',"checks":['), message: utf8(',"message":'), periods: utf8(',"periods":'),
  missing: utf8(',"missing":'), presumed: utf8(',"presumed":true'), confirmedBy: utf8(',"confirmedBy":'), note: utf8(',"note":'),
  combine: utf8(',"combine":'),
};

// By criterion, then status: a key made by joining them would be a new string, hashed anew, per check.
const OPENINGS = new Map<string, Map<string, Buffer>>();

function openingBytes(criterion: string, status: string): Buffer {
  let byStatus = OPENINGS.get(criterion);
  if (!byStatus) {
    if (OPENINGS.size >= 4_000) OPENINGS.clear();
    OPENINGS.set(criterion, (byStatus = new Map()));
  }
  let b = byStatus.get(status);
  if (b === undefined) byStatus.set(status, (b = utf8(`{"criterion":${JSON.stringify(criterion)},"status":${JSON.stringify(status)}`)));
  return b;
}

const REQUIREMENTS = { vi: new WeakMap<object, Buffer>(), en: new WeakMap<object, Buffer>() };
const CITATIONS = new WeakMap<object, Buffer>();
const CITED_TAILS = new WeakMap<object, Map<string, Buffer>>();
const CONFIDENCE_ONLY = new Encoded((confidence) => `,"confidence":${JSON.stringify(confidence)}`, 100);

function citationBytes(c: Citation): Buffer {
  let b = CITATIONS.get(c);
  if (b === undefined) CITATIONS.set(c, (b = utf8(JSON.stringify(formatCitation(c)))));
  return b;
}

function requirementBytes(c: CheckResult, lang: Lang): Buffer {
  const cache = REQUIREMENTS[lang];
  let b = cache.get(c.requirement);
  if (b === undefined) {
    const text = c.requirement[lang];
    cache.set(c.requirement, (b = utf8(text === undefined ? '' : `,"requirement":${JSON.stringify(text)}`)));
  }
  return b;
}

/** `,"citation":…,"confidence":…` as the check has them (either may be absent). */
function citationTail(c: CheckResult): Buffer | undefined {
  if (!c.citation) return c.confidence ? CONFIDENCE_ONLY.get(c.confidence) : undefined;
  let byConfidence = CITED_TAILS.get(c.citation);
  if (!byConfidence) CITED_TAILS.set(c.citation, (byConfidence = new Map()));
  const key = c.confidence ?? '';
  let b = byConfidence.get(key);
  if (b === undefined) {
    b = Buffer.concat([KEY.citation, citationBytes(c.citation), ...(c.confidence ? [KEY.confidence, JSON_TEXT.get(c.confidence)] : [])]);
    byConfidence.set(key, b);
  }
  return b;
}

function writeList(w: JsonBlocks, xs: readonly string[]): void {
  w.byte(0x5b); // [
  for (let i = 0; i < xs.length; i++) {
    if (i > 0) w.byte(0x2c); // ,
    const x = xs[i];
    if (typeof x === 'string') w.bytes(JSON_TEXT.get(x));
    else w.text(JSON.stringify(x) ?? 'null');
  }
  w.byte(0x5d); // ]
}

function writeCheck(w: JsonBlocks, c: CheckResult, lang: Lang): void {
  w.bytes(openingBytes(c.criterion, c.status));
  const message = c.found[lang];
  if (message !== undefined) {
    w.bytes(KEY.message);
    w.string(message);
  }
  w.bytes(requirementBytes(c, lang));
  if (c.periods && c.periods.length) {
    w.bytes(KEY.periods);
    writeList(w, c.periods);
  }
  if (c.missing && c.missing.length) {
    w.bytes(KEY.missing);
    writeList(w, c.missing);
  }
  const tail = citationTail(c);
  if (tail) w.bytes(tail);
  if (c.presumed) w.bytes(KEY.presumed);
  if (c.confirmedBy) {
    w.bytes(KEY.confirmedBy);
    w.text(JSON.stringify(c.confirmedBy));
  }
  const note = c.note?.[lang];
  if (note !== undefined) {
    w.bytes(KEY.note);
    w.bytes(JSON_TEXT.get(note));
  }
  if (c.children) {
    if (c.combine !== undefined) {
      w.bytes(KEY.combine);
      w.bytes(JSON_TEXT.get(c.combine));
    }
    writeChecks(w, c.children, lang);
  }
  w.byte(0x7d); // }
}

function writeChecks(w: JsonBlocks, checks: CheckResult[], lang: Lang): void {
  w.bytes(KEY.checks);
  for (let i = 0; i < checks.length; i++) {
    if (i > 0) w.byte(0x2c);
    writeCheck(w, checks[i], lang);
  }
  w.byte(0x5d);
}

/** JSON.stringify(verdictJson(v, lang)), into the blocks. */
export function writeVerdict(w: JsonBlocks, v: Verdict, lang: Lang): void {
  w.bytes(KEY.subject);
  w.string(v.subject);
  w.bytes(KEY.award);
  w.bytes(JSON_TEXT.get(v.award));
  w.bytes(KEY.status);
  w.bytes(JSON_TEXT.get(v.status));
  w.bytes(KEY.citation);
  w.bytes(citationBytes(v.citation));
  w.bytes(KEY.confidence);
  w.bytes(JSON_TEXT.get(v.confidence));
  writeChecks(w, v.checks, lang);
  w.byte(0x7d);
}

/** JSON.stringify(verdictJson(v, lang)), as text. */
export function verdictJsonText(v: Verdict, lang: Lang): string {
  const w = new JsonBlocks(64 * 1024);
  writeVerdict(w, v, lang);
  return Buffer.concat(w.end()).toString('utf8');
}

/**
 * `tdkt check --json` (tdkt.check/v1) as a stream of UTF-8 blocks: the head, the verdicts, the tail. A
 * province's verdicts are hundreds of MB, so they are never held whole.
 */
export function* checkJsonChunks(head: { asOf: string; ruleset: Ruleset; date: string; inputs: InputSummary[]; issues: RenderedIssue[]; subjects: Subject[] },
  verdicts: Iterable<Verdict>, lang: Lang): Generator<Buffer> {
  const headObj = {
    schema: 'tdkt.check/v1', asOf: head.asOf, date: head.date,
    ruleset: { id: head.ruleset.id, title: head.ruleset.title[lang] },
    inputs: head.inputs.map((i) => ({ file: i.file, sha256: i.sha256, rows: i.rows })),
    issues: head.issues,
    subjects: head.subjects.map(subjectJson),
  };
  const w = new JsonBlocks();
  const text = JSON.stringify(headObj);
  w.text(`${text.slice(0, -1)},"verdicts":[`);
  let first = true;
  for (const v of verdicts) {
    w.text(first ? '\n' : ',\n');
    writeVerdict(w, v, lang);
    first = false;
    yield* w.take();
  }
  w.text('\n]}\n');
  yield* w.end();
}
