// Quality rules on generated text (what cannot sit visibly in a fixture file: control
// characters, line endings, 3,000-character lines), the rule contract, the config schema
// for rule options, and the score.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultConfig, type Config } from '../pipeline/config.js';
import { parseConfig } from '../pipeline/parse-config.js';
import { packageRoot } from '../pipeline/paths.js';
import { processFile } from '../pipeline/process-file.js';
import { rules } from '../pipeline/quality/registry.js';
import { scoreOf } from '../pipeline/quality/score.js';
import { jammerStats } from '../pipeline/quality/rules/noise.js';
import type { Diagnostic } from '../pipeline/types.js';

const PROSE = '加强和创新市域社会治理，是完善和发展中国特色社会主义制度、推进国家治理体系和治理能力现代化的重要内容。';

function flags(text: string | Buffer, config: Config = defaultConfig()): Diagnostic[] {
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return processFile('seeds/x.txt', 'x.txt', bytes, config).record.quality.flags;
}

const of = (list: Diagnostic[], id: string): Diagnostic[] => list.filter((d) => d.ruleId === id);

test('every rule has an id, a description, a default severity and the source of its threshold', () => {
  const ids = new Set<string>();
  for (const r of rules) {
    assert.match(r.id, /^[a-z0-9-]+\/[a-z0-9-]+$/u);
    assert.ok(!ids.has(r.id), `duplicate rule id ${r.id}`);
    ids.add(r.id);
    assert.ok(r.description.length > 10 && r.rationale.length > 10, r.id);
    assert.ok(['error', 'warning', 'info'].includes(r.severity), r.id);
    for (const [name, o] of Object.entries(r.options ?? {})) {
      assert.ok(o.default >= o.minimum && (o.maximum === undefined || o.default <= o.maximum), `${r.id} ${name}`);
    }
  }
});

test('the config schema lists the options of every rule, with the same defaults and bounds', () => {
  const schema = JSON.parse(readFileSync(path.join(packageRoot, 'schemas', 'config.schema.json'), 'utf8')) as {
    properties: { rules: { properties: Record<string, { oneOf: [unknown, { properties: { options: { properties: Record<string, { default: number; minimum: number; maximum?: number }> } } }] }> } };
  };
  const entries = schema.properties.rules.properties;
  const withOptions = rules.filter((r) => r.options);
  for (const r of withOptions) {
    const entry = entries[r.id];
    assert.ok(entry, `schemas/config.schema.json has no entry for ${r.id}`);
    const props = entry.oneOf[1].properties.options.properties;
    assert.deepEqual(Object.keys(props).sort(), Object.keys(r.options!).sort(), r.id);
    for (const [name, o] of Object.entries(r.options!)) {
      assert.equal(props[name]!.default, o.default, `${r.id} ${name} default`);
      assert.equal(props[name]!.minimum, o.minimum, `${r.id} ${name} minimum`);
      assert.equal(props[name]!.maximum, o.maximum, `${r.id} ${name} maximum`);
    }
  }
  const known = new Set([...withOptions.map((r) => r.id), 'corpus/near-duplicate']);
  for (const id of Object.keys(entries)) assert.ok(known.has(id), `schema entry ${id} names no rule with options`);
});

test('severities and options come from the config file', () => {
  const text = `${PROSE}\n${'社会治理'.repeat(40)}\n${PROSE}\n`;
  assert.equal(of(flags(text), 'layout/long-line').length, 0);
  const cfg = parseConfig('rules:\n  layout/long-line: { severity: error, options: { maxChars: 100 } }\n', 'test.yaml');
  const long = of(flags(text, cfg), 'layout/long-line');
  assert.equal(long.length, 1);
  assert.equal(long[0]!.severity, 'error');
  assert.equal(long[0]!.line, 2);
  assert.equal(long[0]!.measured, 160);
  assert.equal(long[0]!.threshold, 100);

  const jam = `${PROSE}\n! y1 { b% b4 U: e5 n3 L${PROSE}\n`;
  assert.equal(of(flags(jam), 'noise/jammer').length, 1);
  assert.equal(of(flags(jam, parseConfig('rules:\n  noise/jammer: off\n', 't.yaml')), 'noise/jammer').length, 0);
  assert.equal(of(flags(jam, parseConfig('rules:\n  noise/jammer: info\n', 't.yaml')), 'noise/jammer')[0]!.severity, 'info');
  assert.throws(() => parseConfig('rules:\n  layout/long-line: { options: { maxChars: 0 } }\n', 't.yaml'), /maxChars/u);
  assert.throws(() => parseConfig('rules:\n  layout/long-line: { options: { nope: 1 } }\n', 't.yaml'), /nope/u);
});

test('a long text without line breaks is reported once, with its length', () => {
  const one = PROSE.repeat(Math.ceil(3200 / PROSE.length));
  const f = flags(one);
  const d = of(f, 'layout/no-line-breaks');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.measured, [...one].length);
  assert.equal(of(f, 'layout/long-line').length, 0, 'no second report for the same line');
  assert.equal(of(flags(PROSE.repeat(Math.floor(2900 / PROSE.length))), 'layout/no-line-breaks').length, 0, 'a 2,900-character paragraph is not flagged');
  const multi = flags(`${PROSE}\n${one}\n`);
  assert.deepEqual(of(multi, 'layout/long-line').map((x) => x.line), [2]);
});

test('very short and empty texts', () => {
  const short = flags('关于加快推进市域社会治理现代化的思考，全市公安机关在社会治理中的实践与探索，以及下一步加强和创新社会治理的对策与建议。');
  assert.equal(of(short, 'layout/short').length, 1);
  assert.equal(of(short, 'layout/empty').length, 0);
  const tiny = flags('新闻中心');
  assert.equal(of(tiny, 'layout/empty').length, 1);
  assert.equal(of(tiny, 'layout/short').length, 0, 'layout/empty takes over below 50 characters');
});

test('control characters are reported once, at the first, with their code points', () => {
  const f = flags(`${PROSE}\n第二行\u0007\u0008文字\u001b[31m红色${PROSE}\n`);
  const d = of(f, 'encoding/control-chars');
  assert.deepEqual(d.map((x) => [x.line, x.column]), [[2, 4]]);
  assert.match(d[0]!.message, /U\+0007.*U\+0008/u);
  assert.equal(of(flags(`${PROSE}\n\t缩进\t${PROSE}\n`), 'encoding/control-chars').length, 0, 'tabs are fine');
});

test('line endings: CRLF is info, a mix or bare CR is a warning on the first odd line', () => {
  const crlf = of(flags(`${PROSE}\r\n${PROSE}\r\n`), 'encoding/line-endings');
  assert.deepEqual(crlf.map((d) => d.severity), ['info']);
  const mixed = of(flags(`${PROSE}\n${PROSE}\n${PROSE}\r\n${PROSE}\n`), 'encoding/line-endings');
  assert.deepEqual(mixed.map((d) => [d.severity, d.line]), [['warning', 3]]);
  const cr = of(flags(`${PROSE}\r${PROSE}\r`), 'encoding/line-endings');
  assert.deepEqual(cr.map((d) => d.severity), ['warning']);
  assert.equal(of(flags(`${PROSE}\n${PROSE}\n`), 'encoding/line-endings').length, 0);
});

test('invisible characters: one info per file; bidirectional controls are encoding/bidi-control', () => {
  const zw = of(flags(`${PROSE}\n\u200b关注\u200b\n\u200b${PROSE}\n`), 'encoding/invisible-chars');
  assert.equal(zw.length, 1);
  assert.equal(zw[0]!.severity, 'info');
  assert.equal(zw[0]!.measured, 3);
  const bidi = flags(`${PROSE}\n\u202e${PROSE}\n`);
  assert.equal(of(bidi, 'encoding/invisible-chars').length, 0);
  assert.equal(of(bidi, 'encoding/bidi-control')[0]!.severity, 'warning');
});

test('U+FFFD produced by decode is not reported twice', () => {
  const bytes = Buffer.concat([Buffer.from(`${PROSE}\n`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(`\n${PROSE}\n`)]);
  const f = flags(bytes);
  assert.equal(of(f, 'encoding/invalid-utf8').length, 1);
  assert.equal(of(f, 'encoding/mojibake').length, 0);
});

test('a repeated block is reported on its second copy, with the first copy as the related span', () => {
  const block = [PROSE, `坚持问题导向，做实基础工作。${PROSE}`];
  const text = ['论述', ...block, '过渡段落，说明下文内容，与上文无关。', ...block, ''].join('\n');
  const d = of(flags(text), 'repetition/repeated-block');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.line, 5);
  assert.equal(d[0]!.endLine, 6);
  assert.equal(d[0]!.evidence, block.join('\n'));
  assert.deepEqual(d[0]!.related, [{ line: 2, column: 1, text: block.join('\n') }]);
});

test('jammer statistics tell noise from formulas, initials and version lists', () => {
  const noisy = jammerStats('! y1 { b% b4 U: e5 n3 L');
  assert.ok(noisy.tokens === 9 && noisy.unusualSymbols >= 1 && noisy.mixed >= 2);
  assert.equal(jammerStats('a + b = c').distinctSymbols, 2);
  assert.equal(jammerStats('Q1 Q2 Q3 Q4 H1 H2').symbols, 0);
  assert.equal(jammerStats('A, B, C, D').distinctSymbols, 1);
});

test('the score: each rule costs its severity weight, repeats of one rule cost half the one before', () => {
  const d = (ruleId: string, severity: Diagnostic['severity']): Diagnostic => ({ file: 'x', ruleId, severity, message: 'm' });
  assert.equal(scoreOf([]), 100);
  assert.equal(scoreOf([d('a/b', 'warning')]), 92);
  assert.equal(scoreOf([d('a/b', 'warning'), d('c/d', 'warning')]), 84);
  assert.equal(scoreOf(Array.from({ length: 5 }, () => d('a/b', 'warning'))), 85, '100 − (8 + 4 + 2 + 1 + 0.5)');
  assert.equal(scoreOf(Array.from({ length: 50 }, () => d('a/b', 'warning'))), 84, 'one rule costs at most twice its weight');
  assert.equal(scoreOf([d('a/b', 'error'), d('c/d', 'info')]), 74);
  assert.equal(scoreOf(['a', 'b', 'c', 'd', 'e'].map((r) => d(`${r}/x`, 'error'))), 0, 'floored at 0');
});

test('the README documents every rule with its default severity', () => {
  const readme = readFileSync(path.join(packageRoot, 'README.md'), 'utf8');
  for (const r of rules) assert.match(readme, new RegExp(`\\| \`${r.id}\` \\| ${r.severity} \\|`, 'u'), `README row for ${r.id}`);
});
