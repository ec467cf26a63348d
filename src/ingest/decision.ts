import type { Decision } from '../model/record.js';
import { parseDateValue } from './cell-values.js';
import { cleanText } from './text.js';

// "1234/QĐ-UBND ngày 15/8/2019", "Số 56/QĐ-SGDĐT, 02/6/2021", "QĐ số 12/QĐ-UBND ngày 5 tháng 6 năm 2020 của UBND tỉnh"
const NUMBER = /(\d+[A-Za-z0-9.]*\s*\/\s*[\p{L}\d][\p{L}\d&.\-–/]*)/u;
const DATE_NUMERIC = /(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})/;
const DATE_WORDS = /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/i;

/** Reads a decision from one cell; undefined when no number and no date can be found. */
export function parseDecision(text: string): Decision | undefined {
  const t = cleanText(text);
  if (t === '') return undefined;
  const out: Decision = {};
  const withoutDates = t.replace(DATE_WORDS, ' ').replace(DATE_NUMERIC, ' ');
  const num = NUMBER.exec(withoutDates);
  if (num) out.number = num[1].replace(/\s+/g, '').replace(/–/g, '-');
  const words = DATE_WORDS.exec(t) ?? DATE_NUMERIC.exec(t);
  if (words) {
    const parsed = parseDateValue(`${words[1]}/${words[2]}/${words[3]}`);
    if (parsed?.date) out.date = parsed.date;
  }
  const by = /\bcủa\s+(.+)$/i.exec(t);
  if (by) out.authority = by[1].replace(/[;.,]+$/, '').trim();
  return out.number || out.date ? out : undefined;
}

/** The decision inside an award text, "Bằng khen UBND tỉnh (QĐ 123/QĐ-UBND ngày 12/5/2020)". */
export function splitAwardText(text: string): { award: string; decision?: Decision } {
  const m = /^(.*?)[\s,;]*[(\[]?\s*(?:theo\s+)?(?:qđ|quyết định|số)(?=[\s.:]|$)(.*)$/iu.exec(text);
  if (!m) return { award: text };
  const decision = parseDecision(m[2]);
  return decision ? { award: m[1].trim(), decision } : { award: text };
}
