// Normalisation applied to both sides before an INDEX cell is compared with a detected value,
// so that values a reader would call equal never disagree.
//
// - NFKC folds full-width ASCII letters, digits and punctuation to half-width (（ → (, ； → ;,
//   ？ → ?, ： → :) and the ideographic space U+3000 to a plain space.
// - Curly, corner and guillemet quotes fold to " and ', the dash family to -, middle dots to ·.
// - Whitespace next to a non-ASCII character is dropped (in Chinese text a space is layout, not
//   meaning: 努力做好公安工作 促进社会长治久安 = 努力做好公安工作促进社会长治久安); other runs
//   collapse to one space. Latin letters compare case-insensitively.
// - Control and bidi characters are dropped (the write mode never writes them into a cell).
import { INERT } from './render-cell.js';

const DOUBLE_QUOTES = /[“”„‟«»「」『』〝〞〟＂]/gu;
const SINGLE_QUOTES = /[‘’‚‛‹›]/gu;
const DASHES = /[‐‑‒–—―−]/gu;
const MIDDLE_DOTS = /[・•‧∙]/gu;
const SPACE_RUN = /\s+/gu;
/** A single space with a non-ASCII character on either side (after SPACE_RUN collapsed runs). */
const SPACE_BY_WIDE = /(?<=[^\u0000-\u007f]) | (?=[^\u0000-\u007f])/gu;

export function normaliseText(s: string): string {
  return s
    .replace(INERT, '')
    .normalize('NFKC')
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(MIDDLE_DOTS, '·')
    .replace(SPACE_RUN, ' ')
    .trim()
    .replace(SPACE_BY_WIDE, '')
    .toLowerCase();
}

/** True when the two strings are equal after normalisation. */
export function sameText(a: string, b: string): boolean {
  return normaliseText(a) === normaliseText(b);
}
