/**
 * Units, tổ, ratings, titles and names repeat on every row of a province batch: the text functions below
 * work each distinct text out once. A cache is dropped whole when it grows past `max`, and long texts (notes)
 * are not kept: its memory stays bounded.
 */
function memo(fn: (text: string) => string, max = 50_000): (text: string) => string {
  const cache = new Map<string, string>();
  return (text) => {
    if (text.length > 200) return fn(text);
    let out = cache.get(text);
    if (out === undefined) {
      if (cache.size >= max) cache.clear();
      out = fn(text);
      cache.set(text, out);
    }
    return out;
  };
}

/** Cell text as clerks type it: NFC, no non-breaking or zero-width spaces, single spaces, trimmed. */
export const cleanText = memo((text) =>
  text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim());

/**
 * A key for matching by meaning: lower case, no diacritics (đ → d), punctuation and spacing folded to one space.
 * "Họ và tên", "HO VA TEN", "Họ  và  tên:" all give "ho va ten".
 */
export const foldKey = memo((text) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim());

/** A slug for ids and file names: "Tổ Toán - Tin" → "to-toan-tin". */
export const slug = memo((text) => foldKey(text).replace(/ /g, '-'));

/** Names compare by their letters only: case, spacing and Unicode form do not matter (diacritics do). */
export const nameKey = memo((name) => cleanText(name).toLocaleLowerCase('vi'));

/** Title case for a name typed in capitals ("NGUYỄN VĂN AN" → "Nguyễn Văn An"); mixed case is kept. */
export const tidyName = memo((name) => {
  const t = cleanText(name);
  if (t !== t.toLocaleUpperCase('vi')) return t;
  return t
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'));
});

// A word that cannot be a Vietnamese syllable (THCS, GD&ĐT, UBND, PTDTBT) is an acronym and keeps its capitals.
const SYLLABLE = /^(ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]+(ch|ng|nh|[cmnpt])?$/u;

/**
 * A unit or tổ name typed in capitals, in title case: "TRƯỜNG THCS HOA SEN" → "Trường THCS Hoa Sen",
 * "TỔ TOÁN - TIN" → "Tổ Toán - Tin". Mixed case is kept as typed.
 */
export function tidyTitle(text: string): string {
  const t = cleanText(text);
  if (t !== t.toLocaleUpperCase('vi')) return t;
  return t.replace(/\p{L}+/gu, (word) => {
    const lower = word.toLocaleLowerCase('vi');
    const bare = lower.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
    if (/^[ivx]+$/.test(lower) || !SYLLABLE.test(bare)) return word;
    return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
  });
}
