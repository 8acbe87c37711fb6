// The five real seeds: exactly the problems a careful reader finds (DESIGN.md §9) are flagged
// at warning or error level by the quality rules, and nothing else.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { defaultConfig } from '../pipeline/config.js';
import { packageRoot } from '../pipeline/paths.js';
import { rules } from '../pipeline/quality/registry.js';
import { runPipeline } from '../pipeline/run.js';

const QUALITY = new Set([...rules.map((r) => r.id), 'corpus/near-duplicate', 'corpus/duplicate-file']);

const EXPECTED = [
  // 000: one 9.7 KB line without line breaks; trailing ` |`
  '000 1 layout/no-line-breaks',
  '000 1 noise/stray-pipe',
  // 001: 新闻中心 and 访问:0 boilerplate; title repeated
  '001 1 noise/boilerplate',
  '001 5 noise/counter',
  '001 9 repetition/title',
  // 002: 论文部分内容阅读; the whole body repeated (second copy at 19, first copy as related span); 發 in 發揮
  '002 1 noise/boilerplate',
  '002 6 script/traditional',
  '002 19 repetition/repeated-block',
  // 003: title repeated; 事故、, and “”争夺 elisions; 上一篇/下一篇 navigation
  '003 5 repetition/title',
  '003 15 elision/dangling-punctuation',
  '003 29 elision/empty-quotes',
  '003 59 noise/navigation',
  // 004: forum jammer runs on four lines (two runs on line 2); trailing |
  '004 2 noise/jammer',
  '004 2 noise/jammer',
  '004 3 noise/jammer',
  '004 4 noise/jammer',
  '004 6 noise/jammer',
  '004 7 noise/stray-pipe',
];

const sink = (): Writable => new Writable({ write: (_c, _e, cb) => cb() });

test('the five seeds: exactly the known problems at warning or error level', async () => {
  const { manifest, diagnostics } = await runPipeline({ fs, stdout: sink(), stderr: sink(), cwd: packageRoot, env: {} }, { seeds: 'seeds', config: defaultConfig() });
  const actual = diagnostics
    .filter((d) => QUALITY.has(d.ruleId) && d.severity !== 'info')
    .map((d) => `${d.file.replace(/^.*\/(\d{3})_[0-9a-f]{16}\.txt$/u, '$1')} ${d.line ?? 0} ${d.ruleId}`)
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  assert.deepEqual(actual, [...EXPECTED].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  assert.deepEqual(manifest.corpus.nearDuplicates, []);

  // Both copies of 002's body are named: the second as the span, the first as the related span.
  const block = diagnostics.find((d) => d.ruleId === 'repetition/repeated-block')!;
  assert.deepEqual([block.line, block.endLine], [19, 34]);
  assert.deepEqual(block.related?.map((r) => r.line), [3]);
  assert.ok(block.related![0]!.text.startsWith('坚持问题导向') && block.related![0]!.text.endsWith('(作者系江苏省徐州市副市长、公安局局长)'));

  const trad = diagnostics.find((d) => d.ruleId === 'script/traditional')!;
  assert.equal(trad.evidence, '發');
  assert.equal(trad.expected, '发');
});
