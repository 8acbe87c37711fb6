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
  if (set.size === 0) return sig;
  const filled = Uint32Array.from(sig);
  for (let i = 0; i < HASHES; i += 1) {
    if (sig[i] !== EMPTY) continue;
    let j = (i + 1) % HASHES;
    let steps = 1;
    while (sig[j] === EMPTY) {
      j = (j + 1) % HASHES;
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

/** Share of equal slots of rows `x` and `y` of `sigs`. */
function rowSimilarity(sigs: Uint32Array, x: number, y: number): number {
  const a = x * HASHES;
  const b = y * HASHES;
  let same = 0;
  for (let i = 0; i < HASHES; i += 1) if (sigs[a + i] === sigs[b + i]) same += 1;
  return same / HASHES;
}

/**
 * Pairs of named signatures at or above `threshold`, sorted by (a, b). Names must be sorted.
 * Banded LSH on numbers only: per band, files are sorted by a hash of the band's slots and
 * each run of equal hashes gives the candidate pairs; a pair is scored in the first band it
 * shares, so no set of seen pairs is kept (a 10,000-file corpus has millions of candidates).
 */
export function nearDuplicatePairs(items: readonly { name: string; sig: Uint32Array }[], threshold: number): NearDuplicate[] {
  const n = items.length;
  const sigs = new Uint32Array(n * HASHES);
  items.forEach((it, i) => sigs.set(it.sig.subarray(0, HASHES), i * HASHES));
  // key * 2^21 + index stays exact in a double for up to 2^21 files and sorts by key, then index.
  const SPAN = 2 ** 21;
  const order = new Float64Array(n);
  const keys = new Uint32Array(n * BANDS); // keys[i * BANDS + band]: hash of file i's slots in the band
  const members = new Uint32Array(n);
  const found: [x: number, y: number, sim: number][] = [];
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
        members[e - s] = order[e]! - key * SPAN;
        e += 1;
      }
      const size = e - s;
      for (let p = 0; p < size; p += 1) {
        const x = members[p]!;
        for (let q = p + 1; q < size; q += 1) {
          const y = members[q]!;
          if (!sameBand(sigs, x, y, band)) continue; // a hash collision, not a shared band
          // Scored already if an earlier band is shared (equal keys, then equal slots).
          let earlier = false;
          for (let b = 0; b < band && !earlier; b += 1) earlier = keys[x * BANDS + b] === keys[y * BANDS + b] && sameBand(sigs, x, y, b);
          if (earlier) continue;
          const sim = rowSimilarity(sigs, x, y);
          if (sim >= threshold) found.push([x, y, sim]);
        }
      }
      s = e;
    }
  }
  found.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return found.map(([x, y, sim]) => ({ a: items[x]!.name, b: items[y]!.name, similarity: Math.round(sim * 100) / 100 }));
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
  const sha = new Map(items.map((it) => [it.name, it.sha256]));
  // Byte-identical files are corpus/duplicate-file's.
  const pairs = nearDuplicatePairs(items, threshold).filter((p) => sha.get(p.a) !== sha.get(p.b));
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
