import { AWARDS } from '../../model/award.js';
import { formatDateVi } from '../../model/date.js';
import { RATING_NAMES } from '../../model/rating.js';
import type { Timeline } from '../../model/subject.js';
import { foldKey } from '../../ingest/text.js';
import { verdictJson } from '../../render/check-json.js';
import { periodJson } from '../../render/inspect-json.js';
import { evaluateSubject, formatCitation, projectAwards, type CheckResult } from '../../rules/index.js';
import { startCommand, type RunContext } from '../context.js';
import { prepareEvaluation } from '../evaluation.js';
import type { Lang } from '../i18n/index.js';
import { UsageError, type Io } from '../io.js';
import { loadData, withConfirmations } from '../load.js';
import { printIssues } from '../print-issues.js';
import type { CommonOptions } from '../main.js';
import { recordShort } from './inspect.js';

export async function runExplain([who, paths]: [string, string[]], opts: CommonOptions, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const vi = ctx.lang === 'vi';
  const data = await loadData(withConfirmations(paths, opts.confirmations), { mode: ctx.mode, fixEncoding: !!opts.fixEncoding, lang: ctx.lang, cache: opts.cache }, io, ctx.o);
  const tl = findSubject(data.timelines, who, vi, ctx.o.quiet);
  const ev = prepareEvaluation(opts, ctx, data.timelines, data.confirmations, data.issues);
  const verdicts = evaluateSubject(tl, ev.env, new Map(), ev.awards);
  const projections = tl.subject.kind === 'person' ? projectAwards(tl, ev.env, verdicts.filter((v) => v.status === 'ineligible').map((v) => v.award)) : [];
  if (ctx.json) {
    ctx.o.out(JSON.stringify({
      schema: 'tdkt.explain/v1', asOf: ev.asOf, date: ev.date, ruleset: { id: ev.ruleset.id, title: ev.ruleset.title[ctx.lang] },
      subject: tl.subject, periods: tl.records.map(periodJson), verdicts: verdicts.map((v) => verdictJson(v, ctx.lang)),
      nearest: projections.map((p) => ({ award: p.award, years: p.years, profile: p.profile[ctx.lang], status: p.status })),
    }, null, 2));
    return 0;
  }
  printExplanation(tl, ev.asOf, ev.ruleset.title[ctx.lang], ev.date, verdicts, projections, ctx);
  // Answers that counted for nobody matter here: the clerk is looking at this subject's confirmations.
  printIssues(ev.issues, ctx);
  return 0;
}

/**
 * By id, else by full name (case and diacritics ignored); several people of one name is a usage error. The
 * candidates (ids, birth dates) are personal data: --quiet leaves them out of stderr.
 */
function findSubject(timelines: Timeline[], who: string, vi: boolean, quiet: boolean): Timeline {
  const byId = timelines.find((t) => t.subject.id === who);
  if (byId) return byId;
  const key = foldKey(who);
  const byName = timelines.filter((t) => foldKey(t.subject.name) === key);
  const exact = byName.filter((t) => t.subject.name.normalize('NFC') === who.normalize('NFC'));
  const hits = exact.length === 1 ? exact : byName;
  if (hits.length === 1) return hits[0];
  if (hits.length > 1) {
    const list = quiet ? (vi ? '  (chạy lại không có --quiet để xem danh sách)' : '  (run without --quiet to see them)') : hits.map((t) => `  ${t.subject.id}  ${t.subject.name}${t.subject.kind === 'person' && t.subject.birthDate ? ` (${formatDateVi(t.subject.birthDate)})` : ''}${t.subject.unit ? `, ${t.subject.unit}` : ''}`).join('\n');
    throw new UsageError(vi ? `Có ${hits.length} đối tượng tên "${who}"; ghi mã để chọn:\n${list}` : `${hits.length} subjects are named "${who}"; give the id:\n${list}`);
  }
  const near = quiet ? '' : timelines.filter((t) => foldKey(t.subject.name).includes(key)).slice(0, 8).map((t) => `  ${t.subject.id}  ${t.subject.name}`).join('\n');
  throw new UsageError(vi ? `Không tìm thấy "${who}" trong dữ liệu.${near ? ` Có phải:\n${near}` : ''}` : `"${who}" not found.${near ? ` Did you mean:\n${near}` : ''}`);
}

function printExplanation(tl: Timeline, asOf: string, rulesetTitle: string, date: string, verdicts: ReturnType<typeof evaluateSubject>, projections: ReturnType<typeof projectAwards>, ctx: RunContext): void {
  const { o, lang } = ctx;
  const { c } = o;
  const vi = lang === 'vi';
  const s = tl.subject;
  const facts = s.kind === 'person'
    ? [s.birthDate ? `${vi ? 'sinh' : 'born'} ${formatDateVi(s.birthDate)}` : '', s.position ?? '', s.unit ?? '', s.entryDate ? `${vi ? 'vào ngành' : 'entered'} ${formatDateVi(s.entryDate)}` : '']
    : [s.unit ?? ''];
  o.out(c.bold(`${s.name}`) + c.dim(`  ${s.id}`));
  const line = facts.filter(Boolean).join(' · ');
  if (line) o.out(line);
  o.out(c.dim(vi ? `Năm học ${asOf} · ngày đề nghị ${formatDateVi(date)} · ${rulesetTitle}` : `Period ${asOf} · proposal ${formatDateVi(date)} · ${rulesetTitle}`));
  o.out('');
  o.out(c.bold(vi ? 'Quá trình' : 'Timeline'));
  for (const r of tl.records) {
    const rating = r.rating ? (vi ? RATING_NAMES[r.rating] : r.rating) : (vi ? 'chưa có xếp loại' : 'no rating');
    o.out(`  ${r.period}  ${recordShort(r)}${c.dim(`  (${rating})`)}`);
  }
  const marks = { eligible: c.green('✓ đủ điều kiện'), review: c.yellow('? cần xem xét'), ineligible: c.red('✗ chưa đủ điều kiện') };
  const marksEn = { eligible: c.green('✓ eligible'), review: c.yellow('? review'), ineligible: c.red('✗ ineligible') };
  for (const v of verdicts) {
    o.out('');
    o.out(`${c.bold(AWARDS[v.award].name[lang])} ${c.dim(`(${v.award})`)}: ${(vi ? marks : marksEn)[v.status]}`);
    o.out(c.dim(`  ${vi ? 'Căn cứ' : 'Basis'}: ${formatCitation(v.citation)} [${v.confidence}]`));
    for (const ch of v.checks) printCheck(ch, 1, ctx);
  }
  if (projections.length > 0) {
    o.out('');
    o.out(c.bold(vi ? 'Gần đạt nhất' : 'Nearest'));
    for (const p of projections.slice(0, 5)) {
      const when = p.years.length === 1 ? (vi ? `năm học ${p.years[0]}` : p.years[0]) : (vi ? `${p.years.length} năm học tới (đến ${p.years[p.years.length - 1]}) mỗi năm` : `each of the next ${p.years.length} years (to ${p.years[p.years.length - 1]})`);
      const result = p.status === 'eligible' ? (vi ? 'đủ điều kiện' : 'eligible') : (vi ? 'có thể đề nghị (cần Hội đồng xác nhận)' : 'can be proposed (council to confirm)');
      o.out(vi ? `  Nếu ${when} ${p.profile.vi} thì ${result} ${AWARDS[p.award].name.vi}.` : `  If ${when} ${p.profile.en}: ${result} for ${AWARDS[p.award].name.en}.`);
    }
  }
}

function printCheck(ch: CheckResult, depth: number, ctx: RunContext): void {
  const { o, lang } = ctx;
  const { c } = o;
  const vi = lang === 'vi';
  const pad = '  '.repeat(depth);
  const mark = ch.status === 'met' ? c.green('✓') : ch.status === 'unmet' ? c.red('✗') : c.yellow('?');
  o.out(`${pad}${mark} ${vi ? 'Yêu cầu' : 'Requires'}: ${ch.requirement[lang]}${ch.presumed ? c.dim(vi ? ' (coi là đạt)' : ' (presumed)') : ''}`);
  o.out(`${pad}  ${vi ? 'Hiện có' : 'Found'}: ${ch.found[lang]}`);
  if (ch.citation) o.out(c.dim(`${pad}  ${vi ? 'Căn cứ' : 'Basis'}: ${formatCitation(ch.citation)}${ch.confidence ? ` [${ch.confidence}]` : ''}`));
  if (ch.confirmedBy) o.out(c.dim(`${pad}  ${vi ? 'Xác nhận' : 'Confirmed by'}: ${ch.confirmedBy.who}${ch.confirmedBy.basis ? ` — ${ch.confirmedBy.basis}` : ''}`));
  if (ch.note) o.out(c.dim(`${pad}  ${vi ? 'Ghi chú' : 'Note'}: ${ch.note[lang]}`));
  if (ch.children && ch.status !== 'met') for (const x of ch.children) printCheck(x, depth + 1, ctx);
}

