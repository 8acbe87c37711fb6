// The two Gopher n-gram measures over integer tokens (tokens.ts), for any n, computed on
// demand and sharing work between the n values.
//
// Only n-grams that occur twice can be the most frequent one (count ≥ 2) or a duplicate, and
// an n-gram occurs twice only if each of its sub-grams does. So once some m < n is counted,
// the n-gram at i is hashed only when the m-grams at i and at i+n−m both repeat; the rest of
// the positions are known to hold n-grams that occur once. The same facts bound the measures
// from above (bounds below), which lets the rules skip an n that cannot reach its limit.
import { KeyTable } from './key-table.js';
import type { Tokens } from './tokens.js';

// Two polynomial hashes in 32-bit integer arithmetic (wrapping multiply), with different
// odd bases: an n-gram's key is the pair, so two different n-grams share one with odds
// ~2^-64 per pair. Prefix hashes give any n-gram's key in O(1).
const B1 = 0x01000193;
const B2 = 0x5bd1e995;

export interface Frequent {
  /** Occurrences of the most frequent n-gram (ties: the earliest), and its first token. */
  count: number;
  first: number;
}

export interface Duplicated {
  /** datatrove's find_all_duplicate: code points in n-grams seen before, skipping past each repeat. */
  chars: number;
  /** The first repeat and the earlier n-gram it repeats (token indices), or −1. */
  firstRepeat: number;
  original: number;
}

interface Level {
  n: number;
  /** Per start position: a class id shared by equal n-grams that occur twice or more, else −1. */
  cls: Int32Array;
  /** Class ids are below this. */
  classes: number;
  /** The most frequent n-gram if one occurs twice, else null. */
  frequent: Frequent | null;
  /** The highest count (1 when every n-gram occurs once, 0 when there is none). */
  maxCount: number;
}

const table = new KeyTable();

function power(base: number, n: number): number {
  let p = 1;
  for (let k = 0; k < n; k += 1) p = Math.imul(p, base);
  return p;
}

export class NgramCounts {
  private readonly p1: Int32Array;
  private readonly p2: Int32Array;
  private readonly levels = new Map<number, Level>();
  private readonly dups = new Map<number, Duplicated>();

  constructor(readonly tokens: Tokens) {
    const { count, ids } = tokens;
    this.p1 = new Int32Array(count + 1);
    this.p2 = new Int32Array(count + 1);
    for (let i = 0; i < count; i += 1) {
      this.p1[i + 1] = (Math.imul(this.p1[i]!, B1) + ids[i]!) | 0;
      this.p2[i + 1] = (Math.imul(this.p2[i]!, B2) + ids[i]!) | 0;
    }
  }

  /** The most frequent n-gram, or null when none occurs twice. */
  frequent(n: number): Frequent | null {
    return this.level(n).frequent;
  }

  /** An upper bound on any n-gram's count. */
  countBound(n: number): number {
    const base = this.base(n);
    return base ? base.maxCount : Math.max(0, this.tokens.count - n + 1);
  }

  /** The most code points any n consecutive tokens hold. */
  maxWindowChars(n: number): number {
    const cum = this.tokens.cum;
    let max = 0;
    for (let i = 0; i + n <= this.tokens.count; i += 1) max = Math.max(max, cum[i + n]! - cum[i]!);
    return max;
  }

  /** An upper bound on duplicated(n).chars: the code points under n-grams that may occur twice. */
  duplicateBound(n: number): number {
    const { count, cum } = this.tokens;
    const base = this.base(n);
    let chars = 0;
    let coveredTo = 0;
    for (let i = 0; i + n <= count; i += 1) {
      if (base && (base.cls[i]! < 0 || base.cls[i + n - base.n]! < 0)) continue;
      const from = Math.max(i, coveredTo);
      chars += cum[i + n]! - cum[from]!;
      coveredTo = i + n;
    }
    return chars;
  }

  /** datatrove's find_all_duplicate for n; an n-gram that occurs once can never be a repeat. */
  duplicated(n: number): Duplicated {
    const hit = this.dups.get(n);
    if (hit) return hit;
    const { cls, classes } = this.level(n);
    const cum = this.tokens.cum;
    // Per class: the first position visited (the one a later repeat points back to), or −1.
    const visited = new Int32Array(classes).fill(-1);
    const d: Duplicated = { chars: 0, firstRepeat: -1, original: -1 };
    for (let i = 0; i + n <= this.tokens.count; ) {
      const c = cls[i]!;
      if (c < 0) i += 1;
      else if (visited[c]! < 0) {
        visited[c] = i;
        i += 1;
      } else {
        d.chars += cum[i + n]! - cum[i]!;
        if (d.firstRepeat < 0) {
          d.firstRepeat = i;
          d.original = visited[c]!;
        }
        i += n;
      }
    }
    this.dups.set(n, d);
    return d;
  }

  /** The counted level with the largest m ≤ n, if any. */
  private base(n: number): Level | undefined {
    let best: Level | undefined;
    for (const l of this.levels.values()) if (l.n <= n && (!best || l.n > best.n)) best = l;
    return best;
  }

  private level(n: number): Level {
    const hit = this.levels.get(n);
    if (hit) return hit;
    const total = this.tokens.count;
    const last = total - n; // last start of an n-gram
    const base = this.base(n);
    const mayRepeat = (i: number): boolean => !base || (base.cls[i]! >= 0 && base.cls[i + n - base.n]! >= 0);
    let expected = 0;
    for (let i = 0; i <= last; i += 1) if (mayRepeat(i)) expected += 1;
    table.reset(expected);
    const { p1, p2 } = this;
    const pw1 = power(B1, n);
    const pw2 = power(B2, n);
    const cls = new Int32Array(Math.max(0, last + 1)).fill(-1);
    let best = -1;
    let bestCount = last >= 0 ? 1 : 0;
    let bestFirst = 0;
    for (let i = 0; i <= last; i += 1) {
      if (!mayRepeat(i)) continue;
      const s = table.slot((p1[i + n]! - Math.imul(p1[i]!, pw1)) | 0, (p2[i + n]! - Math.imul(p2[i]!, pw2)) | 0, i);
      const c = table.increment(s);
      cls[i] = s;
      // Counts only grow, so the last update is the highest count, earliest first among ties.
      if (c > bestCount || (c === bestCount && best >= 0 && table.first[s]! < bestFirst)) {
        best = s;
        bestCount = c;
        bestFirst = table.first[s]!;
      }
    }
    for (let i = 0; i <= last; i += 1) if (cls[i]! >= 0 && table.count(cls[i]!) < 2) cls[i] = -1;
    const level: Level = { n, cls, classes: table.capacity, frequent: bestCount >= 2 ? { count: bestCount, first: bestFirst } : null, maxCount: bestCount };
    this.levels.set(n, level);
    return level;
  }
}
