// Golden cases for the INDEX ↔ detection comparison, one folder per disagreement kind:
// test/cases/index-compare-<kind>/ holds INDEX.md, records.yaml (hand-built detected records,
// so the cases do not move when the detectors change), an optional config.yaml and
// expected.txt (the diagnostics). UPDATE_GOLDEN=1 rewrites expected.txt.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { defaultConfig } from '../pipeline/config.js';
import { parseConfig } from '../pipeline/parse-config.js';
import { compareIndex } from '../pipeline/index/compare.js';
import { parseIndex } from '../pipeline/index/parse.js';
import { packageRoot } from '../pipeline/paths.js';
import type { Diagnostic } from '../pipeline/types.js';
import { buildRecord, type RecordSpec } from './helpers/index-record.js';

const casesDir = path.join(packageRoot, 'test', 'cases');
const cases = readdirSync(casesDir).filter((n) => n.startsWith('index-compare-') && existsSync(path.join(casesDir, n, 'records.yaml'))).sort();

function line(d: Diagnostic): string {
  return [`${d.line}:${d.column}-${d.endColumn}  ${d.severity}  ${d.ruleId}  ${d.message}`, `    expected: ${d.expected ?? '(none)'}  actual: ${d.actual ?? '(none)'}`].join('\n');
}

test('every disagreement kind has a golden case', () => {
  for (const kind of ['type', 'title', 'date', 'author', 'region']) assert.ok(cases.includes(`index-compare-${kind}`), kind);
});

for (const name of cases) {
  test(`INDEX comparison golden case ${name}`, () => {
    const dir = path.join(casesDir, name);
    const specs = parse(readFileSync(path.join(dir, 'records.yaml'), 'utf8')) as RecordSpec[];
    const configFile = path.join(dir, 'config.yaml');
    const config = existsSync(configFile) ? parseConfig(readFileSync(configFile, 'utf8'), 'config.yaml') : defaultConfig();
    const diagnostics = compareIndex({
      indexPath: 'seeds/INDEX.md',
      index: parseIndex(readFileSync(path.join(dir, 'INDEX.md'), 'utf8')),
      records: specs.map(buildRecord),
      config,
    });
    const actual = `${diagnostics.map(line).join('\n')}\n`;
    const expectedFile = path.join(dir, 'expected.txt');
    if (process.env['UPDATE_GOLDEN'] === '1' || !existsSync(expectedFile)) writeFileSync(expectedFile, actual);
    assert.equal(actual, readFileSync(expectedFile, 'utf8'));
  });
}
