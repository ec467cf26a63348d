// Cell text as clerks type it: NFC, no non-breaking or zero-width spaces, single spaces, trimmed.
export function cleanText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u00a0\u2007\u202f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A key for matching by meaning: lower case, no diacritics (đ → d), punctuation and spacing folded to one space.
 * "Họ và tên", "HO VA TEN", "Họ  và  tên:" all give "ho va ten".
 */
export function foldKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A slug for ids and file names: "Tổ Toán - Tin" → "to-toan-tin". */
export function slug(text: string): string {
  return foldKey(text).replace(/ /g, '-');
}

/** Names compare by their letters only: case, spacing and Unicode form do not matter (diacritics do). */
export function nameKey(name: string): string {
  return cleanText(name).toLocaleLowerCase('vi');
}

/** Title case for a name typed in capitals ("NGUYỄN VĂN AN" → "Nguyễn Văn An"); mixed case is kept. */
export function tidyName(name: string): string {
  const t = cleanText(name);
  if (t !== t.toLocaleUpperCase('vi')) return t;
  return t
    .toLocaleLowerCase('vi')
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toLocaleUpperCase('vi'));
}
