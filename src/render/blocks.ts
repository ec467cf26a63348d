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

/** UTF-8 blocks filled in turn; full ones are taken by the writer. */
export class JsonBlocks {
  private block: Buffer;
  private used = 0;
  private readonly full: Buffer[] = [];

  constructor(private readonly size = BLOCK_SIZE) {
    this.block = takeBlock(size);
  }

  bytes(b: Uint8Array): void {
    if (this.used + b.length > this.block.length) this.next(b.length);
    this.block.set(b, this.used);
    this.used += b.length;
  }

  byte(b: number): void {
    if (this.used >= this.block.length) this.next(1);
    this.block[this.used++] = b;
  }

  text(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8.
    if (this.used + s.length * 3 > this.block.length) this.next(s.length * 3);
    this.used += this.block.write(s, this.used);
  }

  /** A string as JSON: between quotes as it is, or escaped by JSON.stringify when it must be. */
  string(s: string): void {
    if (NEEDS_ESCAPE.test(s)) return this.text(JSON.stringify(s));
    this.byte(QUOTE);
    this.text(s);
    this.byte(QUOTE);
  }

  /** Whether some block is full, waiting to be taken. */
  get hasFull(): boolean {
    return this.full.length > 0;
  }

  /** The blocks filled so far, the one being filled left in place. */
  take(): Buffer[] {
    return this.full.splice(0);
  }

  /** Every block, the one being filled too, which is not written into again: the next bytes go to another. */
  flush(): Buffer[] {
    if (this.used > 0) this.next(0);
    return this.take();
  }

  /** Every block, the last one too: the sink is done. */
  end(): Buffer[] {
    if (this.used > 0) this.full.push(this.block.subarray(0, this.used));
    this.used = 0;
    return this.take();
  }

  // The stream may hold on to a written block until it is out: a full block is not written into again until
  // the writer gives it back (blocks.ts).
  private next(need: number): void {
    if (this.used > 0) this.full.push(this.block.subarray(0, this.used));
    this.block = takeBlock(Math.max(this.size, need));
    this.used = 0;
  }
}

const QUOTE = 0x22;
// What JSON.stringify would escape: quotes, backslashes, control characters; surrogates (emoji, rare in
// Vietnamese text) go through it too, which writes a valid pair as it is and escapes a lone one.
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;
