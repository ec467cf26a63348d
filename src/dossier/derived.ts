import { UNKNOWN, UNKNOWN_DATE_LINE } from '../model/documents.js';
import type { PlannedDocument } from './plan.js';

// The data-derived content of each document: names, counts, the rows of its tables. `verify` reads a document back
// and expects each value in it, and each table row's values in one row; the narrative a clerk wrote in Word is not
// among them.

type Row = Record<string, unknown>;
export type Derived = { values: string[]; rows: string[][] };

const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);
const str = (v: unknown) => normalise(v === undefined || v === null ? '' : String(v));
const known = (s: string) => s !== '' && s !== UNKNOWN && s !== UNKNOWN_DATE_LINE;

export function derivedContent(doc: PlannedDocument): Derived {
  const d = doc.data as Row;
  const values: string[] = [];
  const table: string[][] = [];
  const add = (...vs: unknown[]) => values.push(...vs.map(str).filter(known));
  const row = (...vs: unknown[]) => table.push(vs.map(str).filter(known));
  switch (doc.template) {
    case 'to-trinh':
      add(d.hinh_thuc, d.so_luong);
      for (const s of rows(d.de_nghi)) add(s.muc, ...(s.dong as string[]));
      break;
    case 'danh-sach':
      add(d.hinh_thuc, d.so_luong);
      for (const g of rows(d.nhom_ca_nhan)) for (const r of rows(g.ca_nhan)) row(r.ho_ten, r.nam_sinh, r.gioi_tinh, r.chuc_vu_don_vi, r.tom_tat);
      for (const g of rows(d.nhom_tap_the)) for (const r of rows(g.tap_the)) row(r.ten_tap_the, r.tom_tat);
      break;
    case 'bao-cao-ca-nhan':
    case 'bao-cao-tap-the':
      add(d.hinh_thuc, d.ho_ten ?? d.ten_tap_the, d.ngay_sinh, d.don_vi_cong_tac, d.chuc_vu);
      for (const r of rows(d.danh_hieu)) row(r.nam, r.danh_hieu, r.quyet_dinh);
      for (const r of rows(d.khen_thuong)) row(r.nam, r.hinh_thuc, r.quyet_dinh);
      break;
    case 'quyet-dinh':
      add(d.trich_yeu, d.so_luong);
      for (const g of rows(d.nhom)) for (const r of rows(g.dong)) row(r.ten, r.chuc_vu_don_vi);
      break;
    case 'bien-ban':
      for (const g of rows(d.bieu_quyet)) for (const r of rows(g.de_nghi)) row(r.ten);
      break;
  }
  return { values, rows: table };
}

export function normalise(s: string): string {
  return s.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** What of the expected content the document text lacks: values anywhere, each row's values within one line. */
export function missingFrom(text: string, expected: Derived): string[] {
  const lines = text.split('\n').map(normalise);
  const all = lines.join('\n');
  const missing = expected.values.filter((v) => !all.includes(v));
  for (const r of expected.rows) if (!lines.some((l) => r.every((cell) => l.includes(cell)))) missing.push(r.join(' | '));
  return missing;
}
