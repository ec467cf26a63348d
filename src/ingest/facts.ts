import type { AwardKind } from '../model/award.js';
import { AWARDS } from '../model/award.js';
import type { Decision, Honour, Initiative } from '../model/record.js';
import type { Rating } from '../model/rating.js';
import { splitAwardText } from './decision.js';
import { foldKey } from './text.js';
import { isNoneWord, parseHonour, parseRating } from './vocabulary.js';

/** A rating/title cell, as in "HTXSNV; CSTĐCS" or "LĐTT (QĐ 45/QĐ-THCS ngày 25/5/2021)". */
export type Combo = { rating?: Rating; titles: Honour[]; awards: Honour[]; unknown: string[] };

// "HTXSNV", "LĐTT", "CSTĐCS" fill a province's rating and title columns: a cell without its own decision
// or kind is parsed once per distinct text and handed out as a copy (bounded like the text caches).
const COMBOS = new Map<string, Combo>();

export function parseCombo(text: string, decision?: Decision, kind?: AwardKind): Combo {
  if (decision || kind || text.length > 100) return parseComboOnce(text, decision, kind);
  let c = COMBOS.get(text);
  if (!c) {
    if (COMBOS.size >= 10_000) COMBOS.clear();
    COMBOS.set(text, (c = parseComboOnce(text)));
  }
  const copy = (h: Honour): Honour => (h.decision ? { ...h, decision: { ...h.decision } } : { ...h });
  const out: Combo = { titles: c.titles.map(copy), awards: c.awards.map(copy), unknown: [...c.unknown] };
  if (c.rating) out.rating = c.rating;
  return out;
}

function parseComboOnce(text: string, decision?: Decision, kind?: AwardKind): Combo {
  const out: Combo = { titles: [], awards: [], unknown: [] };
  const split = splitAwardText(text);
  const body = split.award;
  const dec = split.decision ?? decision;
  if (isNoneWord(foldKey(body))) return out;
  for (const raw of body.split(/[;,+\n/]| - | và /)) {
    const token = raw.trim();
    if (token === '' || isNoneWord(foldKey(token))) continue;
    const rating = parseRating(token);
    if (rating) {
      if (out.rating && out.rating !== rating) out.unknown.push(token);
      else out.rating = rating;
      continue;
    }
    const honour = parseHonour(token);
    if (!honour) {
      out.unknown.push(token);
      continue;
    }
    const h: Honour = { award: honour.award, kind: honour.kind ?? kind ?? 'cong-trang' };
    if (dec) h.decision = dec;
    (AWARDS[honour.award].category === 'title' ? out.titles : out.awards).push(h);
  }
  return out;
}

/** An award cell: one or more forms separated by ";" or new lines, each maybe with its decision. */
export function parseAwards(text: string, decision?: Decision, kind?: AwardKind): { awards: Honour[]; titles: Honour[]; unknown: string[] } {
  const out = { awards: [] as Honour[], titles: [] as Honour[], unknown: [] as string[] };
  for (const raw of text.split(/[;\n]/)) {
    const part = raw.trim().replace(/^[-–•+]\s*/, '');
    if (part === '' || isNoneWord(foldKey(part))) continue;
    const split = splitAwardText(part);
    const honour = parseHonour(split.award);
    if (!honour) {
      out.unknown.push(part);
      continue;
    }
    const h: Honour = { award: honour.award, kind: honour.kind ?? kind ?? 'cong-trang' };
    const dec = split.decision ?? decision;
    if (dec) h.decision = dec;
    (AWARDS[honour.award].category === 'title' ? out.titles : out.awards).push(h);
  }
  return out;
}

export function mergeInitiativeLevel(list: Initiative[], level: Initiative['level'] | undefined, basis: boolean | undefined): Initiative[] {
  return list.map((i) => {
    const out = { ...i };
    if (level && !out.level) out.level = level;
    if (basis !== undefined) out.basisOfCstdcs = basis;
    return out;
  });
}
