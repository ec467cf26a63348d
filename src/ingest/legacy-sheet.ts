import { cellAddress, type Grid } from './grid.js';
import { convertLegacy, detectLegacyEncoding, type LegacyEncoding } from './legacy-encoding.js';

export type LegacyFinding = { encoding: LegacyEncoding; cells: string[] };

// Windows-1252 letters in 0x80–0x9F: legacy bytes may reach us as these.
const CP1252 = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';

/** Text that could be legacy bytes: something in 0xA0–0xFF, nothing a legacy font could not have typed. */
function bytesOnly(text: string): boolean {
  if (!/[\u00a0-\u00ff]/.test(text)) return false;
  for (const c of text) if (c > '\u00ff' && !CP1252.includes(c) && !/[\s\p{Cf}]/u.test(c)) return false;
  return true;
}

/** Real Unicode Vietnamese (ơ, ư, ạ, ễ… or combining marks): the sheet was not typed in a legacy font. */
function unicodeVietnamese(text: string): boolean {
  for (const c of text) if (c > '\u00ff' && !CP1252.includes(c) && /[\p{L}\p{M}]/u.test(c)) return true;
  return false;
}

type TextKind = LegacyEncoding | 'bytes' | 'unicode' | 'plain';

// Names, units and ratings repeat on every row, and "Bình", "Hà" need the full syllable test: each distinct
// text is judged once (bounded: the cache is dropped when full; long texts are not kept).
const KINDS = new Map<string, TextKind>();

function classify(text: string): TextKind {
  let kind = KINDS.get(text);
  if (kind !== undefined) return kind;
  kind = detectLegacyEncoding(text) ?? (bytesOnly(text) ? 'bytes' : unicodeVietnamese(text) ? 'unicode' : 'plain');
  if (text.length <= 200) {
    if (KINDS.size >= 50_000) KINDS.clear();
    KINDS.set(text, kind);
  }
  return kind;
}

/**
 * Finds the cells typed in TCVN3 or VNI and, with `fix`, converts them in place. A cell is judged on its own
 * ("Hä vµ tªn"), but a short one can read as Unicode too ("Ghi chó" is TCVN3 for "Ghi chú" and also a word):
 * in a sheet typed in a legacy font (legacy cells, next to no Unicode Vietnamese), every cell that could be
 * legacy bytes is taken in the sheet's encoding.
 */
export function findLegacyText(grid: Grid, fix: boolean): LegacyFinding | undefined {
  const detected: { r: number; c: number; encoding: LegacyEncoding }[] = [];
  const candidates: { r: number; c: number }[] = [];
  const votes: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  let unicodeCells = 0;
  grid.rows.forEach((row, r) => row?.forEach((cell, c) => {
    if (!cell || typeof cell.value !== 'string') return;
    const kind = classify(cell.value);
    if (kind === 'tcvn3' || kind === 'vni') {
      votes[kind]++;
      detected.push({ r, c, encoding: kind });
    } else if (kind === 'bytes') candidates.push({ r, c });
    else if (kind === 'unicode') unicodeCells++;
  }));
  if (detected.length === 0) return undefined;
  const encoding: LegacyEncoding = votes.vni > votes.tcvn3 ? 'vni' : 'tcvn3';
  const wholeSheet = unicodeCells * 4 <= detected.length;
  const found = wholeSheet ? [...detected, ...candidates.map((p) => ({ ...p, encoding }))] : detected;
  found.sort((a, b) => a.r - b.r || a.c - b.c);
  if (fix) {
    for (const { r, c, encoding: e } of found) {
      grid.setValue(r, c, convertLegacy(grid.rows[r]![c]!.value as string, e));
    }
  }
  return { encoding, cells: found.map(({ r, c }) => cellAddress(r, c)) };
}
