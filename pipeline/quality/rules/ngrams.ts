// Character n-gram repetition, after Gopher (Rae et al. 2021, Table A1; run by FineWeb through
// datatrove's GopherRepetitionFilter), adapted to Chinese:
// - Gopher counts words; Chinese is written without spaces, so a token is one Han character
//   (or one run of Latin letters/digits, i.e. a Latin word or a number).
// - A Gopher word n-gram becomes a token n-gram of n × charsPerWord. Most Modern Chinese words
//   are two characters long (running text averages ~1.6 because of one-character function
//   words); 2 is the conservative choice: longer n-grams repeat less by chance, so fixed
//   expressions (人民币1元对…) in a rate table do not trip the limits.
// - The limits themselves are Gopher's: they are shares of characters, which carry over.
// Repeated blocks and repeated whole lines are left out (their own rules report them).
import { optionsFor } from '../../config.js';
import { codePointLength, evidenceAt, type Page } from '../../page.js';
import { secondCopies } from '../repeated-blocks.js';
import { KeyTable } from '../key-table.js';
import type { QualityRule } from '../rule.js';
import { opt, resolveOptions } from '../rule.js';
import { normalised, percent, tokensOf, type Token } from '../text.js';

/** Gopher: share of characters in the most frequent word n-gram, for n = 2, 3, 4. */
const TOP_LIMITS: readonly [number, number][] = [[2, 0.2], [3, 0.18], [4, 0.16]];
/** Gopher: share of characters in duplicated word n-grams, for n = 5 … 10. */
const DUP_LIMITS: readonly [number, number][] = [[5, 0.15], [6, 0.14], [7, 0.13], [8, 0.12], [9, 0.11], [10, 0.1]];

const CHARS_PER_WORD = { default: 2, minimum: 1, maximum: 4, description: 'tokens (Han characters) per Gopher word when turning word n-grams into character n-grams' };

/** The counted tokens as integer ids, with prefix sums of token lengths in `cum`. */
interface Prepared {
  page: Page;
  tokens: Token[];
  ids: Uint32Array;
  cum: Float64Array;
  total: number;
}

// Two polynomial rolling hashes in 32-bit integer arithmetic (wrapping multiply), with
// different odd bases: an n-gram's key is the pair, so two different n-grams share one with
// odds ~2^-64 per pair, and no floating-point modulo runs in the inner loop.
const B1 = 0x01000193;
const B2 = 0x5bd1e995;

interface NgramKeys {
  a: Int32Array;
  b: Int32Array;
}

/** Rolling hash keys of every n-gram: (a[i], b[i]) is the key of tokens i … i+n−1. */
function ngramKeys(p: Prepared, n: number): NgramKeys {
  const ids = p.ids;
  const count = Math.max(0, ids.length - n + 1);
  const a = new Int32Array(count);
  const b = new Int32Array(count);
  if (count === 0) return { a, b };
  let pw1 = 1;
  let pw2 = 1;
  for (let k = 1; k < n; k += 1) {
    pw1 = Math.imul(pw1, B1);
    pw2 = Math.imul(pw2, B2);
  }
  let h1 = 0;
  let h2 = 0;
  for (let k = 0; k < n; k += 1) {
    h1 = (Math.imul(h1, B1) + ids[k]!) | 0;
    h2 = (Math.imul(h2, B2) + ids[k]!) | 0;
  }
  a[0] = h1;
  b[0] = h2;
  for (let i = 1; i < count; i += 1) {
    h1 = (Math.imul((h1 - Math.imul(ids[i - 1]!, pw1)) | 0, B1) + ids[i + n - 1]!) | 0;
    h2 = (Math.imul((h2 - Math.imul(ids[i - 1]!, pw2)) | 0, B2) + ids[i + n - 1]!) | 0;
    a[i] = h1;
    b[i] = h2;
  }
  return { a, b };
}

function span(tokens: readonly Token[], i: number, n: number): { offset: number; length: number } {
  const a = tokens[i]!;
  return { offset: a.offset, length: tokens[i + n - 1]!.end - a.offset };
}

/**
 * The tokens the n-gram rules count, and the text length they are measured against. Second
 * copies of repeated blocks are left out of both (the copy goes). Lines that repeat an
 * earlier line stay in the length but not in the n-grams: repetition/duplicate-lines reports
 * them, so the n-gram rules measure the repetition *inside* distinct lines.
 */
const prepared = new WeakMap<object, Prepared>();

function prepare(file: Parameters<QualityRule['check']>[0]): Prepared {
  const hit = prepared.get(file);
  if (hit) return hit;
  const page = file.page;
  const copies = secondCopies(file);
  const repeatedLine = new Set<number>();
  const seen = new Set<string>();
  let total = 0;
  page.lines.forEach((l, i) => {
    const key = normalised(l.text);
    if (key === '' || copies.has(i)) return;
    total += codePointLength(key);
    if (seen.has(key)) repeatedLine.add(i);
    else seen.add(key);
  });
  const tokens = tokensOf(page, (i) => copies.has(i) || repeatedLine.has(i));
  const byText = new Map<string, number>();
  const ids = new Uint32Array(tokens.length);
  const cum = new Float64Array(tokens.length + 1);
  tokens.forEach((t, i) => {
    let id = byText.get(t.text);
    if (id === undefined) {
      id = byText.size + 1;
      byText.set(t.text, id);
    }
    ids[i] = id;
    cum[i + 1] = cum[i]! + t.length;
  });
  const p: Prepared = { page, tokens, ids, cum, total };
  prepared.set(file, p);
  return p;
}

const charsOf = (p: Prepared, i: number, n: number): number => p.cum[i + n]! - p.cum[i]!;

interface TopPhrase {
  n: number;
  limit: number;
  share: number;
  i: number;
  count: number;
}

/** The most frequent n-gram that is over its limit (the one furthest over), or null. */
const topCache = new WeakMap<Prepared, Map<number, TopPhrase | null>>();

function topPhrase(p: Prepared, cpw: number): TopPhrase | null {
  let byCpw = topCache.get(p);
  if (!byCpw) {
    byCpw = new Map();
    topCache.set(p, byCpw);
  }
  if (!byCpw.has(cpw)) byCpw.set(cpw, computeTopPhrase(p, cpw));
  return byCpw.get(cpw)!;
}

function computeTopPhrase(p: Prepared, cpw: number): TopPhrase | null {
  const { tokens, total } = p;
  if (total === 0) return null;
  let worst: TopPhrase | null = null;
  for (const [words, limit] of TOP_LIMITS) {
    const n = words * cpw;
    if (tokens.length < n) continue;
    const keys = ngramKeys(p, n);
    const table = new KeyTable(keys.a.length);
    for (let i = 0; i + n <= tokens.length; i += 1) table.count[table.slot(keys.a[i]!, keys.b[i]!, i)]! += 1;
    const top = table.mostFrequent();
    const best = top < 0 ? null : { count: table.count[top]!, first: table.first[top]! };
    if (!best || best.count < 2) continue;
    const share = (charsOf(p, best.first, n) * best.count) / total;
    if (share > limit && (!worst || share / limit > worst.share / worst.limit)) worst = { n, limit, share, i: best.first, count: best.count };
  }
  return worst;
}

export const topNgram: QualityRule = {
  id: 'repetition/top-ngram',
  description: 'One short phrase makes up too much of the text (Gopher top n-gram share, in Chinese characters).',
  tags: ['repetition'],
  severity: 'warning',
  rationale:
    'Gopher: the most frequent 2-, 3-, 4-word n-gram may cover at most 20%, 18%, 16% of the characters. Adapted to Chinese as 4-, 6-, 8-character n-grams (a word ≈ 2 characters; tokens are Han characters or Latin/digit runs).',
  options: { charsPerWord: CHARS_PER_WORD },
  check(file, report, options) {
    if (file.binary) return;
    const p = prepare(file);
    const { page, tokens } = p;
    const worst = topPhrase(p, opt(options, 'charsPerWord'));
    if (!worst) return;
    const s = span(tokens, worst.i, worst.n);
    const at = evidenceAt(page, s.offset, s.length);
    report({
      message: `the ${worst.n}-character phrase "${at.text}" occurs ${worst.count} times and covers ${percent(worst.share)} of the text (limit ${percent(worst.limit)})`,
      measured: Math.round(worst.share * 1000) / 1000,
      threshold: worst.limit,
      at,
    });
  },
};

/** datatrove's find_all_duplicate: characters in n-grams seen before, skipping past each repeat. */
function duplicateChars(p: Prepared, n: number): { chars: number; firstRepeat: number; original: number } {
  const { tokens } = p;
  const keys = ngramKeys(p, n);
  const seen = new KeyTable(keys.a.length);
  let chars = 0;
  let firstRepeat = -1;
  let original = -1;
  let i = 0;
  while (i + n <= tokens.length) {
    const sl = seen.slot(keys.a[i]!, keys.b[i]!, i);
    const before = seen.first[sl]!;
    if (before !== i) {
      chars += charsOf(p, i, n);
      if (firstRepeat < 0) {
        firstRepeat = i;
        original = before;
      }
      i += n;
    } else {
      i += 1;
    }
  }
  return { chars, firstRepeat, original };
}

export const duplicateNgrams: QualityRule = {
  id: 'repetition/duplicate-ngrams',
  description: 'Too much of the text is made of phrases that already occurred (Gopher duplicated n-gram share, in Chinese characters).',
  tags: ['repetition'],
  severity: 'warning',
  rationale:
    'Gopher: characters inside duplicated 5- … 10-word n-grams may be at most 15%, 14%, 13%, 12%, 11%, 10%. Adapted to Chinese as 10- … 20-character n-grams (a word ≈ 2 characters). Silent when repetition/top-ngram fires (one phrase repeated fills both measures).',
  options: { charsPerWord: CHARS_PER_WORD },
  check(file, report, options) {
    if (file.binary) return;
    const p = prepare(file);
    const { page, tokens, total } = p;
    if (total === 0) return;
    const cpw = opt(options, 'charsPerWord');
    // One phrase repeated over and over also fills the duplicated n-grams: repetition/top-ngram speaks for it.
    const top = resolveOptions(topNgram, optionsFor(file.config, topNgram.id));
    if (topPhrase(p, opt(top, 'charsPerWord'))) return;
    let worst: { n: number; limit: number; share: number; at: number; original: number } | null = null;
    for (const [words, limit] of DUP_LIMITS) {
      const n = words * cpw;
      if (tokens.length < 2 * n) continue;
      const d = duplicateChars(p, n);
      const share = d.chars / total;
      if (share > limit && d.firstRepeat >= 0 && (!worst || share / limit > worst.share / worst.limit))
        worst = { n, limit, share, at: d.firstRepeat, original: d.original };
    }
    if (!worst) return;
    const s = span(tokens, worst.at, worst.n);
    const o = span(tokens, worst.original, worst.n);
    report({
      message: `${percent(worst.share)} of the characters are in ${worst.n}-character sequences that occurred earlier (limit ${percent(worst.limit)})`,
      measured: Math.round(worst.share * 1000) / 1000,
      threshold: worst.limit,
      at: evidenceAt(page, s.offset, s.length),
      related: [evidenceAt(page, o.offset, o.length)],
    });
  },
};
