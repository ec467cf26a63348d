import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';
import { ReadError } from './read-error.js';

// A unit workbook is a few hundred KB; a province file a few hundred MB once inflated (180,000 rows: 94 MB of
// sheet XML). Anything past these bounds is refused before a library inflates it: a zip bomb is a few KB to a
// few MB on disk, and its central directory may lie about the sizes, so they are checked by inflating.
export const ZIP_LIMITS = { maxInflatedBytes: 1_000_000_000, maxEntries: 10_000, maxRatio: 1_000 };

export type ZipEntry = {
  name: string;
  method: number;
  crc: number;
  compressed: number;
  inflated: number;
  /** Offset of the local header, and of the entry's data after it. */
  local: number;
  data: number;
};

/** Reads a part's bytes as they are inflated (`end` once the part checked out whole); nothing to skip the part. */
export type PartObserver = (entry: ZipEntry) => { data: (chunk: Buffer) => void; end: () => void } | undefined;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

/**
 * The entries of the central directory, checked against the file without inflating anything: every entry where
 * its local header says, with the same name, no two overlapping, the declared sizes and ratios within bounds.
 */
export function zipEntries(buf: Buffer, file: string, limits = ZIP_LIMITS): ZipEntry[] {
  const corrupt = () => new ReadError('E_CORRUPT_FILE', file);
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw corrupt();
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count > limits.maxEntries) throw new ReadError('E_ZIP_BOMB', file, { entries: count });
  if (cdOffset + cdSize > eocd) throw corrupt();
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  const locals = new Set<number>();
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CENTRAL) throw corrupt();
    const nameLength = buf.readUInt16LE(p + 28);
    const flags = buf.readUInt16LE(p + 8);
    const entry: ZipEntry = {
      name: buf.toString('utf8', p + 46, p + 46 + nameLength), method: buf.readUInt16LE(p + 10), crc: buf.readUInt32LE(p + 16),
      compressed: buf.readUInt32LE(p + 20), inflated: buf.readUInt32LE(p + 24), local: buf.readUInt32LE(p + 42), data: 0,
    };
    const nameBytes = buf.subarray(p + 46, p + 46 + nameLength);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (p > cdOffset + cdSize) throw corrupt();
    // Encrypted entries and methods other than stored and deflate are no Excel workbook.
    if ((flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) throw corrupt();
    if (entry.method === 0 && entry.compressed !== entry.inflated) throw corrupt();
    if (names.has(entry.name)) throw corrupt();
    names.add(entry.name);
    total += entry.inflated;
    if (entry.inflated === 0xffffffff || entry.compressed === 0xffffffff || total > limits.maxInflatedBytes ||
      (entry.inflated > 10_000_000 && entry.inflated > entry.compressed * limits.maxRatio)) {
      throw new ReadError('E_ZIP_BOMB', file, { bytes: total });
    }
    const l = entry.local;
    // Entries that share their bytes: the "overlapping files" zip bomb (or entries inside one another, below).
    if (locals.has(l)) throw new ReadError('E_ZIP_BOMB', file, { entries: count });
    locals.add(l);
    if (l + 30 > cdOffset || buf.readUInt32LE(l) !== LOCAL || buf.readUInt16LE(l + 26) !== nameLength) throw corrupt();
    if (!buf.subarray(l + 30, l + 30 + nameLength).equals(nameBytes)) throw corrupt();
    entry.data = l + 30 + nameLength + buf.readUInt16LE(l + 28);
    if (entry.data + entry.compressed > cdOffset) throw corrupt();
    entries.push(entry);
  }
  const byOffset = [...entries].sort((a, b) => a.local - b.local);
  for (let i = 1; i < byOffset.length; i++) {
    const prev = byOffset[i - 1];
    if (prev.data + prev.compressed > byOffset[i].local) throw new ReadError('E_ZIP_BOMB', file, { bytes: total });
  }
  return entries;
}

/**
 * Inflates every entry as a stream, keeping nothing: each must inflate cleanly to exactly its declared size
 * (never past it: a lying directory is caught at its word) with the right CRC. exceljs's streaming reader
 * hangs, with no error, on a zip damaged inside a part, and its full load inflates each part whole before any
 * check: after this, neither sees a damaged or oversized part.
 */
export async function verifyZip(buf: Buffer, file: string, entries: ZipEntry[], observe?: PartObserver, limits = ZIP_LIMITS): Promise<void> {
  let total = 0;
  for (const e of entries) {
    const see = observe?.(e);
    const data = buf.subarray(e.data, e.data + e.compressed);
    let crc = 0;
    let size = 0;
    // Past its declared size a part is damaged, or a bomb that lies: inflating on a little (keeping nothing)
    // tells which. A part still inflating 64 MB past its word is a bomb.
    const bound = Math.min(limits.maxInflatedBytes - total, e.inflated + OVERRUN);
    const take = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= e.inflated) {
        crc = crc32(chunk, crc);
        see?.data(chunk);
      }
      return size <= bound;
    };
    if (e.method === 0) take(data);
    else if (!inflateWhole(data, e, take)) await inflate(data, take);
    total += size;
    if (size > bound) throw new ReadError('E_ZIP_BOMB', file, { bytes: total });
    if (size !== e.inflated || crc >>> 0 !== e.crc >>> 0) throw new ReadError('E_CORRUPT_FILE', file, { part: e.name });
    see?.end();
  }
}

const OVERRUN = 64 * 1024 * 1024;
/** Parts up to this size are inflated in one call (a unit workbook's are a few hundred KB): no stream events. */
const WHOLE_MAX = 32 * 1024 * 1024;

// Inflates a part in one call when it inflates cleanly to no more than its declared size; false otherwise,
// and the stream then tells a damaged part from a bomb.
function inflateWhole(data: Buffer, e: ZipEntry, take: (chunk: Buffer) => boolean): boolean {
  if (e.inflated > WHOLE_MAX) return false;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, e.inflated) });
  } catch {
    return false;
  }
  take(out);
  return true;
}

// Resolves when the stream ends, fails or is stopped; an error thrown by `take` (an observer refusing the part)
// rejects it, never escaping as an uncaught exception from the stream's handler.
function inflate(data: Buffer, take: (chunk: Buffer) => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: 256 * 1024 });
    let stopped = false;
    const stop = (error?: unknown) => {
      if (stopped) return;
      stopped = true;
      z.destroy();
      if (error) reject(error);
      else resolve();
    };
    z.on('data', (chunk: Buffer) => {
      if (stopped) return;
      try {
        if (!take(chunk)) stop();
      } catch (e) {
        stop(e);
      }
    });
    // A damaged stream ends short: the size check that follows says so.
    z.on('error', () => stop());
    z.on('end', () => stop());
    z.on('close', () => stop());
    z.end(data);
  });
}

// The parts exceljs's streaming reader must have read before any sheet, in the order it reads them.
const READ_FIRST = ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/styles.xml', 'xl/sharedStrings.xml'];

/**
 * The same zip with the local headers rebuilt from the central directory, without gaps, extra fields or data
 * descriptors, and with the workbook's own parts first. exceljs's streaming reader walks the local headers,
 * where a damaged size or name would send it astray; the checked directory is what it now reads. It also
 * reads the parts in the order stored: a sheet met before the shared strings and relationships goes to a temp
 * file, read after the last part, and with xl/workbook.xml last that failed about 1 run in 400 under load
 * ("reading 'sheets'" of an undefined model); a sheet met before the styles lost its number formats.
 */
export function rebuildZip(buf: Buffer, entries: ZipEntry[]): Buffer {
  const rank = (e: ZipEntry) => {
    const i = READ_FIRST.indexOf(e.name);
    return i < 0 ? READ_FIRST.length : i;
  };
  const ordered = [...entries].sort((a, b) => rank(a) - rank(b) || a.local - b.local);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of ordered) {
    const name = Buffer.from(e.name, 'utf8');
    const head = Buffer.alloc(30);
    head.writeUInt32LE(LOCAL, 0);
    entryFields(head, 4, e, name.length);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(CENTRAL, 0);
    dir.writeUInt16LE(20, 4);
    entryFields(dir, 6, e, name.length);
    dir.writeUInt32LE(offset, 42);
    chunks.push(head, name, buf.subarray(e.data, e.data + e.compressed));
    central.push(dir, name);
    offset += 30 + name.length + e.compressed;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, cd, end]);
}

/**
 * The fields a local header and its central directory record share, in the same order: the central record has
 * one more field ("made by") before them, so they start at 6 there and at 4 in the local header.
 */
function entryFields(b: Buffer, at: number, e: ZipEntry, nameLength: number): void {
  b.writeUInt16LE(20, at); // version needed
  b.writeUInt16LE(0x0800, at + 2); // UTF-8 names
  b.writeUInt16LE(e.method, at + 4);
  b.writeUInt32LE(e.crc, at + 10);
  b.writeUInt32LE(e.compressed, at + 14);
  b.writeUInt32LE(e.inflated, at + 18);
  b.writeUInt16LE(nameLength, at + 22);
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 65_535);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === END) return i;
  return -1;
}
