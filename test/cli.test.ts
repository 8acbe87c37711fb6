import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../pipeline/paths.js';
import { validator } from '../pipeline/schemas.js';
import { runCli } from './helpers/run-cli.js';

function copyOfSeeds(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-cli-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  return dir;
}

test('--help and --version exit 0', async () => {
  const help = await runCli(['--help'], packageRoot);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Usage: seedcheck/u);
  const version = await runCli(['--version'], packageRoot);
  assert.equal(version.code, 0);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/u);
});

test('bad flags and a missing seeds folder exit 2 with one clear line', async () => {
  const bad = await runCli(['--no-such-flag'], packageRoot);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^seedcheck: Unknown option '--no-such-flag'/u);
  const missing = await runCli(['--seeds', 'does-not-exist', '--no-write'], packageRoot);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, 'seedcheck: seeds folder not found: does-not-exist\n');
  const fmt = await runCli(['--format', 'yaml', '--no-write'], packageRoot);
  assert.equal(fmt.code, 2);
  const maxw = await runCli(['--max-warnings', '-3', '--no-write'], packageRoot);
  assert.equal(maxw.code, 2);
});

test('an unreadable or invalid config file exits 2', async () => {
  const dir = copyOfSeeds();
  writeFileSync(path.join(dir, 'seedcheck.config.yaml'), 'rules:\n  layout/empty: loud\n');
  const run = await runCli(['--no-write'], dir);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /seedcheck\.config\.yaml/u);
  const missing = await runCli(['--no-write', '--config', 'nope.yaml'], dir);
  assert.equal(missing.code, 2);
});

test('the real seeds: exit 0, schema-valid manifest, byte-identical on a second run', async () => {
  const dir = copyOfSeeds();
  const first = await runCli(['--out', 'reports'], dir);
  assert.equal(first.code, 0, first.stdout + first.stderr);
  const a = readFileSync(path.join(dir, 'reports', 'manifest.json'));
  const validate = validator('manifest');
  assert.ok(validate(JSON.parse(a.toString())), JSON.stringify(validate.errors));
  await runCli(['--out', 'reports'], dir);
  assert.ok(a.equals(readFileSync(path.join(dir, 'reports', 'manifest.json'))), 'manifest must be deterministic');
  assert.match(first.stdout, /5 files checked: 0 errors/u);
});

test('deleting a row from INDEX.md fails with the file and the INDEX.md line', async () => {
  const dir = copyOfSeeds();
  const indexFile = path.join(dir, 'seeds', 'INDEX.md');
  const lines = readFileSync(indexFile, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('002_eaa48e586d34a090.txt'));
  lines.splice(at, 1);
  writeFileSync(indexFile, lines.join('\n'));
  const run = await runCli(['--no-write'], dir);
  assert.equal(run.code, 1);
  assert.match(run.stdout, new RegExp(`seeds/INDEX\\.md:${at + 1}:1 +error +002_eaa48e586d34a090\\.txt has no row in INDEX\\.md`, 'u'));
});

test('--strict and --max-warnings turn warnings into a failure', async () => {
  const dir = copyOfSeeds();
  writeFileSync(path.join(dir, 'seeds', 'notes.md'), 'not a seed');
  const plain = await runCli(['--no-write'], dir);
  assert.equal(plain.code, 0);
  assert.match(plain.stdout, /seeds\/notes\.md +warning +only \.txt files are seeds/u);
  assert.equal((await runCli(['--no-write', '--strict'], dir)).code, 1);
  const warnings = (JSON.parse((await runCli(['--no-write', '--format', 'json'], dir)).stdout) as { summary: { warnings: number } }).summary.warnings;
  assert.equal((await runCli(['--no-write', '--max-warnings', String(warnings)], dir)).code, 0);
  assert.equal((await runCli(['--no-write', '--max-warnings', String(warnings - 1)], dir)).code, 1);
});
