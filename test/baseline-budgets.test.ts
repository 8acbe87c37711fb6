// Budgets and severities: --max-warnings and --strict count only findings the baseline does
// not cover, and per-rule severities from the config file apply to corpus checks too.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../pipeline/paths.js';
import { runCli } from './helpers/run-cli.js';

function corpus(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-budget-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

interface Summary {
  summary: unknown;
  diagnostics: { ruleId: string; severity: string; file: string }[];
  baselined: unknown[];
}

async function warnings(dir: string, args: string[]): Promise<number> {
  const run = await runCli(['--no-write', '--format', 'json', ...args], dir);
  return (JSON.parse(run.stdout) as Summary).diagnostics.filter((d) => d.severity === 'warning').length;
}

test('--max-warnings and --strict count only warnings the baseline does not cover', async () => {
  const dir = corpus();
  assert.equal((await runCli(['--no-write', '--update-baseline'], dir)).code, 0);
  writeFileSync(path.join(dir, 'seeds', 'notes.md'), 'not a seed'); // discover/not-a-seed: a warning
  const all = await warnings(dir, []);
  const fresh = await warnings(dir, ['--baseline', 'seedcheck.baseline.json']);
  assert.equal(fresh, 1, 'only the new warning counts');
  assert.ok(all >= fresh);
  assert.equal((await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json', '--max-warnings', '1'], dir)).code, 0);
  const over = await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json', '--max-warnings', '0'], dir);
  assert.equal(over.code, 1);
  assert.match(over.stderr, /1 warnings exceed --max-warnings 0/u);
  assert.equal((await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json', '--strict'], dir)).code, 1);
  // Once the warning is in the baseline too, --strict passes.
  await runCli(['--no-write', '--update-baseline'], dir);
  assert.equal((await runCli(['--no-write', '--baseline', 'seedcheck.baseline.json', '--strict'], dir)).code, 0);
});

test('per-rule severities in the config file apply to discovery and INDEX.md checks', async () => {
  const dir = corpus();
  writeFileSync(path.join(dir, 'seeds', 'notes.md'), 'not a seed');
  writeFileSync(path.join(dir, 'seedcheck.config.yaml'), 'rules:\n  discover/not-a-seed: error\n');
  let run = await runCli(['--no-write', '--format', 'json'], dir);
  assert.equal(run.code, 1);
  assert.ok((JSON.parse(run.stdout) as Summary).diagnostics.some((d) => d.ruleId === 'discover/not-a-seed' && d.severity === 'error'));

  writeFileSync(path.join(dir, 'seedcheck.config.yaml'), 'rules:\n  discover/not-a-seed: off\n  index/count: warning\n');
  writeFileSync(path.join(dir, 'seeds', '005_aaaaaaaaaaaaaaaa.txt'), '这是一段用于测试的正文。'.repeat(20));
  run = await runCli(['--no-write', '--format', 'json'], dir);
  const list = (JSON.parse(run.stdout) as Summary).diagnostics;
  assert.ok(!list.some((d) => d.ruleId === 'discover/not-a-seed'), 'off drops it');
  assert.ok(list.some((d) => d.ruleId === 'index/count' && d.severity === 'warning'), 'index/count reported as a warning');
  assert.ok(list.some((d) => d.ruleId === 'index/missing-row' && d.severity === 'error'), 'other INDEX rules keep their default');
});
