// Output blocks of 1 MB, used again once written. A province's JSON is half a gigabyte: in fresh blocks, the
// first write into each page of memory is a page fault, and the run spent seconds in the kernel on them.

export const BLOCK_SIZE = 1 << 20;

const free: Buffer[] = [];
const ours = new WeakSet<ArrayBufferLike>();

/** A block of at least `min` bytes: a written one given back, or a new one. */
export function takeBlock(min = BLOCK_SIZE): Buffer {
  if (min <= BLOCK_SIZE) {
    const b = free.pop();
    if (b) {
      ours.add(b.buffer); // out again: it may be given back once more
      return b;
    }
  }
  const b = Buffer.allocUnsafeSlow(Math.max(BLOCK_SIZE, min));
  if (b.length === BLOCK_SIZE) ours.add(b.buffer);
  return b;
}

/**
 * Gives back a block (or a view from its start) once nothing holds it any more: the writer calls this when the
 * stream says the bytes are out. Anything takeBlock did not make is left alone.
 */
export function giveBack(b: Uint8Array): void {
  if (b.byteOffset !== 0 || !ours.has(b.buffer) || free.length >= 8) return;
  // Pooled once, even if the writer is told twice: a block in the pool is not "out" until taken again.
  ours.delete(b.buffer);
  free.push(Buffer.from(b.buffer, 0, BLOCK_SIZE));
}
