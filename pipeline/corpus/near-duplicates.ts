// Corpus stage: files that share most of their text (the same article scraped twice, with
// different furniture or light edits). MinHash over character shingles, LSH banding for the
// candidate pairs, and the MinHash estimate of Jaccard similarity reported for each pair.
//
// Parameters follow FineWeb's MinHash deduplication (datatrove: 5-gram shingles, 112 hashes,
// pairs at ≥ 0.75 similarity treated as duplicates), adapted to Chinese: a shingle is 5 tokens,
// a token being a Han character or a run of Latin letters/digits, taken after NFKC folding and
// with punctuation and whitespace dropped, so a copy that differs only in full-/half-width
// punctuation or line breaks is still a copy. FineWeb's 14 bands × 8 rows target ~0.72; we
// report from 0.75 and use 28 bands × 4 rows to find candidates, which misses a pair at 0.75
// with probability (1 − 0.75⁴)²⁸ ≈ 2·10⁻⁵ instead of ~0.2.
//
// MinHash is a few lines of arithmetic; the npm packages for it are unmaintained or seed their
// hash functions with Math.random (the manifest must be byte-for-byte deterministic).
import { optionsFor, severityFor, type Config } from '../config.js';
import { diagnostic } from '../diagnostic.js';
import type { CorpusContext, CorpusResult } from './context.js';
import { decodeSignature } from './sketch-codec.js';

export const RULE_ID = 'corpus/near-duplicate';
export const DEFAULTS = { threshold: 0.75, shingle: 5 };
export const HASHES = 112;
const BANDS = 28;
const ROWS = HASHES / BANDS;

const TOKEN_G = /\p{Script=Han}|[\p{L}\p{N}]+/gu;

/**
 * Shingles of `n` tokens of the NFKC-folded, lower-cased text, as 32-bit hashes: each token is
 * hashed once and a shingle's hash combines its tokens' hashes, so no shingle string is built.
 */
export function shingles(text: string, n: number): Set<number> {
  const tokens = text.normalize('NFKC').toLowerCase().match(TOKEN_G) ?? [];
  const out = new Set<number>();
  if (tokens.length === 0) return out;
  const th = tokens.map(fnv1a);
  const width = Math.min(n, th.length);
  for (let i = 0; i + width <= th.length; i += 1) {
    let h = 0x811c9dc5;
    for (let k = 0; k < width; k += 1) h = mix((h ^ th[i + k]!) >>> 0) + k;
    out.add(mix(h >>> 0));
  }
  return out;
}

/** 32-bit FNV-1a of the UTF-16 code units. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: a good 32-bit mixer, used with a per-permutation seed. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds (splitmix32 from a constant): the same signatures on every run. */
const SEEDS: number[] = (() => {
  const out: number[] = [];
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i += 1) {
    x = (x + 0x9e3779b9) >>> 0;
    out.push(mix(x));
  }
  return out;
})();

/**
 * One-permutation MinHash (Li, Owen & Zhang 2012) with rotation densification (Shrivastava
 * 2017): each shingle is hashed once and lands in one of HASHES bins, keeping the bin's
 * minimum; an empty bin borrows from the next non-empty one. One hash per shingle instead of
 * HASHES, with the same collision probability = Jaccard similarity per slot.
 */
export function signature(set: ReadonlySet<number>): Uint32Array {
  const EMPTY = 0xffffffff;
  const sig = new Uint32Array(HASHES).fill(EMPTY);
  const seed = SEEDS[0]!;
  for (const h of set) {
    const v = mix(h ^ seed);
    const bin = v % HASHES;
    const rest = mix(v ^ 0x5bd1e995);
    if (rest < sig[bin]!) sig[bin] = rest;
  }
  return set.size === 0 ? sig : densify(sig);
}

/** Rotation densification: each empty bin (all ones) borrows the next filled bin's value. */
export function densify(sig: Uint32Array): Uint32Array {
  const EMPTY = 0xffffffff;
  const n = sig.length;
  const filled = Uint32Array.from(sig);
  for (let i = 0; i < n; i += 1) {
    if (sig[i] !== EMPTY) continue;
    let j = (i + 1) % n;
    let steps = 1;
    while (sig[j] === EMPTY) {
      j = (j + 1) % n;
      steps += 1;
    }
    // Offset by the distance so borrowed values do not collide by accident across documents.
    filled[i] = mix(sig[j]! + steps * 0x9e3779b9);
  }
  return filled;
}

/** Share of equal signature slots: the MinHash estimate of the Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i += 1) if (a[i] === b[i]) same += 1;
  return same / HASHES;
}

export interface NearDuplicate {
  a: string;
  b: string;
  similarity: number;
}

/** Do signatures `x` and `y` (rows of `sigs`) agree on every slot of band `band`? */
function sameBand(sigs: Uint32Array, x: number, y: number, band: number): boolean {
  const a = x * HASHES + band * ROWS;
  const b = y * HASHES + band * ROWS;
  for (let k = 0; k < ROWS; k += 1) if (sigs[a + k] !== sigs[b + k]) return false;
  return true;
}

/** Share of equal slots of rows `x` and `y` of `sigs`, or -1 as soon as it cannot reach `min`. */
function rowSimilarity(sigs: Uint32Array, x: number, y: number, min: number): number {
  const a = x * HASHES;
  const b = y * HASHES;
  const allowed = HASHES - Math.ceil(min * HASHES - 1e-9); // unequal slots that still reach min
  let differ = 0;
  for (let i = 0; i < HASHES; i += 1) if (sigs[a + i] !== sigs[b + i] && ++differ > allowed) return -1;
  return (HASHES - differ) / HASHES;
}

/** Earlier files of one LSH bucket a file is compared with (see nearDuplicatePairs). */
export const PARTNERS_PER_BUCKET = 16;

/**
 * Each file's most similar earlier file (by name) at or above `threshold`: at most one pair
 * per file, as (a, b) with a before b, sorted. Names must be sorted; files with the same
 * sha256 are never paired (they are exact duplicates).
 *
 * Banded LSH on numbers only: per band, files are sorted by a hash of the band's slots, and
 * each file is compared with the first PARTNERS_PER_BUCKET files of its bucket. A cluster of k
 * copies of one page then costs k comparisons, not k²/2, and is reported as k − 1 files that
 * repeat the earliest, not as every pair (a generated 100,000-file corpus has 5 million).
 */
export function nearDuplicatePairs(items: readonly { name: string; sig: Uint32Array; sha256?: string }[], threshold: number): NearDuplicate[] {
  const n = items.length;
  const sigs = new Uint32Array(n * HASHES);
  items.forEach((it, i) => sigs.set(it.sig.subarray(0, HASHES), i * HASHES));
  // key * 2^21 + index stays exact in a double for up to 2^21 files and sorts by key, then index.
  const SPAN = 2 ** 21;
  const order = new Float64Array(n);
  const members = new Uint32Array(n);
  const best = new Float64Array(n).fill(-1);
  const partner = new Int32Array(n).fill(-1);
  // Per file and band: the bucket's key and the file's rank in it, to tell whether a pair was
  // compared in an earlier band (same bucket, and the earlier file among the first ranks).
  const keys = new Uint32Array(n * BANDS);
  const ranks = new Uint32Array(n * BANDS);
  for (let band = 0; band < BANDS; band += 1) {
    for (let i = 0; i < n; i += 1) {
      let h = band;
      for (let k = 0; k < ROWS; k += 1) h = mix((h ^ sigs[i * HASHES + band * ROWS + k]!) >>> 0);
      keys[i * BANDS + band] = h;
      order[i] = h * SPAN + i;
    }
    order.sort();
    for (let s = 0; s < n; ) {
      const key = Math.floor(order[s]! / SPAN);
      let e = s;
      while (e < n && Math.floor(order[e]! / SPAN) === key) {
        const i = order[e]! - key * SPAN;
        members[e - s] = i;
        ranks[i * BANDS + band] = e - s;
        e += 1;
      }
      // Members come in name order: each is compared with the earliest few before it.
      for (let q = 1; q < e - s; q += 1) {
        const y = members[q]!;
        if (best[y] === 1) continue; // nothing is more similar than an equal signature
        for (let p = 0; p < q && p < PARTNERS_PER_BUCKET; p += 1) {
          const x = members[p]!;
          if (!sameBand(sigs, x, y, band)) continue; // a hash collision, not a shared band
          let seen = false;
          for (let b = 0; b < band && !seen; b += 1) {
            seen = keys[x * BANDS + b] === keys[y * BANDS + b] && ranks[x * BANDS + b]! < PARTNERS_PER_BUCKET && sameBand(sigs, x, y, b);
          }
          if (seen) continue;
          if (items[x]!.sha256 !== undefined && items[x]!.sha256 === items[y]!.sha256) continue;
          const sim = rowSimilarity(sigs, x, y, Math.max(threshold, best[y]!));
          if (sim >= threshold && (sim > best[y]! || (sim === best[y]! && x < partner[y]!))) {
            best[y] = sim;
            partner[y] = x;
          }
        }
      }
      s = e;
    }
  }
  const out: NearDuplicate[] = [];
  for (let y = 0; y < n; y += 1) {
    const x = partner[y]!;
    if (x >= 0) out.push({ a: items[x]!.name, b: items[y]!.name, similarity: Math.round(best[y]! * 100) / 100 });
  }
  return out.sort((p, q) => (p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0));
}

function numberOption(config: Config, name: string, fallback: number): number {
  const v = optionsFor(config, RULE_ID)[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** The configured shingle length (tokens per shingle). */
export function shingleSize(config: Config): number {
  return Math.max(1, Math.round(numberOption(config, 'shingle', DEFAULTS.shingle)));
}

export async function findNearDuplicates(ctx: CorpusContext): Promise<CorpusResult> {
  if (severityFor(ctx.config, RULE_ID, 'warning') === 'off') return { messages: [], nearDuplicates: [] };
  const threshold = numberOption(ctx.config, 'threshold', DEFAULTS.threshold);
  const n = shingleSize(ctx.config);
  // Each record carries its text's signature (the `sketch` file stage), so no file is read
  // again here — and in changed-files mode a reused record's file is not read at all.
  const items: { name: string; sig: Uint32Array; sha256: string }[] = [];
  for (const r of ctx.records) {
    const sig = r.minhash === undefined ? null : decodeSignature(r.minhash, HASHES);
    if (sig) items.push({ name: r.file, sig, sha256: r.sha256 });
  }
  items.sort((p, q) => (p.name < q.name ? -1 : p.name > q.name ? 1 : 0));
  // Byte-identical files are corpus/duplicate-file's: never paired here.
  const pairs = nearDuplicatePairs(items, threshold);
  const messages = pairs.map((p) =>
    diagnostic(ctx.seedPath(p.b), {
      ruleId: RULE_ID,
      severity: 'warning',
      message: `shares most of its text with ${p.a}: similarity ${p.similarity.toFixed(2)} (MinHash estimate of the Jaccard similarity of ${n}-character shingles; reported from ${threshold})`,
      measured: p.similarity,
      threshold,
      actual: p.a,
    }),
  );
  return { messages, nearDuplicates: pairs };
}
