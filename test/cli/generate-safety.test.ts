import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolderBusyError } from '../../src/cli/folder-lock.js';
import { FolderExistsError, writeFolderAtomic } from '../../src/cli/output-folder.js';
import { entryData, readZip } from '../../src/render/docx/zip.js';
import { ROOT, runCli } from '../support/run-cli.js';

// Issue 6, output safety: what `tdkt generate` leaves on disk when the data holds hostile names, when it is killed,
// when the disk is full or the folder read-only, and when two runs write one folder at once.

const BIN = join(ROOT, 'bin', 'tdkt.js');
// TDKT_CACHE_DIR: never the user's cache of read workbooks (vitest.config.ts sets it).
const ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TDKT_CACHE_DIR: process.env.TDKT_CACHE_DIR ?? join(tmpdir(), 'tdkt-test-cache') };
const IS_ROOT = process.getuid?.() === 0;

type Person = { id: string; name: string };

async function writeWorkbook(file: string, persons: Person[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cá nhân');
  ws.addRow(['STT', 'Mã định danh', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ', 'Đơn vị', 'Năm học', 'Xếp loại', 'Danh hiệu thi đua']);
  let stt = 0;
  persons.forEach((p, i) => {
    for (let y = 2021; y <= 2025; y++) {
      ws.addRow([++stt, p.id, p.name, new Date(Date.UTC(1970 + (i % 30), i % 12, 1 + (i % 28))), i % 3 ? 'Nữ' : 'Nam', 'Giáo viên', 'Trường THCS Hoa Sen',
        `${y - 1}-${y}`, 'Hoàn thành xuất sắc nhiệm vụ', 'Chiến sĩ thi đua cơ sở']);
    }
  });
  await wb.xlsx.writeFile(file);
}

/** Every file under `dir` (hidden ones too) with the hash of its bytes. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(relative(dir, p).split(sep).join('/'), createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return out;
}

function generate(work: string, out = 'ho-so', ...extra: string[]): ReturnType<typeof runCli> {
  return runCli(['generate', 'data.xlsx', '--nominees', 'nominees.csv', '--out', out, ...extra], { cwd: work });
}

function spawnGenerate(work: string, ...extra: string[]): ChildProcess & { done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, 'generate', 'data.xlsx', '--nominees', 'nominees.csv', '--out', 'ho-so', ...extra], { cwd: work, env: ENV });
  let stderr = '';
  child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout!.resume();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return Object.assign(child, { done });
}

// Their verdicts may call for review; a justification keeps the runs free of warnings.
const nomineeList = (persons: Person[]) => `award,subject,justification\n${persons.map((p) => `bk-tinh,${p.id},Hồ sơ thử nghiệm`).join('\n')}\n`;

/** A working folder with a workbook of `count` persons all nominated for Bằng khen tỉnh (one báo cáo each). */
async function workFolder(persons: Person[]): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'tdkt-safety-'));
  await writeWorkbook(join(work, 'data.xlsx'), persons);
  writeFileSync(join(work, 'nominees.csv'), nomineeList(persons));
  return work;
}

const manyPersons = (n: number): Person[] => Array.from({ length: n }, (_, i) => ({ id: `0${String(10_000_000_000 + i)}`, name: `Nguyễn Thị Ánh ${i}` }));

/** The folder is a whole dossier: every expected file, each a readable .docx with its document part. */
function expectComplete(dir: string, reports: number): void {
  const files = [...snapshot(dir).keys()];
  expect(files.filter((f) => f.startsWith('bk-tinh/bao-cao-thanh-tich/'))).toHaveLength(reports);
  expect(files).toEqual(expect.arrayContaining(['bk-tinh/to-trinh.docx', 'bk-tinh/danh-sach.docx', 'bien-ban.docx']));
  for (const f of files) {
    expect(f).toMatch(/\.docx$/);
    const doc = readZip(readFileSync(join(dir, f))).find((e) => e.name === 'word/document.xml');
    expect(doc && entryData(doc).toString('utf8')).toContain('</w:document>');
  }
}

const leftovers = (work: string) => readdirSync(work).filter((e) => e.startsWith('.ho-so'));

describe('tdkt generate: file names from data', () => {
  it('names that climb out of the folder, are reserved on Windows, hold ":" or control characters or run to 300 characters give safe files inside the folder', async () => {
    const persons = [
      { id: '../../x', name: '../../../tmp/evil' },
      { id: 'CON', name: 'CON' },
      { id: '00000000002', name: 'Trần: Văn Dũng' },
      { id: '00000000003', name: 'Lê\u0007Thị\u001bMai' },
      { id: '00000000004', name: 'Nguyễn Thị Ánh Tuyết '.repeat(15).trim() },
    ];
    const work = await workFolder(persons);
    const r = generate(work);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const reports = readdirSync(join(work, 'ho-so', 'bk-tinh', 'bao-cao-thanh-tich')).sort();
    expect(reports).toHaveLength(5);
    for (const f of reports) {
      const base = f.replace(/\.docx$/, '');
      expect(base).not.toMatch(/[<>:"/\\|?*\u0000-\u001f]|\.\./);
      expect(base.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      expect(Buffer.byteLength(f)).toBeLessThan(255);
      expect([...base].length).toBeLessThanOrEqual(101);
    }
    expect(reports).toContain('Con--CON-.docx');
    expect(reports).toContain('tmp-evil-x.docx');
    // Nothing was written outside the output folder.
    expect(readdirSync(work).sort()).toEqual(['data.xlsx', 'ho-so', 'nominees.csv']);
    expect(existsSync(join(tmpdir(), 'evil.docx'))).toBe(false);
  });
});

describe('tdkt generate: interrupted, refused, concurrent', () => {
  let work: string;
  let before: Map<string, string>;
  const COUNT = 600;

  beforeAll(async () => {
    work = await workFolder(manyPersons(COUNT));
    const first = generate(work);
    expect(first.code, first.stderr).toBe(0);
    before = snapshot(join(work, 'ho-so'));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('killed (kill -9) in the middle of writing: no partial file, the previous dossier intact, the next run cleans up', async () => {
    const child = spawnGenerate(work, '--force');
    let seen = 0;
    while (child.exitCode === null) {
      const tmp = readdirSync(work).find((e) => e.startsWith('.ho-so.tmp-'));
      const reports = tmp && join(work, tmp, 'bk-tinh', 'bao-cao-thanh-tich');
      seen = reports && existsSync(reports) ? readdirSync(reports).length : 0;
      if (seen >= 20) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    expect(child.exitCode, 'the run ended before it could be killed mid-write').toBeNull();
    child.kill('SIGKILL');
    await child.done;
    expect(seen).toBeGreaterThanOrEqual(20);
    expect(snapshot(join(work, 'ho-so'))).toEqual(before);
    // What the killed run leaves is hidden beside the folder, and its lock names a dead process.
    expect(leftovers(work).some((e) => e.startsWith('.ho-so.tmp-'))).toBe(true);

    const next = generate(work, 'ho-so', '--force');
    expect(next.code, next.stderr).toBe(0);
    expect(leftovers(work)).toEqual([]);
    expect(snapshot(join(work, 'ho-so'))).toEqual(before);
  }, 120_000);

  it('two runs at once into one folder: one wins or one refuses, and the folder is always one complete dossier', async () => {
    for (let round = 0; round < 2; round++) {
      const a = spawnGenerate(work, '--force');
      const b = spawnGenerate(work, '--force');
      const results = await Promise.all([a.done, b.done]);
      const codes = results.map((r) => r.code);
      expect(codes.filter((c) => c === 0).length, results.map((r) => r.stderr).join('\n')).toBeGreaterThanOrEqual(1);
      for (const r of results) {
        if (r.code !== 0) {
          expect(r.code).toBe(2);
          expect(r.stderr).toMatch(/đang ghi vào|Đã có thư mục/);
        }
      }
      expect(leftovers(work)).toEqual([]);
      expect(snapshot(join(work, 'ho-so'))).toEqual(before);
    }
    expectComplete(join(work, 'ho-so'), COUNT);
  }, 240_000);

  it('two runs at once without --force into a new folder: one writes it, the other refuses', async () => {
    const results = await Promise.all([spawnGenerate(work, '--out', 'moi').done, spawnGenerate(work, '--out', 'moi').done]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(results.find((r) => r.code === 2)!.stderr).toMatch(/đang ghi vào|Đã có thư mục/);
    expectComplete(join(work, 'moi'), COUNT);
  }, 240_000);
});

/**
 * Makes `dir` unwritable for this process: chmod for a normal user, the immutable flag for root (whom permissions do
 * not stop). Returns how to undo it, or the reason it cannot be done here.
 */
function makeReadOnly(dir: string): { undo: () => void } | { skip: string } {
  if (!IS_ROOT) {
    chmodSync(dir, 0o555);
    return { undo: () => chmodSync(dir, 0o755) };
  }
  const r = spawnSync('chattr', ['+i', dir], { encoding: 'utf8' });
  if (r.status !== 0) return { skip: `running as root, where a read-only mode does not stop writes, and chattr +i failed (${(r.stderr || r.error?.message || '').trim()})` };
  return { undo: () => spawnSync('chattr', ['-i', dir]) };
}

describe('tdkt generate: a folder it cannot write', () => {
  it('a read-only output folder: a clear Vietnamese message, exit 2, the previous dossier intact', async (ctx) => {
    const work = await workFolder(manyPersons(3));
    expect(generate(work).code).toBe(0);
    const before = snapshot(join(work, 'ho-so'));
    const ro = makeReadOnly(work);
    if ('skip' in ro) {
      process.stderr.write(`generate-safety: read-only test SKIPPED: ${ro.skip}\n`);
      ctx.skip();
      return;
    }
    try {
      const r = generate(work, 'ho-so', '--force');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tdkt: Không có quyền ghi vào ho-so \(thư mục chỉ đọc, bị khóa, hoặc có văn bản trong đó đang mở\)\. Chưa thay đổi gì: hồ sơ đã có \(nếu có\) vẫn giữ nguyên\./);
      expect(r.stderr).not.toContain('lỗi không mong đợi');
    } finally {
      ro.undo();
    }
    expect(snapshot(join(work, 'ho-so'))).toEqual(before);
    expect(leftovers(work)).toEqual([]);
  }, 60_000);

  it('the same for a single file written with --out (tdkt check --out report.xlsx): exit 2, the previous file intact', async (ctx) => {
    const work = mkdtempSync(join(tmpdir(), 'tdkt-ro-file-'));
    writeFileSync(join(work, 'bao-cao.xlsx'), 'previous report');
    const ro = makeReadOnly(work);
    if ('skip' in ro) {
      process.stderr.write(`generate-safety: read-only --out test SKIPPED: ${ro.skip}\n`);
      ctx.skip();
      return;
    }
    try {
      const r = runCli(['check', join(ROOT, 'fixtures', 'truong-thcs-hoa-sen', 'chuan'), '--out', join(work, 'bao-cao.xlsx'), '--force', '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`tdkt: Không có quyền ghi ${join(work, 'bao-cao.xlsx')} (thư mục chỉ đọc, hoặc tệp đang mở trong chương trình khác). Tệp cũ (nếu có) vẫn giữ nguyên.`);
      expect(r.stderr).not.toContain('lỗi không mong đợi');
    } finally {
      ro.undo();
    }
    expect(readFileSync(join(work, 'bao-cao.xlsx'), 'utf8')).toBe('previous report');
    expect(readdirSync(work)).toEqual(['bao-cao.xlsx']);
  }, 60_000);

  it('a full disk (a small tmpfs, as root): a clear Vietnamese message, exit 2, the previous dossier intact', async (ctx) => {
    const mount = mkdtempSync(join(tmpdir(), 'tdkt-full-'));
    const mounted = IS_ROOT && spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=400k', 'tmpfs', mount]).status === 0;
    if (!mounted) {
      process.stderr.write(`generate-safety: full-disk test SKIPPED: ${IS_ROOT ? 'mount -t tmpfs is not allowed here' : 'mounting a small tmpfs needs root'}\n`);
      rmSync(mount, { recursive: true, force: true });
      ctx.skip();
      return;
    }
    try {
      const work = await workFolder(manyPersons(3));
      mkdirSync(join(mount, 'w'));
      for (const f of ['data.xlsx', 'nominees.csv']) writeFileSync(join(mount, 'w', f), readFileSync(join(work, f)));
      expect(generate(join(mount, 'w')).code).toBe(0);
      const before = snapshot(join(mount, 'w', 'ho-so'));
      // Fill the disk but for a few kilobytes: the first documents fit, a later one does not.
      let filler = 0;
      try {
        for (;; filler++) writeFileSync(join(mount, `filler-${filler}`), Buffer.alloc(8192, 1));
      } catch {
        rmSync(join(mount, `filler-${filler - 1}`));
        rmSync(join(mount, `filler-${filler - 2}`));
      }
      const r = generate(join(mount, 'w'), 'ho-so', '--force');
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^tdkt: Ổ đĩa đã đầy: không ghi được hồ sơ vào ho-so\. Chưa thay đổi gì/);
      expect(snapshot(join(mount, 'w', 'ho-so'))).toEqual(before);
      expect(readdirSync(join(mount, 'w')).filter((e) => e.startsWith('.ho-so'))).toEqual([]);
      expect(statSync(join(mount, 'w', 'ho-so')).isDirectory()).toBe(true);
    } finally {
      spawnSync('umount', [mount]);
      rmSync(mount, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('writeFolderAtomic: the lock and the swap', () => {
  const files = (tag: string) => [{ path: 'a.docx', bytes: `new ${tag}` }, { path: 'sub/b.docx', bytes: Buffer.from(`new ${tag}`) }];

  it('puts back a folder that a run killed between the two renames of its swap left under its hidden name', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tdkt-swap-'));
    mkdirSync(join(parent, '.ho-so.old-abc123', 'sub'), { recursive: true });
    writeFileSync(join(parent, '.ho-so.old-abc123', 'a.docx'), 'previous');
    mkdirSync(join(parent, '.ho-so.tmp-abc123'));
    writeFileSync(join(parent, '.ho-so.tmp-abc123', 'a.docx'), 'complete but never swapped in');
    await expect(writeFolderAtomic(join(parent, 'ho-so'), files('1'))).rejects.toBeInstanceOf(FolderExistsError);
    expect(readFileSync(join(parent, 'ho-so', 'a.docx'), 'utf8')).toBe('previous');
    expect(readdirSync(parent)).toEqual(['ho-so']);
    await writeFolderAtomic(join(parent, 'ho-so'), files('2'), { overwrite: true });
    expect(readFileSync(join(parent, 'ho-so', 'sub', 'b.docx'), 'utf8')).toBe('new 2');
    expect(readdirSync(parent)).toEqual(['ho-so']);
  });

  it('takes over the lock of a process that is gone, refuses one held by a live process', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tdkt-lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(join(parent, '.ho-so.lock'), `${dead}\n${(await import('node:os')).hostname()}\n`);
    await writeFolderAtomic(join(parent, 'ho-so'), files('1'));
    expect(readdirSync(parent)).toEqual(['ho-so']);

    writeFileSync(join(parent, '.ho-so.lock'), `${process.ppid}\n${(await import('node:os')).hostname()}\n`);
    const busy = await writeFolderAtomic(join(parent, 'ho-so'), files('2'), { overwrite: true }).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(FolderBusyError);
    expect((busy as FolderBusyError).pid).toBe(process.ppid);
    expect(readFileSync(join(parent, 'ho-so', 'a.docx'), 'utf8')).toBe('new 1');
    expect(existsSync(join(parent, '.ho-so.lock'))).toBe(true);
  });

  it('a failed write (the disk filling up half way) removes what it wrote and keeps the previous folder', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tdkt-fail-'));
    await writeFolderAtomic(join(parent, 'ho-so'), files('1'));
    function* failing() {
      yield { path: 'a.docx', bytes: 'partial' };
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    await expect(writeFolderAtomic(join(parent, 'ho-so'), failing(), { overwrite: true })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(readFileSync(join(parent, 'ho-so', 'a.docx'), 'utf8')).toBe('new 1');
    expect(readdirSync(parent)).toEqual(['ho-so']);
  });
});
