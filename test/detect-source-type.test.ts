// Source type: signals carry their evidence, close calls get a low confidence, and a text
// with no marker of any genre is `other` rather than a confident guess.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectSourceType } from '../pipeline/detect/source-type.js';
import { buildPage } from '../pipeline/page.js';

test('every signal names its type, weight and evidence', () => {
  const t = detectSourceType(buildPage('新闻中心\n\n标题\n\n2022-11-24      访问:0\n\n笔者认为，这件事要做好。'));
  assert.ok(t);
  assert.equal(t.value, 'news');
  const ids = t.signals.map((s) => `${s.type}:${s.id}`);
  assert.deepEqual(ids, ['news:news.section-label', 'news:news.publish-time', 'news:news.counter', 'commentary:commentary.author-voice']);
  const label = t.signals[0]!;
  assert.deepEqual(label.evidence, { line: 1, column: 1, text: '新闻中心' });
  const voice = t.signals[3]!;
  assert.deepEqual(voice.evidence, { line: 7, column: 1, text: '笔者' });
});

test('a close call is less certain than a clear one', () => {
  const close = detectSourceType(buildPage('新闻中心\n\n标题\n\n笔者认为，这件事要做好。'))!;
  assert.equal(close.value, 'news');
  const clear = detectSourceType(buildPage('政府工作报告\n——2024年1月20日在某某省第十四届人民代表大会第二次会议上\n省长 李文华\n各位代表：\n现在，我代表省人民政府向大会报告工作。'))!;
  assert.equal(clear.value, 'speech');
  assert.ok(close.confidence < clear.confidence, `${close.confidence} < ${clear.confidence}`);
  assert.ok(close.confidence <= 0.6);
});

test('no marker of any genre: other, with a low confidence; an empty text: null', () => {
  const t = detectSourceType(buildPage('准备面粉五百克，加入温水和酵母搅拌均匀，揉成光滑的面团。'))!;
  assert.equal(t.value, 'other');
  assert.ok(t.confidence <= 0.2);
  assert.deepEqual(t.signals, []);
  assert.equal(detectSourceType(buildPage('  \n ')), null);
});

test('jammer noise needs symbols and letter-digit tokens: English prose is not a jammer', () => {
  const forum = detectSourceType(buildPage('标题\n正文第一句。! y1 { b% b4 U: e5 n3 L 正文第二句。'))!;
  assert.ok(forum.signals.some((s) => s.id === 'forum.jammer'));
  const prose = detectSourceType(buildPage('He is a man of it. So we do as we go to it on a day.'))!;
  assert.ok(!prose.signals.some((s) => s.id === 'forum.jammer'));
});

test('a 注释 list closing a bulletin is not a paper reference list', () => {
  const t = detectSourceType(buildPage('某某县2023年国民经济和社会发展统计公报\n访问量：1\n全年实现生产总值120亿元，同比增长5.0%。\n注释：\n1.本公报中数据均为初步统计数。'))!;
  assert.equal(t.value, 'official');
  assert.ok(!t.signals.some((s) => s.type === 'paper'));
});
