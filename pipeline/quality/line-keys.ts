// Every line's comparison key (normalised text) and its length, computed once per page:
// repeated blocks, the duplicate-line/paragraph fractions, the n-gram rules and the title
// rule all compare lines by this key.
import type { Page } from '../page.js';
import { codePointLength } from '../page.js';
import { isSpace } from './char-class.js';
import { normalised } from './text.js';

export interface LineKeys {
  /** normalised(line.text) per page line ('' for a blank line). */
  keys: readonly string[];
  /** Code points in each key. */
  chars: Int32Array;
}

const memo = new WeakMap<Page, LineKeys>();

/** Code points of text when normalised(text) === text (no zero-width character, only single inner spaces), else −1. */
function lengthIfNormal(text: string): number {
  let n = 0;
  let prevSpace = true; // a leading space is trimmed: not normal
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) return -1;
    const space = isSpace(c) || c === 0x3000;
    if (space && (c !== 0x20 || prevSpace)) return -1;
    prevSpace = space;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 0xd800 && p <= 0xdbff) continue; // low half of a pair: the pair counted once
    }
    n += 1;
  }
  return prevSpace && text.length > 0 ? -1 : n;
}

export function lineKeys(page: Page): LineKeys {
  let hit = memo.get(page);
  if (hit) return hit;
  const keys: string[] = [];
  const chars = new Int32Array(page.lines.length);
  page.lines.forEach((l, i) => {
    const n = lengthIfNormal(l.text);
    const key = n >= 0 ? l.text : normalised(l.text);
    keys.push(key);
    chars[i] = n >= 0 ? n : codePointLength(key);
  });
  hit = { keys, chars };
  memo.set(page, hit);
  return hit;
}
