// The raw cells of one table-row line, with their offsets, the way GFM splits them: on every
// `|` not escaped by a backslash (GFM splits inside code spans too, so there is no exception).
// The write mode rebuilds a row from these, keeping each cell's Markdown exactly as written;
// the comparison uses the offsets to point a diagnostic at the cell's column.

export interface RawCell {
  /** The cell's Markdown, trimmed. */
  raw: string;
  /** UTF-16 offsets of the trimmed content within the line (start = end for an empty cell). */
  start: number;
  end: number;
}

export function splitRow(line: string): RawCell[] {
  const cells: RawCell[] = [];
  let i = 0;
  while (i < line.length && (line[i] === ' ' || line[i] === '\t')) i += 1;
  if (line[i] === '|') i += 1;
  let cellStart = i;
  const close = (end: number): void => {
    let s = cellStart;
    let e = end;
    while (s < e && /\s/u.test(line[s]!)) s += 1;
    while (e > s && /\s/u.test(line[e - 1]!)) e -= 1;
    cells.push({ raw: line.slice(s, e), start: s, end: e });
  };
  for (; i < line.length; i += 1) {
    const c = line[i];
    if (c === '\\') {
      i += 1;
      continue;
    }
    if (c === '|') {
      close(i);
      cellStart = i + 1;
    }
  }
  // Text after the last pipe is a cell only when it is not blank (a trailing `|` closes the row).
  if (line.slice(cellStart).trim() !== '') close(line.length);
  return cells;
}

/** Builds a row line from cell Markdown: `| a | b |  | d |`. */
export function joinRow(cells: readonly string[], indent = ''): string {
  return `${indent}| ${cells.join(' | ')} |`;
}
