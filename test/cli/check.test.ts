import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../support/run-cli.js';

const SCHOOL = 'fixtures/truong-thcs-hoa-sen/chuan';
const EXPECTED = join(ROOT, 'test', 'expected', 'check-hoa-sen.json');

describe('tdkt check', () => {
  it('prints tdkt.check/v1 exactly as checked in (regenerate with npm run expected)', () => {
    const r = runCli(['check', SCHOOL, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(EXPECTED, 'utf8')));
  });

  it('gives each verdict its status, citation and checks, and narrows with --award and --status', () => {
    const r = runCli(['check', SCHOOL, '--json', '--award', 'bk-ttg', '--status', 'eligible']);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe('tdkt.check/v1');
    expect(out.ruleset.id).toBe('vn-2025');
    const names = new Map(out.subjects.map((s: { id: string; name: string }) => [s.id, s.name]));
    expect(out.verdicts.map((v: { subject: string }) => names.get(v.subject))).toEqual(['Nguyễn Thị Hương']);
    const v = out.verdicts[0];
    expect(v).toMatchObject({ award: 'bk-ttg', status: 'eligible', citation: 'Luật Thi đua, khen thưởng 2022, Điều 73 khoản 1 điểm b' });
    expect(v.checks.map((c: { criterion: string }) => c.criterion)).toEqual(['prior-bk-tinh', 'rating-streak', 'cstdcs-count', 'conduct']);
  });

  it('chooses the ruleset by the proposal date, and --ruleset overrides it', () => {
    expect(JSON.parse(runCli(['check', SCHOOL, '--json', '--as-of', '2022-2023', '--award', 'ldtt']).stdout).ruleset.id).toBe('vn-2017');
    expect(JSON.parse(runCli(['check', SCHOOL, '--json', '--as-of', '2024', '--award', 'ldtt']).stdout).ruleset.id).toBe('vn-2024');
    expect(JSON.parse(runCli(['check', SCHOOL, '--json', '--as-of', '2024-2025', '--date', '20/06/2025', '--award', 'ldtt']).stdout).ruleset.id).toBe('vn-2024');
    expect(JSON.parse(runCli(['check', SCHOOL, '--json', '--ruleset', 'vn-2017', '--award', 'ldtt']).stdout).ruleset.id).toBe('vn-2017');
  });

  it('prints a readable summary without colour when NO_COLOR is set', () => {
    const r = runCli(['check', SCHOOL, '--award', 'bk-ttg,bk-tinh']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Bằng khen của Thủ tướng Chính phủ (bk-ttg)');
    expect(r.stdout).toMatch(/✓ Nguyễn Thị Hương/);
    expect(r.stdout).toMatch(/\? Hoàng Thu Trang — .*2021-2022/);
    expect(r.stdout + r.stderr).not.toMatch(/\u001b\[/);
  });

  it('writes the XLSX report and never overwrites it without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-check-'));
    const out = join(dir, 'bao-cao.xlsx');
    expect(runCli(['check', join(ROOT, SCHOOL), '--out', out], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Kết luận', 'Quá trình']);
    expect(wb.getWorksheet('Kết luận')!.rowCount).toBeGreaterThan(400);
    const before = readFileSync(out);
    const again = runCli(['check', join(ROOT, SCHOOL), '--out', out], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
    expect(readFileSync(out)).toEqual(before);
    expect(runCli(['check', join(ROOT, SCHOOL), '--out', out, '--force'], { cwd: dir }).code).toBe(0);
  });

  it('refuses bad usage with exit 2 and a Vietnamese message', () => {
    for (const args of [['--as-of', '2024-2026'], ['--award', 'bk-huyen'], ['--ruleset', 'vn-1999'], ['--date', '31-08-2025'], ['--status', 'maybe']]) {
      const r = runCli(['check', SCHOOL, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^tdkt: /);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  });

  it('validates config parameters and applies them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-config-'));
    writeFileSync(join(dir, 'tdkt.config.yaml'), 'parameters:\n  giay-khen.person-rating: HTXS\n  giay-khen.person-years: 2\n');
    const ok = JSON.parse(runCli(['check', join(ROOT, SCHOOL), '--json', '--award', 'giay-khen'], { cwd: dir }).stdout);
    expect(ok.verdicts.filter((v: { status: string }) => v.status === 'eligible').length).toBeGreaterThan(3);
    writeFileSync(join(dir, 'tdkt.config.yaml'), 'parameters:\n  giay-khen.person-rating: Tốt\n  khong-co: 1\n');
    const bad = runCli(['check', join(ROOT, SCHOOL), '--award', 'giay-khen'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('giay-khen.person-rating');
    expect(bad.stderr).toContain('khong-co');
    expect(existsSync(join(dir, 'tdkt.config.yaml'))).toBe(true);
  });
});

describe('tdkt explain', () => {
  it('explains a person: timeline, every criterion with its basis, the nearest award', () => {
    const r = runCli(['explain', 'Nguyễn Thị Hương', SCHOOL, '--award', 'bk-ttg,hcld-3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Quá trình');
    expect(r.stdout).toMatch(/Bằng khen của Thủ tướng Chính phủ \(bk-ttg\): ✓ đủ điều kiện/);
    expect(r.stdout).toContain('Yêu cầu: Trong thời gian đó có 03 lần đạt CSTĐCS');
    expect(r.stdout).toContain('Căn cứ: Luật Thi đua, khen thưởng 2022, Điều 73 khoản 1 điểm b');
  });

  it('finds by id or by name without diacritics, and says when a name is not found', () => {
    const byName = runCli(['explain', 'nguyen thi huong', SCHOOL, '--json', '--award', 'ldtt']);
    const out = JSON.parse(byName.stdout);
    expect(out.schema).toBe('tdkt.explain/v1');
    expect(runCli(['explain', out.subject.id, SCHOOL, '--award', 'ldtt']).code).toBe(0);
    const missing = runCli(['explain', 'Không Có Ai', SCHOOL]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Không tìm thấy');
  });

  it('shows what is still missing for the nearest award', () => {
    const out = JSON.parse(runCli(['explain', 'Trần Đức Việt', SCHOOL, '--json']).stdout);
    expect(out.nearest.length).toBeGreaterThan(0);
    expect(out.nearest[0].years[0]).toBe('2025-2026');
  });
});

describe('tdkt rules', () => {
  it('lists rulesets, criteria and parameters with citations and confidence', () => {
    const out = JSON.parse(runCli(['rules', '--json']).stdout);
    expect(out.rulesets.map((r: { id: string }) => r.id)).toEqual(['vn-2017', 'vn-2024', 'vn-2025']);
    const bkTtg = out.rulesets[2].rules.find((r: { award: string; kind: string }) => r.award === 'bk-ttg' && r.kind === 'person');
    expect(bkTtg).toMatchObject({ citation: 'Luật Thi đua, khen thưởng 2022, Điều 73 khoản 1 điểm b', confidence: 'VERIFIED' });
    const cap = out.parameters.find((p: { id: string }) => p.id === 'cstdcs.cap-share');
    expect(cap.defaults).toEqual({ 'vn-2017': 0.15, 'vn-2024': null, 'vn-2025': null });
    expect(cap.configKey).toBe('parameters.cstdcs.cap-share');
    const human = runCli(['rules', '--ruleset', 'vn-2024', '--award', 'ttldxs']);
    expect(human.stdout).toContain('Tập thể lao động xuất sắc');
    expect(human.stdout).toContain('ttldxs.no-canh-cao');
  });
});
