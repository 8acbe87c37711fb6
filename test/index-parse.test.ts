import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIndexStructure, rowFileName } from '../pipeline/index/check.js';
import { parseIndex } from '../pipeline/index/parse.js';

const FM = '---\nname: t\ndescription: d\nlicence: CC0-1.0\nlanguage: zh\nmaintainers: [a]\ncount: 2\n---\n';
const TABLE = '\n| file | title | type | date | author | region |\n| --- | --- | --- | --- | --- | --- |\n';

function check(text: string, files: string[]) {
  return checkIndexStructure({ indexPath: 'seeds/INDEX.md', index: parseIndex(text), files, seedPath: (n) => `seeds/${n}` });
}

test('rows carry their line numbers, link targets and cell text', () => {
  const idx = parseIndex(`${FM}${TABLE}| [000_0000000000000000.txt](000_0000000000000000.txt) | 标题 \\| 副题 | news | 2022-11-24 | 张三 | 江苏省 徐州市 |\n`);
  assert.ok(idx.frontMatter);
  assert.equal(idx.frontMatter.keyLines['count'], 7);
  assert.equal(idx.rows.length, 1);
  const row = idx.rows[0]!;
  assert.equal(row.line, 12);
  assert.equal(rowFileName(row), '000_0000000000000000.txt');
  assert.equal(row.cells.title.text, '标题 | 副题');
  assert.equal(row.cells.region.text, '江苏省 徐州市');
});

test('a consistent index gives no diagnostics', () => {
  const text = `${FM}${TABLE}| 000_0000000000000000.txt | | | | | |\n| 001_1111111111111111.txt | | | | | |\n`;
  assert.deepEqual(check(text, ['000_0000000000000000.txt', '001_1111111111111111.txt']), []);
});

test('bad type and date values are reported at their row', () => {
  const text = `${FM}${TABLE}| 000_0000000000000000.txt | | blog | 2022/11/24 | | |\n| 001_1111111111111111.txt | | | | | |\n`;
  const d = check(text, ['000_0000000000000000.txt', '001_1111111111111111.txt']);
  assert.deepEqual(d.map((x) => [x.line, x.ruleId]), [[12, 'index/bad-value'], [12, 'index/bad-value']]);
});

test('a row linking outside the seeds folder is refused', () => {
  const text = `${FM}${TABLE}| [passwd](../../etc/passwd) | | | | | |\n| 000_0000000000000000.txt | | | | | |\n`;
  const d = check(text, ['000_0000000000000000.txt']);
  assert.ok(d.some((x) => x.ruleId === 'index/link-outside' && x.line === 12), JSON.stringify(d));
});

test('a table with the wrong header is reported', () => {
  const d = check(`${FM}\n| name | kind |\n| --- | --- |\n| a | b |\n`, []);
  assert.deepEqual(d.map((x) => [x.line, x.ruleId]), [[7, 'index/count'], [10, 'index/no-table']]);
});

test('duplicate YAML keys and alias bombs in the front matter are errors, not crashes', () => {
  const dup = check(`---\nname: a\nname: b\n---\n${TABLE}`, []);
  assert.ok(dup.some((x) => x.ruleId === 'index/front-matter'), JSON.stringify(dup));
  const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]'];
  for (let i = 0; i < 8; i += 1) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`);
  const d = check(`---\n${bomb.join('\n')}\n---\n${TABLE}`, []);
  assert.ok(d.some((x) => x.ruleId === 'index/front-matter'), JSON.stringify(d));
});
