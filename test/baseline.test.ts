// The baseline: counts per file and rule; covered findings are not fatal, new ones are;
// --update-baseline rewrites it and it shrinks when findings are fixed.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { applyBaseline, BaselineError, buildBaseline, parseBaseline, serializeBaseline } from '../pipeline/baseline.js';
import { packageRoot } from '../pipeline/paths.js';
import type { Diagnostic, Severity } from '../pipeline/types.js';
import { runCli } from './helpers/run-cli.js';

const d = (file: string, ruleId: string, severity: Severity = 'error', line = 1): Diagnostic => ({ file, ruleId, severity, message: `${ruleId} at ${line}`, line });

test('buildBaseline counts errors and warnings per file and rule, sorted; infos are not recorded', () => {
  const b = buildBaseline([d('b.txt', 'x/two'), d('a.txt', 'y/one', 'warning'), d('b.txt', 'x/two', 'error', 2), d('b.txt', 'a/first'), d('c.txt', 'i/info', 'info')]);
  assert.deepEqual(b, { version: 1, findings: { 'a.txt': { 'y/one': 1 }, 'b.txt': { 'a/first': 1, 'x/two': 2 } } });
  assert.equal(serializeBaseline(b), `${JSON.stringify(b, null, 2)}\n`);
  assert.deepEqual(Object.keys(b.findings['b.txt']!), ['a/first', 'x/two']);
});

test('applyBaseline: covered up to the recorded count, all reported above it, fixed ones counted', () => {
  const baseline = buildBaseline([d('a.txt', 'r/x'), d('a.txt', 'r/x', 'error', 2), d('a.txt', 'r/y'), d('b.txt', 'r/z', 'warning')]);
  // Same findings: all covered.
  let r = applyBaseline([d('a.txt', 'r/x'), d('a.txt', 'r/x', 'error', 2), d('a.txt', 'r/y'), d('b.txt', 'r/z', 'warning')], baseline);
  assert.equal(r.fresh.length, 0);
  assert.equal(r.covered.length, 4);
  assert.equal(r.fixed, 0);
  // One r/x fixed, r/y fixed: still covered, and the baseline can shrink by 2.
  r = applyBaseline([d('a.txt', 'r/x', 'error', 7), d('b.txt', 'r/z', 'warning')], baseline);
  assert.equal(r.fresh.length, 0);
  assert.equal(r.fixed, 2);
  // A third r/x: which one is new cannot be told from counts, so all three are reported.
  r = applyBaseline([d('a.txt', 'r/x'), d('a.txt', 'r/x', 'error', 2), d('a.txt', 'r/x', 'error', 3), d('a.txt', 'r/y')], baseline);
  assert.deepEqual(r.fresh.map((x) => `${x.ruleId}:${x.line}`), ['r/x:1', 'r/x:2', 'r/x:3']);
  assert.deepEqual(r.covered.map((x) => x.ruleId), ['r/y']);
  // The same rule in another file, and infos, are never covered.
  r = applyBaseline([d('c.txt', 'r/x'), d('a.txt', 'r/y', 'info')], baseline);
  assert.equal(r.fresh.length, 2);
});

test('file and rule names that are Object.prototype keys are plain names', () => {
  const baseline = parseBaseline('{"version":1,"findings":{"__proto__":{"constructor":1}}}', 'b.json');
  const r = applyBaseline([d('__proto__', 'constructor'), d('constructor', 'toString'), d('x', 'hasOwnProperty')], baseline);
  assert.deepEqual(r.covered.map((x) => x.file), ['__proto__']);
  assert.equal(r.fresh.length, 2);
});

test('parseBaseline rejects what is not a baseline, naming the file', () => {
  for (const text of ['not json', '[]', '{"version":2,"findings":{}}', '{"version":1}', '{"version":1,"findings":{"a":[]}}', '{"version":1,"findings":{"a":{"r":0}}}', '{"version":1,"findings":{"a":{"r":1.5}}}']) {
    assert.throws(() => parseBaseline(text, 'b.json'), (err: unknown) => err instanceof BaselineError && err.message.startsWith('b.json: '), text);
  }
  const ok = buildBaseline([d('a', 'r')]);
  assert.deepEqual(parseBaseline(serializeBaseline(ok), 'b.json'), ok);
});

function corpus(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-baseline-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

const SHORT = '短讯\n正文缺失。\n';

test('CLI: a baseline makes existing findings non-fatal, new ones fail, and --update-baseline shrinks it', async () => {
  const dir = corpus();
  const base = await runCli(['--no-write', '--update-baseline'], dir); // default file name
  assert.equal(base.code, 0, base.stderr);
  const file = path.join(dir, 'seedcheck.baseline.json');
  const original = readFileSync(file, 'utf8');

  writeFileSync(path.join(dir, 'seeds', '005_aaaaaaaaaaaaaaaa.txt'), SHORT);
  const plain = await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json'], dir);
  assert.equal(plain.code, 1, 'a new finding fails');
  assert.match(plain.stdout, /seeds\/005_aaaaaaaaaaaaaaaa\.txt:1:1 +error +file has only/u);

  const updated = await runCli(['--no-write', '--update-baseline', '--baseline', 'seedcheck.baseline.json'], dir);
  assert.equal(updated.code, 0);
  assert.match(updated.stderr, /^seedcheck: baseline seedcheck\.baseline\.json written: \d+ finding\(s\) in \d+ file\(s\)$/mu);
  const grown = JSON.parse(readFileSync(file, 'utf8')) as { findings: Record<string, Record<string, number>> };
  assert.equal(grown.findings['seeds/005_aaaaaaaaaaaaaaaa.txt']?.['layout/empty'], 1);

  const covered = await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json'], dir);
  assert.equal(covered.code, 0, covered.stdout);
  assert.doesNotMatch(covered.stdout, /005_aaaaaaaaaaaaaaaa\.txt:1:1/u, 'covered findings are not listed');
  assert.match(covered.stdout, /\d+ findings? covered by the baseline \(not shown\)/u);

  // A second broken seed: a new layout/empty in a file the baseline does not know.
  writeFileSync(path.join(dir, 'seeds', '006_bbbbbbbbbbbbbbbb.txt'), SHORT);
  const fresh = await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json'], dir);
  assert.equal(fresh.code, 1);
  assert.match(fresh.stdout, /seeds\/006_bbbbbbbbbbbbbbbb\.txt:1:1 +error/u);
  assert.doesNotMatch(fresh.stdout, /seeds\/005_aaaaaaaaaaaaaaaa\.txt:1:1/u);

  // Both fixed: the run passes and says the baseline can shrink; --update-baseline shrinks it.
  rmSync(path.join(dir, 'seeds', '005_aaaaaaaaaaaaaaaa.txt'));
  rmSync(path.join(dir, 'seeds', '006_bbbbbbbbbbbbbbbb.txt'));
  const fixed = await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json'], dir);
  assert.equal(fixed.code, 0);
  assert.match(fixed.stderr, /^seedcheck: \d+ finding\(s\) recorded in seedcheck\.baseline\.json no longer occur; run with --update-baseline to shrink it$/mu);
  await runCli(['--no-write', '--update-baseline'], dir);
  assert.equal(readFileSync(file, 'utf8'), original, 'the baseline shrinks back to what it was');
});

test('CLI: a missing or broken baseline exits 2; --update-baseline replaces a broken one', async () => {
  const dir = corpus();
  const missing = await runCli(['--no-write', '--baseline', 'nope.json'], dir);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'seedcheck: cannot read baseline file nope.json: ENOENT (create it with --update-baseline)\n');
  writeFileSync(path.join(dir, 'broken.json'), '{"version": 1, "findings": []}');
  const broken = await runCli(['--no-write', '--baseline', 'broken.json'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^seedcheck: broken\.json: "findings" is not an object/u);
  const replaced = await runCli(['--no-write', '--baseline', 'broken.json', '--update-baseline'], dir);
  assert.equal(replaced.code, 0);
  assert.doesNotThrow(() => parseBaseline(readFileSync(path.join(dir, 'broken.json'), 'utf8'), 'broken.json'));
  assert.ok(!existsSync(path.join(dir, 'seedcheck.baseline.json')), 'only the named baseline is written');
});
