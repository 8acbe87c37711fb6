// INDEX.md through micromark (GFM tables + YAML front matter), every row with its line number
// and offsets. parse.ts hands it the document with long runs of plain rows taken out.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Root, Table, TableRow, RootContent, PhrasingContent } from 'mdast';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';
import { COLUMNS, type Column, type FrontMatter, type IndexCell, type IndexRow, type ParsedIndex } from './parsed-index.js';

/** Where a parsed piece of INDEX.md sits in the whole file (identity unless parsed in windows). */
interface Shift {
  line(l: number): number;
  offset(o: number): number;
}

const IDENTITY: Shift = { line: (l) => l, offset: (o) => o };

function cellOf(node: TableRow['children'][number] | undefined, shift: Shift): IndexCell {
  if (!node) return { text: '' };
  const link = node.children.find((c: PhrasingContent) => c.type === 'link');
  const cell: IndexCell = { text: toString(node).trim() };
  if (link && link.type === 'link') cell.url = link.url;
  if (node.position) {
    if (node.position.start.offset !== undefined) cell.start = shift.offset(node.position.start.offset);
    if (node.position.end.offset !== undefined) cell.end = shift.offset(node.position.end.offset);
  }
  return cell;
}

function parseFrontMatter(value: string, node: RootContent): FrontMatter {
  const startLine = node.position?.start.line ?? 1;
  const lineCounter = new LineCounter();
  const doc = parseDocument(value, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const errors = doc.errors.map((e) => ({
    line: startLine + lineCounter.linePos(e.pos[0]).line,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const keyLines: Record<string, number> = {};
  if (isMap(doc.contents)) {
    for (const item of doc.contents.items) {
      if (isScalar(item.key) && item.key.range) {
        keyLines[String(item.key.value)] = startLine + lineCounter.linePos(item.key.range[0]).line;
      }
    }
  }
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 50 });
    } catch (err) {
      errors.push({ line: startLine, message: (err as Error).message });
    }
  }
  return {
    data,
    line: startLine,
    keyLines,
    errors,
    start: node.position?.start.offset ?? 0,
    end: node.position?.end.offset ?? 0,
  };
}

function headerOf(table: Table): string[] {
  return (table.children[0]?.children ?? []).map((c) => toString(c).trim().toLowerCase());
}

const MARKDOWN = {
  extensions: [frontmatter(['yaml']), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
};
/** Past the first window a `---` line is never front matter (it only opens the file). */
const MARKDOWN_BODY = { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] };

function isCatalogue(header: string[]): boolean {
  return COLUMNS.every((c, i) => header[i] === c);
}

/** The body rows of a parsed table, placed in the whole file. */
function rowsOf(table: Table, shift: Shift): IndexRow[] {
  const fallback = shift.line(table.position?.start.line ?? 1);
  return table.children.slice(1).map((row) => ({
    line: row.position ? shift.line(row.position.start.line) : fallback,
    cells: Object.fromEntries(COLUMNS.map((c, i) => [c, cellOf(row.children[i], shift)])) as Record<Column, IndexCell>,
    extra: Math.max(0, row.children.length - COLUMNS.length),
    missing: Math.max(0, COLUMNS.length - row.children.length),
    start: shift.offset(row.position?.start.offset ?? 0),
    end: shift.offset(row.position?.end.offset ?? 0),
  }));
}

/** Adds one top-level node (front matter or a table) to the result. */
function collect(result: ParsedIndex, node: RootContent, shift: Shift): void {
  if (node.type === 'yaml' && result.frontMatter === null && node.position?.start.line !== undefined && shift.line(node.position.start.line) === 1) {
    result.frontMatter = parseFrontMatter(node.value, node);
  } else if (node.type === 'table') {
    const header = headerOf(node);
    const line = shift.line(node.position?.start.line ?? 1);
    if (!isCatalogue(header) || result.table) {
      result.otherTables.push({ line, header });
      return;
    }
    result.table = {
      line,
      endLine: shift.line(node.position?.end.line ?? 1),
      header,
      start: shift.offset(node.position?.start.offset ?? 0),
      end: shift.offset(node.position?.end.offset ?? 0),
    };
    for (const row of rowsOf(node, shift)) result.rows.push(row);
  }
}

/**
 * Documents longer than this many lines are parsed a window at a time: micromark keeps every
 * event of a document in memory (tens of KB per table row), so a 100,000-row catalogue — or a
 * few MB of hostile `| x |` lines — would exhaust the heap in one piece.
 */
export const WINDOW_LINES = 2000;

export function parseMarkdownIndex(text: string): ParsedIndex {
  const result: ParsedIndex = { text, frontMatter: null, table: null, otherTables: [], rows: [] };
  const starts = lineStarts(text);
  if (starts.length <= WINDOW_LINES) {
    for (const node of fromMarkdown(text, MARKDOWN).children) collect(result, node, IDENTITY);
    return result;
  }
  parseWindows(text, starts, result, WINDOW_LINES);
  return result;
}

/** parseMarkdownIndex with windows of `windowLines` lines whatever the length. */
export function parseMarkdownIndexInWindows(text: string, windowLines: number): ParsedIndex {
  const result: ParsedIndex = { text, frontMatter: null, table: null, otherTables: [], rows: [] };
  const starts = lineStarts(text);
  parseWindows(text, starts, result, windowLines);
  return result;
}

/** Offsets where lines start; a line ends at LF, CRLF or a bare CR, as Markdown counts them. */
function lineStarts(text: string): number[] {
  const starts = [0];
  const re = /\r\n|\r|\n/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) if (m.index + m[0].length < text.length) starts.push(m.index + m[0].length);
  return starts;
}

/** The text of 1-based line `line` without its line ending. */
function lineText(text: string, starts: number[], line: number): string {
  const end = line < starts.length ? starts[line]! : text.length;
  return text.slice(starts[line - 1]!, end).replace(/(?:\r\n|\r|\n)$/u, '');
}

/**
 * Parses `text` in windows of `windowLines` lines. A node cut by the end of a window is parsed
 * again from its start in the next window, except a table: the next window starts with its
 * header and delimiter rows and its last row read (skipped), so the table goes on exactly as
 * it would in one piece.
 */
function parseWindows(text: string, starts: number[], result: ParsedIndex, windowLines: number): void {
  let first = 0; // 0-based first line of the window
  /** A table that goes on past the window: its header and delimiter lines, and whether its rows are the catalogue's. */
  let open = null as { prefix: string; catalogue: boolean; readUpTo: number } | null;
  // The front matter is one node that must be read whole: the first window holds all of it.
  let frontMatterLines = 0;
  if (/^---[ \t]*(?:\r\n|\r|\n)/u.test(text)) {
    for (let l = 1; l < starts.length; l += 1) {
      if (/^---[ \t]*$/u.test(lineText(text, starts, l + 1))) {
        frontMatterLines = l + 1;
        break;
      }
    }
  }
  while (first < starts.length) {
    const stop = Math.min(starts.length, first + Math.max(windowLines, first === 0 ? frontMatterLines + 1 : 0));
    const prefix = open?.prefix ?? '';
    const prefixLines = open ? 2 : 0;
    const from = starts[first]!;
    const shift: Shift = { line: (l) => l - prefixLines + first, offset: (o) => o - prefix.length + from };
    const tree = fromMarkdown(prefix + text.slice(from, stop < starts.length ? starts[stop]! : text.length), first === 0 ? MARKDOWN : MARKDOWN_BODY);
    const lastWindow = stop >= starts.length;
    const lastLine = prefixLines + (stop - first); // the window's last line, in window lines
    let next = stop;
    const continuing = open;
    open = null;
    for (const [k, node] of tree.children.entries()) {
      const isLast = k === tree.children.length - 1;
      const cut = isLast && !lastWindow && (node.position?.end.line ?? 0) >= lastLine;
      if (continuing && k === 0 && node.type === 'table') {
        // The table from the previous window: only its rows are new.
        if (continuing.catalogue && result.table) {
          for (const row of rowsOf(node, shift)) if (row.line > continuing.readUpTo) result.rows.push(row);
          result.table.endLine = shift.line(node.position?.end.line ?? 1);
          result.table.end = shift.offset(node.position?.end.offset ?? 0);
        }
        if (cut) {
          open = { ...continuing, readUpTo: shift.line(node.position?.end.line ?? 1) };
          next = stop - 1;
        }
        continue;
      }
      if (cut && node.type === 'table') {
        const before = result.table;
        collect(result, node, shift);
        const startLine = shift.line(node.position?.start.line ?? 1);
        open = { prefix: `${lineText(text, starts, startLine)}\n${lineText(text, starts, startLine + 1)}\n`, catalogue: result.table !== before, readUpTo: shift.line(node.position?.end.line ?? 1) };
        next = stop - 1;
        continue;
      }
      if (cut) {
        // Parsed again from its start. A node longer than a window (a huge paragraph) is not a
        // table, but a table may interrupt it: go on from its last line read, which may be the
        // header of a table whose delimiter row is in the next window.
        const startLine = shift.line(node.position?.start.line ?? 1) - 1;
        next = startLine > first ? startLine : Math.max(first + 1, stop - 1);
        continue;
      }
      collect(result, node, shift);
    }
    first = next;
  }
}
