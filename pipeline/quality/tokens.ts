// The tokens of the n-gram rules as integers, in one pass over the char codes: no regex
// match, token object or lower-cased string per token (a 20 KB page has ~8,000 tokens).
// A token is one Han character or a run of Latin letters / digits (half- or full-width),
// compared case-insensitively: /\p{Script=Han}|[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+/u, lower-cased.
import type { PageLine } from '../page.js';
import { codePointAt, isHan } from './char-class.js';

export interface Tokens {
  count: number;
  /** Equal ids ⇔ equal (lower-cased) tokens. A Han character or a one-character run is its
   *  own code point (lower-cased); longer runs get ids above the Unicode range. */
  ids: Int32Array;
  /** UTF-16 offsets of each token's start and end in the page text. */
  start: Int32Array;
  end: Int32Array;
  /** cum[i] = code points in tokens 0 … i−1. */
  cum: Int32Array;
}

/** Lower-cased Latin letter or digit of the token class, or −1. */
function latin(c: number): number {
  if (c < 0x80) {
    if (c >= 0x61 && c <= 0x7a) return c;
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    return c >= 0x30 && c <= 0x39 ? c : -1;
  }
  if (c >= 0xff10 && c <= 0xff19) return c;
  if (c >= 0xff21 && c <= 0xff3a) return c + 32;
  return c >= 0xff41 && c <= 0xff5a ? c : -1;
}

const FIRST_RUN_ID = 0x110000;

/** The tokens of the lines for which `include(index)` is true, in order. */
export function tokenize(lines: readonly PageLine[], include: (index: number) => boolean): Tokens {
  let room = 0;
  for (let li = 0; li < lines.length; li += 1) if (include(li)) room += lines[li]!.text.length;
  const ids = new Int32Array(room);
  const start = new Int32Array(room);
  const end = new Int32Array(room);
  const cum = new Int32Array(room + 1);
  const runIds = new Map<string, number>();
  let n = 0;
  for (let li = 0; li < lines.length; li += 1) {
    if (!include(li)) continue;
    const { text, offset } = lines[li]!;
    for (let i = 0; i < text.length; ) {
      const c = text.charCodeAt(i);
      const l = latin(c);
      if (l >= 0) {
        let j = i + 1;
        while (j < text.length && latin(text.charCodeAt(j)) >= 0) j += 1;
        let id = l;
        if (j - i > 1) {
          const key = text.slice(i, j).toLowerCase();
          const known = runIds.get(key);
          id = known ?? FIRST_RUN_ID + runIds.size;
          if (known === undefined) runIds.set(key, id);
        }
        ids[n] = id;
        start[n] = offset + i;
        end[n] = offset + j;
        cum[n + 1] = cum[n]! + (j - i);
        n += 1;
        i = j;
        continue;
      }
      const cp = c < 0x2e80 ? c : codePointAt(text, i);
      const width = cp > 0xffff ? 2 : 1;
      if (isHan(cp)) {
        ids[n] = cp;
        start[n] = offset + i;
        end[n] = offset + i + width;
        cum[n + 1] = cum[n]! + 1;
        n += 1;
      }
      i += width;
    }
  }
  return { count: n, ids, start, end, cum };
}
