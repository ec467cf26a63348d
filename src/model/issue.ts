// Problems are values with a code, a place and data; the words come last (src/cli/i18n).
export type Severity = 'error' | 'warning' | 'info';

export type Issue = {
  code: string;
  severity: Severity;
  file?: string;
  sheet?: string;
  cell?: string;
  data: Record<string, string | number>;
};

export function issue(code: string, severity: Severity, where: Pick<Issue, 'file' | 'sheet' | 'cell'>, data: Issue['data'] = {}): Issue {
  const out: Issue = { code, severity, data };
  if (where.file !== undefined) out.file = where.file;
  if (where.sheet !== undefined) out.sheet = where.sheet;
  if (where.cell !== undefined) out.cell = where.cell;
  return out;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorts issues by file, sheet, row, column, then code: the same inputs give the same order. */
export function sortIssues(issues: Issue[]): Issue[] {
  // Each issue's cell position and data text are worked out once, not at every comparison: a province has
  // tens of thousands of issues, many alike but for their data.
  const keys = new Map<Issue, { cell: number; data?: string }>();
  const key = (i: Issue) => keys.get(i) ?? keys.set(i, { cell: cellOrder(i.cell) }).get(i)!;
  const data = (i: Issue) => (key(i).data ??= JSON.stringify(i.data));
  return [...issues].sort((a, b) =>
    cmp(a.file ?? '', b.file ?? '') || cmp(a.sheet ?? '', b.sheet ?? '') || key(a).cell - key(b).cell ||
    cmp(a.cell ?? '', b.cell ?? '') || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || cmp(a.code, b.code) ||
    cmp(data(a), data(b)));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cellOrder(cell: string | undefined): number {
  const m = cell ? /^([A-Z]+)(\d+)/.exec(cell) : null;
  if (!m) return -1;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return Number(m[2]) * 20000 + col;
}
