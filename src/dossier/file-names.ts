// File names from data ("Nguyễn Thị Hương", "Tổ Toán - Tin", or anything a cell holds) that are safe on
// Windows and cannot climb out of the output folder: Vietnamese letters kept, reserved characters and names
// removed, length bounded.

// Windows reserves these device names whatever the extension ("CON", "con.txt", "COM¹"), and ignores trailing
// spaces and dots when it compares.
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
// Invisible characters that change how a name displays (bidirectional overrides can make "exe.docx" look like
// "xcod.exe"), besides the control characters.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const MAX_CHARS = 80;
// Linux and macOS limit one name to 255 bytes; Vietnamese letters take 2 or 3 bytes in UTF-8.
const MAX_BYTES = 160;

/** A safe file name for `name` (without extension), at most `max` characters; `fallback` when nothing is left. */
export function safeFileName(name: string, fallback = 'tep', max = MAX_CHARS): string {
  let s = name
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(LONE_SURROGATE, '')
    .replace(/[<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/\.{2,}/g, '.')
    .trim()
    .replace(/^[.\-\s]+|[.\s]+$/g, '');
  s = truncate(s, max).replace(/[.\s-]+$/, '');
  if (s === '') return fallback;
  const dot = s.indexOf('.');
  const base = dot < 0 ? s : s.slice(0, dot);
  return RESERVED.test(base.trimEnd()) ? `${base}-${s.slice(base.length)}` : s;
}

/** At most `max` characters and MAX_BYTES bytes, cut between characters (never inside a surrogate pair). */
function truncate(s: string, max: number): string {
  let out = '';
  let chars = 0;
  let bytes = 0;
  for (const c of s) {
    const b = Buffer.byteLength(c, 'utf8');
    if (chars + 1 > max || bytes + b > MAX_BYTES) break;
    out += c;
    chars++;
    bytes += b;
  }
  return out;
}
