import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { periodOfDate } from '../../src/model/period.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tdkt.js');
const WORKBOOK = 'du-lieu-thi-dua.xlsx';
const CONFIG = 'tdkt.config.yaml';

function tdkt(args: string[], cwd = ROOT) {
  const env = { ...process.env, NO_COLOR: '1', CI: '1' } as NodeJS.ProcessEnv;
  delete env.TDKT_LANG;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The values a list validation offers, read from the range its formula names. */
function listValues(wb: ExcelJS.Workbook, formula: string): string[] {
  const m = /^'?(.+?)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) return [];
  const ws = wb.getWorksheet(m[1])!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(String(ws.getCell(`${m[2]}${r}`).value));
  return out;
}

describe('tdkt init', () => {
  let dir: string;
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'src', 'cli', 'main.js'))) spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'tdkt-init-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the input workbook and a sample config', () => {
    const r = tdkt(['init', dir]);
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, WORKBOOK))).toBe(true);
    expect(existsSync(join(dir, CONFIG))).toBe(true);
    expect(readFileSync(join(dir, CONFIG), 'utf8')).toMatch(/^#/m);
  });

  it('puts dropdowns on the rating and title columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, WORKBOOK));
    const check = (sheet: string, header: string, offered: string) => {
      const ws = wb.getWorksheet(sheet)!;
      const col = (ws.getRow(1).values as unknown[]).indexOf(header);
      expect(col, `${sheet}: ${header}`).toBeGreaterThan(0);
      const dv = ws.getCell(2, col).dataValidation;
      expect(dv?.type).toBe('list');
      expect(ws.getCell(500, col).dataValidation?.type).toBe('list');
      expect(listValues(wb, dv!.formulae![0] as string)).toContain(offered);
    };
    check('Cá nhân', 'Xếp loại', 'Hoàn thành xuất sắc nhiệm vụ');
    check('Cá nhân', 'Danh hiệu thi đua', 'Chiến sĩ thi đua cơ sở');
    check('Tập thể', 'Xếp loại', 'Hoàn thành tốt nhiệm vụ');
    check('Tập thể', 'Danh hiệu thi đua', 'Tập thể lao động xuất sắc');
    check('Khen thưởng', 'Hình thức khen thưởng', 'Bằng khen của Thủ tướng Chính phủ');
  });

  it('reads back with tdkt inspect: the example rows only, no warnings', () => {
    const r = tdkt(['inspect', join(dir, WORKBOOK), '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.inputs[0].layout).toBe('canonical');
    expect(out.issues.filter((i: { severity: string }) => i.severity !== 'info')).toEqual([]);
    const persons = out.subjects.filter((s: { kind: string }) => s.kind === 'person');
    expect(persons).toHaveLength(1);
    expect(persons[0]).toMatchObject({ id: '020185012345', birthDate: '1985-05-12' });
    expect(persons[0].periods).toHaveLength(1);
    expect(persons[0].periods[0]).toMatchObject({ rating: 'HTXS', titles: ['cstdcs'] });
  });

  it('offers the school years up to the current one, and uses the last ended one in the example', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, WORKBOOK));
    const current = periodOfDate(new Date().toISOString().slice(0, 10), 'school-year');
    const end = Number(current.slice(5));
    expect(wb.getWorksheet('Cá nhân')!.getCell('J2').value).toBe(`${end - 2}-${end - 1}`);
    const listed = JSON.stringify(wb.getWorksheet('Danh mục')?.getSheetValues() ?? []);
    expect(listed).toContain(current);
    expect(listed).not.toContain(`${end}-${end + 1}`);
  });

  it('a second run without --force: exit 2, files untouched', () => {
    writeFileSync(join(dir, CONFIG), '# sửa tay\n');
    const before = statSync(join(dir, WORKBOOK)).mtimeMs;
    const bytes = readFileSync(join(dir, WORKBOOK));
    const r = tdkt(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--force/);
    expect(readFileSync(join(dir, CONFIG), 'utf8')).toBe('# sửa tay\n');
    expect(readFileSync(join(dir, WORKBOOK)).equals(bytes)).toBe(true);
    expect(statSync(join(dir, WORKBOOK)).mtimeMs).toBe(before);
  });

  it('with --force overwrites both', () => {
    const r = tdkt(['init', dir, '--force']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, CONFIG), 'utf8')).not.toBe('# sửa tay\n');
  });

  it('without a directory writes into the current one', () => {
    const here = mkdtempSync(join(tmpdir(), 'tdkt-init-cwd-'));
    try {
      expect(tdkt(['init'], here).code).toBe(0);
      expect(existsSync(join(here, WORKBOOK))).toBe(true);
    } finally {
      rmSync(here, { recursive: true, force: true });
    }
  });
});
