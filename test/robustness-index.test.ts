// A huge or hostile INDEX.md: parsed a window at a time (same result as in one piece, bounded
// memory), refused past MAX_INDEX_LINES, and its findings capped per rule — never a heap
// exhaustion or a call-stack overflow.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parseIndex, parseIndexInWindows, WINDOW_LINES } from '../pipeline/index/parse.js';
import { MAX_CORPUS_FINDINGS, MAX_INDEX_LINES } from '../pipeline/limits.js';
import { packageRoot } from '../pipeline/paths.js';
import type { Diagnostic } from '../pipeline/types.js';
import { Fuzzer, prng } from './helpers/mutate.js';
import { runCli } from './helpers/run-cli.js';
import { GOOD_A, indexFor, tempCorpus } from './helpers/temp-corpus.js';

/** A front matter opened and never closed changes how micromark reads the rest: not comparable. */
const UNCLOSED_FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)(?![\s\S]*?(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$))/u;

test('parsing in windows gives exactly the one-piece result (rows, lines, offsets, front matter, other tables)', () => {
  const texts = [readFileSync(path.join(packageRoot, 'seeds', 'INDEX.md'), 'utf8')];
  for (const name of ['bad-index-ragged-rows', 'bad-index-links-outside', 'bad-yaml-duplicate-keys', 'bad-line-endings', 'bad-index-broken-table']) {
    texts.push(readFileSync(path.join(packageRoot, 'test', 'cases', name, 'seeds', 'INDEX.md'), 'utf8'));
  }
  const fuzzer = new Fuzzer(prng(20240607));
  const base = Buffer.from(texts[0]!);
  for (let i = 0; i < 300; i += 1) {
    let b: Buffer = base;
    for (let k = 0; k < 3; k += 1) b = fuzzer.damageIndex(b)[1];
    texts.push(b.toString('utf8'));
  }
  let compared = 0;
  for (const text of texts) {
    if (UNCLOSED_FRONT_MATTER.test(text)) continue;
    const whole = parseIndex(text);
    for (const window of [6, 8, 13, 21]) {
      const windowed = parseIndexInWindows(text, window);
      assert.ok(isDeepStrictEqual(windowed, whole), `window ${window} differs on ${JSON.stringify(text.slice(0, 300))}…`);
      compared += 1;
    }
  }
  assert.ok(compared > 800, `${compared} comparisons`);
});

test(`a catalogue of ${WINDOW_LINES * 10} rows is parsed in windows with every row, line and offset right`, () => {
  const names = Array.from({ length: WINDOW_LINES * 10 }, (_, i) => `${String(i).padStart(5, '0')}_0123456789abcdef.txt`);
  const text = indexFor(names).replace(/\| ([^|]+\.txt) \|/gu, '| [$1]($1) |');
  const index = parseIndex(text);
  assert.equal(index.rows.length, names.length);
  assert.equal(index.frontMatter?.keyLines['count'], 8);
  for (const i of [0, 1, WINDOW_LINES - 13, WINDOW_LINES - 12, WINDOW_LINES * 5 + 7, names.length - 1]) {
    const row = index.rows[i]!;
    assert.equal(row.line, 13 + i);
    assert.equal(row.cells.file.url, names[i]);
    assert.equal(text.slice(row.start, row.end), `| [${names[i]}](${names[i]}) |  |  |  |  |  |`);
  }
  assert.equal(index.table?.endLine, 12 + names.length);
});

test(`an INDEX.md of more than ${MAX_INDEX_LINES} lines is refused (index/too-large), not parsed`, async () => {
  const index = `${indexFor(['000_0123456789abcdef.txt'])}${'| x |\n'.repeat(MAX_INDEX_LINES)}`;
  const { dir } = tempCorpus('index-lines', { '000_0123456789abcdef.txt': GOOD_A }, index);
  const started = Date.now();
  const run = await runCli(['--no-write', '--format', 'json'], dir);
  assert.equal(run.code, 1, run.stderr);
  const d = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((x) => x.file === 'seeds/INDEX.md');
  assert.deepEqual(d.map((x) => x.ruleId), ['index/too-large']);
  assert.match(d[0]!.message, new RegExp(`over the limit of ${MAX_INDEX_LINES}`, 'u'));
  assert.ok(Date.now() - started < 20_000, 'refused without parsing');
});

test(`a flood of INDEX findings is capped at ${MAX_CORPUS_FINDINGS} per rule, with a count of the rest`, { timeout: 120_000 }, async () => {
  const rows = 3 * MAX_CORPUS_FINDINGS;
  const index = `${indexFor(['000_0123456789abcdef.txt'])}${'| [a](../../etc/passwd) |  |  |  |  |  |\n'.repeat(rows)}`;
  const { dir } = tempCorpus('index-flood', { '000_0123456789abcdef.txt': GOOD_A }, index);
  const run = await runCli(['--no-write', '--format', 'json'], dir);
  assert.equal(run.code, 1, run.stderr);
  const d = (JSON.parse(run.stdout) as { diagnostics: Diagnostic[] }).diagnostics.filter((x) => x.ruleId === 'index/link-outside');
  assert.equal(d.length, MAX_CORPUS_FINDINGS + 1);
  const summary = d.find((x) => x.measured === rows);
  assert.ok(summary, 'one diagnostic counts them all');
  assert.match(summary.message, new RegExp(`${rows - MAX_CORPUS_FINDINGS} more finding\\(s\\) of this rule are not listed \\(${rows} in all`, 'u'));
});
