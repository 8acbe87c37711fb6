// The near-duplicate signature: the one-pass fold gives the signature of the whole-text fold
// (NFKC, lower case, the token regex), or declines the text so the whole-text fold is used;
// both equal the near-duplicate check's own `signature(shingles(text, n))`, value for value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { HASHES, shingles, signature, similarity } from '../pipeline/corpus/near-duplicates.js';
import { packageRoot } from '../pipeline/paths.js';
import { foldsPerCharacter, referenceSignature, textSignature } from '../pipeline/stages/sketch-tokens.js';

function same(text: string, n = 5): boolean {
  const fast = textSignature(text, n, HASHES);
  const ref = referenceSignature(text, n, HASHES);
  const set = shingles(text, n);
  const original = set.size === 0 ? null : signature(set);
  if (fast === null || ref === null || original === null) return fast === null && ref === null && original === null;
  return Buffer.from(fast.buffer).equals(Buffer.from(ref.buffer)) && Buffer.from(fast.buffer).equals(Buffer.from(original.buffer));
}

const seeds = (): string[] => {
  const dir = path.join(packageRoot, 'seeds');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => readFileSync(path.join(dir, n), 'utf8'));
};

test('the seeds fold per character, to the whole-text signature', () => {
  const texts = seeds();
  assert.ok(texts.length > 0);
  for (const t of texts) {
    assert.equal(foldsPerCharacter(t), true);
    assert.equal(same(t), true);
  }
});

test('folding: full-width forms, compatibility characters, Latin runs through Han, case', () => {
  const texts = [
    '今年公安工作怎么干？全国公安厅局长会议精神关键点提示，２０２４年１０月５日',
    'ＡＢＣ中文ｄｅｆ１２３，abc中文 DEF 456…… ㈠㈡ ①② ﬁﬂ ㎏ ™ Ⅻ ⅻ ½ ￥ 　',
    'GDP增长5.2%，CPI上涨0.2%；“十四五”规划 www.gov.cn 2024-01-01 12:00',
    '⺀⺁ 〇〆々 丨 兀 (compat 豈 更) ⼀⼆ Kangxi',
    'Istanbul ÀÉÎÕÜ àéîõü ß ẞ Ǆǅǆ',
    '𠀀𠀁 emoji 😀👍 ❤️ 𝐀𝐁𝐂 𝟏𝟐 中文𠀀abc',
    '',
    '，。！？、 —— …',
    '短',
    '一二三四五六七八九十',
  ];
  for (const t of texts) {
    assert.equal(foldsPerCharacter(t), true, t);
    for (const n of [1, 3, 5]) assert.equal(same(t, n), true, `${n}: ${t}`);
  }
});

test('texts whose folding depends on neighbours take the whole-text fold', () => {
  // A combining accent composes with its letter; capital sigma's lower case depends on the
  // next letter; Hangul jamo compose into syllables; İ lower-cases to i + a combining dot; a
  // lone surrogate is not text.
  for (const t of ['cafe\u0301 中文', 'İstanbul', 'ΟΔΟΣ 中文', '\u1100\u1161\u11a8 中文', 'abc\ud800中文']) {
    assert.equal(foldsPerCharacter(t), false, t);
    assert.equal(same(t), true, t);
  }
  // The composed and decomposed spellings are one text.
  assert.deepEqual(textSignature('café 中文公安机关', 5, HASHES), textSignature('cafe\u0301 中文公安机关', 5, HASHES));
});

test('random mixes of ASCII, CJK, punctuation and full-width forms', () => {
  let x = 12345;
  const rnd = (k: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % k;
  };
  const pool = [...'abcXYZ019 \n\t，。“”（）【】：；！？、ＡＢｃ１２　…—·中国公安年月日的一是在了和有大这', '𠀀', '😀', '㈠', '①', 'ﬁ', 'e\u0301'];
  for (let k = 0; k < 300; k += 1) {
    let t = '';
    const len = rnd(120);
    for (let i = 0; i < len; i += 1) t += pool[rnd(pool.length)]!;
    assert.equal(same(t, 1 + rnd(6)), true, JSON.stringify(t));
  }
});

test('similarity: a copy with other punctuation and furniture is near, another text is far', () => {
  const [a, b] = seeds();
  const body = a!.slice(0, 3000);
  const copy = `首页 > 新闻\n${body.replace(/，/gu, ',').replace(/\n/gu, '\n\n')}\n版权所有`;
  const sa = textSignature(body, 5, HASHES)!;
  assert.ok(similarity(sa, textSignature(copy, 5, HASHES)!) >= 0.9);
  assert.ok(similarity(sa, textSignature(b!.slice(0, 3000), 5, HASHES)!) < 0.2);
});
