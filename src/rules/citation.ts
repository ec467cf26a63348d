import type { Citation, Confidence, Criterion, Text } from './types.js';

export function cite(doc: string, where: Omit<Citation, 'doc'> = {}): Citation {
  return { doc, ...where };
}

/** "Luật TĐKT 2022, Điều 73 khoản 1 điểm b" */
export function formatCitation(c: Citation): string {
  const parts = [c.dieu !== undefined ? `Điều ${c.dieu}` : '', c.khoan !== undefined ? `khoản ${c.khoan}` : '', c.diem ? `điểm ${c.diem}` : ''].filter(Boolean);
  return parts.length > 0 ? `${c.doc}, ${parts.join(' ')}` : c.doc;
}

/** The same criterion, citing another text (or with another confidence) than its award. */
export function citing(criterion: Criterion, citation: Citation, confidence?: Confidence): Criterion {
  return { ...criterion, citation, confidence: confidence ?? criterion.confidence };
}

export function tagged(criterion: Criterion, confidence: Confidence): Criterion {
  return { ...criterion, confidence };
}

export const t = (vi: string, en: string): Text => ({ vi, en });

/**
 * A text built only when read, and only in the language read: a province run makes millions of check results,
 * most of their sentences are never printed (only --json and explain read them all), and those that are, are
 * printed in one language.
 */
export function lazy(make: (lang: keyof Text) => string): Text {
  return new LazyText(make);
}

// A class, not an object literal with getters: the accessors live once on the prototype, not per text.
class LazyText implements Text {
  #make: (lang: keyof Text) => string;
  #vi: string | undefined;
  #en: string | undefined;
  constructor(make: (lang: keyof Text) => string) {
    this.#make = make;
  }
  get vi(): string {
    return (this.#vi ??= this.#make('vi'));
  }
  get en(): string {
    return (this.#en ??= this.#make('en'));
  }
  toJSON(): Text {
    return { vi: this.vi, en: this.en };
  }
}

// The texts, as cited in data.
export const LAW_2022 = 'Luật Thi đua, khen thưởng 2022';
export const LAW_2013 = 'Luật Thi đua, khen thưởng 2003 (sửa đổi 2013)';
export const ND_91 = 'Nghị định 91/2017/NĐ-CP';
export const ND_98 = 'Nghị định 98/2023/NĐ-CP';
export const ND_152 = 'Nghị định 152/2025/NĐ-CP';
export const ND_65 = 'Nghị định 65/2014/NĐ-CP';
export const TT_01_2024 = 'Thông tư 01/2024/TT-BNV';
export const TT_29_2023 = 'Thông tư 29/2023/TT-BGDĐT';
export const TT_21_2020 = 'Thông tư 21/2020/TT-BGDĐT';
