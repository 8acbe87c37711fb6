// The five real seeds against DESIGN.md §9 (test/fixtures/seeds-gold.json): value,
// precision and kind of the date, the year inference on 004, and no date from a reference list.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../pipeline/config.js';
import { packageRoot } from '../pipeline/paths.js';
import { processFile } from '../pipeline/process-file.js';

interface GoldDate {
  file: string;
  date: { value: string; precision: string; kind: string } | null;
}

const gold = JSON.parse(readFileSync(path.join(packageRoot, 'test', 'fixtures', 'seeds-gold.json'), 'utf8')) as GoldDate[];
// A fixed reference date keeps the run independent of the clock.
const config = { ...defaultConfig(), referenceDate: '2026-01-01' };

function detect(file: string) {
  const bytes = readFileSync(path.join(packageRoot, 'seeds', file));
  return processFile(`seeds/${file}`, file, bytes, config);
}

for (const g of gold) {
  test(`seed ${g.file}: date as DESIGN.md §9 says`, () => {
    const { record, messages } = detect(g.file);
    const got = record.date ? { value: record.date.value, precision: record.date.precision, kind: record.date.kind } : null;
    assert.deepEqual(got, g.date);
    assert.deepEqual(messages.filter((m) => m.ruleId === 'date/suspicious'), []);
  });
}

test('seed 004: the meeting day takes its year from 新中国成立75周年', () => {
  const date = detect('004_e8825e5862d1a0f3.txt').record.date;
  assert.equal(date?.evidence.text, '1月14日');
  const chosen = date?.candidates.find((c) => c.value === '2024-01-14');
  assert.match(chosen?.reason ?? '', /year-inferred:anniversary/u);
  assert.ok(date?.candidates.some((c) => c.kind === 'inferred' && c.value === '2024' && c.evidence.text === '新中国成立75周年'));
});

test('seed 003: the header date wins and every year of the reference list is rejected', () => {
  const { record } = detect('003_3a9f51b08f87bb11.txt');
  assert.deepEqual(record.date?.evidence, { line: 3, column: 4, text: '2022-09-11 07:40:25' });
  const fromReferences = record.date?.candidates.filter((c) => c.evidence.line >= 45) ?? [];
  assert.ok(fromReferences.length > 0);
  for (const c of fromReferences) assert.equal(c.reason, 'rejected:reference-list', `${c.value} at line ${c.evidence.line}`);
});
