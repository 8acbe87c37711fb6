// Parse seeds/INDEX.md with a real Markdown parser (micromark + GFM tables + YAML front
// matter), keeping every row's line number so each diagnostic can point at it.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import type { Root, Table, TableRow, RootContent, PhrasingContent } from 'mdast';
import { LineCounter, parseDocument, isMap, isScalar } from 'yaml';

export const COLUMNS = ['file', 'title', 'type', 'date', 'author', 'region'] as const;
export type Column = (typeof COLUMNS)[number];

export interface IndexCell {
  text: string;
  /** Link destination when the cell is a Markdown link. */
  url?: string;
  /** UTF-16 offsets of the cell's content in INDEX.md (for rewriting). */
  start?: number;
  end?: number;
}

export interface IndexRow {
  line: number;
  cells: Record<Column, IndexCell>;
  /** Cells beyond the six known columns (reported, kept on rewrite). */
  extra: number;
  /** Columns the row leaves out entirely (fewer cells than the header). */
  missing: number;
  /** UTF-16 offsets of the whole row line. */
  start: number;
  end: number;
}

export interface FrontMatter {
  /** Parsed data, or undefined when the YAML is broken. */
  data: unknown;
  /** Line of the opening `---` and of each top-level key. */
  line: number;
  keyLines: Record<string, number>;
  errors: { line: number; message: string }[];
  start: number;
  end: number;
}

export interface ParsedIndex {
  text: string;
  frontMatter: FrontMatter | null;
  table: { line: number; endLine: number; header: string[]; start: number; end: number } | null;
  /** Tables that look like a catalogue but whose header is not the expected one. */
  otherTables: { line: number; header: string[] }[];
  rows: IndexRow[];
}

function cellOf(node: TableRow['children'][number] | undefined): IndexCell {
  if (!node) return { text: '' };
  const link = node.children.find((c: PhrasingContent) => c.type === 'link');
  const cell: IndexCell = { text: toString(node).trim() };
  if (link && link.type === 'link') cell.url = link.url;
  if (node.position) {
    cell.start = node.position.start.offset ?? undefined;
    cell.end = node.position.end.offset ?? undefined;
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

export function parseIndex(text: string): ParsedIndex {
  const tree: Root = fromMarkdown(text, {
    extensions: [frontmatter(['yaml']), gfmTable()],
    mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
  });
  const result: ParsedIndex = { text, frontMatter: null, table: null, otherTables: [], rows: [] };
  for (const node of tree.children) {
    if (node.type === 'yaml' && result.frontMatter === null && node.position?.start.line === 1) {
      result.frontMatter = parseFrontMatter(node.value, node);
    } else if (node.type === 'table') {
      const header = headerOf(node);
      const line = node.position?.start.line ?? 1;
      const isCatalogue = COLUMNS.every((c, i) => header[i] === c);
      if (!isCatalogue || result.table) {
        result.otherTables.push({ line, header });
        continue;
      }
      result.table = {
        line,
        endLine: node.position?.end.line ?? line,
        header,
        start: node.position?.start.offset ?? 0,
        end: node.position?.end.offset ?? 0,
      };
      for (const row of node.children.slice(1)) {
        const cells = Object.fromEntries(COLUMNS.map((c, i) => [c, cellOf(row.children[i])])) as Record<Column, IndexCell>;
        result.rows.push({
          line: row.position?.start.line ?? line,
          cells,
          extra: Math.max(0, row.children.length - COLUMNS.length),
          missing: Math.max(0, COLUMNS.length - row.children.length),
          start: row.position?.start.offset ?? 0,
          end: row.position?.end.offset ?? 0,
        });
      }
    }
  }
  return result;
}
