// The five real seeds: type, title and author match DESIGN.md §9 (test/fixtures/seeds-gold.json),
// and every piece of evidence the detectors give points at its own text in the file.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../pipeline/config.js';
import { packageRoot } from '../pipeline/paths.js';
import { processFile } from '../pipeline/process-file.js';
import type { Evidence, SeedRecord } from '../pipeline/types.js';
import { scoreRecord, type Gold } from '../scripts/eval-devset.js';

const seedsDir = path.join(packageRoot, 'seeds');
const gold = JSON.parse(readFileSync(path.join(packageRoot, 'test', 'fixtures', 'seeds-gold.json'), 'utf8')) as Gold[];

function recordOf(file: string): { record: SeedRecord; text: string } {
  const bytes = readFileSync(path.join(seedsDir, file));
  return { record: processFile(file, file, bytes, defaultConfig()).record, text: bytes.toString('utf8') };
}

/** The text at an evidence span, found by line and code-point column. */
export function textAt(text: string, ev: Evidence): string {
  const line = text.split(/\r\n|\n|\r/u)[ev.line - 1] ?? '';
  return [...line].slice(ev.column - 1, ev.column - 1 + [...ev.text].length).join('');
}

for (const g of gold) {
  test(`seed ${g.file}: type, title and author match DESIGN.md §9`, () => {
    const { record } = recordOf(g.file);
    const scores = scoreRecord(g, record).filter((s) => s.field === 'type' || s.field === 'title' || s.field === 'author');
    assert.equal(scores.length, 3);
    for (const s of scores) assert.ok(s.ok, `${g.file} ${s.field}: expected ${s.expected}, got ${s.actual}`);
    // The scorer compares names; the seeds also fix the other author fields.
    if (g.author === null) assert.equal(record.author, null);
    else {
      assert.ok(record.author);
      assert.equal(record.author.anonymous, g.author.anonymous);
      assert.equal(record.author.role, g.author.role);
      assert.equal(record.author.affiliation, g.author.affiliation);
    }
  });

  test(`seed ${g.file}: evidence spans point at their text`, () => {
    const { record, text } = recordOf(g.file);
    const spans: Evidence[] = [
      ...(record.sourceType?.signals.map((s) => s.evidence) ?? []),
      ...(record.title ? [record.title.evidence] : []),
      ...(record.author ? [record.author.evidence] : []),
      ...(record.keywords ? [record.keywords.evidence] : []),
    ];
    assert.ok(spans.length > 0);
    for (const ev of spans) assert.equal(textAt(text, ev), ev.text, `${g.file} ${JSON.stringify(ev)}`);
  });
}

test('seed 003 lists its keywords; the reference list names no author', () => {
  const { record } = recordOf('003_3a9f51b08f87bb11.txt');
  assert.deepEqual(record.keywords?.values, ['新疆', '社会稳定', '长治久安', '公安工作']);
  assert.equal(record.author?.name, null);
  assert.equal(record.sourceType?.signals.some((s) => s.id === 'paper.citations'), true);
});

test('seed 000 (one 9.7 KB line): commentary from 笔者认为 and its inline section headings', () => {
  const { record } = recordOf('000_32807b01a9652c49.txt');
  assert.equal(record.lines, 1);
  const ids = record.sourceType?.signals.map((s) => s.id) ?? [];
  assert.ok(ids.includes('commentary.author-voice') && ids.includes('commentary.sections'), ids.join(','));
  assert.ok(record.author && record.author.evidence.line === 1 && record.author.evidence.column > 1);
});
