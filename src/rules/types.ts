import type { AwardId, SubjectKind } from '../model/award.js';
import type { Period } from '../model/period.js';
import type { Timeline } from '../model/subject.js';

export const CONFIDENCES = ['VERIFIED', 'VERIFIED-2nd', 'RECALLED', 'UNCERTAIN'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** A legal reference: văn bản, điều, khoản, điểm. */
export type Citation = { doc: string; dieu?: number; khoan?: number; diem?: string };

export type CheckStatus = 'met' | 'unmet' | 'unknown';
export type VerdictStatus = 'eligible' | 'ineligible' | 'review';

export type Text = { vi: string; en: string };

/** One criterion's outcome for one subject: the trace a clerk reads ("Yêu cầu … / Hiện có … / Căn cứ …"). */
export type CheckResult = {
  criterion: string;
  status: CheckStatus;
  /** What the law asks. */
  requirement: Text;
  /** What the data shows, and what is lacking. */
  found: Text;
  citation?: Citation;
  confidence?: Confidence;
  /** Periods that counted towards the criterion, and periods whose data is missing. */
  periods?: Period[];
  missing?: Period[];
  /** Presumed met for lack of contrary data (conduct criteria). */
  presumed?: boolean;
  /** Answered by a person (a confirmation), with who and on what basis. */
  confirmedBy?: { who: string; basis?: string };
  /** Names an unconfirmed legal point this result depends on, or that every reading agrees on. */
  note?: Text;
  children?: CheckResult[];
  /** For `any`: the alternatives; for `all`: the parts. */
  combine?: 'all' | 'any';
};

export type Verdict = {
  subject: string;
  kind: SubjectKind;
  award: AwardId;
  status: VerdictStatus;
  citation: Citation;
  confidence: Confidence;
  checks: CheckResult[];
};

/** A human answer to what data cannot decide (Xác nhận sheet or confirmations file). */
export type Confirmation = { subject: string; award: AwardId | '*'; criterion: string; answer: boolean; who: string; basis?: string; /** The school year answered for; none: any. */ period?: Period };

export type Parameters = Record<string, unknown>;

/** Everything a criterion may look at; built once per (subject, as-of). */
export type EvalContext = {
  timeline: Timeline;
  asOf: Period;
  rulesetId: string;
  params: Parameters;
  award: AwardId;
  /** The persons of a collective (and of its tổ) in a period. */
  members: (collectiveId: string, period: Period) => Timeline[];
  /** The council's answer for a criterion of this subject and award, if any. */
  confirmed: (subject: string, award: AwardId, criterion: string, asOf: Period) => Confirmation | undefined;
  /** Facts already worked out for this subject and as-of period (windows, prior awards), shared by its rules. */
  memo: Map<unknown, unknown>;
  /** The ruleset in force on the default proposal date of a period (to read titles granted under older regimes). */
  regimeOf: (period: Period) => string;
};

export type Criterion = {
  id: string;
  requirement: Text;
  citation?: Citation;
  confidence?: Confidence;
  evaluate: (ctx: EvalContext) => CheckResult;
  /** The criteria this one combines (all/any), for listing and for matching confirmations. */
  parts?: Criterion[];
};

export type AwardRule = {
  award: AwardId;
  kind: SubjectKind;
  title: Text;
  citation: Citation;
  confidence: Confidence;
  criteria: Criterion[];
};

export type Ruleset = {
  id: string;
  title: Text;
  /** In force from this proposal date (ISO), until the next ruleset starts. */
  from: string;
  until?: string;
  /** The texts cited in documents' "Căn cứ" lines. */
  basis: string[];
  rules: AwardRule[];
};
