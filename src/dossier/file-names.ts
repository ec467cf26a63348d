// File names from data ("Nguyễn Thị Hương", "Tổ Toán - Tin", or anything a cell holds) that are safe on
// Windows and cannot climb out of the output folder: Vietnamese letters kept, reserved characters and names
// removed, length bounded.
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
const MAX = 80;

export function safeFileName(name: string, fallback = 'tep'): string {
  let s = name
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.')
    .trim()
    .replace(/^[.\-\s]+|[.\s]+$/g, '');
  if (s.length > MAX) s = s.slice(0, MAX).replace(/[.\s-]+$/, '');
  if (s === '' || RESERVED.test(s)) s = s === '' ? fallback : `${s}-`;
  return s;
}
