import { lazy } from '../citation.js';
import type { CheckResult, CheckStatus, Citation, Confidence, Criterion, EvalContext, Text } from '../types.js';

export type CriterionSpec = { id: string; requirement: Text; citation?: Citation; confidence?: Confidence };

/** Builds a criterion: its id, what the law asks, and how to read the data. */
export function criterion(spec: CriterionSpec, evaluate: (ctx: EvalContext, self: CriterionSpec) => Omit<CheckResult, 'criterion' | 'requirement'>): Criterion {
  return {
    ...spec,
    evaluate: (ctx) => {
      const out = completed(spec, evaluate(ctx, spec));
      return out.status === 'unknown' ? answered(out, ctx) : out;
    },
  };
}

// Every result gets the same fields in the same order: one shape for all, so what reads them (the verdict, the
// JSON writer) stays fast, rather than one shape per way a criterion builds its result.
function completed(spec: CriterionSpec, r: Omit<CheckResult, 'criterion' | 'requirement'>): CheckResult {
  return {
    criterion: spec.id, status: r.status, requirement: spec.requirement, found: r.found,
    citation: r.citation ?? spec.citation, confidence: r.confidence ?? spec.confidence,
    periods: r.periods, missing: r.missing, presumed: r.presumed, confirmedBy: r.confirmedBy, note: r.note,
    children: r.children, combine: r.combine,
  };
}

/**
 * What the data leaves open, the council may answer (a "Xác nhận" row): the answer decides, and the trace
 * says who gave it and on what basis. What the data decides stays decided: a confirmation never overrules it.
 */
function answered(out: CheckResult, ctx: EvalContext): CheckResult {
  const c = ctx.confirmed(ctx.timeline.subject.id, ctx.award, out.criterion, ctx.asOf);
  if (!c) return out;
  return {
    ...out,
    status: c.answer ? 'met' : 'unmet',
    confirmedBy: c.basis ? { who: c.who, basis: c.basis } : { who: c.who },
    found: c.answer ? { vi: `Đã xác nhận đạt (${c.who})`, en: `Confirmed met (${c.who})` } : { vi: `Đã xác nhận không đạt (${c.who})`, en: `Confirmed not met (${c.who})` },
  };
}

/** Kleene conjunction of results: any unmet → unmet; all met → met; otherwise unknown. */
export function andStatus(list: readonly { status: CheckStatus }[]): CheckStatus {
  let s: CheckStatus = 'met';
  for (const c of list) if (c.status === 'unmet') return 'unmet'; else if (c.status === 'unknown') s = 'unknown';
  return s;
}

/** Kleene disjunction of results: any met → met; all unmet → unmet; otherwise unknown. */
export function orStatus(list: readonly { status: CheckStatus }[]): CheckStatus {
  let s: CheckStatus = 'unmet';
  for (const c of list) if (c.status === 'met') return 'met'; else if (c.status === 'unknown') s = 'unknown';
  return s;
}

export function all(spec: CriterionSpec, ...parts: Criterion[]): Criterion {
  return withParts(parts, criterion(spec, (ctx) => {
    const children = evaluateAll(parts, ctx);
    const status = andStatus(children);
    const lacking: CheckResult[] = [];
    for (const c of children) if (c.status !== 'met') lacking.push(c);
    // Lazy: read eagerly, the parts' own lazy texts would all be built, for every subject.
    const found = lacking.length === 0 ? ALL_MET : lacking.length === 1 ? lacking[0].found
      : lazy((lang) => lang === 'vi'
        ? `Chưa đạt ${lacking.length}/${children.length} yêu cầu: ${lacking.map((c) => c.found.vi).join('; ')}`
        : `${lacking.length}/${children.length} not met: ${lacking.map((c) => c.found.en).join('; ')}`);
    return { status, combine: 'all', children, found };
  }));
}

const ALL_MET: Text = { vi: 'Đạt tất cả', en: 'All met' };

export function any(spec: CriterionSpec, ...alternatives: Criterion[]): Criterion {
  return withParts(alternatives, criterion(spec, (ctx) => {
    const children = evaluateAll(alternatives, ctx);
    const status = orStatus(children);
    const met = children.find((c) => c.status === 'met');
    const found = met ? met.found : status === 'unknown'
      ? { vi: `Chưa đủ dữ liệu để kết luận theo cách nào trong ${children.length} cách`, en: `Not enough data to decide any of ${children.length} routes` }
      : { vi: `Chưa đạt theo cách nào trong ${children.length} cách`, en: `None of ${children.length} routes met` };
    return { status, combine: 'any', children, found };
  }));
}

// A loop rather than map: no closure per combined criterion per subject.
function evaluateAll(parts: Criterion[], ctx: EvalContext): CheckResult[] {
  const out: CheckResult[] = [];
  for (let i = 0; i < parts.length; i++) out.push(parts[i].evaluate(ctx));
  return out;
}

function withParts(parts: Criterion[], c: Criterion): Criterion {
  c.parts = parts;
  return c;
}

/**
 * A criterion data cannot decide ("dẫn đầu cụm thi đua", "tiêu biểu xuất sắc"): unknown until someone
 * answers it in a confirmation.
 */
export function manual(spec: CriterionSpec): Criterion {
  return constant(spec, 'unknown', { vi: 'Cần Hội đồng thi đua – khen thưởng xác nhận (không xét được từ dữ liệu)', en: 'Needs the council to confirm (not decidable from data)' });
}

/** A conduct condition ("nội bộ đoàn kết", "gương mẫu chấp hành…"): presumed met, listed as presumed. */
export function presumed(spec: CriterionSpec): Criterion {
  return constant(spec, 'met', { vi: 'Coi là đạt (không có dữ liệu trái ngược)', en: 'Presumed met (no contrary data)' }, true);
}

/**
 * A criterion whose result is the same for every subject: one result object, of the shape `criterion` gives,
 * made once and returned to all (nothing changes a check result once made) unless a confirmation answers it.
 */
function constant(spec: CriterionSpec, status: CheckStatus, found: Text, presumed?: true): Criterion {
  const out = completed(spec, { status, found, presumed });
  return { ...spec, evaluate: (ctx) => (status === 'unknown' ? answered(out, ctx) : out) };
}

/**
 * An unconfirmed legal point as a parameter: "apply" checks it, "ignore" skips it, "ask" (default) lets the
 * status stand when both readings agree (met) and asks for review when they differ.
 */
export function uncertain(parameter: string, inner: Criterion, point: Text): Criterion {
  return {
    ...inner,
    confidence: 'UNCERTAIN',
    evaluate: (ctx) => {
      const mode = ctx.params[parameter];
      if (mode === 'ignore') {
        return { criterion: inner.id, requirement: inner.requirement, status: 'met', confidence: 'UNCERTAIN', found: { vi: `Bỏ qua theo cấu hình (${parameter})`, en: `Skipped by config (${parameter})` }, note: point };
      }
      const r = inner.evaluate(ctx);
      const out: CheckResult = { ...r, confidence: 'UNCERTAIN' };
      // The council answered the point for this subject: its answer stands whatever the reading.
      if (mode === 'apply' || r.confirmedBy) return out;
      if (r.status === 'met') return { ...out, note: { vi: `${point.vi} — mọi cách hiểu đều cho kết quả đạt.`, en: `${point.en} — every reading agrees.` } };
      return { ...out, status: 'unknown', note: { vi: `${point.vi} — điểm này chưa được xác nhận nên cần xem xét (tham số ${parameter}).`, en: `${point.en} — unconfirmed point, needs review (parameter ${parameter}).` } };
    },
  };
}
