import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

// End to end: the committed bin/tdkt.js, run as a clerk or a CI job runs it, from the repository root.
const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tdkt.js');
const ANSI = /\u001b\[/;
const STACK = /\n\s+at .+:\d+:\d+/;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

type Run = { code: number | null; stdout: string; stderr: string };

function tdkt(args: string[], env: Record<string, string | undefined> = {}): Run {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, TDKT_LANG: undefined, CI: '1' };
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...base, ...env } as NodeJS.ProcessEnv, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const BAD: Record<string, string> = {
  'bang.ods': 'E_ODS', 'csv-ansi.csv': 'E_CSV_ENCODING', 'cu.xls': 'E_XLS', 'hong.xlsx': 'E_CORRUPT_FILE',
  'mat-khau.xlsx': 'E_ENCRYPTED', 'rong.xlsx': 'E_EMPTY_FILE',
};

beforeAll(() => {
  // `npm test` builds first (pretest); a bare `vitest run` on a fresh clone may not have.
  if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
});

describe('tdkt inspect: unreadable files', () => {
  it('the fixtures cover every bad case', () => {
    expect(readdirSync(join(ROOT, 'fixtures', 'bad')).sort()).toEqual(Object.keys(BAD).sort());
  });

  it.each(Object.keys(BAD))('%s named on the command line: exit 2, a Vietnamese message, no stack trace', (name) => {
    const r = tdkt(['inspect', `fixtures/bad/${name}`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(name);
    expect(r.stderr).toMatch(VIETNAMESE);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toMatch(/Error:|E_[A-Z_]+:/);
  });

  it('the same in --json: nothing on stdout, exit 2', () => {
    const r = tdkt(['inspect', 'fixtures/bad/cu.xls', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/\.xlsx/);
  });

  it('inside a folder: exit 1, one error issue per file, in tdkt.inspect/v1', () => {
    const r = tdkt(['inspect', 'fixtures/bad', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe('tdkt.inspect/v1');
    const byFile = Object.fromEntries(out.issues.map((i: { file: string; code: string }) => [i.file, i.code]));
    expect(out.issues).toHaveLength(Object.keys(BAD).length);
    for (const [name, code] of Object.entries(BAD)) expect(byFile[`fixtures/bad/${name}`]).toBe(code);
    for (const i of out.issues) {
      expect(i.severity).toBe('error');
      expect(i.message).toMatch(VIETNAMESE);
    }
    expect(out.subjects).toEqual([]);
  });

  it('next to a good folder: the good data is read, exit 1', () => {
    const r = tdkt(['inspect', 'fixtures/bad', 'fixtures/truong-thcs-hoa-sen/chuan', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.inputs.map((i: { file: string }) => i.file)).toEqual(['fixtures/truong-thcs-hoa-sen/chuan/truong-thcs-hoa-sen.xlsx']);
    expect(out.subjects.filter((s: { kind: string }) => s.kind === 'person')).toHaveLength(40);
    expect(out.issues.filter((i: { severity: string }) => i.severity === 'error')).toHaveLength(Object.keys(BAD).length);
  });

  it('a path that does not exist: exit 2', () => {
    const r = tdkt(['inspect', 'fixtures/khong-co']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(VIETNAMESE);
  });
});

describe('tdkt inspect: good data', () => {
  it('the canonical folder: exit 0, JSON only on stdout', () => {
    const r = tdkt(['inspect', 'fixtures/truong-thcs-hoa-sen/chuan', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe('tdkt.inspect/v1');
    expect(out.issues).toEqual([]);
    expect(out.inputs[0]).toMatchObject({ layout: 'canonical', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const huong = out.subjects.find((s: { name: string }) => s.name === 'Nguyễn Thị Hương');
    expect(huong.periods[0]).toMatchObject({ period: '2018-2019', rating: 'HTXS', titles: ['cstdcs'] });
    expect(huong.periods[0].awards[0]).toMatchObject({ award: 'bk-tinh', kind: 'cong-trang' });
  });

  it('problems found in rows: exit 1, issues with file, sheet and cell', () => {
    const r = tdkt(['inspect', 'fixtures/messy/gia-tri-la.xlsx', '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.issues.map((i: { code: string; cell: string }) => `${i.code}@${i.cell}`)).toEqual(expect.arrayContaining(['E_UNKNOWN_TITLE@F2', 'E_BAD_DATE@C3']));
  });

  it('human output: a summary on stdout, the issues on stderr', () => {
    const r = tdkt(['inspect', 'fixtures/messy/gia-tri-la.xlsx']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('fixtures/messy/gia-tri-la.xlsx');
    expect(r.stderr).toContain('Cá nhân!F2');
    expect(r.stderr).toContain('E_UNKNOWN_TITLE');
  });

  it('--lang en gives English messages', () => {
    const vi = tdkt(['inspect', 'fixtures/bad', '--json']);
    const en = tdkt(['inspect', 'fixtures/bad', '--json', '--lang', 'en']);
    const msg = (r: Run) => JSON.parse(r.stdout).issues.map((i: { message: string }) => i.message).join('\n');
    expect(msg(vi)).toMatch(VIETNAMESE);
    expect(msg(en)).not.toMatch(VIETNAMESE);
    expect(msg(en)).toMatch(/file/i);
    expect(tdkt(['inspect', 'fixtures/bad/cu.xls', '--lang', 'en']).stderr).toMatch(/Open it in Excel/);
  });
});

describe('colour', () => {
  const args = ['inspect', 'fixtures/messy/gia-tri-la.xlsx'];
  it('is on when forced (the control for the cases below)', () => {
    const r = tdkt(args, { FORCE_COLOR: '1' });
    expect(r.stdout + r.stderr).toMatch(ANSI);
  });
  it('NO_COLOR turns it off', () => {
    const r = tdkt(args, { FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(r.stdout + r.stderr).not.toMatch(ANSI);
  });
  it('--no-color turns it off', () => {
    const r = tdkt([...args, '--no-color'], { FORCE_COLOR: '1' });
    expect(r.stdout + r.stderr).not.toMatch(ANSI);
  });
  it('is off in a pipe', () => {
    const r = tdkt(args);
    expect(r.stdout + r.stderr).not.toMatch(ANSI);
  });
});

describe('usage, help and version', () => {
  it('an unknown option: exit 2, a Vietnamese message', () => {
    const r = tdkt(['inspect', 'fixtures/bad', '--khong-co']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--khong-co');
    expect(r.stderr).toMatch(VIETNAMESE);
    expect(r.stdout).toBe('');
  });

  it('an unknown command: exit 2', () => {
    expect(tdkt(['xem-thu']).code).toBe(2);
  });

  it('inspect without a path: exit 2', () => {
    expect(tdkt(['inspect']).code).toBe(2);
  });

  it('tdkt --help is Vietnamese and lists inspect and init', () => {
    const r = tdkt(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cách dùng/);
    expect(r.stdout).toMatch(/\binspect\b/);
    expect(r.stdout).toMatch(/\binit\b/);
    expect(r.stdout).toMatch(/Mã thoát/);
  });

  it('tdkt inspect --help is Vietnamese, with examples and the common options', () => {
    const r = tdkt(['inspect', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cách dùng: tdkt inspect/);
    expect(r.stdout).toMatch(/Ví dụ:\n\s+\$ tdkt inspect /);
    for (const opt of ['--json', '--fix-encoding', '--lang', '--no-color']) expect(r.stdout).toContain(opt);
  });

  it('tdkt --version prints the package version', async () => {
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    const r = tdkt(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});
