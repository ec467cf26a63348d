import { once } from 'node:events';
import type { Writable } from 'node:stream';

const BLOCK = 1 << 20;

/**
 * Writes chunks with backpressure: a province's JSON never sits whole in memory. Text chunks are encoded
 * straight into 1 MB blocks: joining them into a long string first, then encoding that, took ten times as
 * long. Byte chunks (blocks already encoded) go out as they are, in their place.
 */
export async function writeChunks(out: Writable, chunks: Iterable<string | Uint8Array>): Promise<void> {
  let block = Buffer.allocUnsafeSlow(BLOCK);
  let used = 0;
  const write = async (data: Buffer | string) => {
    if (!out.write(data)) await once(out, 'drain');
  };
  const flush = async () => {
    if (used === 0) return;
    const full = block.subarray(0, used);
    // The stream may hold on to a written block until it is out: the next one is a new one.
    block = Buffer.allocUnsafeSlow(BLOCK);
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
