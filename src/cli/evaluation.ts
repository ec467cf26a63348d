import { AWARD_IDS, type AwardId } from '../model/award.js';
import { comparePeriods, defaultProposalDate, parsePeriod, type Period } from '../model/period.js';
import type { Timeline } from '../model/subject.js';
import type { ResolvedConfirmation } from '../history/index.js';
import { foldKey } from '../ingest/text.js';
import { issue, type Issue } from '../model/issue.js';
import { criteriaOf, matchCriterion, memberIndex, resolveParameters, rulesetById, rulesetForDate, RULESETS, type Confirmation, type Environment, type Ruleset } from '../rules/index.js';
import type { RunContext } from './context.js';
import { issueMessage, issuePlace, type Lang } from './i18n/index.js';
import { UsageError } from './io.js';

export type EvaluationOptions = { asOf?: string; date?: string; ruleset?: string; award?: string };

export type Evaluation = {
  env: Environment; asOf: Period; date: string; ruleset: Ruleset; awards?: AwardId[]; dateGiven: boolean;
  /** Confirmations whose criterion names nothing in the ruleset. */
  issues: Issue[];
};

/** The as-of period, proposal date, ruleset, parameters and awards of a run, from options, config and data. */
export function prepareEvaluation(opts: EvaluationOptions, ctx: RunContext, timelines: Timeline[], answers: ResolvedConfirmation[] = [], readIssues: Issue[] = []): Evaluation {
  const vi = ctx.lang === 'vi';
  let asOf: Period | undefined;
  if (opts.asOf) {
    asOf = parsePeriod(opts.asOf, ctx.mode);
    if (!asOf) throw new UsageError(vi ? `Không hiểu năm học "${opts.asOf}". Ghi dạng 2024-2025 (hoặc 2025).` : `Cannot read the period "${opts.asOf}". Write 2024-2025 (or 2025).`);
  } else {
    for (const tl of timelines) for (const r of tl.records) if (!asOf || comparePeriods(r.period, asOf) > 0) asOf = r.period;
    if (!asOf) throw new UsageError(noPeriodMessage(readIssues, ctx.lang));
  }
  let date = defaultProposalDate(asOf);
  if (opts.date) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(opts.date.trim());
    if (!m) throw new UsageError(vi ? `Không hiểu ngày đề nghị "${opts.date}". Ghi dạng ngày/tháng/năm, vd 15/08/2025.` : `Cannot read the date "${opts.date}". Write dd/mm/yyyy.`);
    date = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  let ruleset = rulesetForDate(date);
  if (opts.ruleset) {
    const r = rulesetById(opts.ruleset);
    if (!r) throw new UsageError(vi ? `Không có bộ quy tắc "${opts.ruleset}". Có: ${RULESETS.map((x) => x.id).join(', ')}.` : `No ruleset "${opts.ruleset}". Available: ${RULESETS.map((x) => x.id).join(', ')}.`);
    ruleset = r;
  }
  const { params, errors } = resolveParameters(ruleset.id, ctx.config.parameters ?? {});
  if (errors.length > 0) throw new UsageError(`${vi ? 'Cấu hình không hợp lệ' : 'Invalid configuration'}${ctx.configFile ? ` (${ctx.configFile})` : ''}:\n${errors.map((e) => `  - ${e}`).join('\n')}`);
  const awards = opts.award ? parseAwards(opts.award, vi) : undefined;
  const { confirmations, issues } = confirmationsFor(ruleset, answers);
  const env: Environment = { ruleset, params, asOf, confirmations, members: memberIndex(timelines) };
  return { env, asOf, date, ruleset, awards, dateGiven: !!opts.date, issues };
}

/** The council's answers with their criterion read as an id of the ruleset; an answer that names no criterion is an issue. */
function confirmationsFor(ruleset: Ruleset, answers: ResolvedConfirmation[]): { confirmations: Confirmation[]; issues: Issue[] } {
  const confirmations: Confirmation[] = [];
  const issues: Issue[] = [];
  for (const a of answers) {
    const rules = ruleset.rules.filter((r) => a.award === '*' || r.award === a.award);
    const id = matchCriterion(rules, a.criterion, foldKey);
    if (id === undefined) {
      const known = [...new Set(rules.flatMap((r) => criteriaOf(r).map((c) => c.id)))].slice(0, 12).join(', ');
      issues.push(issue('W_UNKNOWN_CRITERION', 'warning', { file: a.source.file, sheet: a.source.sheet, cell: a.source.cell },
        { criterion: a.criterion, ...(a.award === '*' ? {} : { award: a.award }), known }));
      continue;
    }
    const c: Confirmation = { subject: a.subject, award: a.award, criterion: id, answer: a.answer, who: a.who };
    if (a.basis) c.basis = a.basis;
    if (a.period) c.period = a.period;
    confirmations.push(c);
  }
  return { confirmations, issues };
}

/** Nothing dated was read: say why, with the files' own errors (a TCVN3 sheet, an .xls), not only "no period". */
function noPeriodMessage(issues: Issue[], lang: Lang): string {
  const vi = lang === 'vi';
  const errors = issues.filter((i) => i.severity === 'error');
  const head = vi ? 'Dữ liệu không có năm học nào' : 'The data has no period';
  if (errors.length === 0) return vi ? `${head}; ghi rõ --as-of 2024-2025.` : `${head}; give --as-of.`;
  const lines = errors.slice(0, 10).map((i) => `  ${[i.file, issuePlace(i)].filter(Boolean).join(' ')}: ${issueMessage(i, lang)}`);
  const more = errors.length > 10 ? [vi ? `  … và ${errors.length - 10} lỗi nữa (xem: tdkt inspect)` : `  … and ${errors.length - 10} more (see: tdkt inspect)`] : [];
  return `${head}${vi ? ' đọc được, vì:' : ' could be read, because:'}\n${[...lines, ...more].join('\n')}`;
}

export function parseAwards(text: string, vi: boolean): AwardId[] {
  const ids = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = ids.filter((id) => !(AWARD_IDS as readonly string[]).includes(id));
  if (bad.length > 0) throw new UsageError(vi ? `Không có mã khen thưởng: ${bad.join(', ')}. Có: ${AWARD_IDS.join(', ')}.` : `Unknown award ids: ${bad.join(', ')}. Available: ${AWARD_IDS.join(', ')}.`);
  return ids as AwardId[];
}

/** Subjects that have data at or before the as-of period (the others are not judged for it). */
export function judged(timelines: Timeline[], asOf: Period, unit?: string): Timeline[] {
  const want = unit ? unit.normalize('NFC').toLocaleLowerCase('vi') : undefined;
  return timelines.filter((tl) => {
    if (!tl.records.some((r) => comparePeriods(r.period, asOf) <= 0) && tl.subject.kind === 'person') return false;
    if (!want) return true;
    const names = [tl.subject.unit, tl.subject.name, ...tl.records.map((r) => r.unit), ...tl.records.map((r) => r.team)].filter(Boolean) as string[];
    return names.some((n) => n.toLocaleLowerCase('vi').includes(want));
  });
}
