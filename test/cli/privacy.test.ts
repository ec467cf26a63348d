import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const SCHOOL = 'fixtures/truong-thcs-hoa-sen/chuan';
const ID = /\d{9,12}/;

// CCCD numbers and birth dates are personal data: with --quiet nothing of them reaches stderr (CI logs).
describe('--quiet keeps personal data off stderr', () => {
  it('check names a person in its warnings, but not with --quiet', () => {
    const loud = runCli(['check', SCHOOL]);
    expect(loud.stderr).toMatch(ID);
    const quiet = runCli(['check', SCHOOL, '--quiet']);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toContain('Lao động tiên tiến');
  });

  it('explain lists look-alike names and ids, but not with --quiet', () => {
    const loud = runCli(['explain', 'Lan', SCHOOL]);
    expect(loud.code).toBe(2);
    expect(loud.stderr).toMatch(ID);
    const quiet = runCli(['explain', 'Lan', SCHOOL, '--quiet']);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toContain('Không tìm thấy "Lan"');
    expect(quiet.stderr).not.toMatch(ID);
  });

  it('check --json --quiet writes only JSON to stdout and nothing to stderr', () => {
    const r = runCli(['check', SCHOOL, '--json', '--quiet', '--award', 'ldtt']);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).schema).toBe('tdkt.check/v1');
  });
});
