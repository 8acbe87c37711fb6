// The single-pass helpers of the quality rules against the plain definitions they replace:
// regex tokens, iconv-lite's encoder, normalised(), and n-gram counts done with Maps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { buildPage, codePointLength } from '../pipeline/page.js';
import { isHan, isSpace } from '../pipeline/quality/char-class.js';
import { lineKeys } from '../pipeline/quality/line-keys.js';
import { NgramCounts } from '../pipeline/quality/ngram-stats.js';
import { encodeRange } from '../pipeline/quality/reencode.js';
import { normalised } from '../pipeline/quality/text.js';
import { tokenize, type Tokens } from '../pipeline/quality/tokens.js';
import { prng } from '../scripts/bench/generate-corpus.js';

// A deterministic generator (mulberry32) and an alphabet with every class the scanners branch on.
const ALPHABET = ['中', '国', '發', '揮', '的', 'a', 'B', 'z', '7', 'Ｑ', 'ｑ', '５', ' ', '\u3000', '\u200b', '\ufeff', '\u00a0', '，', '。', '\t', 'é', 'ã', '\u{20000}', '\u{2f800}', '\ud800', '\udc00', '😀', '々', '〇', '锟', '\n'];
function randomText(rand: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i += 1) s += ALPHABET[Math.floor(rand() * ALPHABET.length)]!;
  return s;
}

test('isSpace and isHan answer as /\\s/ and /\\p{Script=Han}/ do, for every BMP code unit and the astral Han planes', () => {
  for (let c = 0; c < 0x10000; c += 1) {
    const ch = String.fromCharCode(c);
    assert.equal(isSpace(c), /^\s$/u.test(ch), `U+${c.toString(16)}`);
    assert.equal(isHan(c), /^\p{Script=Han}$/u.test(ch), `U+${c.toString(16)}`);
  }
  for (const cp of [0x16fe2, 0x20000, 0x2a6df, 0x2f800, 0x30000, 0x1f600, 0x10000]) assert.equal(isHan(cp), /^\p{Script=Han}$/u.test(String.fromCodePoint(cp)));
});

const TOKEN_G = /\p{Script=Han}|[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/gu;

test('tokenize finds the tokens of the regex definition, lower-cased, with offsets and lengths', () => {
  const rand = prng(1);
  for (let round = 0; round < 200; round += 1) {
    const page = buildPage(randomText(rand, 1 + Math.floor(rand() * 80)));
    const include = (i: number): boolean => i % 3 !== 1;
    const t = tokenize(page.lines, include);
    const expected = page.lines.flatMap((l, i) => (include(i) ? [...l.text.matchAll(TOKEN_G)].map((m) => ({ text: m[0].toLowerCase(), start: l.offset + m.index })) : []));
    assert.equal(t.count, expected.length);
    expected.forEach((e, k) => {
      assert.equal(t.start[k], e.start);
      assert.equal(t.end[k], e.start + e.text.length);
      assert.equal(t.cum[k + 1]! - t.cum[k]!, codePointLength(e.text));
      for (let j = 0; j < k; j += 1) assert.equal(t.ids[j] === t.ids[k], expected[j]!.text === e.text, `${expected[j]!.text} / ${e.text}`);
    });
  }
});

test('encodeRange writes the bytes iconv-lite writes, surrogates included', () => {
  const rand = prng(2);
  for (let round = 0; round < 300; round += 1) {
    const s = randomText(rand, 2 + Math.floor(rand() * 30)) + 'ä¸­æ–‡鍏徃€';
    const from = Math.floor(rand() * 3);
    for (const codec of ['gbk', 'windows-1252'] as const) assert.deepEqual([...encodeRange(s, from, s.length, codec)], [...iconv.encode(s.slice(from), codec)], `${codec} ${JSON.stringify(s)}`);
  }
});

test('lineKeys equals normalised() and its code point length on every line', () => {
  const rand = prng(3);
  const text = Array.from({ length: 400 }, () => randomText(rand, Math.floor(rand() * 12)).replace(/\n/gu, '')).join('\n') + '\n a\nb \na  b\nab';
  const page = buildPage(text);
  const { keys, chars } = lineKeys(page);
  page.lines.forEach((l, i) => {
    assert.equal(keys[i], normalised(l.text), JSON.stringify(l.text));
    assert.equal(chars[i], codePointLength(normalised(l.text)));
  });
});

/** The n-gram measures the slow way: string keys in a Map. */
function naive(t: Tokens, n: number): { count: number; first: number; dupChars: number; firstRepeat: number; original: number } {
  const key = (i: number): string => Array.from(t.ids.subarray(i, i + n)).join(',');
  const counts = new Map<string, { count: number; first: number }>();
  for (let i = 0; i + n <= t.count; i += 1) {
    const e = counts.get(key(i)) ?? { count: 0, first: i };
    e.count += 1;
    counts.set(key(i), e);
  }
  let best = { count: 0, first: 0 };
  for (const e of counts.values()) if (e.count > best.count || (e.count === best.count && e.first < best.first)) best = e;
  const seen = new Map<string, number>();
  let dupChars = 0;
  let firstRepeat = -1;
  let original = -1;
  for (let i = 0; i + n <= t.count; ) {
    const before = seen.get(key(i));
    if (before === undefined) {
      seen.set(key(i), i);
      i += 1;
    } else {
      dupChars += t.cum[i + n]! - t.cum[i]!;
      if (firstRepeat < 0) [firstRepeat, original] = [i, before];
      i += n;
    }
  }
  return { ...best, dupChars, firstRepeat, original };
}

test('NgramCounts gives the counts and duplicates of the plain algorithm, and bounds above them', () => {
  const rand = prng(4);
  for (let round = 0; round < 60; round += 1) {
    // A small alphabet and copied stretches, so that n-grams repeat at every length.
    let text = '';
    while (text.length < 300) text += rand() < 0.3 && text.length > 20 ? text.slice(Math.floor(rand() * (text.length - 20))).slice(0, 5 + Math.floor(rand() * 25)) : '天地人和ab1'[Math.floor(rand() * 7)]!;
    const t = tokenize(buildPage(text).lines, () => true);
    const counts = new NgramCounts(t);
    for (const n of [1, 2, 3, 4, 6, 8, 13]) {
      const want = naive(t, n);
      assert.deepEqual(counts.frequent(n), want.count >= 2 ? { count: want.count, first: want.first } : null, `frequent ${n}`);
      if (want.count >= 2) assert.ok(counts.frequentBound(n) >= want.count * (t.cum[want.first + n]! - t.cum[want.first]!), `frequent bound ${n}`);
    }
    const base = 3 + (round % 5);
    for (let n = base; n <= 2 * base; n += 1) {
      const want = naive(t, n);
      assert.deepEqual(counts.duplicated(n, base), { chars: want.dupChars, firstRepeat: want.firstRepeat, original: want.original }, `duplicated ${n} from ${base}`);
      assert.ok(counts.duplicateBound(n, base) >= want.dupChars, `duplicate bound ${n}`);
    }
  }
});
