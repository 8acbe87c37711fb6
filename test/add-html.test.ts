// HTML → seed text for `npm run add`: which parts are dropped, where lines break, and how an
// HTML file is recognised and its declared charset read.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlToText, isHtml } from '../pipeline/add/html-text.js';
import { declaredCharset, toSeedText } from '../pipeline/add/source-text.js';

test('scripts, styles, head, nav, header, footer, aside and hidden elements are dropped', () => {
  const html = `<html><head><title>T</title><style>p{}</style></head><body>
    <header>站点</header><nav>首页</nav><script>x()</script><noscript>请启用</noscript>
    <p>正文第一段</p><div hidden>隐藏</div><span aria-hidden="true">图标</span>
    <aside>侧栏</aside><footer>版权</footer></body></html>`;
  assert.equal(htmlToText(html), '正文第一段\n');
});

test('blocks and <br> break lines; inline elements and whitespace inside a line do not', () => {
  const html = '<div><h1>标题</h1><p>第一<b>段</b>\n   继续</p><p>甲<br>乙<br/><br>丙</p><ul><li>一</li><li>二</li></ul></div>';
  assert.equal(htmlToText(html), '标题\n第一段 继续\n甲\n乙\n丙\n一\n二\n');
});

test('table rows are lines, cells share them; <pre> keeps its line breaks; entities are decoded', () => {
  const html = '<table><tr><th>项目</th><td>数量</td></tr><tr><td>案件</td><td>12</td></tr></table><pre>第一行\n第二行</pre><p>&lt;a&gt; &amp; &quot;b&quot;&nbsp;&#x4E2D;</p>';
  assert.equal(htmlToText(html), '项目 数量\n案件 12\n第一行\n第二行\n<a> & "b" 中\n');
});

test('a page with no text left is empty', () => {
  assert.equal(htmlToText('<html><head><title>x</title></head><body><nav>menu</nav></body></html>'), '');
  const r = toSeedText(Buffer.from('<!doctype html><html><body><footer>版权</footer></body></html>'), 'page.html');
  assert.deepEqual(r, { error: 'the page has no text outside scripts, styles, navigation, header and footer' });
});

test('an HTML file is recognised by its name or its first markup, not by a tag in plain text', () => {
  assert.ok(isHtml('page.HTM', ''));
  assert.ok(isHtml('x.txt', '\n  <!DOCTYPE html><html>'));
  assert.ok(isHtml('x.txt', '<?xml version="1.0"?>\n<!-- saved --><html lang="zh">'));
  assert.ok(!isHtml('x.txt', '文章里提到了 <html> 标签'));
  assert.ok(!isHtml('x.txt', '<!-- an unclosed comment'));
});

test('the declared charset is read from <meta charset> or http-equiv Content-Type', () => {
  assert.equal(declaredCharset(Buffer.from('<meta charset="GBK">')), 'gbk');
  assert.equal(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />')), 'gb2312');
  assert.equal(declaredCharset(Buffer.from('<p>charset=utf-8</p>')), null);
});

test('plain text keeps its content; only the line ends and the encoding change', () => {
  const r = toSeedText(Buffer.from('\uFEFF第一行\r\n第二行\r第三行\n', 'utf8'), 'a.txt');
  assert.deepEqual(r, { text: '第一行\n第二行\n第三行\n', encoding: 'utf-8 with BOM', lineEnding: 'mixed', html: false });
  assert.deepEqual(toSeedText(Buffer.alloc(0), 'a.txt'), { error: 'the file is empty' });
});
