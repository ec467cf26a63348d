import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { CANONICAL } from '../../src/ingest/canonical.js';
import { runCli } from '../support/run-cli.js';

const SCHOOL = 'fixtures/truong-thcs-hoa-sen/chuan';
const ANSWERS = 'fixtures/truong-thcs-hoa-sen/xac-nhan/xac-nhan-2024-2025.xlsx';

type Check = { criterion: string; status: string; confirmedBy?: { who: string; basis?: string }; children?: Check[] };
type Out = { verdicts: { subject: string; award: string; status: string; checks: Check[] }[]; subjects: { id: string; name: string }[]; issues: { code: string; cell?: string; sheet?: string }[] };

function check(args: string[]): Out {
  const r = runCli(['check', SCHOOL, '--json', '--award', 'cstd-tinh,co-tinh,bk-ttg,knc-gd', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Out;
}

function verdict(out: Out, name: string, award: string) {
  const id = out.subjects.find((s) => s.name === name)!.id;
  return out.verdicts.find((v) => v.subject === id && v.award === award)!;
}

/** A "Xác nhận" sheet written as a clerk would: one answer per row. */
async function answers(rows: (string | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(CANONICAL.confirmations.sheet);
  ws.addRow([...CANONICAL.confirmations.headers]);
  rows.forEach((r, i) => ws.addRow([i + 1, ...r]));
  const file = join(mkdtempSync(join(tmpdir(), 'tdkt-xn-')), 'xac-nhan.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('confirmations (--confirmations, "Xác nhận" sheet)', () => {
  it('leave the criteria data cannot decide for review when absent', () => {
    const out = check([]);
    expect(verdict(out, 'Vũ Minh Khánh', 'cstd-tinh').status).toBe('review');
    expect(verdict(out, 'Trường THCS Hoa Sen', 'co-tinh').status).toBe('review');
    expect(verdict(out, 'Tổ Ngữ văn', 'bk-ttg').status).toBe('review');
    expect(verdict(out, 'Trần Văn Dũng', 'knc-gd').status).toBe('review');
  });

  it('decide them when answered, by criterion id or by its words, and say who confirmed on what basis', () => {
    const out = check(['--confirmations', ANSWERS]);
    expect(out.issues).toEqual([expect.objectContaining({ code: 'W_RECORDED_TITLE_UNSUPPORTED' })]);
    const khanh = verdict(out, 'Vũ Minh Khánh', 'cstd-tinh');
    expect(khanh.status).toBe('eligible');
    expect(khanh.checks.find((c) => c.criterion === 'selected')).toMatchObject({
      status: 'met', confirmedBy: { who: 'Hội đồng TĐKT Trường THCS Hoa Sen', basis: 'Biên bản họp Hội đồng TĐKT số 03/BB-HĐTĐKT ngày 10/7/2025' },
    });
    expect(verdict(out, 'Trường THCS Hoa Sen', 'co-tinh').status).toBe('eligible');
    expect(verdict(out, 'Tổ Ngữ văn', 'bk-ttg').status).toBe('ineligible');
    expect(verdict(out, 'Trần Văn Dũng', 'knc-gd').status).toBe('eligible');
  });

  it('are shown in explain with who and the basis', () => {
    const r = runCli(['explain', 'Vũ Minh Khánh', SCHOOL, '--award', 'cstd-tinh', '--confirmations', ANSWERS]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Đã xác nhận đạt (Hội đồng TĐKT Trường THCS Hoa Sen)');
    expect(r.stdout).toContain('Xác nhận: Hội đồng TĐKT Trường THCS Hoa Sen — Biên bản họp Hội đồng TĐKT số 03/BB-HĐTĐKT ngày 10/7/2025');
  });

  it('never overrule what the data decides, and count only for the school year they name', async () => {
    const file = await answers([
      // Dương Minh Tuấn lacks CSTĐCS years for bk-ttg in the data: a "Đạt" on that criterion does not change it.
      [null, 'Dương Minh Tuấn', null, '2024-2025', 'Bằng khen của Thủ tướng Chính phủ', 'cstdcs-count', 'Đạt', 'Hội đồng TĐKT', null],
      [null, 'Vũ Minh Khánh', null, '2023-2024', 'Chiến sĩ thi đua cấp tỉnh', 'selected', 'Đạt', 'Hội đồng TĐKT', null],
    ]);
    const out = check(['--confirmations', file]);
    const tuan = verdict(out, 'Dương Minh Tuấn', 'bk-ttg');
    expect(tuan.status).toBe('ineligible');
    expect(tuan.checks.find((c) => c.criterion === 'cstdcs-count')).toMatchObject({ status: 'unmet' });
    expect(verdict(out, 'Vũ Minh Khánh', 'cstd-tinh').status).toBe('review');
  });

  it('report an answer whose criterion names nothing, at its cell, and do not count it', async () => {
    const file = await answers([[null, 'Vũ Minh Khánh', null, '2024-2025', 'Chiến sĩ thi đua cấp tỉnh', 'Có bài báo đăng tạp chí', 'Đạt', 'Hội đồng TĐKT', null]]);
    const out = check(['--confirmations', file]);
    expect(out.issues).toContainEqual(expect.objectContaining({ code: 'W_UNKNOWN_CRITERION', sheet: 'Xác nhận', cell: 'H2' }));
    expect(verdict(out, 'Vũ Minh Khánh', 'cstd-tinh').status).toBe('review');
  });
});

describe('a file named and also inside a folder given (a --confirmations file in the data folder)', () => {
  it('is read once', () => {
    const r = runCli(['inspect', 'fixtures/truong-thcs-hoa-sen/xac-nhan', ANSWERS, '--json']);
    const files = (JSON.parse(r.stdout).inputs as { file: string }[]).map((i) => i.file);
    expect(files.filter((f) => f.endsWith('xac-nhan-2024-2025.xlsx'))).toHaveLength(1);
  });
});
