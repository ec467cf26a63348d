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
const NEXT_VERDICT = utf8(',\n');
const KEY = {
  award: utf8(',"award":'), status: utf8(',"status":'), citation: utf8(',"citation":'),
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

// Most of a province's checks are leaves (no periods, parts, note or confirmation) whose bytes recur from one
// subject to the next: "Không bị kỷ luật", "năm học 2024-2025 chưa đạt CSTĐCS; cần thêm 2 năm". Their bytes
// are made once, found by requirement (one object per criterion), then message, then the remaining fields.
type Leaf = { criterion: string; status: string; citation?: Citation; confidence?: string; presumed?: boolean; bytes: Buffer };
type Leaves = { byRequirement: WeakMap<object, Map<string, Leaf[]>>; count: number };
const LEAVES: Record<Lang, Leaves> = { vi: { byRequirement: new WeakMap(), count: 0 }, en: { byRequirement: new WeakMap(), count: 0 } };
// Bounds on memory, whatever the data: so many leaves kept at most, each of a message no longer than this.
const MAX_LEAVES = 50_000;
const MAX_LEAF_MESSAGE = 400;
let scratchBlocks: JsonBlocks | undefined;

function isLeaf(c: CheckResult, message: string): boolean {
  return !c.children && !c.periods?.length && !c.missing?.length && !c.confirmedBy && !c.note && message.length <= MAX_LEAF_MESSAGE;
}

function leafBytes(c: CheckResult, message: string, lang: Lang): Buffer {
  const cache = LEAVES[lang];
  let byMessage = cache.byRequirement.get(c.requirement);
  if (!byMessage) cache.byRequirement.set(c.requirement, (byMessage = new Map()));
  let leaves = byMessage.get(message);
  if (!leaves) byMessage.set(message, (leaves = []));
  for (const l of leaves) {
    if (l.criterion === c.criterion && l.status === c.status && l.citation === c.citation && l.confidence === c.confidence && l.presumed === c.presumed) return l.bytes;
  }
  if (++cache.count > MAX_LEAVES) LEAVES[lang] = { byRequirement: new WeakMap(), count: 0 }; // this one is still written
  const scratch = (scratchBlocks ??= new JsonBlocks());
  writeFields(scratch, c, message, lang);
  scratch.byte(0x7d); // }
  const bytes = Buffer.concat(scratch.end());
  leaves.push({ criterion: c.criterion, status: c.status, citation: c.citation, confidence: c.confidence, presumed: c.presumed, bytes });
  return bytes;
}

function writeCheck(w: JsonBlocks, c: CheckResult, lang: Lang): void {
  const message = c.found[lang];
  if (message !== undefined && isLeaf(c, message)) return w.bytes(leafBytes(c, message, lang));
  writeFields(w, c, message, lang);
  w.byte(0x7d); // }
}

/** A check's fields, all but its closing brace. */
function writeFields(w: JsonBlocks, c: CheckResult, message: string | undefined, lang: Lang): void {
  w.bytes(openingBytes(c.criterion, c.status));
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
}

function writeChecks(w: JsonBlocks, checks: CheckResult[], lang: Lang): void {
  w.bytes(KEY.checks);
  for (let i = 0; i < checks.length; i++) {
    if (i > 0) w.byte(0x2c);
    writeCheck(w, checks[i], lang);
  }
  w.byte(0x5d);
}

// A subject's verdicts come one after another, each naming it: its bytes are made once.
let lastSubject: string | undefined;
let lastSubjectBytes = Buffer.alloc(0);

function subjectBytes(subject: string): Buffer {
  if (subject !== lastSubject) {
    lastSubject = subject;
    lastSubjectBytes = utf8(`{"subject":${JSON.stringify(subject)}`);
  }
  return lastSubjectBytes;
}

// `,"award":…,"status":…,"citation":…,"confidence":…`: a few dozen combinations, by citation, award, status, confidence.
const VERDICT_HEADS = new WeakMap<Citation, Map<string, Map<string, Map<string, Buffer>>>>();

function verdictHead(v: Verdict): Buffer {
  let byAward = VERDICT_HEADS.get(v.citation);
  if (!byAward) VERDICT_HEADS.set(v.citation, (byAward = new Map()));
  let byStatus = byAward.get(v.award);
  if (!byStatus) byAward.set(v.award, (byStatus = new Map()));
  let byConfidence = byStatus.get(v.status);
  if (!byConfidence) byStatus.set(v.status, (byConfidence = new Map()));
  let b = byConfidence.get(v.confidence);
  if (b === undefined) {
    b = Buffer.concat([KEY.award, JSON_TEXT.get(v.award), KEY.status, JSON_TEXT.get(v.status), KEY.citation, citationBytes(v.citation), KEY.confidence, JSON_TEXT.get(v.confidence)]);
    byConfidence.set(v.confidence, b);
  }
  return b;
}

/** JSON.stringify(verdictJson(v, lang)), into the blocks. */
export function writeVerdict(w: JsonBlocks, v: Verdict, lang: Lang): void {
  w.bytes(subjectBytes(v.subject));
  w.bytes(verdictHead(v));
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
    if (first) w.byte(0x0a); // \n
    else w.bytes(NEXT_VERDICT);
    writeVerdict(w, v, lang);
    first = false;
    if (w.hasFull) yield* w.take();
  }
  w.text('\n]}\n');
  yield* w.end();
}
