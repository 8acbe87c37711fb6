// Parse seeds/INDEX.md with a real Markdown parser (micromark + GFM tables + YAML front
// matter), keeping every row's line number so each diagnostic can point at it.
//
// micromark costs about 0.5 ms a table row (45 s for a 100,000-file catalogue), so it reads a
// shortened copy of the document: in every run of three or more consecutive plain rows
// (plain-row.ts) only the first and the last line stay. Taking out lines that begin and end
// with `|` and hold no inline syntax changes nothing else: such a line cannot start, end or
// interrupt any block (it is never a delimiter row, fence, HTML-block end or front-matter
// fence), and front matter is never shortened. When the first line of a run is a row of the
// catalogue table, so is every line of the run (a `|` line goes on a table), and the lines taken
// out become rows read by plainRow; positions in the copy are mapped back to the whole text.
import { parseMarkdownIndex, parseMarkdownIndexInWindows } from './parse-markdown.js';
import type { IndexRow, ParsedIndex } from './parsed-index.js';
import { isPlainRow, plainRow } from './plain-row.js';

export { COLUMNS, type Column, type FrontMatter, type IndexCell, type IndexRow, type ParsedIndex } from './parsed-index.js';
export { WINDOW_LINES } from './parse-markdown.js';

export function parseIndex(text: string): ParsedIndex {
  return parseShortened(text, parseMarkdownIndex);
}

/** parseIndex with the Markdown read in windows of `windowLines` lines whatever the length (tests compare the two). */
export function parseIndexInWindows(text: string, windowLines: number): ParsedIndex {
  return parseShortened(text, (t) => parseMarkdownIndexInWindows(t, windowLines));
}

/** How many lines parseIndex leaves out of micromark's copy (tests check the short cut is taken). */
export function plainRunLines(text: string): number {
  return cutsOf(text, linesOf(text)).reduce((n, cut) => n + cut.to - cut.from + 1, 0);
}

/** Where each line starts and where its content ends (before LF, CRLF or a bare CR). */
interface Lines {
  starts: number[];
  ends: number[];
}

function linesOf(text: string): Lines {
  const starts = [0];
  const ends: number[] = [];
  if (!text.includes('\r')) {
    // LF only (the usual case): let the engine find them.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      ends.push(i);
      if (i + 1 < text.length) starts.push(i + 1);
    }
    if (ends.length < starts.length) ends.push(text.length);
    return { starts, ends };
  }
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x0d) continue;
    ends.push(i);
    if (c === 0x0d && text.charCodeAt(i + 1) === 0x0a) i += 1;
    if (i + 1 < text.length) starts.push(i + 1);
  }
  if (ends.length < starts.length) ends.push(text.length);
  return { starts, ends };
}

const OPENING_FENCE = /^\uFEFF?---[ \t]*$/u;
const CLOSING_FENCE = /^---[ \t]*$/u;

/** Lines (0-based count) that may be YAML front matter: up to its closing fence, none when unclosed. */
function frontMatterLines(text: string, lines: Lines): number {
  const line = (i: number): string => text.slice(lines.starts[i]!, lines.ends[i]!);
  if (lines.starts.length < 2 || !OPENING_FENCE.test(line(0))) return 0;
  for (let i = 1; i < lines.starts.length; i += 1) if (CLOSING_FENCE.test(line(i))) return i + 1;
  return 0;
}

/** Lines `from`..`to` (0-based, inclusive) taken out of the copy, after the kept line `from - 1`. */
interface Cut {
  from: number;
  to: number;
}

/** Runs of plain rows, each shortened to its first and last line. */
function cutsOf(text: string, lines: Lines): Cut[] {
  const cuts: Cut[] = [];
  const n = lines.starts.length;
  let run = -1; // first line of the current run of plain rows
  for (let i = frontMatterLines(text, lines); i <= n; i += 1) {
    if (i < n && isPlainRow(text, lines.starts[i]!, lines.ends[i]!)) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0 && i - run >= 3) cuts.push({ from: run + 1, to: i - 2 });
    run = -1;
  }
  return cuts;
}

/** Maps lines and offsets of the shortened copy back to the whole text. */
class Expansion {
  /** For each cut: the copy's first line (1-based) and offset after it, and lines/chars taken out up to it. */
  private readonly copyLine: number[] = [];
  private readonly copyOffset: number[] = [];
  private readonly linesOut: number[] = [];
  private readonly charsOut: number[] = [];

  constructor(lines: Lines, cuts: Cut[]) {
    let linesOut = 0;
    let charsOut = 0;
    for (const cut of cuts) {
      const from = lines.starts[cut.from]!;
      this.copyLine.push(cut.from + 1 - linesOut);
      this.copyOffset.push(from - charsOut);
      linesOut += cut.to - cut.from + 1;
      charsOut += lines.starts[cut.to + 1]! - from;
      this.linesOut.push(linesOut);
      this.charsOut.push(charsOut);
    }
  }

  /** Index of the last cut at or before `value` in `at`, or -1. */
  private static last(at: number[], value: number): number {
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid]! <= value) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  line(l: number): number {
    const k = Expansion.last(this.copyLine, l);
    return k < 0 ? l : l + this.linesOut[k]!;
  }

  offset(o: number): number {
    const k = Expansion.last(this.copyOffset, o);
    return k < 0 ? o : o + this.charsOut[k]!;
  }
}

function parseShortened(text: string, parse: (text: string) => ParsedIndex): ParsedIndex {
  const lines = linesOf(text);
  const cuts = cutsOf(text, lines);
  if (cuts.length === 0) return parse(text);
  let copy = '';
  let kept = 0;
  for (const cut of cuts) {
    copy += text.slice(kept, lines.starts[cut.from]!);
    kept = lines.starts[cut.to + 1]!;
  }
  copy += text.slice(kept);
  const short = parse(copy);
  const map = new Expansion(lines, cuts);
  // micromark skips a leading byte order mark and counts offsets from after it; so does the result.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const line = (l: number): number => map.line(l);
  const offset = (o: number): number => map.offset(o + bom) - bom;

  const fm = short.frontMatter;
  const result: ParsedIndex = {
    text,
    frontMatter: fm && {
      ...fm,
      line: line(fm.line),
      keyLines: Object.fromEntries(Object.entries(fm.keyLines).map(([k, l]) => [k, line(l)])),
      errors: fm.errors.map((e) => ({ ...e, line: line(e.line) })),
      start: offset(fm.start),
      end: offset(fm.end),
    },
    table: short.table && { ...short.table, line: line(short.table.line), endLine: line(short.table.endLine), start: offset(short.table.start), end: offset(short.table.end) },
    otherTables: short.otherTables.map((t) => ({ ...t, line: line(t.line) })),
    rows: [],
  };
  let c = 0;
  for (const row of short.rows) {
    const moved: IndexRow = { ...row, line: line(row.line), start: offset(row.start), end: offset(row.end) };
    for (const cell of Object.values(moved.cells)) {
      if (cell.start !== undefined) cell.start = offset(cell.start);
      if (cell.end !== undefined) cell.end = offset(cell.end);
    }
    result.rows.push(moved);
    // The lines taken out after this row's line are rows of the same table.
    while (c < cuts.length && cuts[c]!.from < moved.line) c += 1;
    const cut = cuts[c];
    if (cut && cut.from === moved.line) {
      for (let l = cut.from; l <= cut.to; l += 1) result.rows.push(plainRow(text, l + 1, lines.starts[l]!, lines.ends[l]!, bom));
    }
  }
  return result;
}
