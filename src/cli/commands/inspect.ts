import { AWARDS } from '../../model/award.js';
import type { YearRecord } from '../../model/record.js';
import type { Timeline } from '../../model/subject.js';
import { inspectJsonChunks } from '../../render/inspect-json.js';
import { startCommand } from '../context.js';
import { issueJson, type Lang } from '../i18n/index.js';
import type { Io } from '../io.js';
import { exitCodeFor, loadData } from '../load.js';
import type { CommonOptions } from '../main.js';
import { printIssues } from '../print-issues.js';
import { writeChunks } from '../stream.js';

const SHOWN = 60;

export async function runInspect([paths]: [string[]], opts: CommonOptions & { all?: boolean }, io: Io, lang: Lang): Promise<number> {
  const ctx = startCommand(opts, io, lang);
  const { o } = ctx;
  const data = await loadData(paths, { mode: ctx.mode, fixEncoding: !!opts.fixEncoding, lang: ctx.lang, cache: opts.cache }, io, o);
  if (ctx.json) {
    await writeChunks(io.stdout, inspectJsonChunks(data.inputs, data.issues.map((i) => issueJson(i, ctx.lang)), data.timelines));
    return exitCodeFor(data.issues);
  }
  const vi = ctx.lang === 'vi';
  const { c } = o;
  for (const input of data.inputs) {
    o.out(`${c.bold(input.file)}  ${c.dim(`${vi ? 'bố cục' : 'layout'}: ${input.layout}, ${input.rows} ${vi ? 'dòng' : 'rows'}`)}`);
    for (const s of input.sheets) {
      if (!s.layout) {
        o.out(c.dim(`  "${s.name}": ${vi ? 'không có bảng dữ liệu' : 'no data table'}`));
        continue;
      }
      if (s.kind === 'confirmation') {
        o.out(`  "${s.name}": ${vi ? 'xác nhận của Hội đồng' : "the council's confirmations"}, ${vi ? 'tiêu đề ở dòng' : 'header at row'} ${s.headerRow}, ${s.rows} ${vi ? 'dòng' : 'rows'}`);
        continue;
      }
      const period = s.periodFrom === 'column' ? (vi ? 'năm học theo cột' : 'period from a column')
        : s.period ? `${vi ? 'năm học' : 'period'} ${s.period} (${vi ? 'lấy từ' : 'from'} ${periodSourceName(s.periodFrom, vi)})`
          : (vi ? 'mỗi cột một năm học' : 'one column per period');
      o.out(`  "${s.name}": ${s.kind === 'collective' ? (vi ? 'tập thể' : 'collectives') : (vi ? 'cá nhân' : 'persons')}, ${vi ? 'tiêu đề ở dòng' : 'header at row'} ${s.headerRow}, ${period}, ${s.rows} ${vi ? 'dòng' : 'rows'}`);
      const cols = Object.entries(s.columns).map(([h, f]) => `${h} → ${f}`).join('; ');
      if (cols) o.out(c.dim(`    ${cols}`));
    }
  }
  const persons = data.timelines.filter((t) => t.subject.kind === 'person');
  const collectives = data.timelines.length - persons.length;
  const periods = [...new Set(data.timelines.flatMap((t) => t.records.map((r) => r.period)))].sort();
  o.out('');
  o.out(c.bold(vi
    ? `${persons.length} cá nhân, ${collectives} tập thể; ${periods.length > 0 ? `năm học ${periods[0]} – ${periods[periods.length - 1]}` : 'chưa có năm học nào'}`
    : `${persons.length} persons, ${collectives} collectives; ${periods.length > 0 ? `periods ${periods[0]} – ${periods[periods.length - 1]}` : 'no periods'}`));
  const shown = opts.all ? data.timelines : data.timelines.slice(0, SHOWN);
  for (const t of shown) o.out(timelineLine(t, periods, vi));
  if (shown.length < data.timelines.length) {
    o.out(c.dim(vi ? `… và ${data.timelines.length - shown.length} đối tượng nữa (dùng --all hoặc --json để xem hết)` : `… and ${data.timelines.length - shown.length} more (use --all or --json)`));
  }
  printIssues(data.issues, ctx);
  return exitCodeFor(data.issues);
}

function periodSourceName(from: string | undefined, vi: boolean): string {
  const names: Record<string, [string, string]> = { title: ['tiêu đề', 'title rows'], sheet: ['tên trang', 'sheet name'], file: ['tên tệp', 'file name'] };
  return names[from ?? '']?.[vi ? 0 : 1] ?? String(from);
}

function timelineLine(t: Timeline, periods: string[], vi: boolean): string {
  const byPeriod = new Map(t.records.map((r) => [r.period, r]));
  const cells = periods.map((p) => {
    const r = byPeriod.get(p);
    return `${p.slice(2, 4)}-${p.slice(-2)}: ${r ? recordShort(r) : '?'}`;
  });
  const who = t.subject.kind === 'person' ? `${t.subject.name} (${t.subject.id})` : `${vi ? 'Tập thể' : 'Collective'} ${t.subject.name}`;
  return `  ${who}\n    ${cells.join('  ')}`;
}

/** "HTXS·CSTĐCS·SK1" — a year at a glance. */
export function recordShort(r: YearRecord): string {
  const parts = [r.rating ?? '…'];
  for (const h of r.titles ?? []) parts.push(AWARDS[h.award].short);
  for (const h of r.awards ?? []) parts.push(AWARDS[h.award].short);
  const sk = (r.initiatives ?? []).reduce((n, i) => n + i.count, 0);
  if (sk > 0) parts.push(`SK${sk}`);
  if ((r.discipline ?? []).length > 0) parts.push('KL');
  return parts.join('·');
}
