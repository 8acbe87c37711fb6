// Small search helpers over the page model shared by the detectors: find a pattern in
// lines or paragraphs and turn the match into evidence (line, code-point column, text).
// Lines and blocks are indexed by kind once per page, so a search for, say, abstract lines
// does not walk a page of 600 000 blank lines again for every signal.
import { cleanText, evidenceIn, type LineKind, type Page, type PageBlock, type PageLine } from '../page.js';
import type { Evidence } from '../types.js';

export interface LineMatch {
  line: PageLine;
  match: RegExpExecArray;
  evidence: Evidence;
}

/** Kinds that never hold the document's own words (cited works, site chrome). */
const NOT_CONTENT: ReadonlySet<LineKind> = new Set(['reference', 'boilerplate', 'nav', 'blank']);

export interface SearchOptions {
  /** Only lines with these kinds (default: every kind but references, chrome and blanks). */
  kinds?: readonly LineKind[];
  /** Only the first `limit` lines of the page. */
  limit?: number;
  /** Only the last `tail` lines of the page. */
  tail?: number;
}

interface KindIndex {
  lines: Map<LineKind, PageLine[]>;
  blocks: Map<LineKind, PageBlock[]>;
  /** Lines of several kinds merged in page order, by the kinds' list (`body,forum`). */
  mergedLines: Map<string, PageLine[]>;
  mergedBlocks: Map<string, PageBlock[]>;
  /** Every line but references, chrome and blanks. */
  content: PageLine[] | null;
}

const indexes = new WeakMap<Page, KindIndex>();

function indexOf(page: Page): KindIndex {
  let idx = indexes.get(page);
  if (!idx) {
    idx = { lines: new Map(), blocks: new Map(), mergedLines: new Map(), mergedBlocks: new Map(), content: null };
    for (const line of page.lines) {
      const list = idx.lines.get(line.kind);
      if (list) list.push(line);
      else idx.lines.set(line.kind, [line]);
    }
    for (const block of page.blocks) {
      const list = idx.blocks.get(block.kind);
      if (list) list.push(block);
      else idx.blocks.set(block.kind, [block]);
    }
    indexes.set(page, idx);
  }
  return idx;
}

function inOrder<T>(lists: (T[] | undefined)[], compare: (a: T, b: T) => number): T[] {
  const present = lists.filter((l): l is T[] => l !== undefined && l.length > 0);
  if (present.length <= 1) return present[0] ?? [];
  // Each list is in page order and no item is in two lists: merge them pairwise.
  let out = present[0]!;
  for (let k = 1; k < present.length; k += 1) {
    const a = out;
    const b = present[k]!;
    const merged: T[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) merged.push(compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
    while (i < a.length) merged.push(a[i++]!);
    while (j < b.length) merged.push(b[j++]!);
    out = merged;
  }
  return out;
}

/** Index of the first line in `lines` (page order) numbered `no` or more. */
function lowerBound(lines: readonly PageLine[], no: number): number {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.no < no) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The lines a search looks at, in page order (lists merged once per page and kinds). */
function linesOf(page: Page, opts: SearchOptions): readonly PageLine[] {
  const first = opts.tail === undefined ? 1 : page.lines.length - opts.tail + 1;
  const last = opts.limit === undefined ? page.lines.length : opts.limit;
  const idx = indexOf(page);
  let lines: PageLine[];
  if (!opts.kinds) lines = idx.content ??= page.lines.filter((l) => !NOT_CONTENT.has(l.kind));
  else {
    const key = opts.kinds.join(',');
    let merged = idx.mergedLines.get(key);
    if (!merged) {
      merged = inOrder(opts.kinds.map((k) => idx.lines.get(k)), (a, b) => a.no - b.no);
      idx.mergedLines.set(key, merged);
    }
    lines = merged;
  }
  if (first <= 1 && last >= page.lines.length) return lines;
  return lines.slice(lowerBound(lines, first), lowerBound(lines, last + 1));
}

/** The first match of a (non-global) pattern in the page's lines. */
export function findLine(page: Page, re: RegExp, opts: SearchOptions = {}): LineMatch | null {
  for (const line of linesOf(page, opts)) {
    const m = re.exec(line.text);
    if (m) return { line, match: m, evidence: evidenceIn(line, m.index, m[0]) };
  }
  return null;
}

/** Every match of a global pattern in the page's lines (at most `max`). */
export function findAll(page: Page, re: RegExp, opts: SearchOptions = {}, max = 1000): LineMatch[] {
  if (!re.global) throw new Error('findAll needs a global pattern');
  const out: LineMatch[] = [];
  for (const line of linesOf(page, opts)) {
    re.lastIndex = 0;
    for (let m = re.exec(line.text); m !== null; m = re.exec(line.text)) {
      out.push({ line, match: m, evidence: evidenceIn(line, m.index, m[0]) });
      if (out.length >= max) return out;
      if (m[0] === '') re.lastIndex += 1;
    }
  }
  return out;
}

export interface BlockMatch {
  block: PageBlock;
  match: RegExpExecArray;
  evidence: Evidence;
}

export interface BlockOptions {
  /** Only blocks of these kinds. */
  kinds: readonly LineKind[];
  /** Only the first `head` of those blocks. */
  head?: number;
  /** Only the last `tail` of those blocks. */
  tail?: number;
  /** A further test on each block. */
  where?: (b: PageBlock) => boolean;
}

/** The blocks of some kinds, in page order. */
export function blocksOf(page: Page, kinds: readonly LineKind[]): readonly PageBlock[] {
  const idx = indexOf(page);
  const key = kinds.join(',');
  let merged = idx.mergedBlocks.get(key);
  if (!merged) {
    merged = inOrder(kinds.map((k) => idx.blocks.get(k)), (a, b) => a.line - b.line || a.index - b.index);
    idx.mergedBlocks.set(key, merged);
  }
  return merged;
}

/** The first paragraph (block) whose text matches, with evidence at the match. */
export function findBlock(page: Page, re: RegExp, opts: BlockOptions): BlockMatch | null {
  let blocks = blocksOf(page, opts.kinds);
  if (opts.head !== undefined) blocks = blocks.slice(0, opts.head);
  if (opts.tail !== undefined) blocks = blocks.slice(Math.max(0, blocks.length - opts.tail));
  for (const block of blocks) {
    if (opts.where && !opts.where(block)) continue;
    const m = re.exec(block.text);
    if (m) return { block, match: m, evidence: blockEvidence(page, block, m.index, m[0]) };
  }
  return null;
}

/** Evidence for `text` at UTF-16 index `index` of a block's (trimmed) text. */
export function blockEvidence(page: Page, block: PageBlock, index: number, text: string): Evidence {
  return evidenceIn(page.lines[block.line - 1]!, block.index + index, text);
}

/** Evidence for a whole line's visible text (its column skips leading whitespace). */
export function lineEvidence(line: PageLine, text = cleanText(line.text)): Evidence {
  const at = text === '' ? 0 : Math.max(0, line.text.indexOf(text));
  return evidenceIn(line, at, text);
}

/** The next non-blank line after index `i` that is not one of `skip`; gives up after
 *  `within` non-blank lines (skipped kinds count too, blank lines do not). */
export function nextLine(page: Page, i: number, within = 3, skip: readonly LineKind[] = []): { line: PageLine; index: number } | null {
  let seen = 0;
  for (let j = i + 1; j < page.lines.length && seen < within; j += 1) {
    const line = page.lines[j]!;
    if (line.kind === 'blank') continue;
    seen += 1;
    if (skip.includes(line.kind)) continue;
    return { line, index: j };
  }
  return null;
}

/** The previous non-blank line before index `i`, or null. */
export function prevLine(page: Page, i: number, skip: readonly LineKind[] = ['blank']): { line: PageLine; index: number } | null {
  for (let j = i - 1; j >= 0; j -= 1) {
    const line = page.lines[j]!;
    if (line.kind === 'blank' || skip.includes(line.kind)) continue;
    return { line, index: j };
  }
  return null;
}
