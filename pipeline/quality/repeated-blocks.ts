// Blocks of consecutive lines that occur twice inside one file (a page scraped twice, a body
// pasted again). Several rules need them: repetition/repeated-block reports them, and the
// title and Gopher-style fraction rules leave the second copies out so that one copied
// block is reported once, not three times.
import { optionsFor } from '../config.js';
import type { Page, PageLine } from '../page.js';
import type { SeedFile } from '../seed-file.js';
import { lineKeys } from './line-keys.js';
import { pageMemo } from './page-memo.js';

/** Shortest repeated block, in code points: about one short paragraph. */
export const MIN_BLOCK_CHARS = 100;

export interface LineRange {
  /** Indices into page.lines, inclusive. */
  from: number;
  to: number;
}

export interface RepeatedBlock {
  first: LineRange;
  second: LineRange;
  /** Non-blank lines in one copy. */
  lines: number;
  /** Code points in one copy (non-blank lines, trimmed). */
  chars: number;
}

/** Positions kept per distinct line: bounds the pair search on pages with many equal short lines. */
const MAX_POSITIONS = 64;

const blocksMemo = pageMemo<RepeatedBlock[]>();

/**
 * Maximal runs of consecutive non-blank lines that occur again later in the file, with at
 * least `minChars` code points. A block repeated three times yields copies 2 and 3, each
 * against the first. Results are cached per page and threshold.
 */
export function repeatedBlocks(page: Page, minChars: number): RepeatedBlock[] {
  return blocksMemo(page, minChars, () => find(page, minChars));
}

function find(page: Page, minChars: number): RepeatedBlock[] {
  // The non-blank lines, as (page line index, normalised text).
  const seq: { index: number; key: string; chars: number }[] = [];
  const { keys, chars } = lineKeys(page);
  keys.forEach((key, index) => {
    if (key !== '') seq.push({ index, key, chars: chars[index]! });
  });
  const positions = new Map<string, number[]>();
  seq.forEach((s, i) => {
    const list = positions.get(s.key) ?? [];
    if (list.length < MAX_POSITIONS) list.push(i);
    positions.set(s.key, list);
  });

  const runs: { i: number; j: number; k: number; chars: number }[] = [];
  for (const list of positions.values()) {
    for (let a = 0; a < list.length; a += 1) {
      for (let b = a + 1; b < list.length; b += 1) {
        const i = list[a]!;
        const j = list[b]!;
        // Only maximal runs: skip a pair whose previous lines are equal too.
        if (i > 0 && seq[i - 1]!.key === seq[j - 1]!.key && i - 1 !== j - 1) continue;
        let k = 0;
        let chars = 0;
        while (i + k < j && j + k < seq.length && seq[i + k]!.key === seq[j + k]!.key) {
          chars += seq[i + k]!.chars;
          k += 1;
        }
        if (chars >= minChars) runs.push({ i, j, k, chars });
      }
    }
  }
  // Biggest first; each line may belong to one reported second copy only.
  runs.sort((x, y) => y.chars - x.chars || x.j - y.j || x.i - y.i);
  const taken = new Set<number>();
  const out: RepeatedBlock[] = [];
  for (const r of runs) {
    let free = true;
    for (let t = r.j; t < r.j + r.k; t += 1) if (taken.has(t)) free = false;
    if (!free) continue;
    for (let t = r.j; t < r.j + r.k; t += 1) taken.add(t);
    out.push({
      first: { from: seq[r.i]!.index, to: seq[r.i + r.k - 1]!.index },
      second: { from: seq[r.j]!.index, to: seq[r.j + r.k - 1]!.index },
      lines: r.k,
      chars: r.chars,
    });
  }
  return out.sort((x, y) => x.second.from - y.second.from);
}

/** Page line indices inside the second copies: the text other rules should not count twice. */
export function repeatedLines(blocks: readonly RepeatedBlock[]): Set<number> {
  const s = new Set<number>();
  for (const b of blocks) for (let i = b.second.from; i <= b.second.to; i += 1) s.add(i);
  return s;
}

/** The configured minimum block size (rule repetition/repeated-block), so every rule agrees on what a block is. */
export function blockMinChars(file: SeedFile): number {
  const v = optionsFor(file.config, 'repetition/repeated-block')['minChars'];
  return typeof v === 'number' ? v : MIN_BLOCK_CHARS;
}

/** The lines the rules look at, for one block threshold (computed once per page and threshold). */
interface LineSets {
  copies: Set<number>;
  checked: PageLine[];
  content: PageLine[];
}

const lineSets = pageMemo<LineSets>();

function linesOf(file: SeedFile): LineSets {
  const page = file.page;
  const min = blockMinChars(file);
  return lineSets(page, min, () => {
    const copies = repeatedLines(repeatedBlocks(page, min));
    const checked = copies.size === 0 ? page.lines : page.lines.filter((_, i) => !copies.has(i));
    return { copies, checked, content: checked.filter((l) => !FURNITURE.has(l.kind)) };
  });
}

/** Page line indices of the second copies of the file's repeated blocks. */
export function secondCopies(file: SeedFile): ReadonlySet<number> {
  return linesOf(file).copies;
}

/**
 * The lines span-level rules look at: every line except those in a second copy of a repeated
 * block (a problem there is the same problem as in the first copy, and goes with the copy).
 */
export function checkedLines(file: SeedFile): readonly PageLine[] {
  return linesOf(file).checked;
}

/** Page furniture, reported by the noise rules; content rules (script, elision) skip it. */
const FURNITURE = new Set(['boilerplate', 'nav']);

/** checkedLines without furniture lines: the document's own text. */
export function contentLines(file: SeedFile): readonly PageLine[] {
  return linesOf(file).content;
}
