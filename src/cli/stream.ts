import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes chunks with backpressure: a province's JSON never sits whole in memory. */
export async function writeChunks(out: Writable, chunks: Iterable<string>): Promise<void> {
  let buffered = '';
  for (const chunk of chunks) {
    buffered += chunk;
    if (buffered.length < 1 << 16) continue;
    if (!out.write(buffered)) await once(out, 'drain');
    buffered = '';
  }
  if (buffered && !out.write(buffered)) await once(out, 'drain');
}
