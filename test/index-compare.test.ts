// The INDEX ↔ detection comparison: normalisation (equal values never disagree), the cell
// grammar read back, where a diagnostic points, config severities, and that every value the
// write mode renders compares equal to the record it came from.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig } from '../pipeline/config.js';
import { parseConfig } from '../pipeline/parse-config.js';
import { compareIndex } from '../pipeline/index/compare.js';
import { normaliseText, sameText } from '../pipeline/index/normalise.js';
import { parseIndex } from '../pipeline/index/parse.js';
import { authorCell, escapeCell, parseAuthorCell, recordCells } from '../pipeline/index/render-cell.js';
import { splitRow } from '../pipeline/index/row-cells.js';
import type { SeedRecord } from '../pipeline/types.js';
import { FRONT_MATTER, TABLE_HEAD, buildRecord, type RecordSpec } from './helpers/index-record.js';

const F = '000_0123456789abcdef.txt';

function compare(cells: string, spec: Omit<RecordSpec, 'file'>, config = defaultConfig()) {
  const text = `${FRONT_MATTER(1)}\n${TABLE_HEAD}| [${F}](${F}) | ${cells} |\n`;
  return compareIndex({ indexPath: 'seeds/INDEX.md', index: parseIndex(text), records: [buildRecord({ file: F, ...spec })], config });
}

test('normalisation: full-width punctuation, quotes, dashes and spaces by Chinese text do not count', () => {
  assert.ok(sameText('今年公安工作怎么干？', '今年公安工作怎么干?'));
  assert.ok(sameText('（副市长；江苏省徐州市）', '(副市长; 江苏省徐州市)'));
  assert.ok(sameText('努力做好公安工作 促进社会长治久安', '努力做好公安工作　促进社会长治久安'));
  assert.ok(sameText('努力做好公安工作 促进社会长治久安', '努力做好公安工作促进社会长治久安'));
  assert.ok(sameText('“两个大抓”', '"两个大抓"'));
  assert.ok(sameText('十四五——规划', '十四五--规划'));
  assert.ok(sameText('ＡＢＣ  Police', 'abc police'));
  assert.ok(!sameText('Police work', 'Policework'), 'a space between Latin words still counts');
  assert.ok(!sameText('关于加快推进', '关于推进'));
  assert.equal(normaliseText('  a \t b  '), 'a b');
});

test('author cells read back: anonymous, (role; affiliation), (role), a name, none', () => {
  assert.deepEqual(parseAuthorCell('anonymous'), { kind: 'anonymous' });
  assert.deepEqual(parseAuthorCell('（副市长、公安局局长；江苏省徐州市）'), { kind: 'role', role: '副市长、公安局局长', affiliation: '江苏省徐州市' });
  assert.deepEqual(parseAuthorCell('(副市长)'), { kind: 'role', role: '副市长', affiliation: '' });
  assert.deepEqual(parseAuthorCell('(; 江苏省徐州市)'), { kind: 'role', role: '', affiliation: '江苏省徐州市' });
  assert.deepEqual(parseAuthorCell('公安部'), { kind: 'name', name: '公安部' });
  assert.deepEqual(parseAuthorCell('—'), { kind: 'none' });
  const a = buildRecord({ file: F, author: { role: '副市长', affiliation: '江苏省徐州市' } }).author;
  assert.equal(authorCell(a), '(副市长; 江苏省徐州市)');
  assert.equal(authorCell(buildRecord({ file: F, author: { name: '张三', role: '记者' } }).author), '张三');
  assert.equal(authorCell(null), '—');
});

test('row cells split like GFM: escaped pipes stay inside a cell, offsets point at the content', () => {
  const line = '| [a.txt](a.txt) | x \\| y |  | 2022 |';
  const cells = splitRow(line);
  assert.deepEqual(cells.map((c) => c.raw), ['[a.txt](a.txt)', 'x \\| y', '', '2022']);
  assert.equal(line.slice(cells[3]!.start, cells[3]!.end), '2022');
  assert.deepEqual(splitRow('a | b').map((c) => c.raw), ['a', 'b'], 'outer pipes are optional');
});

test('a disagreement points at the cell, carries both values and the evidence', () => {
  const [d, ...rest] = compare('— | news | 2022-11-23 | anonymous | —', {
    type: 'news',
    date: '2022-11-24 day published',
    author: { anonymous: true },
    evidence: '2022-11-24      访问:0',
  });
  assert.deepEqual(rest, []);
  assert.ok(d);
  assert.equal(d.file, 'seeds/INDEX.md');
  assert.equal(d.line, 12);
  assert.equal(d.column, 69, 'the date cell');
  assert.equal(d.endColumn, 79);
  assert.equal(d.severity, 'error');
  assert.equal(d.ruleId, 'index/date-mismatch');
  assert.equal(d.expected, '2022-11-24');
  assert.equal(d.actual, '2022-11-23');
  assert.equal(d.evidence, '2022-11-24      访问:0');
  assert.equal(d.message, 'date: INDEX says 2022-11-23; the page shows 2022-11-24 (line 3: "2022-11-24 访问:0")');
});

test('empty cells are not compared; `—` against nothing found is agreement', () => {
  assert.deepEqual(compare(' |  |  |  | ', { type: 'news', title: 'x', date: '2022-01-01 day published', author: { name: 'y' } }), []);
  assert.deepEqual(compare('— | news | — | — | —', { type: 'news' }), []);
});

test('long evidence is cut in the message, kept whole in `evidence`', () => {
  const long = '标题'.repeat(50);
  const [d] = compare(`另一个 | news |  |  | `, { type: 'news', title: long, evidence: long });
  assert.ok(d);
  assert.ok(d.message.endsWith('…")'), d.message);
  assert.equal(d.evidence, long);
});

test('severities come from the config per rule id; `off` drops the rule', () => {
  const config = parseConfig('rules:\n  index/type-mismatch: warning\n  index/title-mismatch: "off"\n', 'c.yaml');
  const found = compare('另一个 | paper | — | — | —', { type: 'news', title: '标题' }, config);
  assert.deepEqual(found.map((d) => [d.ruleId, d.severity]), [['index/type-mismatch', 'warning']]);
});

test('every value the write mode renders compares equal to its record', () => {
  const specs: Omit<RecordSpec, 'file'>[] = [
    { type: 'news', title: '关于 | 管道 *星号* 的[思考]', date: '2022-09-11T07:40:25 day published', author: { anonymous: true } },
    { type: 'paper', author: { anonymous: true, role: '副市长、公安局局长', affiliation: '江苏省徐州市' }, region: { scope: 'prefecture', province: { name: '江苏省', code: '32' }, prefecture: { name: '徐州市', code: '3203' } } },
    { type: 'official', date: '2023 year inferred', author: { name: '公安部', organisation: true }, region: { scope: 'national' } },
    { type: 'forum', date: '2024-01 month event', author: { role: '民警' }, region: { scope: 'county', province: { name: '湖北省', code: '42' }, prefecture: { name: '荆州市', code: '4210' }, county: { name: '公安县', code: '421022' } } },
    { type: 'speech', region: { scope: 'province', province: { name: '新疆维吾尔自治区', code: '65' } } },
    { type: 'other' },
  ];
  for (const spec of specs) {
    const record: SeedRecord = buildRecord({ file: F, ...spec });
    const c = recordCells(record);
    const cells = [c.title, c.type, c.date, c.author, c.region].map((v) => (v === null ? '' : escapeCell(v))).join(' | ');
    assert.deepEqual(compare(cells, spec), [], `${JSON.stringify(spec)} → ${cells}`);
  }
});

test('control and bidi characters never reach a cell, and do not make values disagree', () => {
  const hostile = '标题\u001b[31m红\u202e反\u0007';
  assert.equal(escapeCell(hostile), '标题[31m红反'.replace('[', '\\['));
  assert.deepEqual(compare(`${escapeCell(hostile)} | news |  |  | `, { type: 'news', title: hostile }), []);
});
