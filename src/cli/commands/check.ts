import { isAbsolute, join } from 'node:path';
import { AWARDS, type AwardId } from '../../model/award.js';
import { formatDateVi } from '../../model/date.js';
import { sortIssues } from '../../model/issue.js';
import type { Timeline } from '../../model/subject.js';
import { checkJsonChunks } from '../../render/check-json.js';
import { applyCaps, evaluateSubject, unsupportedTitles, type Verdict, type VerdictStatus } from '../../rules/index.js';
import { startCommand, type RunContext } from '../context.js';
import { judged, prepareEvaluation, type Evaluation } from '../evaluation.js';
import { exists, writeFileAtomic } from '../fs-atomic.js';
import { issueJson, type Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { exitCodeFor, loadData, withConfirmations } from '../load.js';
import type { CommonOptions } from '../main.js';
import { printIssues } from '../print-issues.js';
import { writeChunks } from '../stream.js';

export type CheckOptions = CommonOptions & { unit?: string; status?: string; confirmations?: string; all?: boolean; force?: boolean };

const STATUSES: VerdictStatus[] = ['eligible', 'review', 'ineligible'];
const SHOWN = 50;

export async function runCheck([paths]: [string[]], opts: CheckOptions, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  const status = opts.status?.split(',').map((s) => s.trim()) as VerdictStatus[] | undefined;
  if (status?.some((s) => !STATUSES.includes(s))) throw new UsageError(vi ? `--status nhận: ${STATUSES.join(', ')}` : `--status takes: ${STATUSES.join(', ')}`);
  const data = await loadData(withConfirmations(paths, opts.confirmations), { mode: ctx.mode, fixEncoding: !!opts.fixEncoding, lang: ctx.lang, cache: opts.cache }, io, ctx.o);
  const ev = prepareEvaluation(opts, ctx, data.timelines, data.confirmations, data.issues);
  const outFile = opts.out ? (isAbsolute(opts.out) ? opts.out : join(io.cwd, opts.out)) : undefined;
  if (outFile && exists(outFile) && !opts.force) throw new UsageError(vi ? `Đã có ${opts.out}; không ghi đè. Thêm --force nếu muốn ghi đè.` : `${opts.out} exists; add --force to overwrite.`);

  const subjects = judged(data.timelines, ev.asOf, opts.unit);
  const caps = !ev.awards || ev.awards.includes('cstdcs') ? applyCaps(subjects, ev.env) : { adjust: new Map(), issues: [] };
  const overrides = ctx.config.parameters ?? {};
  const issues = sortIssues([...data.issues, ...ev.issues, ...caps.issues, ...subjects.flatMap((tl) => unsupportedTitles(tl, ev.env, overrides))]);
  // One pass: each verdict is computed once and goes to the JSON stream, the summary and the report.
  const summary: Summary = new Map();
  const forReport: Verdict[] = [];
  const verdicts = function* () {
    for (const tl of subjects) {
      for (const v of evaluateSubject(tl, ev.env, caps.adjust, ev.awards)) {
        if (status && !status.includes(v.status)) continue;
        if (!ctx.json) tally(summary, v); // the summary is printed only without --json
        if (outFile) forReport.push(v);
        yield v;
      }
    }
  };
  if (ctx.json) {
    const head = { asOf: ev.asOf, ruleset: ev.ruleset, date: ev.date, inputs: data.inputs, issues: issues.map((i) => issueJson(i, ctx.lang)), subjects: subjects.map((t) => t.subject) };
    await writeChunks(io.stdout, checkJsonChunks(head, verdicts(), ctx.lang));
  } else {
    for (const v of verdicts()) void v;
    printSummary(summary, ev, subjects, ctx, !!opts.all, status);
  }
  if (outFile) {
    const { renderCheckReport } = await import('../../render/xlsx-report.js'); // exceljs loads only for --out
    await writeFileAtomic(outFile, await renderCheckReport({ asOf: ev.asOf, ruleset: ev.ruleset, subjects, verdicts: forReport, lang: ctx.lang }));
    ctx.o.err(vi ? `Đã ghi báo cáo ${opts.out}` : `Wrote ${opts.out}`);
  }
  printIssues(issues, ctx);
  return exitCodeFor(issues);
}

type Summary = Map<AwardId, Record<VerdictStatus, { id: string; reason: string; reasonEn: string }[]>>;

function tally(summary: Summary, v: Verdict): void {
  const row = summary.get(v.award) ?? summary.set(v.award, { eligible: [], review: [], ineligible: [] }).get(v.award)!;
  const first = v.checks.find((c) => c.status === (v.status === 'review' ? 'unknown' : 'unmet'));
  row[v.status].push({ id: v.subject, reason: first?.found.vi ?? '', reasonEn: first?.found.en ?? '' });
}

function printSummary(summary: Summary, ev: Evaluation, subjects: Timeline[], ctx: RunContext, all: boolean, statuses?: VerdictStatus[]): void {
  const { o, lang } = ctx;
  const { c } = o;
  const vi = lang === 'vi';
  const names = new Map(subjects.map((t) => [t.subject.id, t.subject.name]));
  const persons = subjects.filter((t) => t.subject.kind === 'person').length;
  o.out(c.bold(vi ? `Năm học ${ev.asOf} · ngày đề nghị ${formatDateVi(ev.date)} · ${ev.ruleset.id}: ${ev.ruleset.title.vi}`
    : `Period ${ev.asOf} · proposal date ${formatDateVi(ev.date)} · ${ev.ruleset.id}: ${ev.ruleset.title.en}`));
  o.out(vi ? `${persons} cá nhân, ${subjects.length - persons} tập thể` : `${persons} persons, ${subjects.length - persons} collectives`);
  for (const [award, row] of [...summary].sort(([a], [b]) => Object.keys(AWARDS).indexOf(a) - Object.keys(AWARDS).indexOf(b))) {
    o.out('');
    const counts = vi ? `đủ ${row.eligible.length} · cần xem xét ${row.review.length} · chưa đủ ${row.ineligible.length}`
      : `eligible ${row.eligible.length} · review ${row.review.length} · ineligible ${row.ineligible.length}`;
    o.out(`${c.bold(AWARDS[award].name[lang])} ${c.dim(`(${award})`)}  ${counts}`);
    // Ineligible subjects are many and expected; they are listed only when asked for (--status ineligible).
    const lists = [['✓', row.eligible, c.green], ['?', row.review, c.yellow], ...(statuses?.includes('ineligible') ? [['✗', row.ineligible, c.red] as const] : [])] as const;
    for (const [mark, list, colour] of lists) {
      // Many subjects held back by the same missing piece (an unconfigured criterion) make one line, not a page.
      const reasons = new Map<string, number>();
      for (const x of list) reasons.set(x.reason, (reasons.get(x.reason) ?? 0) + 1);
      const common = mark !== '✓' && list.length >= 5 ? [...reasons].find(([, n]) => n === list.length)?.[0] : undefined;
      if (common !== undefined) {
        o.out(`  ${colour(mark)} ${vi ? `${list.length} đối tượng` : `${list.length} subjects`}${c.dim(` — ${vi ? list[0].reason : list[0].reasonEn}`)}`);
        continue;
      }
      const sorted = [...list].sort((a, b) => (names.get(a.id) ?? a.id).localeCompare(names.get(b.id) ?? b.id, 'vi'));
      const shown = all ? sorted : sorted.slice(0, SHOWN);
      for (const x of shown) o.out(`  ${colour(mark)} ${names.get(x.id) ?? x.id}${mark !== '✓' ? c.dim(` — ${vi ? x.reason : x.reasonEn}`) : ''}`);
      if (shown.length < list.length) o.out(c.dim(vi ? `    … và ${list.length - shown.length} người nữa (--all để xem hết, --json hoặc --out để xuất)` : `    … and ${list.length - shown.length} more (--all, --json or --out)`));
    }
  }
}
