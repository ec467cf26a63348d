import { once } from 'node:events';
import { fstatSync, write as writeFd } from 'node:fs';
import type { Writable } from 'node:stream';
import { giveBack, JsonBlocks } from '../render/blocks.js';
import { OutputError } from './io.js';

/**
 * Writes chunks with backpressure: a province's JSON never sits whole in memory. Text chunks are encoded
 * straight into 1 MB blocks (JsonBlocks): joining them into a long string first, then encoding that, took ten
 * times as long. Byte chunks (blocks already encoded) go out as they are, in their place. A block the stream
 * has written at once is used again (blocks.ts).
 */
export async function writeChunks(out: Writable, chunks: Iterable<string | Uint8Array>): Promise<void> {
  const blocks = new JsonBlocks();
  const file = fileOf(out);
  const write = file ? file.write : async (data: Buffer) => {
    const more = out.write(data);
    // Nothing waiting in the stream: the bytes are out (a file is written at once) and the block is free again.
    // A write callback would say so for a pipe too, but not before this loop pauses: all blocks would be held.
    if (out.writableLength === 0) giveBack(data);
    if (!more) await once(out, 'drain');
  };
  const writeAll = async (list: Buffer[]) => {
    for (const b of list) await write(b);
  };
  for (const chunk of chunks) {
    if (typeof chunk === 'string') {
      blocks.text(chunk);
      await writeAll(blocks.take());
      continue;
    }
    await writeAll(blocks.flush());
    if (chunk.length > 0) await write(chunk as Buffer);
  }
  await writeAll(blocks.end());
  await file?.done();
}

/**
 * Output redirected to a file (`> verdicts.json`): Node writes it synchronously, and copying half a gigabyte
 * into the kernel took the main thread a second. Here a libuv thread writes each block, one at a time and in
 * order, while the next ones are being encoded; at most a few blocks wait.
 */
function fileOf(out: Writable): { write: (data: Buffer) => Promise<void>; done: () => Promise<void> } | undefined {
  const fd = (out as { fd?: unknown }).fd;
  if (typeof fd !== 'number') return undefined;
  try {
    if (!fstatSync(fd).isFile()) return undefined;
  } catch {
    return undefined;
  }
  let last: Promise<void> = Promise.resolve();
  const pending: Promise<void>[] = [];
  const put = (bytes: Buffer) => new Promise<void>((resolve, reject) => {
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
