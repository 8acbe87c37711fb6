// Quality-rule fixtures (markdownlint style): test/fixtures/quality/*.txt are documents whose
// lines to be flagged end with a marker naming the rule, right beside the text:
//
//   ! y1 { b% b4 U: e5 n3 L今年是新中国成立75周年 ⟦noise/jammer⟧
//   两处干扰码在同一行… ⟦noise/jammer⟧⟦noise/jammer⟧      (two flags on one line)
//
// The marker is one space and one or more ⟦rule-id⟧ at the very end of the line. It is
// stripped before the rules run, so the rules see the text exactly as it would be without it
// (trailing `|` and spaces included). Every other line must raise no quality flag at any
// severity: the clean-prose and Latin/formula/URL fixtures have no markers at all.
// clean-prose-news.txt is dev-set document 516 (人民日报 economic news, full-width
// punctuation); clean-prose-commentary.txt is the body of seed 001 without its furniture.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../pipeline/config.js';
import { packageRoot } from '../pipeline/paths.js';
import { processFile } from '../pipeline/process-file.js';
import { rules } from '../pipeline/quality/registry.js';

const dir = path.join(packageRoot, 'test', 'fixtures', 'quality');
const MARKERS = / ((?:⟦[a-z0-9/-]+⟧)+)$/u;
const RULE_IDS = new Set(rules.map((r) => r.id));

interface Fixture {
  text: string;
  expected: string[];
}

/** Strips the markers; returns the clean text and the expected `line ruleId` list. */
export function parseFixture(raw: string): Fixture {
  const expected: string[] = [];
  const lines = raw.split('\n').map((line, i) => {
    const m = MARKERS.exec(line);
    if (!m) return line;
    for (const id of m[1]!.slice(1, -1).split('⟧⟦')) expected.push(`${i + 1} ${id}`);
    return line.slice(0, m.index);
  });
  return { text: lines.join('\n'), expected: expected.sort() };
}

function flagged(text: string): string[] {
  const { record } = processFile('fixture.txt', 'fixture.txt', Buffer.from(text, 'utf8'), defaultConfig());
  return record.quality.flags
    .filter((d) => RULE_IDS.has(d.ruleId))
    .map((d) => `${d.line ?? 0} ${d.ruleId}`)
    .sort();
}

test('fixture markers are stripped exactly and name known rules', () => {
  const f = parseFixture('a |\nb ⟦noise/stray-pipe⟧\nc ⟦x/y⟧⟦x/z⟧\n');
  assert.equal(f.text, 'a |\nb\nc\n');
  assert.deepEqual(f.expected, ['2 noise/stray-pipe', '3 x/y', '3 x/z']);
});

const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();

test('the quality fixtures exist', () => {
  assert.ok(files.length >= 10, `expected the quality fixtures in ${dir}`);
});

for (const name of files) {
  test(`quality fixture ${name}`, () => {
    const { text, expected } = parseFixture(readFileSync(path.join(dir, name), 'utf8'));
    assert.ok(!text.includes('⟦'), 'a marker must sit at the end of its line');
    for (const e of expected) assert.ok(RULE_IDS.has(e.split(' ')[1]!), `unknown rule in marker: ${e}`);
    assert.deepEqual(flagged(text), expected);
  });
}
