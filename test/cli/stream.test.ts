import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { writeChunks } from '../../src/cli/stream.js';
import { BLOCK_SIZE, takeBlock } from '../../src/render/blocks.js';
import { ROOT, runCli } from '../support/run-cli.js';

// Text chunks, long ones among them, and blocks filled by the caller (as JsonBlocks hands them over): more
// blocks than the file writer keeps in flight, so the order of its writes is tested too.
function chunks(): (string | Uint8Array)[] {
  const out: (string | Uint8Array)[] = [];
  for (let i = 0; i < 12; i++) {
    out.push(`{"n":${i},"tên":"Nguyễn Thị Hương ${i}"}\n`);
    const block = takeBlock();
    const used = block.write(`${String.fromCharCode(97 + i).repeat(BLOCK_SIZE - 100)}\n`, 0);
    out.push(block.subarray(0, used));
    if (i % 4 === 0) out.push('ễ'.repeat(BLOCK_SIZE / 2)); // longer than a block once encoded
  }
  return out;
}

const expected = (list: (string | Uint8Array)[]) => Buffer.concat(list.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c))));

describe('writeChunks', () => {
  it('writes to a stream every chunk, in order', async () => {
    const list = chunks();
    const want = expected(list);
    const out = new PassThrough();
    const got: Buffer[] = [];
    out.on('data', (b: Buffer) => got.push(Buffer.from(b)));
    await writeChunks(out, list);
    expect(Buffer.concat(got).equals(want)).toBe(true);
  });

  it('writes to a file descriptor (output redirected to a file) every chunk, in order', async () => {
    const list = chunks();
    const want = expected(list);
    const file = join(mkdtempSync(join(tmpdir(), 'tdkt-stream-')), 'out.json');
    const fd = openSync(file, 'w');
    try {
      await writeChunks({ fd } as unknown as Writable, list);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file).equals(want)).toBe(true);
  });

  it('stops with the error when the file cannot be written, without hanging', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'tdkt-stream-')), 'out.json');
    closeSync(openSync(file, 'w'));
    const fd = openSync(file, 'r'); // a file open for reading only: every write fails (EBADF)
    try {
      await expect(writeChunks({ fd } as unknown as Writable, chunks())).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      closeSync(fd);
    }
  });

  it.skipIf(process.platform === 'win32')('a file that cannot take the output (size limit): a plain message and exit 2, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tdkt-stream-'));
    const bin = join(ROOT, 'bin', 'tdkt.js');
    // ulimit -f counts blocks of 1,024 bytes: the check JSON of the school is far longer than 20 KB.
    const r = spawnSync('bash', ['-c', `ulimit -f 20; "${process.execPath}" "${bin}" check fixtures/truong-thcs-hoa-sen/chuan --json --quiet > "${join(dir, 'out.json')}"`], {
      cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TDKT_CACHE_DIR: process.env.TDKT_CACHE_DIR ?? join(tmpdir(), 'tdkt-test-cache') },
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('không ghi hết được kết quả ra tệp (tệp vượt giới hạn kích thước)');
    expect(r.stderr).not.toContain('không mong đợi');
  });

  it('tdkt check --json > file writes the same bytes as to a pipe', () => {
    const args = ['check', 'fixtures/truong-thcs-hoa-sen/chuan', '--json', '--quiet'];
    const piped = runCli(args).stdout;
    const file = join(mkdtempSync(join(tmpdir(), 'tdkt-stream-')), 'check.json');
    const fd = openSync(file, 'w');
    try {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'tdkt.js'), ...args], {
        cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1', TDKT_CACHE_DIR: process.env.TDKT_CACHE_DIR ?? join(tmpdir(), 'tdkt-test-cache') },
      });
      expect(r.status).toBe(0);
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(file, 'utf8')).toBe(piped);
    expect(JSON.parse(piped).verdicts.length).toBeGreaterThan(50);
  });
});
