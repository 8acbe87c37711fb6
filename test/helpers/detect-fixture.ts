// Detector fixtures: a text file whose YAML front matter holds the expected values right
// beside the document text. Only the fields listed in the front matter are checked.
//
//   ---
//   type: news
//   title: 关于…            # or null
//   date: 2022-11-24 day published   # value precision kind, or null
//   author: { anonymous: true }      # subset of the author record, or null
//   region: 江苏省 徐州市            # names from province down, `national`, or null
//   keywords: [新疆, 社会稳定]
//   ---
//   <document text>
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { defaultConfig } from '../../pipeline/config.js';
import { processFile } from '../../pipeline/process-file.js';
import type { SeedRecord } from '../../pipeline/types.js';

export interface DetectFixture {
  name: string;
  expect: Record<string, unknown>;
  text: string;
}

export function readFixture(file: string): DetectFixture {
  const raw = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/u.exec(raw);
  if (!m) throw new Error(`${file}: fixture needs YAML front matter with the expected values`);
  return { name: path.basename(file), expect: (parse(m[1]!) ?? {}) as Record<string, unknown>, text: raw.slice(m[0].length) };
}

export function readFixtures(dir: string): DetectFixture[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFixture(path.join(dir, f)));
}

export function detectText(text: string, name = 'fixture.txt'): SeedRecord {
  return processFile(name, name, Buffer.from(text, 'utf8'), defaultConfig()).record;
}

/** The record's fields in the fixture's notation, for comparison with `expect`. */
export function actualOf(r: SeedRecord, field: string): unknown {
  switch (field) {
    case 'type':
      return r.sourceType?.value ?? null;
    case 'title':
      return r.title?.value ?? null;
    case 'date':
      return r.date ? `${r.date.value} ${r.date.precision} ${r.date.kind}` : null;
    case 'author':
      return r.author;
    case 'region':
      if (!r.region) return null;
      if (r.region.scope === 'national') return 'national';
      return [r.region.province?.name, r.region.prefecture?.name, r.region.county?.name].filter(Boolean).join(' ');
    case 'keywords':
      return r.keywords?.values ?? null;
    default:
      throw new Error(`unknown fixture field ${field}`);
  }
}

/** Differences between expected and actual, as readable lines (empty = match). */
export function compareFixture(fx: DetectFixture, r: SeedRecord): string[] {
  const problems: string[] = [];
  for (const [field, expected] of Object.entries(fx.expect)) {
    if (field === 'note') continue;
    const actual = actualOf(r, field);
    if (field === 'author' && expected !== null && typeof expected === 'object') {
      if (actual === null) {
        problems.push(`author: expected ${JSON.stringify(expected)}, got null`);
        continue;
      }
      for (const [k, v] of Object.entries(expected)) {
        const got = (actual as Record<string, unknown>)[k];
        if (got !== v) problems.push(`author.${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify(got)}`);
      }
      continue;
    }
    if (JSON.stringify(actual) !== JSON.stringify(expected)) {
      problems.push(`${field}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    }
  }
  return problems;
}
