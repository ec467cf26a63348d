import type { Issue } from '../model/issue.js';
import type { RunContext } from './context.js';
import { issueMessage, issuePlace, severityLabel } from './i18n/index.js';

/** Issues grouped by file on stderr, errors first in colour; a count line at the end. */
export function printIssues(issues: Issue[], ctx: RunContext): void {
  const { o, lang } = ctx;
  const { ce } = o;
  if (issues.length === 0) return;
  const byFile = new Map<string, Issue[]>();
  for (const i of issues) (byFile.get(i.file ?? '') ?? byFile.set(i.file ?? '', []).get(i.file ?? '')!).push(i);
  o.err('');
  for (const [file, list] of byFile) {
    if (file) o.err(ce.bold(file));
    for (const i of list) {
      const label = severityLabel(i.severity, lang);
      const tag = i.severity === 'error' ? ce.red(label) : i.severity === 'warning' ? ce.yellow(label) : ce.dim(label);
      const place = issuePlace(i);
      o.err(`  ${place ? `${place.padEnd(14)} ` : ''}${tag}  ${issueMessage(i, lang)} ${ce.dim(i.code)}`);
    }
  }
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.filter((i) => i.severity === 'warning').length;
  o.err(lang === 'en' ? `${errors} errors, ${warnings} warnings` : `${errors} lỗi, ${warnings} cảnh báo`);
}
