import { ReadError } from './read-error.js';

// A unit workbook is a few hundred KB; a province file a few tens of MB once inflated. Anything that claims to
// inflate past these bounds is refused before a library inflates it (a zip bomb is a few KB on disk).
export const ZIP_LIMITS = { maxInflatedBytes: 1_500_000_000, maxEntries: 10_000, maxRatio: 1_000 };

/** Checks the zip's central directory: entry count, declared inflated sizes and ratios. */
export function guardZip(buf: Buffer, file: string, limits = ZIP_LIMITS): void {
  const eocd = findEndOfCentralDirectory(buf);
  if (eocd < 0) throw new ReadError('E_CORRUPT_FILE', file);
  const entries = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries > limits.maxEntries) throw new ReadError('E_ZIP_BOMB', file, { entries });
  if (cdOffset + cdSize > buf.length) throw new ReadError('E_CORRUPT_FILE', file);
  let p = cdOffset;
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) throw new ReadError('E_CORRUPT_FILE', file);
    const compressed = buf.readUInt32LE(p + 20);
    const inflated = buf.readUInt32LE(p + 24);
    total += inflated;
    if (inflated === 0xffffffff || total > limits.maxInflatedBytes || (inflated > 10_000_000 && inflated > compressed * limits.maxRatio)) {
      throw new ReadError('E_ZIP_BOMB', file, { bytes: total });
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
}

function findEndOfCentralDirectory(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 65_535);
  for (let i = buf.length - 22; i >= min; i--) if (buf.readUInt32LE(i) === 0x06054b50) return i;
  return -1;
}
