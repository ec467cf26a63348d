import { once } from 'node:events';
import { fstatSync, write as writeFd } from 'node:fs';
import type { Writable } from 'node:stream';
import { BLOCK_SIZE as BLOCK, giveBack, takeBlock } from '../render/blocks.js';

/**
 * Writes chunks with backpressure: a province's JSON never sits whole in memory. Text chunks are encoded
 * straight into 1 MB blocks: joining them into a long string first, then encoding that, took ten times as
 * long. Byte chunks (blocks already encoded) go out as they are, in their place. A block the stream has
 * written at once is used again (blocks.ts).
 */
export async function writeChunks(out: Writable, chunks: Iterable<string | Uint8Array>): Promise<void> {
  let block = takeBlock();
  let used = 0;
  const file = fileOf(out);
  const write = file ? file.write : async (data: Buffer | string) => {
    const more = out.write(data);
    // Nothing waiting in the stream: the bytes are out (a file is written at once) and the block is free again.
    // A write callback would say so for a pipe too, but not before this loop pauses: all blocks would be held.
    if (out.writableLength === 0 && typeof data !== 'string') giveBack(data);
    if (!more) await once(out, 'drain');
  };
  const flush = async () => {
    if (used === 0) return;
    const full = block.subarray(0, used);
    // The stream may hold on to a written block until it is out: the next one is another one.
    block = takeBlock();
    used = 0;
    await write(full);
  };
  for (const chunk of chunks) {
    if (typeof chunk !== 'string') {
      await flush();
      if (chunk.length > 0) await write(chunk as Buffer);
      continue;
    }
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (used + chunk.length * 3 > BLOCK) {
      await flush();
      if (chunk.length * 3 > BLOCK) {
        await write(chunk);
        continue;
      }
    }
    used += block.write(chunk, used);
  }
  await flush();
  await file?.done();
}

/**
 * Output redirected to a file (`> verdicts.json`): Node writes it synchronously, and copying half a gigabyte
 * into the kernel took the main thread a second. Here a libuv thread writes each block, one at a time and in
 * order, while the next ones are being encoded; at most a few blocks wait.
 */
function fileOf(out: Writable): { write: (data: Buffer | string) => Promise<void>; done: () => Promise<void> } | undefined {
  const fd = (out as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    if (!fstatSync(fd).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let last: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  const put = (data: Buffer | string) => new Promise<void>((resolve, reject) => {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    const from = (offset: number) => writeFd(fd, bytes, offset, bytes.length - offset, null, (err, n) => {
      if (err) return reject(new OutputError(err));
      if (offset + n < bytes.length) return from(offset + n);
      giveBack(bytes);
      resolve();
    });
    from(0);
  });
  return {
    write: async (data) => {
      last = last.then(() => put(data));
      last.catch(() => undefined); // awaited below or by done(); never an unhandled rejection
      pending.push(last);
      if (pending.length > IN_FLIGHT) await pending.shift();
    },
    done: () => last,
  };
}

const IN_FLIGHT = 4;

/** The output file could not be written (a full disk, a size limit): said plainly, not as a crash (main.ts). */
export class OutputError extends Error {
  readonly code: string | undefined;

  constructor(cause: NodeJS.ErrnoException) {
    super(cause.message, { cause });
    this.code = cause.code;
  }
}
