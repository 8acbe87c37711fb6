// The near-duplicate signature of a text — `signature(shingles(text, n))` of
// corpus/near-duplicates.ts, value for value — in one pass over its char codes: no NFKC-folded
// copy of the text, no token strings, no Set of shingles.
//
// Tokens: the NFKC-folded, lower-cased text matched with /\p{Script=Han}|[\p{L}\p{N}]+/gu (a
// Han character alone, else a run of letters and digits, which runs on through Han characters
// as the regex does), each hashed with FNV-1a over its UTF-16 units.
//
// NFKC and lower-casing are applied per character from a table filled lazily (each distinct
// character is folded once per process). That equals folding the whole text whenever every
// folded character is a "safe starter": stable, not a combining mark (marks reorder and
// compose with what precedes them), not a Hangul jamo (L+V, LV+T compose), and not capital
// sigma (its lower case depends on the next letter); variation selectors are the one kind of
// mark let through (class 0, they compose with nothing). A text with any other character is
// folded whole and tokenised with the regex (`referenceTokens`): the same tokens.

import { densify } from '../corpus/near-duplicates.js';

const HAN = 1;
const WORD = 2; // \p{L} or \p{N}

const HAN_RE = /^\p{Script=Han}$/u;
const WORD_RE = /^[\p{L}\p{N}]$/u;
const MARK_RE = /\p{M}/u;
const TOKEN_G = /\p{Script=Han}|[\p{L}\p{N}]+/gu;

/** A character folded on its own: the code points of lower(NFKC(c)) and their classes,
 *  or null code points when it cannot be folded apart from its neighbours. */
interface Folded {
  cps: number[] | null;
  cls: number[];
}

// BMP characters that fold to one BMP character (nearly all) in one flat table:
// INFO[c] = 0 not seen yet, 1 unsafe, 2 several characters (MULTI),
// else (folded << 8) | (class << 4) | 3.
const INFO = new Int32Array(0x10000);
const MULTI = new Map<number, Folded>();
const ASTRAL = new Map<number, Folded>();
const ASTRAL_CACHE_MAX = 8192;

function safeFolded(cp: number): boolean {
  if (cp >= 0xd800 && cp <= 0xdfff) return false;
  if (cp >= 0x1100 && cp <= 0x11ff) return false;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return true;
  if (cp > 0xffff) {
    // Astral planes only where no character composes with its neighbour: CJK extensions and
    // compatibility ideographs, emoji and symbols, mathematical alphanumerics.
    const ok = (cp >= 0x20000 && cp <= 0x3ffff) || (cp >= 0x1f000 && cp <= 0x1faff) || (cp >= 0x1d400 && cp <= 0x1d7ff);
    if (!ok) return false;
  }
  const s = String.fromCodePoint(cp);
  return !MARK_RE.test(s) && s.normalize('NFKC') === s;
}

function classOf(cp: number): number {
  const s = String.fromCodePoint(cp);
  return (HAN_RE.test(s) ? HAN : 0) | (WORD_RE.test(s) ? WORD : 0);
}

function fold(cp: number): Folded {
  const nfkc = String.fromCodePoint(cp).normalize('NFKC');
  if (nfkc.includes('\u03a3')) return { cps: null, cls: [] };
  const cps: number[] = [];
  for (const ch of nfkc.toLowerCase()) {
    const m = ch.codePointAt(0)!;
    if (!safeFolded(m)) return { cps: null, cls: [] };
    cps.push(m);
  }
  return { cps, cls: cps.map(classOf) };
}

function learnBmp(c: number): number {
  const f = fold(c);
  let info: number;
  if (f.cps === null) info = 1;
  else if (f.cps.length === 1 && f.cps[0]! <= 0xffff) info = (f.cps[0]! << 8) | (f.cls[0]! << 4) | 3;
  else {
    info = 2;
    MULTI.set(c, f);
  }
  INFO[c] = info;
  return info;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Token hashes of the current text, int32 (grown as needed, reused across files). */
let tokens: Int32Array = new Int32Array(4096);
let count = 0;

function grow(buf: Int32Array): Int32Array {
  const bigger = new Int32Array(buf.length * 2);
  bigger.set(buf);
  return bigger;
}

/** Feeds one code point's UTF-16 units to an FNV-1a state. */
function feed(h: number, cp: number): number {
  if (cp <= 0xffff) return Math.imul(h ^ cp, FNV_PRIME);
  const hi = 0xd800 + ((cp - 0x10000) >> 10);
  const lo = 0xdc00 + ((cp - 0x10000) & 0x3ff);
  return Math.imul(Math.imul(h ^ hi, FNV_PRIME) ^ lo, FNV_PRIME);
}

/** FNV-1a of a string's UTF-16 units. */
function fnv1a(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i += 1) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** The tokens of the text folded per character; false when it must be folded whole. */
function foldedTokens(text: string): boolean {
  // Locals, not the module's variables, in the loop (stored back at the end).
  let buf: Int32Array = tokens;
  let cnt = 0;
  let inRun = false;
  let h = 0;
  const n = text.length;
  for (let i = 0; i < n; i += 1) {
    const c = text.charCodeAt(i);
    let info = INFO[c]!;
    if (info === 0) info = learnBmp(c);
    // Most characters: one folded BMP character.
    if ((info & 3) === 3) {
      const cls = (info >> 4) & 3;
      const m = info >>> 8;
      if (inRun) {
        if (cls & WORD) {
          h = Math.imul(h ^ m, FNV_PRIME);
          continue;
        }
        if (cnt === buf.length) buf = grow(buf);
        buf[cnt++] = h;
        inRun = false;
      }
      if (cls & HAN) {
        if (cnt === buf.length) buf = grow(buf);
        buf[cnt++] = Math.imul(FNV_OFFSET ^ m, FNV_PRIME);
      } else if (cls & WORD) {
        inRun = true;
        h = Math.imul(FNV_OFFSET ^ m, FNV_PRIME);
      }
      continue;
    }
    let f: Folded | undefined;
    if (info === 2) f = MULTI.get(c)!;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // A surrogate pair (learnBmp marked both halves unsafe on their own).
      const d = text.charCodeAt(i + 1);
      if (d < 0xdc00 || d > 0xdfff) return false;
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      i += 1;
      f = ASTRAL.get(cp);
      if (!f) {
        f = fold(cp);
        // Bounded: a hostile text of a million distinct astral characters must not grow it for ever.
        if (ASTRAL.size < ASTRAL_CACHE_MAX) ASTRAL.set(cp, f);
      }
    }
    if (!f || f.cps === null) return false;
    const { cps, cls } = f;
    for (let k = 0; k < cps.length; k += 1) {
      const m = cps[k]!;
      const cl = cls[k]!;
      if (inRun) {
        if (cl & WORD) {
          h = feed(h, m);
          continue;
        }
        if (cnt === buf.length) buf = grow(buf);
        buf[cnt++] = h;
        inRun = false;
      }
      if (cl & HAN) {
        if (cnt === buf.length) buf = grow(buf);
        buf[cnt++] = feed(FNV_OFFSET, m);
      } else if (cl & WORD) {
        inRun = true;
        h = feed(FNV_OFFSET, m);
      }
    }
  }
  if (inRun) {
    if (cnt === buf.length) buf = grow(buf);
    buf[cnt++] = h;
  }
  tokens = buf;
  count = cnt;
  return true;
}

/** The tokens the reference way: fold the whole text, then the regex. */
function referenceTokens(text: string): void {
  const list = text.normalize('NFKC').toLowerCase().match(TOKEN_G) ?? [];
  while (tokens.length < list.length) tokens = grow(tokens);
  list.forEach((t, i) => (tokens[i] = fnv1a(t)));
  count = list.length;
}

/** murmur3's finaliser, as int32 bits. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Fixed seed of the bin hash: the first splitmix32 step from 0x9e3779b9 (SEEDS[0] of the
 *  near-duplicate check's original code, whose signatures these are, value for value). */
const SEED = mix32(0x3c6ef372);
const EMPTY = 0xffffffff;
const SIGN = 0x80000000 | 0;

/** Shingle hashes of the current text (grown as needed, reused across files). */
let shingleHashes: Int32Array = new Int32Array(4096);

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava
 * 2017) of the current tokens' `n`-token shingles (one shingle of all tokens when there are
 * fewer). A shingle's hash chains its tokens through the mixer (unrolled for the default
 * five tokens; other lengths advance all chains one token at a time). int32 arithmetic throughout (the same bits as uint32, modulo
 * 2^32), so the loops never leave small integers: a bin keeps its minimum with the sign bit
 * flipped (signed order = unsigned order), and the bin index is taken in 16-bit halves.
 */
function minhash(n: number, hashes: number): Uint32Array {
  const buf = tokens;
  const width = Math.min(n, count);
  const windows = count - width + 1;
  while (shingleHashes.length < windows) shingleHashes = grow(shingleHashes);
  const hs = shingleHashes;
  // First every shingle's hash, then the bins: two simple loops run faster than one.
  if (width === 5) {
    // The default shingle, unrolled: the window's tokens slide through locals.
    let t0 = buf[0]!;
    let t1 = buf[1]!;
    let t2 = buf[2]!;
    let t3 = buf[3]!;
    for (let i = 0; i < windows; i += 1) {
      const t4 = buf[i + 4]!;
      let h = mix32(FNV_OFFSET ^ t0) | 0;
      h = (mix32(h ^ t1) + 1) | 0;
      h = (mix32(h ^ t2) + 2) | 0;
      h = (mix32(h ^ t3) + 3) | 0;
      hs[i] = (mix32(h ^ t4) + 4) | 0;
      t0 = t1;
      t1 = t2;
      t2 = t3;
      t3 = t4;
    }
  } else {
    hs.fill(FNV_OFFSET, 0, windows);
    for (let k = 0; k < width; k += 1) {
      for (let i = 0; i < windows; i += 1) hs[i] = (mix32(hs[i]! ^ buf[i + k]!) + k) | 0;
    }
  }
  const mins = new Int32Array(hashes).fill(EMPTY ^ SIGN);
  // (v as uint32) mod hashes, in 16-bit halves so every step stays a small integer.
  const high = 0x10000 % hashes;
  for (let i = 0; i < windows; i += 1) {
    const v = mix32(mix32(hs[i]!) ^ SEED);
    const bin = (((v >>> 16) % hashes) * high + (v & 0xffff)) % hashes;
    const key = mix32(v ^ 0x5bd1e995) ^ SIGN;
    if (key < mins[bin]!) mins[bin] = key;
  }
  const sig = new Uint32Array(hashes);
  for (let i = 0; i < hashes; i += 1) sig[i] = (mins[i]! ^ SIGN) >>> 0;
  return densify(sig);
}

/** The MinHash signature of the text's `n`-token shingles, or null when it has no token. */
export function textSignature(text: string, n: number, hashes: number): Uint32Array | null {
  if (!foldedTokens(text)) referenceTokens(text);
  return count === 0 ? null : minhash(n, hashes);
}

/** Test hook: the signature computed the reference way (whole-text fold and the regex). */
export function referenceSignature(text: string, n: number, hashes: number): Uint32Array | null {
  referenceTokens(text);
  return count === 0 ? null : minhash(n, hashes);
}

/** Test hook: whether the text takes the one-pass path. */
export function foldsPerCharacter(text: string): boolean {
  return foldedTokens(text);
}
