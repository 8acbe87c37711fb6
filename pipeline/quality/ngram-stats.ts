// The two Gopher n-gram measures over integer tokens (tokens.ts), with cheap upper bounds
// that let the rules skip an n that cannot reach its limit (on ordinary text, all of them).
//
// - Most frequent n-gram: its count is at most the count of its rarest token, so
//   max over windows of (rarest token count × window length) bounds its share; exact counts
//   (one hash pass) are taken only when that bound is over the limit.
// - Duplicated n-grams, for base ≤ n ≤ 2·base: an n-gram occurs twice only if the base-grams
//   at both of its ends do, and then it is the pair of their classes. So one hash pass gives
//   the base-gram classes, and each n is a pass over the positions whose two base-grams repeat.
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

/** The m-gram at every position, as a class id when it occurs twice or more (else −1). */
interface Classes {
  m: number;
  cls: Int32Array;
  /** Ascending positions whose m-gram occurs twice or more, and those of them that are not its first occurrence. */
  repeated: Int32Array;
  later: Int32Array;
}

const table = new KeyTable();

function power(base: number, n: number): number {
  let p = 1;
  for (let k = 0; k < n; k += 1) p = Math.imul(p, base);
  return p;
}

export class NgramCounts {
  private prefix?: { p1: Int32Array; p2: Int32Array };
  /** minCount[k][i]: the count of the rarest token in tokens i … i+2^k−1. */
  private readonly minCount: Int32Array[] = [];
  private readonly classes = new Map<number, Classes>();

  constructor(readonly tokens: Tokens) {}

  /** An upper bound on (count × code points) of any n-gram: the share numerator of the most frequent one. */
  frequentBound(n: number): number {
    const { count, cum } = this.tokens;
    if (n < 1 || count < n) return 0;
    let k = 0;
    while (2 << k <= n) k += 1;
    const mins = this.minCounts(k);
    const off = n - (1 << k);
    let max = 0;
    for (let i = 0; i + n <= count; i += 1) {
      const a = mins[i]!;
      const b = mins[i + off]!;
      const v = (a < b ? a : b) * (cum[i + n]! - cum[i]!);
      if (v > max) max = v;
    }
    return max;
  }

  /** The most frequent n-gram (ties: the earliest), or null when none occurs twice. */
  frequent(n: number): Frequent | null {
    const { count } = this.tokens;
    const { p1, p2 } = this.prefixes();
    const pw1 = power(B1, n);
    const pw2 = power(B2, n);
    table.reset(count);
    let bestCount = 1;
    let bestFirst = -1;
    for (let i = 0; i + n <= count; i += 1) {
      const s = table.slot((p1[i + n]! - Math.imul(p1[i]!, pw1)) | 0, (p2[i + n]! - Math.imul(p2[i]!, pw2)) | 0, i);
      const c = table.increment(s);
      // Counts only grow, so this ends on the highest count, earliest first among ties.
      if (c > bestCount || (c === bestCount && bestFirst >= 0 && table.first[s]! < bestFirst)) {
        bestCount = c;
        bestFirst = table.first[s]!;
      }
    }
    return bestFirst >= 0 ? { count: bestCount, first: bestFirst } : null;
  }

  /** An upper bound on duplicated(n, base).chars: code points under n-grams that repeat an earlier one. */
  duplicateBound(n: number, base: number): number {
    const { count, cum } = this.tokens;
    const { cls, later } = this.classesOf(base);
    const off = n - base;
    let chars = 0;
    let coveredTo = 0;
    // A first occurrence of its base-gram is the first of its n-gram too: never a repeat.
    for (let k = 0; k < later.length; k += 1) {
      const i = later[k]!;
      if (i + n > count) break;
      if (cls[i + off]! < 0) continue;
      chars += cum[i + n]! - cum[i > coveredTo ? i : coveredTo]!;
      coveredTo = i + n;
    }
    return chars;
  }

  /** datatrove's find_all_duplicate for n (base ≤ n ≤ 2·base); an n-gram that occurs once is never a repeat. */
  duplicated(n: number, base: number): Duplicated {
    if (n < base || n > 2 * base) throw new Error(`n-gram ${n} is not made of two ${base}-grams`);
    const { count, cum } = this.tokens;
    const { cls, repeated } = this.classesOf(base);
    const off = n - base;
    table.reset(repeated.length); // room for every candidate: the table never fills
    const d: Duplicated = { chars: 0, firstRepeat: -1, original: -1 };
    // The scan steps one position at a time, or n past a repeat; positions whose base-gram
    // occurs once hold unique n-grams, so it only stops at `repeated` ones (k follows i).
    let i = 0;
    for (let k = 0; k < repeated.length; k += 1) {
      const p = repeated[k]!;
      if (p < i) continue; // jumped over
      if (p + n > count) break;
      i = p;
      const b = cls[i + off]!;
      if (b < 0) continue;
      const s = table.slot(cls[i]!, b, i);
      const before = table.first[s]!;
      if (before === i) continue;
      d.chars += cum[i + n]! - cum[i]!;
      if (d.firstRepeat < 0) {
        d.firstRepeat = i;
        d.original = before;
      }
      i += n;
    }
    return d;
  }

  private prefixes(): { p1: Int32Array; p2: Int32Array } {
    if (this.prefix) return this.prefix;
    const { count, ids } = this.tokens;
    const p1 = new Int32Array(count + 1);
    const p2 = new Int32Array(count + 1);
    for (let i = 0; i < count; i += 1) {
      p1[i + 1] = (Math.imul(p1[i]!, B1) + ids[i]!) | 0;
      p2[i + 1] = (Math.imul(p2[i]!, B2) + ids[i]!) | 0;
    }
    this.prefix = { p1, p2 };
    return this.prefix;
  }

  /** minCount[k], built by doubling from the token counts. */
  private minCounts(k: number): Int32Array {
    const { count, ids, vocabulary } = this.tokens;
    if (this.minCount.length === 0) {
      const seen = new Int32Array(vocabulary);
      for (let i = 0; i < count; i += 1) seen[ids[i]!]! += 1;
      const m = new Int32Array(count);
      for (let i = 0; i < count; i += 1) m[i] = seen[ids[i]!]!;
      this.minCount.push(m);
    }
    while (this.minCount.length <= k) {
      const prev = this.minCount[this.minCount.length - 1]!;
      const half = 1 << (this.minCount.length - 1);
      const m = new Int32Array(Math.max(0, prev.length - half));
      for (let i = 0; i < m.length; i += 1) m[i] = Math.min(prev[i]!, prev[i + half]!);
      this.minCount.push(m);
    }
    return this.minCount[k]!;
  }

  /** The m-gram classes, from one hash pass over every position. */
  private classesOf(m: number): Classes {
    const hit = this.classes.get(m);
    if (hit) return hit;
    const { count } = this.tokens;
    const { p1, p2 } = this.prefixes();
    const pw1 = power(B1, m);
    const pw2 = power(B2, m);
    const starts = Math.max(0, count - m + 1);
    // Open addressing over positions: a slot holds the first position of its m-gram + 1, and
    // the keys live in per-position arrays, so the table is 4 bytes a slot (it stays in cache).
    let cap = 16;
    while (cap < starts * 2) cap *= 2;
    const shift = 32 - Math.log2(cap);
    const slots = scratchSlots(cap);
    const ka = new Int32Array(starts);
    const kb = new Int32Array(starts);
    // cls[i]: the first position of the m-gram at i (its class id until singletons go);
    // counts are kept at that first position.
    const cls = new Int32Array(starts);
    const counts = new Int32Array(starts);
    for (let i = 0; i < starts; i += 1) {
      const a = (p1[i + m]! - Math.imul(p1[i]!, pw1)) | 0;
      const b = (p2[i + m]! - Math.imul(p2[i]!, pw2)) | 0;
      ka[i] = a;
      kb[i] = b;
      let s = Math.imul(a ^ Math.imul(b, 0x85ebca6b), 0x9e3779b1) >>> shift;
      for (;;) {
        const e = slots[s]!;
        if (e === 0) {
          slots[s] = i + 1;
          cls[i] = i;
          break;
        }
        if (ka[e - 1] === a && kb[e - 1] === b) {
          cls[i] = e - 1;
          break;
        }
        s = (s + 1) & (cap - 1);
      }
      counts[cls[i]!]! += 1;
    }
    let repeatedCount = 0;
    let laterCount = 0;
    for (let i = 0; i < starts; i += 1) {
      if (counts[cls[i]!]! < 2) cls[i] = -1;
      else {
        repeatedCount += 1;
        if (cls[i] !== i) laterCount += 1;
      }
    }
    const repeated = new Int32Array(repeatedCount);
    const later = new Int32Array(laterCount);
    for (let i = 0, r = 0, l = 0; i < starts; i += 1) {
      if (cls[i]! < 0) continue;
      repeated[r++] = i;
      if (cls[i] !== i) later[l++] = i;
    }
    const c: Classes = { m, cls, repeated, later };
    this.classes.set(m, c);
    return c;
  }
}

let slotScratch = new Int32Array(0);

/** A zeroed slot array of `cap` entries, reused between calls (a huge one left by a huge file is dropped). */
function scratchSlots(cap: number): Int32Array {
  if (slotScratch.length < cap || (slotScratch.length > 1 << 20 && cap * 8 < slotScratch.length)) slotScratch = new Int32Array(cap);
  else slotScratch.fill(0, 0, cap);
  return slotScratch;
}
