import { buildTimelines, type ResolvedConfirmation } from '../history/index.js';
import { cacheDir } from '../ingest/cache.js';
import type { InputSummary } from '../ingest/index.js';
import { readInputs } from '../ingest/inputs.js';
import { sortIssues, type Issue } from '../model/issue.js';
import type { PeriodMode } from '../model/period.js';
import type { Timeline } from '../model/subject.js';
import { issueMessage, type Lang } from './i18n/index.js';
import { UsageError, type Io } from './io.js';
import type { Output } from './output.js';
import { VERSION } from './version.js';

export type LoadedData = { inputs: InputSummary[]; timelines: Timeline[]; confirmations: ResolvedConfirmation[]; issues: Issue[] };

export type LoadOptions = {
  mode: PeriodMode;
  fixEncoding: boolean;
  lang: Lang;
  /** false with --no-cache: every workbook is read again, and nothing is written to the cache. */
  cache?: boolean;
};

/** ingest → history for the paths given, with progress on stderr. A named file that cannot be read stops the run. */
export async function loadData(paths: string[], opts: LoadOptions, io: Io, o: Output): Promise<LoadedData> {
  if (paths.length === 0) throw new UsageError(opts.lang === 'en' ? 'Give at least one file or folder.' : 'Cần chỉ ra ít nhất một tệp hoặc thư mục dữ liệu.');
  const reading = opts.lang === 'en' ? 'Reading workbooks…' : 'Đang đọc bảng tính…';
  const progress = await o.progress(reading);
  try {
    const read = await readInputs(paths, io.cwd, {
      mode: opts.mode, fixEncoding: opts.fixEncoding, env: io.env,
      cache: opts.cache === false ? undefined : { dir: cacheDir(io.env), version: VERSION },
      progress: (done, total) => progress.update(`${reading} ${done}/${total}`),
    });
    if (read.fatal.length > 0) {
      const lines = read.fatal.map((e) => `${e.file}: ${issueMessage({ code: e.code, severity: 'error', data: e.data }, opts.lang)}`);
      throw new UsageError(lines.join('\n'));
    }
    progress.update(opts.lang === 'en' ? 'Merging timelines…' : 'Đang ghép dữ liệu theo người…');
    const history = buildTimelines(read.records, read.confirmations);
    return { inputs: read.inputs, timelines: history.timelines, confirmations: history.confirmations, issues: sortIssues([...read.issues, ...history.issues]) };
  } finally {
    progress.stop();
  }
}

export function exitCodeFor(issues: Issue[]): 0 | 1 {
  return issues.some((i) => i.severity === 'error') ? 1 : 0;
}

/** A confirmations file (--confirmations) is read like any input: its "Xác nhận" sheet gives the answers. */
export function withConfirmations(paths: string[], file: string | undefined): string[] {
  return file ? [...paths, file] : paths;
}
