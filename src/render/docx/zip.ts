import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

// A small zip reader and a deterministic writer for OOXML packages. Every entry is written with the same DOS
// time (1980-01-01 00:00), no extra fields and no data descriptor, so equal contents give equal bytes.

export type ZipEntry = {
  name: string;
  method: 0 | 8;
  crc: number;
  size: number;
  /** The entry's bytes as stored in the zip (deflated when method is 8). */
  compressed: Buffer;
};

export class ZipError extends Error {
  constructor(readonly code: 'not-a-zip' | 'unsupported' | 'corrupt' | 'too-large', detail: string) {
    super(`${code}: ${detail}`);
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
const UTF8_FLAG = 0x0800;
// A template part larger than this is not a template (a zip bomb, or a document full of images).
export const MAX_PART_SIZE = 64 * 1024 * 1024;

export function readZip(buf: Buffer): ZipEntry[] {
  const eocd = findEocd(buf);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw new ZipError('unsupported', 'zip64');
  if (cdOffset + cdSize > eocd) throw new ZipError('corrupt', 'central directory outside the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CENTRAL) throw new ZipError('corrupt', `central entry ${i}`);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & UTF8_FLAG ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 1) throw new ZipError('unsupported', `${name} is encrypted`);
    if (method !== 0 && method !== 8) throw new ZipError('unsupported', `${name} uses compression method ${method}`);
    if (size > MAX_PART_SIZE) throw new ZipError('too-large', name);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== LOCAL) throw new ZipError('corrupt', `local header of ${name}`);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + csize > buf.length) throw new ZipError('corrupt', `${name} is truncated`);
    if (name.endsWith('/')) continue;
    entries.push({ name, method, crc, size, compressed: buf.subarray(start, start + csize) });
  }
  return entries;
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError('not-a-zip', 'no end of central directory');
}

export function entryData(e: ZipEntry): Buffer {
  const data = e.method === 0 ? e.compressed : inflateRawSync(e.compressed, { maxOutputLength: MAX_PART_SIZE });
  if (data.length !== e.size || crc32(data) !== e.crc) throw new ZipError('corrupt', `${e.name} fails its CRC`);
  return data;
}

export function makeEntry(name: string, data: Buffer): ZipEntry {
  return { name, method: 8, crc: crc32(data), size: data.length, compressed: deflateRawSync(data) };
}

/** The bytes of one entry as the zip holds them: local header then data, and its central directory record. */
export type PackedEntry = { local: Buffer; central: Buffer };

export function packEntry(e: ZipEntry): PackedEntry {
  const name = Buffer.from(e.name, 'utf8');
  const flags = /[^\x20-\x7e]/.test(e.name) ? UTF8_FLAG : 0;
  const local = Buffer.alloc(30 + name.length + e.compressed.length);
  local.writeUInt32LE(LOCAL, 0);
  local.writeUInt16LE(20, 4);
  writeCommon(local, 6, flags, e, name.length);
  name.copy(local, 30);
  e.compressed.copy(local, 30 + name.length);
  const central = Buffer.alloc(46 + name.length);
  central.writeUInt32LE(CENTRAL, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  writeCommon(central, 8, flags, e, name.length);
  name.copy(central, 46);
  return { local, central };
}

// flags, method, time, date, crc, sizes, name length, extra length (0): shared by both headers.
function writeCommon(b: Buffer, at: number, flags: number, e: ZipEntry, nameLen: number): void {
  b.writeUInt16LE(flags, at);
  b.writeUInt16LE(e.method, at + 2);
  b.writeUInt16LE(DOS_TIME, at + 4);
  b.writeUInt16LE(DOS_DATE, at + 6);
  b.writeUInt32LE(e.crc >>> 0, at + 8);
  b.writeUInt32LE(e.compressed.length, at + 12);
  b.writeUInt32LE(e.size, at + 16);
  b.writeUInt16LE(nameLen, at + 20);
}

/** Assembles a zip from packed entries; the central records are copied and their offsets patched. */
export function assembleZip(entries: readonly PackedEntry[]): Buffer {
  let localSize = 0;
  let centralSize = 0;
  for (const e of entries) {
    localSize += e.local.length;
    centralSize += e.central.length;
  }
  const out = Buffer.allocUnsafe(localSize + centralSize + 22);
  let p = 0;
  let c = localSize;
  for (const e of entries) {
    e.central.copy(out, c);
    out.writeUInt32LE(p, c + 42);
    c += e.central.length;
    e.local.copy(out, p);
    p += e.local.length;
  }
  out.writeUInt32LE(EOCD, c);
  out.writeUInt16LE(0, c + 4);
  out.writeUInt16LE(0, c + 6);
  out.writeUInt16LE(entries.length, c + 8);
  out.writeUInt16LE(entries.length, c + 10);
  out.writeUInt32LE(centralSize, c + 12);
  out.writeUInt32LE(localSize, c + 16);
  out.writeUInt16LE(0, c + 20);
  return out;
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  return assembleZip(entries.map(packEntry));
}
