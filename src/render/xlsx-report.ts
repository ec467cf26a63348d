import ExcelJS from 'exceljs';
import { AWARDS, AWARD_IDS } from '../model/award.js';
import type { YearRecord } from '../model/record.js';
import type { Timeline } from '../model/subject.js';
import { formatCitation } from '../rules/citation.js';
import type { Ruleset, Verdict } from '../rules/types.js';

type Lang = 'vi' | 'en';
export type CheckReport = { asOf: string; ruleset: Ruleset; subjects: Timeline[]; verdicts: Verdict[]; lang: Lang };

const STATUS_VI = { eligible: 'Đủ điều kiện', review: 'Cần xem xét', ineligible: 'Chưa đủ điều kiện' } as const;
const STATUS_EN = { eligible: 'Eligible', review: 'Review', ineligible: 'Ineligible' } as const;
const STATUS_FILL = { eligible: 'FFC6EFCE', review: 'FFFFEB9C', ineligible: 'FFFFC7CE' } as const;
const RATING_FILL: Record<string, string> = { HTXS: 'FF63BE7B', HTT: 'FFC6EFCE', HT: 'FFFFEB9C', KHT: 'FFFFC7CE' };

/**
 * The report of `tdkt check --out`: counts per award, one row per verdict (filterable), and the timeline a clerk
 * looks at first (subjects × school years, coloured by rating). Every value from the input is a text cell.
 */
export async function renderCheckReport(r: CheckReport): Promise<Buffer> {
  const vi = r.lang === 'vi';
  const status = vi ? STATUS_VI : STATUS_EN;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'tdkt';
  wb.created = new Date(Date.UTC(2025, 0, 1));
  wb.modified = wb.created;
  const names = new Map(r.subjects.map((t) => [t.subject.id, t.subject]));
  const header = (ws: ExcelJS.Worksheet, cols: { header: string; width: number }[]) => {
    ws.columns = cols.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  };

  const sum = wb.addWorksheet(vi ? 'Tổng hợp' : 'Summary');
  header(sum, [{ header: vi ? 'Hình thức' : 'Award', width: 44 }, { header: status.eligible, width: 16 }, { header: status.review, width: 16 }, { header: status.ineligible, width: 18 }]);
  for (const id of AWARD_IDS) {
    const vs = r.verdicts.filter((v) => v.award === id);
    if (vs.length === 0) continue;
    sum.addRow([AWARDS[id].name[r.lang], ...(['eligible', 'review', 'ineligible'] as const).map((s) => vs.filter((v) => v.status === s).length)]);
  }
  sum.addRow([]);
  sum.addRow([vi ? `Năm học ${r.asOf}; ${r.ruleset.id}: ${r.ruleset.title.vi}` : `Period ${r.asOf}; ${r.ruleset.id}: ${r.ruleset.title.en}`]);

  const ver = wb.addWorksheet(vi ? 'Kết luận' : 'Verdicts');
  header(ver, [
    { header: vi ? 'Mã' : 'Id', width: 16 }, { header: vi ? 'Họ tên / Tập thể' : 'Name', width: 28 }, { header: vi ? 'Đơn vị' : 'Unit', width: 26 },
    { header: vi ? 'Hình thức' : 'Award', width: 34 }, { header: vi ? 'Kết luận' : 'Verdict', width: 18 }, { header: vi ? 'Lý do' : 'Reason', width: 70 },
    { header: vi ? 'Căn cứ' : 'Legal basis', width: 40 },
  ]);
  for (const v of r.verdicts) {
    const s = names.get(v.subject);
    const reasons = v.checks.filter((c) => c.status !== 'met').map((c) => `${c.requirement[r.lang]}: ${c.found[r.lang]}`).join('\n');
    const row = ver.addRow([v.subject, s?.name ?? '', s?.unit ?? '', AWARDS[v.award].name[r.lang], status[v.status], reasons, formatCitation(v.citation)]); // string cells, never formulas
    row.getCell(5).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: STATUS_FILL[v.status] } };
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
  }
  ver.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 7 } };

  const periods = [...new Set(r.subjects.flatMap((t) => t.records.map((x) => x.period)))].sort();
  const tl = wb.addWorksheet(vi ? 'Quá trình' : 'Timeline');
  header(tl, [{ header: vi ? 'Mã' : 'Id', width: 16 }, { header: vi ? 'Họ tên / Tập thể' : 'Name', width: 28 }, { header: vi ? 'Đơn vị' : 'Unit', width: 24 }, ...periods.map((p) => ({ header: p, width: 18 }))]);
  for (const t of r.subjects) {
    const by = new Map(t.records.map((x) => [x.period, x]));
    const row = tl.addRow([t.subject.id, t.subject.name, t.subject.unit ?? '', ...periods.map((p) => (by.get(p) ? cellOf(by.get(p)!) : ''))]);
    periods.forEach((p, i) => {
      const rating = by.get(p)?.rating;
      const fill = rating ? RATING_FILL[rating] : by.get(p) ? 'FFE7E6E6' : undefined;
      if (fill) row.getCell(i + 4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    });
  }
  tl.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 3 + periods.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function cellOf(r: YearRecord): string {
  const parts = [r.rating ?? '…', ...(r.titles ?? []).map((h) => AWARDS[h.award].short), ...(r.awards ?? []).map((h) => AWARDS[h.award].short)];
  const sk = (r.initiatives ?? []).reduce((n, i) => n + i.count, 0);
  if (sk) parts.push(`SK${sk}`);
  if (r.discipline?.length) parts.push('KL');
  return parts.join(' · ');
}
