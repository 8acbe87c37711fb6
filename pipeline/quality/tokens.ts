// The tokens of the n-gram rules as integers, in one pass over the char codes: no regex
// match, token object or lower-cased string per token (a 20 KB page has ~8,000 tokens).
// A token is one Han character or a run of Latin letters / digits (half- or full-width),
// compared case-insensitively: /\p{Script=Han}|[A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+/u, lower-cased.
import type { PageLine } from '../page.js';
import { codePointAt, isHan } from './char-class.js';

export interface Tokens {
  count: number;
  /** Equal ids ⇔ equal (lower-cased) tokens; ids are 0 … vocabulary−1, in order of first use. */
  ids: Int32Array;
  vocabulary: number;
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

/** Per code point: its id + 1 in the current call, for Han characters and one-character runs
 *  (a single code point once lower-cased). Entries are cleared before tokenize returns. */
let idOf: Int32Array | undefined;

class Vocabulary {
  size = 0;
  private readonly touched: number[] = [];
  private readonly runs = new Map<string, number>();
  constructor(private readonly table: Int32Array) {}

  ofCodePoint(cp: number): number {
    const known = this.table[cp]!;
    if (known > 0) return known - 1;
    this.touched.push(cp);
    this.table[cp] = ++this.size;
    return this.size - 1;
  }

  ofRun(lowerCased: string): number {
    let id = this.runs.get(lowerCased);
    if (id === undefined) {
      id = this.size++;
      this.runs.set(lowerCased, id);
    }
    return id;
  }

  clear(): void {
    for (const cp of this.touched) this.table[cp] = 0;
  }
}

/** The tokens of the lines for which `include(index)` is true, in order. */
export function tokenize(lines: readonly PageLine[], include: (index: number) => boolean): Tokens {
  let room = 0;
  for (let li = 0; li < lines.length; li += 1) if (include(li)) room += lines[li]!.text.length;
  const ids = new Int32Array(room);
  const start = new Int32Array(room);
  const end = new Int32Array(room);
  const cum = new Int32Array(room + 1);
  const vocabulary = new Vocabulary((idOf ??= new Int32Array(0x110000)));
  let n = 0;
  try {
    for (let li = 0; li < lines.length; li += 1) {
      if (!include(li)) continue;
      const { text, offset } = lines[li]!;
      for (let i = 0; i < text.length; ) {
        const c = text.charCodeAt(i);
        const l = latin(c);
        let id = -1;
        let next = i + 1;
        if (l >= 0) {
          while (next < text.length && latin(text.charCodeAt(next)) >= 0) next += 1;
          id = next - i === 1 ? vocabulary.ofCodePoint(l) : vocabulary.ofRun(text.slice(i, next).toLowerCase());
        } else if (c >= 0x2e80) {
          const cp = c >= 0xd800 && c <= 0xdbff ? codePointAt(text, i) : c;
          if (cp > 0xffff) next += 1;
          if (isHan(cp)) id = vocabulary.ofCodePoint(cp);
        }
        if (id >= 0) {
          ids[n] = id;
          start[n] = offset + i;
          end[n] = offset + next;
          // A Han token is one code point; a run is ASCII or full-width forms, one unit each.
          cum[n + 1] = cum[n]! + (l >= 0 ? next - i : 1);
          n += 1;
        }
        i = next;
      }
    }
  } finally {
    vocabulary.clear();
  }
  return { count: n, ids, vocabulary: vocabulary.size, start, end, cum };
}
