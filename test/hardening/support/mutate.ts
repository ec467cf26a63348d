import { inflateRawSync } from 'node:zlib';
import { zip } from './zip.js';

/** A seeded generator (mulberry32): the same seed gives the same variants on every run and machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = (r: () => number, n: number) => Math.floor(r() * n);

export type Unzipped = { name: string; data: Buffer }[];

/** The parts of a zip, inflated, in file order. */
export function unzip(buf: Buffer): Unzipped {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const out: { name: string; data: Buffer; local: number }[] = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = buf.readUInt16LE(eocd + 10); i > 0; i--) {
    const n = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + buf.readUInt32LE(p + 20));
    out.push({ name: buf.toString('utf8', p + 46, p + 46 + n), data: buf.readUInt16LE(p + 10) === 8 ? inflateRawSync(raw) : Buffer.from(raw), local });
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out.sort((a, b) => a.local - b.local).map(({ name, data }) => ({ name, data }));
}

export type Mutation = 'truncate' | 'flip' | 'random' | 'splice';

/** One damaged copy of `bytes`: cut short, bits flipped, a run overwritten with random bytes, or a run moved. */
export function mutate(bytes: Buffer, r: () => number, kind: Mutation): Buffer {
  const b = Buffer.from(bytes);
  switch (kind) {
    case 'truncate':
      return b.subarray(0, pick(r, b.length));
    case 'flip':
      for (let k = 1 + pick(r, 16); k > 0; k--) b[pick(r, b.length)] ^= 1 << pick(r, 8);
      return b;
    case 'random': {
      const at = pick(r, b.length);
      for (let k = 0, n = 1 + pick(r, 512); k < n && at + k < b.length; k++) b[at + k] = pick(r, 256);
      return b;
    }
    case 'splice': {
      const from = pick(r, b.length);
      const to = pick(r, b.length);
      const len = pick(r, 256);
      return Buffer.concat([b.subarray(0, to), b.subarray(from, from + len), b.subarray(to)]);
    }
  }
}

/** The workbook with one part's XML damaged, zipped again with sizes and CRCs right: the damage reaches the XML reader. */
export async function mutatePart(xlsx: Buffer | Unzipped, r: () => number, kind: Mutation, partName?: (names: string[]) => string): Promise<{ part: string; buf: Buffer }> {
  const parts = Buffer.isBuffer(xlsx) ? unzip(xlsx) : xlsx;
  const names = parts.filter((p) => !p.name.endsWith('/')).map((p) => p.name);
  const part = partName ? partName(names) : names[pick(r, names.length)];
  return {
    part,
    buf: await zip(parts.map((p) => ({ name: p.name, data: p.name === part ? mutate(p.data, r, kind) : p.data }))),
  };
}

const JUNK = [
  '', ' ', '\u00a0', '\u200b', '#REF!', '#N/A', '=1+2', '+84912345678', '-1', '@SUM(A1)', 'LĐTT; CSTĐCS; ', 'HTXSNV, LĐTT',
  'Khong', 'x', 'Nam', 'Nữ', '31/02/2024', '00/00/0000', '2023-2024', '2024-2023', '1900', '9999', 'Năm học 2023 - 2024',
  'Nguyễn Thị Hương', 'Tổ Toán - Tin', 'Ho\u0300ng', 'ﾃｽﾄ', '🙂', '\u202eRTL', 'a'.repeat(5000), 'Họ và tên', 'Năm học',
  'Xếp loại', 'Danh hiệu thi đua', 'Cộng', 'Người lập biểu', '1e308', '0.1', '44927', 'NaN', '020178699064', '20178699064',
];
const NUMBERS = ['0', '-1', '0.5', '1e10', '44927', '99999999', '2958466', '1.7976931348623157e308', '-0'];

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Well-formed damage: the contents of a few text elements (<t>), number cells and shared-string references
 * replaced by things clerks and broken tools do type (a formula error as text, a date that does not exist, a
 * name in a header's place, invisible spaces, 5,000 characters) or by another string of the workbook, so the
 * damage reaches the sheet reader, not only the XML parser. `strings`: how many shared strings there are.
 */
export function mutateValues(xml: string, r: () => number, strings: number): string {
  const spots = [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>|<c ([^>]*)><v>([^<]*)<\/v><\/c>/g)];
  if (spots.length === 0) return xml;
  const chosen = new Set(Array.from({ length: 1 + pick(r, 8) }, () => pick(r, spots.length)));
  let out = '';
  let last = 0;
  spots.forEach((m, i) => {
    if (!chosen.has(i) || /\bt="(e|b|str)"/.test(m[2] ?? '')) return;
    const text = m[1] ?? m[3];
    const start = m.index! + (m[1] !== undefined ? m[0].indexOf('>') + 1 : m[0].indexOf('<v>') + 3);
    const shared = m[2] !== undefined && /\bt="s"/.test(m[2]);
    const junk = m[1] !== undefined ? JUNK[pick(r, JUNK.length)] : shared ? String(pick(r, strings)) : NUMBERS[pick(r, NUMBERS.length)];
    out += xml.slice(last, start) + escapeXml(junk);
    last = start + text.length;
  });
  return out + xml.slice(last);
}

/** The workbook with values inside one part replaced (mutateValues), zipped again. */
export async function mutateValuesIn(xlsx: Buffer | Unzipped, r: () => number, partName: (names: string[]) => string): Promise<{ part: string; buf: Buffer }> {
  const parts = Buffer.isBuffer(xlsx) ? unzip(xlsx) : xlsx;
  const part = partName(parts.map((p) => p.name));
  const strings = (parts.find((p) => p.name === 'xl/sharedStrings.xml')?.data.toString('utf8').match(/<si>/g) ?? []).length;
  return { part, buf: await zip(parts.map((p) => ({ name: p.name, data: p.name === part ? mutateValues(p.data.toString('utf8'), r, strings) : p.data }))) };
}
