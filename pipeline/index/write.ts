// The write mode's core, a pure function: INDEX.md text + seed files + records → new text.
//
// What a maintainer wrote is kept: every non-empty cell is theirs, byte for byte, whether they
// typed it or accepted a value this tool filled in (filling a cell is a diff they review and
// commit). To have detection redo a cell, empty it. Empty cells are filled from detection
// (`—` where the page shows none); rows are added, in sequence order, for files without one;
// the front matter's `count` is set to the number of seed files. Everything else — front
// matter, prose, other tables, rows of missing files, duplicate rows, line endings — stays as
// it is, so a second run with the same inputs changes nothing.
import type { SeedRecord } from '../types.js';
import { rowFileName } from './check.js';
import { COLUMNS, parseIndex, type FrontMatter, type IndexRow } from './parse.js';
import { FIELDS, escapeCell, recordCells, type Field } from './render-cell.js';
import { joinRow, splitRow } from './row-cells.js';

export interface RewriteInput {
  text: string;
  /** Every seed file in the folder, sorted by name (sets `count`). */
  files: readonly string[];
  records: readonly SeedRecord[];
  /** Fill and add rows only for these files (the add command); default: every file. */
  only?: ReadonlySet<string>;
}

export interface RowChange {
  file: string;
  /** Line of the row in the new text. */
  line: number;
  fields: Field[];
  added: boolean;
}

export type RewriteResult =
  | { ok: true; text: string; changes: RowChange[]; count: { from: unknown; to: number } | null; notes: string[] }
  | { ok: false; reason: string };

interface Edit {
  start: number;
  end: number;
  text: string;
}

const HEADER = `| ${COLUMNS.join(' | ')} |`;
const DELIMITER = `| ${COLUMNS.map(() => '---').join(' | ')} |`;

/** A record detection ran on to the end; others leave their cells empty for the maintainer. */
export function detected(record: SeedRecord | undefined): record is SeedRecord {
  return record !== undefined && record.encoding !== 'binary' && !record.quality.flags.some((f) => f.ruleId === 'internal/stage-failed');
}

/** The file cell of a new row: a link to the file, or plain text when the name would break a link. */
function fileCell(name: string): string {
  return /^[\w.-]+$/u.test(name) ? `[${name}](${name})` : escapeCell(name);
}

function cellsFor(record: SeedRecord | undefined): Partial<Record<Field, string>> {
  if (!detected(record)) return {};
  const cells = recordCells(record);
  const out: Partial<Record<Field, string>> = {};
  for (const f of FIELDS) {
    const v = cells[f];
    if (v !== null) out[f] = escapeCell(v);
  }
  return out;
}

function newRow(name: string, record: SeedRecord | undefined): { text: string; fields: Field[] } {
  const cells = cellsFor(record);
  const fields = FIELDS.filter((f) => cells[f] !== undefined);
  return { text: joinRow([fileCell(name), ...COLUMNS.slice(1).map((c) => cells[c as Field] ?? '')]), fields };
}

/** Rebuilds a row line with its empty cells filled; null when there is nothing to fill. */
function filledRow(line: string, row: IndexRow, record: SeedRecord | undefined): { text: string; fields: Field[] } | null {
  const cells = cellsFor(record);
  const fill = FIELDS.filter((f) => row.cells[f].text === '' && cells[f] !== undefined);
  if (fill.length === 0) return null;
  const raw = splitRow(line).map((c) => c.raw);
  while (raw.length < COLUMNS.length) raw.push('');
  for (const f of fill) raw[COLUMNS.indexOf(f)] = cells[f]!;
  const indent = /^[ \t]*/u.exec(line)?.[0] ?? '';
  return { text: joinRow(raw, indent), fields: fill };
}

function applyEdits(text: string, edits: Edit[]): string {
  // Zero-width insertions sort before a replacement starting at the same offset.
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Start and end (before CR LF) of the line holding `offset`. */
function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (end > start && text[end - 1] === '\r') end -= 1;
  return { start, end };
}

/** The edit that sets the front matter's count, or null when it is right (or cannot be set safely). */
function countEdit(text: string, nl: string, fm: FrontMatter, count: number, notes: string[]): { edit: Edit | null; from: unknown } {
  const data = fm.data;
  if (fm.errors.length > 0 || data === null || typeof data !== 'object' || Array.isArray(data)) {
    notes.push('the front matter is not a valid YAML mapping; count not updated');
    return { edit: null, from: undefined };
  }
  const from = (data as Record<string, unknown>)['count'];
  if (from === count) return { edit: null, from };
  const keyLine = fm.keyLines['count'];
  if (keyLine === undefined) {
    // No count key: add one just before the closing ---.
    const closing = text.lastIndexOf('---', fm.end);
    if (closing < fm.start) {
      notes.push('cannot find the end of the front matter; count not updated');
      return { edit: null, from };
    }
    return { edit: { start: closing, end: closing, text: `count: ${count}${nl}` }, from };
  }
  let lineStart = 0;
  for (let n = 1; n < keyLine; n += 1) lineStart = text.indexOf('\n', lineStart) + 1;
  const line = text.slice(lineStart, lineBounds(text, lineStart).end);
  // `count: <value>` with an optional `# comment` after it; the value is replaced, the rest kept.
  const m = /^(count[ \t]*:[ \t]*)([^#]*)/u.exec(line);
  const value = m?.[2]?.trimEnd() ?? '';
  if (!m || value === '') {
    notes.push(`the count line (line ${keyLine}) is not a plain \`count: N\`; count not updated`);
    return { edit: null, from };
  }
  const valueStart = lineStart + m[1]!.length;
  return { edit: { start: valueStart, end: valueStart + value.length, text: String(count) }, from };
}

export function rewriteIndex(input: RewriteInput): RewriteResult {
  const { text } = input;
  const index = parseIndex(text);
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const records = new Map(input.records.map((r) => [r.file, r]));
  const wanted = (name: string): boolean => input.only === undefined || input.only.has(name);
  const edits: Edit[] = [];
  const notes: string[] = [];
  const changes: Omit<RowChange, 'line'>[] = [];

  // No INDEX.md yet: front matter with the one key detection knows (count), then the table.
  if (text.trim() === '') {
    const rows = input.files.filter(wanted).map((n) => ({ name: n, ...newRow(n, records.get(n)) }));
    const lines = ['---', `count: ${input.files.length}`, '---', '', HEADER, DELIMITER, ...rows.map((r) => r.text)];
    return {
      ok: true,
      text: `${lines.join('\n')}\n`,
      changes: rows.map((r, i) => ({ file: r.name, line: 7 + i, fields: r.fields, added: true })),
      count: { from: undefined, to: input.files.length },
      notes: ['new file: add name, description, licence, language and maintainers to its front matter'],
    };
  }

  if (!index.table && index.otherTables.length > 0) {
    const other = index.otherTables[0]!;
    return {
      ok: false,
      reason: `the table at line ${other.line} has the header "| ${other.header.join(' | ')} |", not "${HEADER}"; fix the header and run again`,
    };
  }

  // Fill the empty cells of existing rows (the first row of each file; duplicates are left alone).
  const firstRows = new Map<string, IndexRow>();
  for (const row of index.rows) {
    const name = rowFileName(row);
    if (name === '' || firstRows.has(name)) continue;
    firstRows.set(name, row);
    if (!wanted(name)) continue;
    const bounds = lineBounds(text, row.start);
    const filled = filledRow(text.slice(bounds.start, bounds.end), row, records.get(name));
    if (filled) {
      edits.push({ ...bounds, text: filled.text });
      changes.push({ file: name, fields: filled.fields, added: false });
    }
  }

  // Rows for files without one, each after the row of the nearest smaller file name.
  const missing = input.files.filter((f) => !firstRows.has(f) && wanted(f));
  if (missing.length > 0) {
    const named = index.rows.map((row) => ({ row, name: rowFileName(row) }));
    const groups = new Map<number, string[]>();
    for (const name of missing) {
      let anchor = -1;
      for (const [i, r] of named.entries()) {
        if (r.name < name && (anchor < 0 || r.name > named[anchor]!.name)) anchor = i;
      }
      groups.set(anchor, [...(groups.get(anchor) ?? []), name]);
    }
    for (const [anchor, names] of groups) {
      const rows = names.map((n) => ({ name: n, ...newRow(n, records.get(n)) }));
      const body = rows.map((r) => r.text).join(nl);
      let at: number;
      let insert: string;
      if (!index.table) {
        const sep = text === '' || text.endsWith('\n') ? '' : nl;
        at = text.length;
        insert = `${sep}${text === '' ? '' : nl}${HEADER}${nl}${DELIMITER}${nl}${body}${nl}`;
      } else if (anchor >= 0) {
        at = lineBounds(text, named[anchor]!.row.start).end;
        insert = `${nl}${body}`;
      } else if (named.length > 0) {
        at = lineBounds(text, named[0]!.row.start).start;
        insert = `${body}${nl}`;
      } else {
        at = lineBounds(text, Math.max(index.table.start, index.table.end - 1)).end;
        insert = `${nl}${body}`;
      }
      edits.push({ start: at, end: at, text: insert });
      for (const r of rows) changes.push({ file: r.name, fields: r.fields, added: true });
    }
  }

  let count: { from: unknown; to: number } | null = null;
  if (index.frontMatter) {
    const c = countEdit(text, nl, index.frontMatter, input.files.length, notes);
    if (c.edit) {
      edits.push(c.edit);
      count = { from: c.from, to: input.files.length };
    }
  } else {
    notes.push('INDEX.md has no front matter; count not updated');
  }

  const next = applyEdits(text, edits);
  // Report each changed row at its line in the new text.
  const after = parseIndex(next);
  const lineOf = new Map<string, number>();
  for (const r of after.rows) if (!lineOf.has(rowFileName(r))) lineOf.set(rowFileName(r), r.line);
  const rowChanges: RowChange[] = changes
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((c) => ({ file: c.file, line: lineOf.get(c.file) ?? 0, fields: c.fields, added: c.added }));
  return { ok: true, text: next, changes: rowChanges, count, notes };
}
