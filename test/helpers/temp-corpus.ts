// Corpora built at test time in a temp folder: for the inputs git cannot or should not hold
// (symlinks out of the tree, 50 MB files, FIFOs, odd names, unreadable files).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../pipeline/paths.js';

const clean = path.join(packageRoot, 'test', 'cases', 'clean', 'seeds');

/** Two short, valid seed texts from the clean golden case. */
export const GOOD_A = readFileSync(path.join(clean, '000_0123456789abcdef.txt'));
export const GOOD_B = readFileSync(path.join(clean, '002_2222222222222222.txt'));

/** INDEX.md with valid front matter and one plain row per name. */
export function indexFor(names: string[], count = names.length): string {
  const rows = names.map((n) => `| ${n.replace(/\|/gu, '\\|')} |  |  |  |  |  |`).join('\n');
  return `---
name: test corpus
description: generated at test time
licence: CC0-1.0
language: zh
maintainers:
  - tests
count: ${count}
---

| file | title | type | date | author | region |
| --- | --- | --- | --- | --- | --- |
${rows}
`;
}

/** Folders made by tempCorpus, removed when the test process exits (one holds a 50 MB file). */
const made: string[] = [];
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export interface TempCorpus {
  /** The working directory (holds seeds/ and is the cwd for main()). */
  dir: string;
  seeds: string;
}

/** Writes `files` into <tmp>/seeds; INDEX.md lists them unless `index` is given (null: none). */
export function tempCorpus(prefix: string, files: Record<string, string | Uint8Array>, index?: string | null): TempCorpus {
  const dir = mkdtempSync(path.join(os.tmpdir(), `seedcheck-${prefix}-`));
  made.push(dir);
  const seeds = path.join(dir, 'seeds');
  mkdirSync(seeds);
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(seeds, name), data);
  if (index !== null) writeFileSync(path.join(seeds, 'INDEX.md'), index ?? indexFor(Object.keys(files).sort()));
  return { dir, seeds };
}
