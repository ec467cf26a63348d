import { constants, crc32, deflateRawSync } from 'node:zlib';

// A small zip writer for hostile workbooks: parts given as bytes or as a stream of chunks (a sheet of a million
// rows is deflated as it is generated, never held as one string), with sizes that may lie on purpose.

export type Part = {
  name: string;
  data: string | Buffer | AsyncIterable<string | Buffer> | Iterable<string | Buffer>;
  /** Stored (method 0) instead of deflated. */
  store?: boolean;
  /** A declared inflated size other than the real one (a zip bomb that lies). */
  declaredSize?: number;
  /** Already deflated bytes, with their real inflated size and CRC (for parts too large to deflate here). */
  raw?: { deflated: Buffer; size: number; crc: number };
};

type Built = { name: Buffer; method: number; crc: number; size: number; compressed: Buffer };

async function build(part: Part): Promise<Built> {
  const name = Buffer.from(part.name, 'utf8');
  if (part.raw) return { name, method: 8, crc: part.raw.crc, size: part.raw.size, compressed: part.raw.deflated };
  if (typeof part.data === 'string' || Buffer.isBuffer(part.data)) {
    const bytes = Buffer.from(part.data);
    return { name, method: part.store ? 0 : 8, crc: crc32(bytes), size: bytes.length, compressed: part.store ? bytes : deflateRawSync(bytes) };
  }
  // Each chunk deflated on its own and flushed: independent deflate blocks, byte-aligned, may follow each other;
  // a final empty block ends the stream. Faster than a deflate stream, and nothing is held but the output.
  const out: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for await (const chunk of part.data) {
    const bytes = Buffer.from(chunk);
    crc = crc32(bytes, crc);
    size += bytes.length;
    out.push(deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_FULL_FLUSH }));
  }
  out.push(deflateRawSync(Buffer.alloc(0)));
  return { name, method: 8, crc, size, compressed: Buffer.concat(out) };
}

/** The zip file of these parts, in this order. */
export async function zip(parts: Part[]): Promise<Buffer> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const b = await build(part);
    const size = part.declaredSize ?? b.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(b.method, 8);
    local.writeUInt32LE(b.crc >>> 0, 14);
    local.writeUInt32LE(b.compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(b.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(b.method, 10);
    central.writeUInt32LE(b.crc >>> 0, 16);
    central.writeUInt32LE(b.compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(b.name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, b.name, b.compressed);
    centrals.push(central, b.name);
    offset += 30 + b.name.length + b.compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Deflated bytes that inflate to `head`, then `times` MiB of spaces, then `tail`, built in milliseconds: one
 * MiB of spaces deflated after a full flush gives the same bytes every time, so they are repeated.
 * The CRC is left 0: a reader that checks it has inflated everything already.
 */
export function bombBytes(head: string, times: number, tail: string): { deflated: Buffer; size: number; crc: number } {
  const mib = Buffer.alloc(1 << 20, 0x20);
  const flushed = (b: Buffer) => deflateRawSync(b, { finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(mib);
  const parts = [flushed(Buffer.from(head))];
  for (let i = 0; i < times; i++) parts.push(block);
  parts.push(deflateRawSync(Buffer.from(tail)));
  return { deflated: Buffer.concat(parts), size: Buffer.byteLength(head) + times * mib.length + Buffer.byteLength(tail), crc: 0 };
}
