import type { AwardId } from '../model/award.js';
import type { Issue } from '../model/issue.js';
import type { Period } from '../model/period.js';
import type { YearRecord } from '../model/record.js';
import type { Field } from './columns.js';

export type Layout = 'canonical' | 'per-year' | 'wide' | 'confirmations';

/** Where a fact was read, for conflicts and explanations: "Cá nhân!F12" in a file. */
export type Source = { file: string; sheet: string; row: number };

/** How a sheet's rows name their subject; history turns keys into subjects. */
export type PersonKey = {
  kind: 'person';
  id?: string;
  name: string;
  birthDate?: string;
  birthYear?: number;
  gender?: 'nam' | 'nu';
  position?: string;
  entryDate?: string;
};
export type CollectiveKey = { kind: 'collective'; code?: string; name: string; parent?: string };

/** One subject in one period, as one row of one sheet says it. */
export type SourceRecord = {
  key: PersonKey | CollectiveKey;
  record: YearRecord;
  source: Source;
  /** Cell addresses of the facts, by YearRecord field. */
  cells: Partial<Record<keyof YearRecord, string>>;
};

/**
 * A human answer to a criterion data cannot decide ("dẫn đầu cụm thi đua", "tiêu biểu xuất sắc"), read from a
 * "Xác nhận" sheet. `criterion` is the text as written (a criterion id such as "leads-cluster", or words);
 * `award` is '*' when the row names no award.
 */
export type Confirmation = {
  subject: PersonKey | CollectiveKey;
  award: AwardId | '*';
  criterion: string;
  answer: boolean;
  who: string;
  basis?: string;
  period?: Period;
  /** The row, and the cell holding the answer. */
  source: Source & { cell: string };
};

export type SheetSummary = {
  name: string;
  layout?: Layout;
  kind?: 'person' | 'collective' | 'confirmation';
  headerRow?: number;
  period?: Period;
  periodFrom?: 'column' | 'title' | 'sheet' | 'file' | 'header';
  rows: number;
  columns: Partial<Record<string, Field | string>>;
};

export type InputSummary = {
  file: string;
  sha256: string;
  layout: Layout | 'mixed' | 'none';
  sheets: SheetSummary[];
  rows: number;
};

export type ReadResult = { input: InputSummary; records: SourceRecord[]; confirmations: Confirmation[]; issues: Issue[] };
