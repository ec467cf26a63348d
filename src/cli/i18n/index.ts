import type { Issue, Severity } from '../../model/issue.js';
import { issuesEn } from './issues-en.js';
import { issuesVi } from './issues-vi.js';

export type Lang = 'vi' | 'en';

export function parseLang(value: string | undefined): Lang | undefined {
  return value === 'vi' || value === 'en' ? value : undefined;
}

/** The sentence for an issue, in the user's language; an unknown code still says what it knows. */
export function issueMessage(i: Issue, lang: Lang): string {
  const cat = lang === 'en' ? issuesEn : issuesVi;
  const f = cat[i.code];
  if (f) return f(i.data);
  const data = Object.entries(i.data).map(([k, v]) => `${k}=${v}`).join(', ');
  return `${i.code}${data ? ` (${data})` : ''}`;
}

export function severityLabel(s: Severity, lang: Lang): string {
  const vi: Record<Severity, string> = { error: 'lỗi', warning: 'cảnh báo', info: 'ghi chú' };
  const en: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };
  return (lang === 'en' ? en : vi)[s];
}

/** "Cá nhân!F12" (with the file when asked). */
export function issuePlace(i: Issue, withFile = false): string {
  const sheetCell = i.sheet ? (i.cell ? `${i.sheet}!${i.cell}` : i.sheet) : '';
  if (!withFile) return sheetCell;
  return [i.file, sheetCell].filter(Boolean).join(' › ');
}

/** An issue for JSON output: the message rendered, nothing undefined. */
export function issueJson(i: Issue, lang: Lang): Record<string, unknown> {
  const out: Record<string, unknown> = { code: i.code, severity: i.severity };
  if (i.file !== undefined) out.file = i.file;
  if (i.sheet !== undefined) out.sheet = i.sheet;
  if (i.cell !== undefined) out.cell = i.cell;
  out.message = issueMessage(i, lang);
  if (Object.keys(i.data).length > 0) out.data = i.data;
  return out;
}
