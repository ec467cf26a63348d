import { issue, type Issue } from '../model/issue.js';
import { parsePeriod, type PeriodMode } from '../model/period.js';
import { cellText } from './cell-values.js';
import type { Field } from './columns.js';
import { cellAddress, type Grid } from './grid.js';
import type { Column, Header } from './header.js';
import type { Where } from './row-facts.js';
import { collectiveKey, personKey } from './subject-keys.js';
import { cleanText } from './text.js';
import { isFooter } from './title-rows.js';
import type { Confirmation } from './types.js';
import { parseAnswer, parseHonour } from './vocabulary.js';

/** A "Xác nhận" sheet, whatever its name: a criterion column and an answer column next to the subject. */
export function isConfirmationHeader(header: Header): boolean {
  const fields = new Set(header.columns.map((c) => c.field));
  return fields.has('criterion') && fields.has('answer');
}

export type ConfirmationSheet = { confirmations: Confirmation[]; issues: Issue[]; rows: number };

/**
 * Reads the council's answers, one per row: who or which collective, the award proposed, the criterion, the
 * answer (Đạt/Không đạt), who confirmed it and on what basis. A row whose answer, criterion or confirmer
 * cannot be read is an issue at its cell and is left out: a half-read confirmation must never count.
 */
export function readConfirmations(grid: Grid, header: Header, ctx: { file: string; mode: PeriodMode }, where: Where): ConfirmationSheet {
  const issues: Issue[] = [];
  const confirmations: Confirmation[] = [];
  const byField = new Map<Field, Column>();
  for (const c of header.columns) if (c.field && !c.wide && !byField.has(c.field)) byField.set(c.field, c);
  const col = (f: Field) => byField.get(f);
  const text = (r: number, c: Column | undefined) => (c ? grid.text(r, c.col) : '');
  // "Danh hiệu/Hình thức đề nghị"; a plain award or title column means the same here.
  const awardCol = col('proposal') ?? col('award') ?? col('titles');
  const bad = (r: number, c: Column | undefined, reason: string, value: string) =>
    issues.push(issue('E_BAD_CONFIRMATION', 'error', where(r, c?.col ?? 0), { reason, value, ...(c ? { header: c.header } : {}) }));
  let rows = 0;

  for (let r = header.dataStart; r < grid.rowCount; r++) {
    if (grid.isRowEmpty(r)) continue;
    const person = cleanText(text(r, col('name')));
    const collective = cleanText(text(r, col('collectiveName')));
    const name = person || collective;
    if (name !== '' && isFooter(name)) break;
    const criterionText = cleanText(text(r, col('criterion')));
    const answerCell = grid.cell(r, col('answer')!.col);
    const answerText = answerCell ? cellText(answerCell.value) : '';
    if (name === '') {
      if (criterionText !== '' || answerText !== '') issues.push(issue('E_MISSING_NAME', 'error', where(r, (col('name') ?? col('collectiveName'))?.col ?? 0), { row: r + 1 }));
      continue;
    }
    rows++;
    const before = issues.length;
    const subject = person !== '' ? personKey(grid, r, byField, person, issues, where) : collectiveKey(grid, r, byField, collective, undefined);
    if (criterionText === '') bad(r, col('criterion'), 'criterion', '');
    // A real TRUE/FALSE cell answers too; cellText would show FALSE as empty.
    const answer = typeof answerCell?.value === 'boolean' ? answerCell.value : parseAnswer(answerText);
    if (answer === undefined) bad(r, col('answer'), 'answer', answerText);
    const who = cleanText(text(r, col('confirmer')));
    if (who === '') bad(r, col('confirmer'), 'who', '');
    let award: Confirmation['award'] = '*';
    const awardText = text(r, awardCol);
    if (awardCol && awardText !== '') {
      const honour = parseHonour(awardText);
      if (honour) award = honour.award;
      else issues.push(issue('E_UNKNOWN_AWARD', 'error', where(r, awardCol.col), { value: awardText, header: awardCol.header }));
    }
    const periodCol = col('period');
    const periodText = text(r, periodCol);
    const period = periodText === '' ? undefined : parsePeriod(periodText, ctx.mode);
    if (periodCol && periodText !== '' && !period) issues.push(issue('E_BAD_PERIOD', 'error', where(r, periodCol.col), { value: periodText }));
    if (issues.slice(before).some((i) => i.severity === 'error')) continue;

    const out: Confirmation = {
      subject, award, criterion: criterionText, answer: answer!, who,
      source: { file: ctx.file, sheet: grid.name, row: r + 1, cell: cellAddress(r, col('answer')!.col) },
    };
    const basis = cleanText(text(r, col('basis')));
    if (basis !== '') out.basis = basis;
    if (period) out.period = period;
    confirmations.push(out);
  }
  return { confirmations, issues, rows };
}
