// The write mode's pure core: which cells it fills, which it keeps, where new rows go, count,
// and that a second run changes nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseIndex } from '../pipeline/index/parse.js';
import { escapeCell } from '../pipeline/index/render-cell.js';
import { rewriteIndex, type RewriteResult } from '../pipeline/index/write.js';
import { FRONT_MATTER, TABLE_HEAD, buildRecord } from './helpers/index-record.js';

const A = '000_0123456789abcdef.txt';
const B = '001_1111111111111111.txt';
const C = '002_2222222222222222.txt';
const D = '003_3333333333333333.txt';

const recA = buildRecord({ file: A, type: 'news', title: '关于加快推进市域社会治理现代化的思考', date: '2022-11-24 day published', author: { anonymous: true } });
const recB = buildRecord({
  file: B,
  type: 'paper',
  author: { role: '副市长、公安局局长', affiliation: '江苏省徐州市' },
  region: { scope: 'prefecture', province: { name: '江苏省', code: '32' }, prefecture: { name: '徐州市', code: '3203' } },
});
const recC = buildRecord({ file: C, type: 'forum', title: '今年公安工作怎么干?', date: '2024-01-14 day inferred', region: { scope: 'national' } });
const recD = buildRecord({ file: D, type: 'official', title: 'a | b *c*', date: '2023-05 month published', author: { name: '公安部', organisation: true } });

function ok(r: RewriteResult): Extract<RewriteResult, { ok: true }> {
  assert.ok(r.ok, r.ok ? '' : r.reason);
  return r;
}

const row = (f: string, cells = '|  |  |  |  |  |'): string => `| [${f}](${f}) ${cells}`;

test('empty cells are filled from detection, `—` where the page shows none; written cells are kept', () => {
  const text = `${FRONT_MATTER(2)}\n# Corpus\n\nSome prose.\n\n${TABLE_HEAD}${row(A, '| 手写标题 |  | 2022-11 |  | — |')}\n${row(B)}\n\nAfter the table.\n`;
  const r = ok(rewriteIndex({ text, files: [A, B], records: [recA, recB] }));
  const lines = r.text.split('\n');
  assert.equal(lines[15], row(A, '| 手写标题 | news | 2022-11 | anonymous | — |'));
  assert.equal(lines[16], row(B, '| — | paper | — | (副市长、公安局局长; 江苏省徐州市) | 江苏省 徐州市 |'));
  assert.ok(r.text.startsWith(`${FRONT_MATTER(2)}\n# Corpus\n\nSome prose.\n\n`), 'front matter and prose kept');
  assert.ok(r.text.endsWith('\n\nAfter the table.\n'), 'prose after the table kept');
  assert.deepEqual(r.changes, [
    { file: A, line: 16, fields: ['type', 'author'], added: false },
    { file: B, line: 17, fields: ['title', 'type', 'date', 'author', 'region'], added: false },
  ]);
  assert.equal(r.count, null, 'count was already right');
  assert.equal(ok(rewriteIndex({ text: r.text, files: [A, B], records: [recA, recB] })).text, r.text, 'second run changes nothing');
});

test('rows are added for files without one, in sequence order, and count follows the folder', () => {
  const text = `${FRONT_MATTER(2)}\n${TABLE_HEAD}${row(B, '| t | paper | — | — | — |')}\n`;
  const r = ok(rewriteIndex({ text, files: [A, B, C, D], records: [recA, recB, recC, recD] }));
  const rows = parseIndex(r.text).rows.map((x) => x.cells.file.text);
  assert.deepEqual(rows, [A, B, C, D]);
  assert.match(r.text, /^count: 4$/mu);
  assert.deepEqual(r.count, { from: 2, to: 4 });
  assert.equal(r.text.split('\n').find((l) => l.includes(C)), row(C, '| 今年公安工作怎么干? | forum | 2024-01-14 | — | national |'));
  assert.equal(r.text.split('\n').find((l) => l.includes(D)), row(D, '| a \\| b \\*c\\* | official | 2023-05 | 公安部 | — |'));
  assert.deepEqual(
    r.changes.map((c) => [c.file, c.line, c.added]),
    [[A, 12, true], [C, 14, true], [D, 15, true]],
  );
  assert.equal(ok(rewriteIndex({ text: r.text, files: [A, B, C, D], records: [recA, recB, recC, recD] })).text, r.text);
});

test('escaped cells read back as the value they were rendered from', () => {
  for (const s of ['a | b', 'x\\y', '*em* _u_ `code` [link](x) <b> &amp; ~~s~~', '标题：副题（一）']) {
    const text = `${FRONT_MATTER(1)}\n${TABLE_HEAD}| ${A} | ${escapeCell(s)} |  |  |  |  |\n`;
    assert.equal(parseIndex(text).rows[0]!.cells.title.text, s);
  }
});

test('a file whose detection did not run keeps empty cells; a row for it is still added', () => {
  const binary = { ...buildRecord({ file: A, type: 'news', title: 'x' }), encoding: 'binary' };
  const r = ok(rewriteIndex({ text: `${FRONT_MATTER(1)}\n${TABLE_HEAD}`, files: [A], records: [binary] }));
  assert.equal(r.text.split('\n').at(-2), row(A));
  assert.deepEqual(r.changes, [{ file: A, line: 12, fields: [], added: true }]);
});

test('CRLF files stay CRLF; rows of missing files, duplicate rows and extra cells are left alone', () => {
  const text = `${FRONT_MATTER(1)}\n${TABLE_HEAD}| gone.txt |  |  |  |  |  |\n${row(A, '|  |  |  |  |  | extra |')}\n${row(A)}\n`.replace(/\n/gu, '\r\n');
  const r = ok(rewriteIndex({ text, files: [A], records: [recA] }));
  assert.ok(!/[^\r]\n/u.test(r.text), 'every line ends with CRLF');
  const lines = r.text.split('\r\n');
  assert.equal(lines[11], '| gone.txt |  |  |  |  |  |');
  assert.equal(lines[12], row(A, '| 关于加快推进市域社会治理现代化的思考 | news | 2022-11-24 | anonymous | — | extra |'));
  assert.equal(lines[13], row(A), 'a duplicate row is not filled');
});

test('a missing count key is added; a missing table is appended', () => {
  const fm = FRONT_MATTER(0).replace('count: 0\n', '');
  const r = ok(rewriteIndex({ text: `${fm}\nProse only.`, files: [A], records: [recA] }));
  assert.ok(r.text.startsWith(`${fm.slice(0, -4)}count: 1\n---\n\nProse only.\n\n| file |`), r.text);
  assert.equal(parseIndex(r.text).rows.length, 1);
  assert.equal(ok(rewriteIndex({ text: r.text, files: [A], records: [recA] })).text, r.text);
});

test('the add command restricts the rewrite to its new files', () => {
  const text = `${FRONT_MATTER(1)}\n${TABLE_HEAD}${row(A)}\n`;
  const r = ok(rewriteIndex({ text, files: [A, B], records: [recB], only: new Set([B]) }));
  assert.equal(r.text.split('\n')[11], row(A), 'the existing row keeps its empty cells');
  assert.deepEqual(r.changes.map((c) => c.file), [B]);
});

test('a table with another header is refused, not duplicated', () => {
  const r = rewriteIndex({ text: `${FRONT_MATTER(1)}\n| file | name |\n| --- | --- |\n| ${A} | x |\n`, files: [A], records: [recA] });
  assert.equal(r.ok, false);
  assert.match(r.ok ? '' : r.reason, /header "\| file \| name \|"/u);
});
