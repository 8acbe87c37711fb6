// Golden cases: test/cases/<name>/seeds is a corpus; expected.txt holds the exit code and
// the diagnostics of the rule families the case is about. UPDATE_GOLDEN=1 rewrites them.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../pipeline/paths.js';
import { validator } from '../pipeline/schemas.js';
import type { Diagnostic } from '../pipeline/types.js';
import { runCli } from './helpers/run-cli.js';

const casesDir = path.join(packageRoot, 'test', 'cases');
/** Rule families these cases are about; quality rules have their own fixtures. */
const FAMILIES = ['index/', 'encoding/', 'discover/', 'read/', 'layout/empty', 'corpus/duplicate-file', 'internal/', 'schema/'];

function hashTree(dir: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isFile()) h.update(name).update(readFileSync(p));
  }
  return h.digest('hex');
}

function line(d: Diagnostic): string {
  return `${d.file}${d.line ? `:${d.line}` : ''}  ${d.severity}  ${d.ruleId}  ${d.message}`;
}

const cases = readdirSync(casesDir).filter((n) => existsSync(path.join(casesDir, n, 'seeds'))).sort();

for (const name of cases) {
  test(`golden case ${name}`, async () => {
    const dir = path.join(casesDir, name);
    const out = mkdtempSync(path.join(os.tmpdir(), `seedcheck-${name}-`));
    const before = hashTree(path.join(dir, 'seeds'));
    const run = await runCli(['--seeds', 'seeds', '--out', out, '--format', 'json', '--no-cache'], dir);
    assert.equal(hashTree(path.join(dir, 'seeds')), before, 'validate must never modify the seeds');
    assert.equal(run.stderr, '', 'nothing on stderr');
    const { diagnostics } = JSON.parse(run.stdout) as { diagnostics: Diagnostic[] };
    const actual = [`exit ${run.code}`, ...diagnostics.filter((d) => FAMILIES.some((f) => d.ruleId.startsWith(f))).map(line)].join('\n') + '\n';
    const expectedFile = path.join(dir, 'expected.txt');
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, 'utf8'));

    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as unknown;
    const validate = validator('manifest');
    assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
    assert.ok(existsSync(path.join(out, 'report.html')), 'report written even when errors are found');
  });
}
