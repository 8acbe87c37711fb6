// Golden outputs of every formatter: test/cases/format-<name>/input.json holds a FormatInput;
// expected-<format>.<ext> the output, with the tool version blanked. UPDATE_GOLDEN=1 rewrites
// them. Each output is also checked for what its consumers need: valid SARIF 2.1.0 (ajv
// against the OASIS schema), well-formed JUnit XML with consistent counts, lossless JSON, and
// no workflow command smuggled in by seed text.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { sortDiagnostics } from '../pipeline/diagnostic.js';
import { formatters as loaders, type Formatter, type FormatInput } from '../pipeline/format/index.js';
import { formatStepSummary } from '../pipeline/format/step-summary.js';
import { packageRoot } from '../pipeline/paths.js';
import type { Diagnostic } from '../pipeline/types.js';
import { VERSION } from '../pipeline/version.js';
import { sarifValidator } from './helpers/sarif-schema.js';

const casesDir = path.join(packageRoot, 'test', 'cases');
const cases = readdirSync(casesDir).filter((n) => n.startsWith('format-') && existsSync(path.join(casesDir, n, 'input.json'))).sort();

const formatters: Record<string, Formatter> = Object.fromEntries(await Promise.all(Object.entries(loaders).map(async ([name, load]) => [name, await load()] as const)));

const OUTPUTS: { name: string; file: string; render: (i: FormatInput) => string }[] = [
  ...['text', 'json', 'github', 'junit', 'sarif'].map((f) => ({
    name: f,
    file: `expected-${f}.${{ text: 'txt', json: 'json', github: 'txt', junit: 'xml', sarif: 'sarif' }[f]}`,
    render: formatters[f]!,
  })),
  { name: 'step-summary', file: 'expected-step-summary.md', render: formatStepSummary },
];

function loadInput(name: string): FormatInput {
  const raw = JSON.parse(readFileSync(path.join(casesDir, name, 'input.json'), 'utf8')) as FormatInput;
  raw.manifest.tool.version = VERSION;
  return { ...raw, colour: false, diagnostics: sortDiagnostics(raw.diagnostics), baselined: sortDiagnostics(raw.baselined ?? []) };
}

/** Versions blanked so a release does not rewrite every golden file. */
function blank(s: string): string {
  return s.split(VERSION).join('<version>');
}

test('there are golden format cases', () => {
  assert.ok(cases.length >= 2, `expected test/cases/format-*/input.json, found ${cases.join(', ')}`);
});

for (const name of cases) {
  for (const out of OUTPUTS) {
    test(`golden ${name} ${out.name}`, () => {
      const actual = blank(out.render(loadInput(name)));
      const file = path.join(casesDir, name, out.file);
      if (process.env['UPDATE_GOLDEN'] === '1') writeFileSync(file, actual);
      assert.ok(existsSync(file), `${file} is missing; run with UPDATE_GOLDEN=1 to create it`);
      assert.equal(actual, readFileSync(file, 'utf8'));
    });
  }

  test(`${name}: SARIF is valid against the SARIF 2.1.0 schema`, () => {
    const input = loadInput(name);
    const log = JSON.parse(formatters['sarif']!(input)) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[]; tool: { driver: { rules: { id: string }[] } } }[] };
    const validate = sarifValidator();
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    const run = log.runs[0]!;
    assert.equal(run.results.length, input.diagnostics.length + input.baselined!.length);
    assert.equal(run.results.filter((r) => r.suppressions).length, input.baselined!.length, 'baselined findings carry a suppression');
    assert.deepEqual(run.tool.driver.rules.map((r) => r.id), [...new Set(run.results.map((r) => r.ruleId))].sort());
  });

  test(`${name}: JUnit is well-formed XML with one suite per file and consistent counts`, () => {
    const input = loadInput(name);
    const xml = formatters['junit']!(input);
    // XML 1.0 cannot carry these at all, not even as character references.
    assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]|&#(?:[0-8]|1[124-9]|2\d|3[01]);/u);
    const doc = new DOMParser({
      onError: (level, message) => {
        throw new Error(`${level}: ${message}`);
      },
    }).parseFromString(xml, 'text/xml');
    const root = doc.documentElement!;
    assert.equal(root.tagName, 'testsuites');
    const suites = Array.from(root.getElementsByTagName('testsuite'));
    const files = new Set([...input.manifest.records.map((r) => path.posix.join(input.manifest.seeds, r.file)), ...input.diagnostics.map((d) => d.file), ...input.baselined!.map((d) => d.file)]);
    assert.deepEqual(suites.map((s) => s.getAttribute('name')).sort(), [...files].sort());
    let tests = 0;
    for (const s of suites) {
      const cases = s.getElementsByTagName('testcase').length;
      assert.equal(Number(s.getAttribute('tests')), cases);
      assert.equal(Number(s.getAttribute('failures')), s.getElementsByTagName('failure').length);
      assert.equal(Number(s.getAttribute('skipped')), s.getElementsByTagName('skipped').length);
      tests += cases;
    }
    assert.equal(Number(root.getAttribute('tests')), tests);
    assert.equal(root.getElementsByTagName('failure').length, input.diagnostics.filter((d) => d.severity === 'error').length);
    assert.equal(root.getElementsByTagName('skipped').length, input.baselined!.length);
  });

  test(`${name}: JSON round-trips the diagnostics exactly`, () => {
    const input = loadInput(name);
    const parsed = JSON.parse(formatters['json']!(input)) as { diagnostics: Diagnostic[]; baselined: Diagnostic[] };
    assert.deepEqual(parsed.diagnostics, input.diagnostics);
    assert.deepEqual(parsed.baselined, input.baselined);
  });

  test(`${name}: seed text never forms a workflow command in any output`, () => {
    const input = loadInput(name);
    for (const out of OUTPUTS) {
      const text = out.render(input);
      assert.ok(!text.includes('##['), `${out.name}: legacy ##[ command`);
      const commandLines = text.split(/\r\n|\r|\n/u).filter((l) => /^\s*::/u.test(l));
      if (out.name !== 'github') {
        assert.deepEqual(commandLines, [], `${out.name}: a line opens with ::`);
        continue;
      }
      // Exactly one annotation per diagnostic, each one well-formed, properties escaped.
      assert.equal(commandLines.length, input.diagnostics.length);
      for (const l of commandLines) {
        assert.match(l, /^::(?:error|warning|notice) file=[^,:\r\n]*(?:,line=\d+(?:,col=\d+)?(?:,endLine=\d+)?(?:,endColumn=\d+)?)?,title=[^,:\r\n]*::[^\r\n]*$/u);
      }
    }
  });
}
