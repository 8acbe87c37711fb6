// The formats through main(): GitHub Actions detection, the step summary, and the machine
// formats on real corpora (SARIF valid against the schema, JUnit well-formed).
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { packageRoot } from '../pipeline/paths.js';
import { rules as qualityRules } from '../pipeline/quality/registry.js';
import { runCli } from './helpers/run-cli.js';
import { sarifValidator } from './helpers/sarif-schema.js';

function corpus(extra?: (dir: string) => void): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-fmt-'));
  cpSync(path.join(packageRoot, 'seeds'), path.join(dir, 'seeds'), { recursive: true });
  extra?.(dir);
  return dir;
}

/** The real seeds plus a broken seed without an INDEX row: errors on a seed and on INDEX.md. */
const broken = (): string => corpus((dir) => writeFileSync(path.join(dir, 'seeds', '005_aaaaaaaaaaaaaaaa.txt'), '短讯\n'));

test('--help lists every format', async () => {
  const help = await runCli(['--help'], packageRoot);
  assert.match(help.stdout, /--format NAME +terminal output: text, json, github, junit, sarif/u);
});

test('under GitHub Actions the default format is github; an explicit --format wins', async () => {
  const dir = broken();
  const auto = await runCli(['--no-write'], dir, { env: { GITHUB_ACTIONS: 'true' } });
  assert.equal(auto.code, 1);
  assert.match(auto.stdout, /^::error file=seeds\/005_aaaaaaaaaaaaaaaa\.txt,line=1,col=1,title=layout\/empty::/mu);
  const text = await runCli(['--no-write', '--format', 'text'], dir, { env: { GITHUB_ACTIONS: 'true' } });
  assert.doesNotMatch(text.stdout, /^::/mu);
  const local = await runCli(['--no-write'], dir, { env: {} });
  assert.doesNotMatch(local.stdout, /^::/mu, 'outside GitHub Actions the default stays text');
});

test('a Markdown summary is appended to $GITHUB_STEP_SUMMARY, keeping what other steps wrote', async () => {
  const dir = broken();
  const summary = path.join(dir, 'step-summary.md');
  writeFileSync(summary, '# earlier step\n');
  const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary };
  assert.equal((await runCli(['--no-write'], dir, { env })).code, 1);
  const text = readFileSync(summary, 'utf8');
  assert.ok(text.startsWith('# earlier step\n## ❌ seedcheck\n'), text);
  assert.match(text, /^\| error \| seeds\/005\\_aaaaaaaaaaaaaaaa\.txt \| 1 \| layout\/empty \| file has only/mu);
  await runCli(['--no-write', '--format', 'json'], dir, { env });
  assert.equal(readFileSync(summary, 'utf8').split('## ❌ seedcheck').length, 3, 'each run appends one summary, whatever the format');
});

test('an unwritable step summary is reported and does not change the exit code', async () => {
  const dir = corpus();
  const notAFile = path.join(dir, 'a-folder');
  mkdirSync(notAFile);
  const run = await runCli(['--no-write'], dir, { env: { GITHUB_STEP_SUMMARY: notAFile } });
  assert.match(run.stderr, /^seedcheck: cannot write the step summary: EISDIR$/mu);
  const plain = await runCli(['--no-write'], dir, { env: {} });
  assert.equal(run.code, plain.code);
});

test('SARIF from real runs is valid SARIF 2.1.0 and names the quality rules it uses', async () => {
  const validate = sarifValidator();
  for (const dir of [corpus(), broken(), path.join(packageRoot, 'test', 'cases', 'missing-row')]) {
    const run = await runCli(['--no-write', '--format', 'sarif'], dir);
    const log = JSON.parse(run.stdout) as { runs: { results: { level: string }[]; tool: { driver: { rules: { id: string; shortDescription?: { text: string } }[] } } }[] };
    assert.ok(validate(log), `${dir}: ${JSON.stringify(validate.errors, null, 2)}`);
    for (const rule of log.runs[0]!.tool.driver.rules) {
      const meta = qualityRules.find((r) => r.id === rule.id);
      if (meta) assert.equal(rule.shortDescription?.text, meta.description);
    }
    assert.equal(run.code, log.runs[0]!.results.some((r) => r.level === 'error') ? 1 : 0);
  }
});

test('JUnit from a real run is well-formed XML with one suite per seed and INDEX.md', async () => {
  const run = await runCli(['--no-write', '--format', 'junit'], broken());
  const doc = new DOMParser({
    onError: (level, message) => {
      throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(run.stdout, 'text/xml');
  const names = Array.from(doc.getElementsByTagName('testsuite')).map((s) => s.getAttribute('name'));
  assert.ok(names.includes('seeds/005_aaaaaaaaaaaaaaaa.txt'));
  assert.ok(names.includes('seeds/INDEX.md'));
  assert.ok(names.includes('seeds/000_32807b01a9652c49.txt'));
  const failing = Array.from(doc.getElementsByTagName('testsuite')).find((s) => s.getAttribute('name') === 'seeds/005_aaaaaaaaaaaaaaaa.txt')!;
  assert.ok(Number(failing.getAttribute('failures')) >= 1);
});
