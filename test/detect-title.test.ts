// Title: evidence and confidence, and the rules fixtures cannot show on their own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectKeywords } from '../pipeline/detect/keywords.js';
import { detectTitle } from '../pipeline/detect/title.js';
import { buildPage } from '../pipeline/page.js';

test('a title printed twice around its header line: high confidence, evidence at the first copy', () => {
  const t = detectTitle(buildPage('新闻中心\n\n关于加快推进市域社会治理现代化的思考\n\n2022-11-24      访问:0\n\n关于加快推进市域社会治理现代化的思考\n\n正文第一段说明了事情的经过，写得足够长，成为一个完整的段落。'));
  assert.ok(t);
  assert.equal(t.value, '关于加快推进市域社会治理现代化的思考');
  assert.deepEqual(t.evidence, { line: 3, column: 1, text: t.value });
  assert.ok(t.confidence >= 0.8);
});

test('a markdown heading: the evidence column skips the # marks', () => {
  const t = detectTitle(buildPage('## （检例第201号）姚某某等人网络诈骗案\n\n【关键词】\n\n网络诈骗  分类处理\n\n【要旨】'));
  assert.deepEqual(t?.evidence, { line: 1, column: 4, text: '（检例第201号）姚某某等人网络诈骗案' });
});

test('a lone headline above its paragraph is less certain than a marked title', () => {
  const t = detectTitle(buildPage('春节假期全省道路交通安全形势平稳\n春节假期，全省公安交管部门全力以赴做好道路交通安全管理工作，全省未发生较大以上道路交通事故。'));
  assert.ok(t);
  assert.ok(t.confidence < 0.8);
});

test('site chrome, a section name and nav menu words are never titles', () => {
  assert.equal(detectTitle(buildPage('首页\n>\n工作动态\n工作动态\n正文第一段说明了事情的经过，写得足够长，成为一个完整的段落。')), null);
  assert.equal(detectTitle(buildPage('关注\n推荐\n热榜\n付费咨询\n正文第一段说明了事情的经过，写得足够长，成为一个完整的段落。')), null);
});

test('keywords: values and the evidence of the list', () => {
  const k = detectKeywords(buildPage('标题\n关键词：社会治理；市域治理；社会治理\n正文。'));
  assert.deepEqual(k?.values, ['社会治理', '市域治理']);
  assert.deepEqual(k?.evidence, { line: 2, column: 5, text: '社会治理；市域治理；社会治理' });
  assert.equal(detectKeywords(buildPage('做好群众工作的关键词是真诚。')), null);
});
