import { once } from 'node:events';
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
  const write = async (data: Buffer | string) => {
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
}
