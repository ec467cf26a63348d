import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SCHOOL = 'fixtures/truong-thcs-hoa-sen/chuan';

// What a clerk meets when things are not as expected: the reason, not just the consequence.
describe('clerk-facing behaviour', () => {
  it('check with nothing readable says why (the files’ own errors), exit 2', () => {
    const r = runCli(['check', 'fixtures/messy/tcvn3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Dữ liệu không có năm học nào đọc được, vì:');
    expect(r.stderr).toContain('--fix-encoding');
  });

  it('check --status ineligible lists the subjects with their first unmet criterion', () => {
    const r = runCli(['check', SCHOOL, '--award', 'bk-ttg', '--status', 'ineligible', '--all']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/✗ Lê Thị Mai — /);
    expect(r.stdout).not.toContain('✓');
  });

  it('generate --nominees writes an ineligible nominee as listed but warns, naming the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-nom-'));
    const list = join(dir, 'de-nghi.yaml');
    writeFileSync(list, '- award: bk-ttg\n  subject: Lê Thị Mai\n');
    const r = runCli(['generate', SCHOOL, '--nominees', list, '--out', join(dir, 'ho-so')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('W_NOMINEE_INELIGIBLE');
    expect(r.stderr).toContain('"Lê Thị Mai" được đề nghị bk-ttg nhưng chưa đủ điều kiện');
  });

  it('a config whose unit: block is all commented out works as if it were absent', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-cfg-'));
    writeFileSync(join(dir, 'tdkt.config.yaml'), 'unit:\n#  agency: TRƯỜNG THCS HOA SEN\nparameters:\n');
    const r = runCli(['rules', '--award', 'ldtt'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
  });
});
