// Near-duplicate files (corpus stage): MinHash over character shingles, similarity reported.
// The pair is generated from a seed: the same article with different page furniture,
// full-width punctuation, one paragraph cut short and the last paragraphs dropped.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { defaultConfig, type Config } from '../pipeline/config.js';
import { parseConfig } from '../pipeline/parse-config.js';
import { nearDuplicatePairs, shingles, signature, similarity } from '../pipeline/corpus/near-duplicates.js';
import { packageRoot } from '../pipeline/paths.js';
import { runPipeline } from '../pipeline/run.js';

const seeds = path.join(packageRoot, 'seeds');
const SEED = '001_441182d5b2a5f59a.txt';
const OTHER = '003_3a9f51b08f87bb11.txt';

function variant(text: string): string {
  const lines = text.split('\n');
  lines[0] = '首页 > 理论研究';
  lines[12] = `${lines[12]!.slice(0, 100)}(此处有删节)`;
  return lines
    .slice(0, -4)
    .map((l) => l.replace(/,/gu, '，'))
    .join('\n');
}

function exactJaccard(a: Set<number>, b: Set<number>): number {
  let both = 0;
  for (const s of a) if (b.has(s)) both += 1;
  return both / (a.size + b.size - both);
}

const sink = (): Writable => new Writable({ write: (_c, _e, cb) => cb() });

async function run(dir: string, config: Config = defaultConfig()) {
  return runPipeline({ fs, stdout: sink(), stderr: sink(), cwd: dir, env: {} }, { seeds: 'seeds', config });
}

test('the MinHash estimate is close to the exact Jaccard similarity of the shingles', () => {
  const a = readFileSync(path.join(seeds, SEED), 'utf8');
  const b = variant(a);
  const sa = shingles(a, 5);
  const sb = shingles(b, 5);
  const exact = exactJaccard(sa, sb);
  const est = similarity(signature(sa), signature(sb));
  assert.ok(exact > 0.75, `the generated pair shares most of its text (exact ${exact})`);
  assert.ok(Math.abs(est - exact) < 0.1, `estimate ${est} vs exact ${exact}`);
  const c = shingles(readFileSync(path.join(seeds, OTHER), 'utf8'), 5);
  assert.ok(similarity(signature(sa), signature(c)) < 0.2, 'two different articles are far apart');
  assert.deepEqual(signature(sa), signature(shingles(a, 5)), 'signatures are deterministic');
});

test('full-width/half-width punctuation and line breaks do not change the shingles', () => {
  assert.deepEqual(shingles('社会治理,现代化。\n公安机关', 3), shingles('社会治理，现代化。公安机关', 3));
});

test('two seeds that share most of their text are reported as near-duplicates with their similarity', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seedcheck-near-'));
  await fs.mkdir(path.join(dir, 'seeds'));
  const text = readFileSync(path.join(seeds, SEED), 'utf8');
  copyFileSync(path.join(seeds, SEED), path.join(dir, 'seeds', '000_0000000000000000.txt'));
  copyFileSync(path.join(seeds, OTHER), path.join(dir, 'seeds', '001_1111111111111111.txt'));
  writeFileSync(path.join(dir, 'seeds', '002_2222222222222222.txt'), variant(text));
  // A byte-identical copy is corpus/duplicate-file's, not a near-duplicate.
  copyFileSync(path.join(seeds, OTHER), path.join(dir, 'seeds', '003_3333333333333333.txt'));

  const { manifest, diagnostics } = await run(dir);
  assert.equal(manifest.corpus.nearDuplicates.length, 1);
  const pair = manifest.corpus.nearDuplicates[0]!;
  assert.equal(pair.a, '000_0000000000000000.txt');
  assert.equal(pair.b, '002_2222222222222222.txt');
  assert.ok(pair.similarity >= 0.75 && pair.similarity <= 0.95, `similarity ${pair.similarity}`);
  const d = diagnostics.filter((x) => x.ruleId === 'corpus/near-duplicate');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.file, 'seeds/002_2222222222222222.txt');
  assert.equal(d[0]!.measured, pair.similarity);
  assert.equal(d[0]!.threshold, 0.75);
  assert.match(d[0]!.message, /000_0000000000000000\.txt/u);
  const rec = manifest.records.find((r) => r.file === '002_2222222222222222.txt')!;
  assert.ok(rec.quality.flags.some((f) => f.ruleId === 'corpus/near-duplicate'), 'the flag joins the file\'s quality flags');

  const again = await run(dir);
  assert.deepEqual(again.manifest.corpus.nearDuplicates, manifest.corpus.nearDuplicates, 'deterministic');

  const strict = await run(dir, parseConfig('rules:\n  corpus/near-duplicate: { options: { threshold: 0.99 } }\n', 't.yaml'));
  assert.equal(strict.manifest.corpus.nearDuplicates.length, 0, 'the threshold comes from the config');
  const off = await run(dir, parseConfig('rules:\n  corpus/near-duplicate: off\n', 't.yaml'));
  assert.equal(off.diagnostics.filter((x) => x.ruleId === 'corpus/near-duplicate').length, 0);
});

test('a cluster of near-copies is reported as each file repeating its most similar earlier file, not every pair', () => {
  const base = readFileSync(path.join(seeds, SEED), 'utf8');
  // 40 copies, each with one line changed: 780 similar pairs, 39 files that repeat an earlier one.
  const lines = base.split('\n');
  const texts = Array.from({ length: 40 }, (_, i) => lines.map((l, k) => (k === 3 + (i % 20) ? `${l}第${i}稿补记。` : l)).join('\n'));
  const other = readFileSync(path.join(seeds, OTHER), 'utf8');
  const items = [...texts, other].map((t, i) => ({ name: `${String(i).padStart(3, '0')}.txt`, sig: signature(shingles(t, 5)), sha256: String(i) }));
  const pairs = nearDuplicatePairs(items, 0.75);
  assert.equal(pairs.length, 39);
  assert.deepEqual(
    pairs.map((p) => p.b).sort(),
    items.slice(1, 40).map((it) => it.name),
  );
  for (const p of pairs) assert.ok(p.a < p.b && p.similarity >= 0.75);
  // Equal bytes are the exact-duplicate check's: never paired here.
  const twins = nearDuplicatePairs([items[0]!, { ...items[0]!, name: 'zz.txt' }], 0.75);
  assert.deepEqual(twins, []);
});
