import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const DOSSIERS = join(ROOT, 'fixtures', 'ho-so');

type Report = { ok: boolean; groups: { id: string; checks: { id: string; state: string; message: string; file?: string }[] }[] };

function verify(name: string, ...args: string[]): { code: number; report: Report; stderr: string } {
  const r = runCli(['verify', join(DOSSIERS, name), '--format', 'json', ...args]);
  return { code: r.code, report: JSON.parse(r.stdout), stderr: r.stderr };
}

const failed = (r: Report) => r.groups.flatMap((g) => g.checks.filter((c) => c.state === 'fail').map((c) => `${g.id}:${c.id}`)).sort();

describe('tdkt verify (dossier folders in CI)', () => {
  it('passes a sound dossier: eligible nominees, a justified review, every document, the declared attachment', () => {
    const { code, report } = verify('hop-le');
    expect(failed(report)).toEqual([]);
    expect(code).toBe(0);
    const nominees = report.groups.find((g) => g.id === 'nominees')!.checks;
    expect(nominees.find((c) => c.id.includes('bk-ttg') && c.state === 'warn')?.message).toContain('đã có giải trình');
    expect(report.groups.find((g) => g.id === 'attachments')!.checks.some((c) => c.state === 'warn')).toBe(true);
  });

  it('fails an ineligible nominee with the reasons of the verdict', () => {
    const { code, report } = verify('nguoi-chua-du');
    expect(code).toBe(1);
    const ids = failed(report);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^nominees:nominee\.bk-ttg\./);
    const check = report.groups.find((g) => g.id === 'nominees')!.checks.find((c) => c.state === 'fail')!;
    expect(check.message).toContain('chuyên đề');
  });

  it('fails a missing document, naming the file, and the counts that no longer agree', () => {
    const { code, report } = verify('thieu-van-ban');
    expect(code).toBe(1);
    expect(failed(report)).toEqual(['consistency:consistency.bk-tinh', 'documents:document.bk-tinh/bao-cao-thanh-tich/Trần Văn Dũng-020085745092.docx']);
    const doc = report.groups.find((g) => g.id === 'documents')!.checks.find((c) => c.state === 'fail')!;
    expect(doc.file).toBe('ho-so/bk-tinh/bao-cao-thanh-tich/Trần Văn Dũng-020085745092.docx');
  });

  it('fails documents made from data that changed after generation', () => {
    const { code, report } = verify('du-lieu-doi');
    expect(code).toBe(1);
    expect(failed(report)).toEqual(['documents:document.bk-ttg/bao-cao-thanh-tich/Nguyễn Thị Hương-020178699064.docx', 'documents:document.bk-ttg/danh-sach.docx']);
    expect(report.groups.find((g) => g.id === 'documents')!.checks.find((c) => c.state === 'fail')!.message).toContain('Dữ liệu đã thay đổi');
  });

  it('fails a data table edited by hand, but not narrative the clerk rewrote in Word', () => {
    const { code, report } = verify('sua-tay');
    expect(code).toBe(1);
    expect(failed(report)).toEqual(['documents:document.bk-tinh/danh-sach.docx']);
    const narrative = report.groups.find((g) => g.id === 'documents')!.checks.find((c) => c.id.includes('bk-ttg/bao-cao-thanh-tich/Nguyễn Thị Hương'))!;
    expect(narrative.state).toBe('pass');
  });

  it('fails a bad manifest naming the key and the line', () => {
    const { code, report } = verify('ke-khai-sai');
    expect(code).toBe(1);
    const checks = report.groups.find((g) => g.id === 'manifest')!.checks;
    expect(checks.map((c) => c.id).sort()).toEqual(['manifest.(gốc)', 'manifest.nominations.0.award']);
    expect(checks.find((c) => c.id === 'manifest.nominations.0.award')!.message).toMatch(/^dòng 4: /);
  });

  it('exits 2 when there is no dossier to verify', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-empty-'));
    const r = runCli(['verify', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('tdkt init --dossier');
  });

  it('writes JUnit XML with masked ids, and GitHub annotations', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-junit-'));
    const out = join(dir, 'junit.xml');
    const r = runCli(['verify', join(DOSSIERS, 'sua-tay'), '--format', 'junit', '--out', out]);
    expect(r.code).toBe(1);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
    expect(xml).toMatch(/<testsuite name="Văn bản" tests="\d+" failures="1"/);
    expect(xml).toContain('<failure message="Bảng hoặc tên lấy từ dữ liệu đã bị sửa tay');
    expect(xml).not.toMatch(/\d{12}/);
    expect(xml).toContain('0200857***92');
    expect(runCli(['verify', join(DOSSIERS, 'sua-tay'), '--format', 'junit', '--show-ids']).stdout).toContain('020085745092');
    const gh = runCli(['verify', join(DOSSIERS, 'sua-tay'), '--format', 'github']);
    expect(gh.stdout).toMatch(/^::error file=.*danh-sach\.docx,title=Văn bản%3A Văn bản bk-tinh\/danh-sach\.docx::/m);
    expect(gh.stdout).toMatch(/^::warning /m);
  });

  it('regenerates the same bytes from the same data (generate is deterministic)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-regen-'));
    cpSync(join(DOSSIERS, 'hop-le'), dir, { recursive: true });
    rmSync(join(dir, 'ho-so'), { recursive: true });
    expect(runCli(['generate', '--dossier', dir]).code).toBe(0);
    for (const f of ['bk-ttg/to-trinh.docx', 'bk-tinh/danh-sach.docx', 'bien-ban.docx', 'tdkt.lock.json']) {
      expect(readFileSync(join(dir, 'ho-so', f)), f).toEqual(readFileSync(join(DOSSIERS, 'hop-le', 'ho-so', f)));
    }
    const again = runCli(['generate', '--dossier', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });
});
