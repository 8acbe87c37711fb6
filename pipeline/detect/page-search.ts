// Small search helpers over the page model shared by the detectors: find a pattern in
// lines or paragraphs and turn the match into evidence (line, code-point column, text).
import { cleanText, evidenceIn, type Page, type PageBlock, type PageLine, type LineKind } from '../page.js';
import type { Evidence } from '../types.js';

export interface LineMatch {
  line: PageLine;
  match: RegExpExecArray;
  evidence: Evidence;
}

/** Kinds that never hold the document's own words (cited works, site chrome). */
const NOT_CONTENT: ReadonlySet<LineKind> = new Set(['reference', 'boilerplate', 'nav']);

export interface SearchOptions {
  /** Only lines with these kinds. */
  kinds?: readonly LineKind[];
  /** Skip reference lists and site chrome (default true). */
  contentOnly?: boolean;
  /** Only the first `limit` lines. */
  limit?: number;
}

function accepts(line: PageLine, opts: SearchOptions): boolean {
  if (opts.kinds && !opts.kinds.includes(line.kind)) return false;
  if ((opts.contentOnly ?? true) && !opts.kinds && NOT_CONTENT.has(line.kind)) return false;
  return true;
}

/** The first match of a (non-global) pattern in the page's lines. */
export function findLine(page: Page, re: RegExp, opts: SearchOptions = {}): LineMatch | null {
  const lines = opts.limit === undefined ? page.lines : page.lines.slice(0, opts.limit);
  for (const line of lines) {
    if (!accepts(line, opts)) continue;
    const m = re.exec(line.text);
    if (m) return { line, match: m, evidence: evidenceIn(line, m.index, m[0]) };
  }
  return null;
}

/** Every match of a global pattern in the page's lines (at most `max`). */
export function findAll(page: Page, re: RegExp, opts: SearchOptions = {}, max = 1000): LineMatch[] {
  if (!re.global) throw new Error('findAll needs a global pattern');
  const out: LineMatch[] = [];
  const lines = opts.limit === undefined ? page.lines : page.lines.slice(0, opts.limit);
  for (const line of lines) {
    if (!accepts(line, opts)) continue;
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

/** The first paragraph (block) whose text matches, with evidence at the match. */
export function findBlock(page: Page, re: RegExp, pick: (b: PageBlock) => boolean = () => true): BlockMatch | null {
  for (const block of page.blocks) {
    if (!pick(block)) continue;
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
