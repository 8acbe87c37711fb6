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
import { evidenceAt, type Page } from '../../page.js';
import type { SeedFile } from '../../seed-file.js';
import { lineKeys } from '../line-keys.js';
import { NgramCounts } from '../ngram-stats.js';
import { blockMinChars, secondCopies } from '../repeated-blocks.js';
import type { QualityRule } from '../rule.js';
import { opt, resolveOptions } from '../rule.js';
import { percent } from '../text.js';
import { tokenize, type Tokens } from '../tokens.js';
import { pageMemo } from '../page-memo.js';

/** Gopher: share of characters in the most frequent word n-gram, for n = 2, 3, 4. */
const TOP_LIMITS: readonly [number, number][] = [[2, 0.2], [3, 0.18], [4, 0.16]];
/** Gopher: share of characters in duplicated word n-grams, for n = 5 … 10. */
const DUP_LIMITS: readonly [number, number][] = [[5, 0.15], [6, 0.14], [7, 0.13], [8, 0.12], [9, 0.11], [10, 0.1]];

const CHARS_PER_WORD = { default: 2, minimum: 1, maximum: 4, description: 'tokens (Han characters) per Gopher word when turning word n-grams into character n-grams' };

/** The counted tokens, the text length they are measured against, and their n-gram counts. */
interface Prepared {
  page: Page;
  tokens: Tokens;
  total: number;
  counts: NgramCounts;
  top: Map<number, TopPhrase | null>;
}

function span(t: Tokens, i: number, n: number): { offset: number; length: number } {
  return { offset: t.start[i]!, length: t.end[i + n - 1]! - t.start[i]! };
}

/**
 * The tokens the n-gram rules count, and the text length they are measured against. Second
 * copies of repeated blocks are left out of both (the copy goes). Lines that repeat an
 * earlier line stay in the length but not in the n-grams: repetition/duplicate-lines reports
 * them, so the n-gram rules measure the repetition *inside* distinct lines.
 */
const prepared = pageMemo<Prepared>();

function prepare(file: SeedFile): Prepared {
  const page = file.page;
  const min = blockMinChars(file);
  return prepared(page, min, () => {
    const copies = secondCopies(file);
    const { keys, chars } = lineKeys(page);
    const counted = new Uint8Array(keys.length);
    const seen = new Set<string>();
    let total = 0;
    keys.forEach((key, i) => {
      if (copies.has(i)) return;
      counted[i] = 1; // blank lines hold no tokens
      if (key === '') return;
      total += chars[i]!;
      if (seen.has(key)) counted[i] = 0;
      else seen.add(key);
    });
    const tokens = tokenize(page.lines, (i) => counted[i] === 1);
    return { page, tokens, total, counts: new NgramCounts(tokens), top: new Map() };
  });
}

const charsOf = (p: Prepared, i: number, n: number): number => p.tokens.cum[i + n]! - p.tokens.cum[i]!;

interface TopPhrase {
  n: number;
  limit: number;
  share: number;
  i: number;
  count: number;
}

/** The most frequent n-gram that is over its limit (the one furthest over), or null. */
function topPhrase(p: Prepared, cpw: number): TopPhrase | null {
  if (!p.top.has(cpw)) p.top.set(cpw, computeTopPhrase(p, cpw));
  return p.top.get(cpw)!;
}

function computeTopPhrase(p: Prepared, cpw: number): TopPhrase | null {
  const { tokens, total, counts } = p;
  if (total === 0) return null;
  let worst: TopPhrase | null = null;
  for (const [words, limit] of TOP_LIMITS) {
    const n = words * cpw;
    if (tokens.count < n) continue;
    // Skip an n whose best possible share cannot beat the limit or the worst so far.
    const bound = counts.frequentBound(n) / total;
    if (bound <= limit || (worst && bound / limit <= worst.share / worst.limit)) continue;
    const best = counts.frequent(n);
    if (!best) continue;
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
    const base = DUP_LIMITS[0]![0] * cpw; // every n here is at most twice the shortest
    for (const [words, limit] of DUP_LIMITS) {
      const n = words * cpw;
      if (tokens.count < 2 * n) continue;
      const bound = p.counts.duplicateBound(n, base) / total;
      if (bound <= limit || (worst && bound / limit <= worst.share / worst.limit)) continue;
      const d = p.counts.duplicated(n, base);
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
