/**
 * Vietnamese typed in the legacy 8-bit encodings TCVN3 (ABC) and VNI Windows, as it comes out of an .xlsx
 * today: every byte became one code point, the Windows-1252 (or Latin-1) character with that value
 * ("NguyÔn V¨n An", "Nguyeãn Vaên An").
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Tone marks in the order the tables list them: huyền, hỏi, ngã, sắc, nặng (-1: none). */
const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const withTone = (base: string, tone: number): string => (base + (TONES[tone] ?? '')).normalize('NFC');
const zip = (from: string, to: string): [string, string][] => {
  const letters = [...to];
  return [...from].map((c, i) => [c, letters[i]!]);
};

// TCVN3 is table VN3 of TCVN 5712:1993 (fonts .VnTime, .VnArial…), as in UniKey's VnConv tables and the
// VN1 table of the same standard: one byte per letter. Its only capitals are Ă Â Ê Ô Ơ Ư Đ; a capital with
// a tone mark was typed with the lowercase code in an uppercase font (.VnTimeH). Bytes 0x80–0x9F are unused.
const TCVN3 = new Map<string, string>(zip('¡¢£¤¥¦§¨©ª«¬\u00ad®', 'ĂÂÊÔƠƯĐăâêôơưđ'));
for (const [base, codes] of [
  ['a', 'µ¶·¸¹'], ['ă', '»¼½¾Æ'], ['â', 'ÇÈÉÊË'], ['e', 'ÌÎÏÐÑ'], ['ê', 'ÒÓÔÕÖ'], ['i', '×ØÜÝÞ'],
  ['o', 'ßáâãä'], ['ô', 'åæçèé'], ['ơ', 'êëìíî'], ['u', 'ïñòóô'], ['ư', 'õö÷øù'], ['y', 'úûüýþ'],
] as const) {
  [...codes].forEach((code, tone) => TCVN3.set(code, withTone(base, tone)));
}

// VNI Windows (fonts VNI-Times…), as in UniKey's VnConv tables and xvnkb: a vowel followed by a diacritic
// byte, capitals with the capital form of the same byte (AØ = À); a few letters are single bytes. Bytes
// 0x80–0x9F are unused.
const VNI = new Map<string, string>();
const addVni = (code: string, letter: string): void => {
  VNI.set(code, letter);
  VNI.set(code.toUpperCase(), letter.toUpperCase());
};
for (const [code, letter] of zip('aeouyôö', 'aeouyơư')) {
  [...'øûõùï'].forEach((mark, tone) => addVni(code + mark, withTone(letter, tone)));
}
for (const v of 'aeo') {
  [...'âàåãáä'].forEach((mark, i) => addVni(v + mark, withTone(v + '\u0302', i - 1))); // â, then â + tone
}
[...'êèúüéë'].forEach((mark, i) => addVni('a' + mark, withTone('ă', i - 1))); // ă, then ă + tone
for (const [code, letter] of zip('ìæóíòîôöñ', 'ìỉĩíịỵơưđ')) addVni(code, letter);

const TABLES = { tcvn3: TCVN3, vni: VNI } as const;
const INVERSE = {
  tcvn3: new Map([...TCVN3].map(([code, letter]) => [letter, code])),
  vni: new Map([...VNI].map(([code, letter]) => [letter, code])),
};
/** Every character that occurs in a legacy code: these belong to words even when they are not letters. */
const CODE_CHARS = { tcvn3: new Set(TCVN3.keys()), vni: new Set([...VNI.keys()].join('')) };

/** Windows-1252 for 0x80–0x9F; the same bytes may reach us as C1 controls. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decode(text: string, encoding: LegacyEncoding): string {
  const table = TABLES[encoding];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const pair = encoding === 'vni' ? table.get(text.slice(i, i + 2)) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    const c = text[i]!;
    const code = c.charCodeAt(0);
    out += table.get(c) ?? (code >= 0x80 && code < 0xa0 ? CP1252[code - 0x80] : c);
  }
  return out.normalize('NFC');
}

const LETTER = /[\p{L}\p{M}]/u;

function words(text: string, encoding: LegacyEncoding): string[] {
  const codeChars = CODE_CHARS[encoding];
  const out: string[] = [];
  let word = '';
  for (const c of text) {
    if (codeChars.has(c) || LETTER.test(c)) {
      word += c;
    } else if (word) {
      out.push(word);
      word = '';
    }
  }
  if (word) out.push(word);
  return out;
}

/** Converts legacy text to Unicode NFC. */
export function convertLegacy(text: string, encoding: LegacyEncoding): string {
  const out = decode(text, encoding);
  // TCVN3 text in capitals was typed in an uppercase font (.VnTimeH) with the lowercase codes: TRƯỜNG, not TRườNG.
  const capitals =
    encoding === 'tcvn3' &&
    !/[a-z]/.test(text) &&
    words(text, encoding).some((w) => {
      const lowerCode = [...w].some((c) => /\p{Ll}/u.test(TCVN3.get(c) ?? ''));
      return lowerCode && (w.match(/[A-Z]/g)?.length ?? 0) >= 2;
    });
  return capitals ? out.toUpperCase() : out;
}

/**
 * Unicode text as a legacy keyboard would have typed it, e.g. for test fixtures. TCVN3 has no capitals with
 * tone marks: they get the lowercase code, as UniKey writes them.
 */
export function toLegacy(text: string, encoding: LegacyEncoding): string {
  const inverse = INVERSE[encoding];
  return [...text.normalize('NFC')]
    .map((c) => inverse.get(c) ?? (encoding === 'tcvn3' ? inverse.get(c.toLowerCase()) : undefined) ?? c)
    .join('');
}

// Vietnamese syllable shape: initial consonant, vowel cluster (with glide), final consonant.
const OPEN_RIMES =
  'a ai ao au ay âu ây e eo ê êu i ia iu o oa oai oao oay oe oeo oi ô ôi ơ ơi u ua uây uê ui uôi uơ uy uya uyu ' +
  'ư ưa ưi ưu ươi ươu iêu yêu y';
const CLOSED_RIMES =
  'a:c ch m n ng nh p t|ă:c m n ng p t|â:c m n ng p t|e:c m n ng p t|ê:ch m n nh p t|i:ch m n nh p t|' +
  'o:c m n ng p t|ô:c m n ng p t|ơ:m n p t|u:c m n ng p t|ư:c m n ng t|iê:c m n ng p t|yê:m n ng t|' +
  'uô:c m n ng t|ươ:c m n ng p t|oa:c ch m n ng nh p t|oă:c m n ng t|oe:n t|uâ:n ng t|uê:ch nh|uy:ch n nh t|uyê:n t';
const RIMES = new Set([
  ...OPEN_RIMES.split(' '),
  ...CLOSED_RIMES.split('|').flatMap((entry) => {
    const [vowels = '', finals = ''] = entry.split(':');
    return finals.split(' ').map((final) => vowels + final);
  }),
]);
const INITIALS = new Set('b c ch d đ g gh h k kh l m n ng ngh nh p ph r s t th tr v x'.split(' ').concat(''));
const SYLLABLE = /^([bcdđghklmnpqrstvx]*)([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$/;
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

/** Where the tone mark may sit in a vowel cluster (old and new placement: hòa and hoà). */
function toneSpots(vowels: string, final: string): number[] {
  const marked = [...vowels].flatMap((v, i) => ('ăâêôơư'.includes(v) ? [i] : []));
  if (marked.length) return marked.slice(-1);
  if (final || vowels.length === 1) return [vowels.length - 1];
  if (vowels.length === 3) return [1];
  return ['oa', 'oe', 'uy'].includes(vowels) ? [0, 1] : [0];
}

const rimeFits = (vowels: string, final: string, toneAt: number | undefined): boolean =>
  RIMES.has(vowels + final) && (toneAt === undefined || toneSpots(vowels, final).includes(toneAt));

/** Whether a word is spelled like a Vietnamese syllable (Unicode, any case). */
function isSyllable(word: string): boolean {
  let bare = ''; // the word without its tone mark
  let letters = 0;
  let tone = '';
  let toneAt: number | undefined;
  for (const c of word.toLowerCase().normalize('NFD')) {
    if (!TONE_MARKS.includes(c)) {
      bare += c;
      if (!/\p{M}/u.test(c)) letters++;
    } else if (tone) {
      return false;
    } else {
      [tone, toneAt] = [c, letters - 1];
    }
  }
  const m = SYLLABLE.exec(bare.normalize('NFC'));
  if (!m) return false;
  const [, initial = '', vowels = '', final = ''] = m;
  // A syllable ending in a stop takes only the sắc or nặng tone.
  if (/^[cpt]/.test(final) && tone !== '\u0301' && tone !== '\u0323') return false;
  const at = toneAt === undefined ? undefined : toneAt - initial.length;
  const afterGlide = at === undefined ? undefined : at - 1; // qu-, gi-: the u or i is part of the initial
  const glided = vowels.length > 1 && rimeFits(vowels.slice(1), final, afterGlide);
  if (initial === 'q') return vowels[0] === 'u' && (glided || (vowels.length > 1 && rimeFits(vowels, final, at)));
  if (initial === 'g' && vowels[0] === 'i' && glided) return true;
  if (!INITIALS.has(initial) || !rimeFits(vowels, final, at)) return false;
  const front = /^[eêiy]/.test(vowels);
  if (initial === 'k' || initial === 'gh' || initial === 'ngh') return front;
  if (initial === 'c' || initial === 'ng') return !front;
  return initial !== 'g' || !front || vowels[0] === 'i';
}

/**
 * How strongly the text reads as this encoding: words that are not Vietnamese as they stand but become
 * Vietnamese syllables when converted, as long as few converted words turn into nonsense. 0 = not at all.
 */
function evidence(text: string, encoding: LegacyEncoding): number {
  let good = 0;
  let bad = 0;
  for (const word of words(text, encoding)) {
    const converted = decode(word, encoding);
    if (converted === word) continue;
    if (!/[aeiouy]/i.test(converted.normalize('NFD'))) {
      if (/^[A-ZĐ]{2,}$/.test(converted) && converted.includes('Đ')) good++; // QĐ, LĐTT
    } else if (!isSyllable(converted)) {
      bad++;
    } else if (!isSyllable(word) && word.length > 1) {
      good++;
    }
  }
  return good > 0 && good >= 4 * bad ? good - bad : 0;
}

/** The legacy encoding this text appears to be in, or undefined for ordinary (Unicode or ASCII) text. */
export function detectLegacyEncoding(text: string): LegacyEncoding | undefined {
  if (!/[\u00a0-\u00ff]/.test(text)) return undefined; // nothing either table could convert
  // Legacy text holds bytes only: anything else (ơ, ư, ễ, combining marks…) means Unicode.
  for (const c of text) if (c > '\u00ff' && !CP1252.includes(c) && !/[\s\p{Cf}]/u.test(c)) return undefined;
  const tcvn3 = evidence(text, 'tcvn3');
  const vni = evidence(text, 'vni');
  if (tcvn3 > vni) return 'tcvn3';
  if (vni > tcvn3) return 'vni';
  return undefined;
}
