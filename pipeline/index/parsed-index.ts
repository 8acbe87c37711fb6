// The parsed INDEX.md that the checks, the comparison and the write mode read.
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
