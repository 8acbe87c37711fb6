// INDEX.md checks that need only the file list: rows ↔ files both ways, file names,
// sequence numbers, duplicates, front matter and count, and each cell's format.
import path from 'node:path';
import { diagnostic } from '../diagnostic.js';
import { describeErrors, validator } from '../schemas.js';
import { SOURCE_TYPES, type Diagnostic } from '../types.js';
import type { IndexRow, ParsedIndex } from './parse.js';

/** Three or more digits, so the corpus can pass 999 files; 16 lowercase hex from the hash. */
export const SEED_NAME = /^(\d{3,})_([0-9a-f]{16})\.txt$/u;
/** Cell values meaning "none" (as opposed to an empty, not-yet-filled cell). */
export const NONE_VALUES = new Set(['—', '-', '–', 'none', 'null']);
export const ISO_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/u;

export interface IndexCheckInput {
  /** Display path of INDEX.md. */
  indexPath: string;
  index: ParsedIndex;
  /** Names of the seed files found in the folder (sorted). */
  files: string[];
  /** Display path for a seed file name. */
  seedPath(name: string): string;
}

/** The file name a row refers to: the link target when there is one, else the cell text. */
export function rowFileName(row: IndexRow): string {
  const { url, text } = row.cells.file;
  return (url === undefined ? text : decodeUrl(url)).replace(/^`|`$/gu, '').trim();
}

/** A link destination is a URL: `my%20seed.txt` names `my seed.txt` (and `..%2F` is `../`). */
function decodeUrl(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url; // a stray `%` is kept as written
  }
}

export function checkIndexStructure(input: IndexCheckInput): Diagnostic[] {
  const { indexPath, index, files } = input;
  const out: Diagnostic[] = [];
  const at = (line: number) => ({ line, column: 1 });
  const push = (ruleId: string, line: number, message: string, extra: Partial<Diagnostic> = {}): void => {
    out.push({ ...diagnostic(indexPath, { ruleId, severity: 'error', message, at: at(line) }), ...extra });
  };

  checkFrontMatter(index, files.length, push);

  if (!index.table) {
    const other = index.otherTables[0];
    push(
      'index/no-table',
      other?.line ?? 1,
      other
        ? `the table header is "| ${other.header.join(' | ')} |"; expected "| file | title | type | date | author | region |"`
        : 'no catalogue table found; expected a table with columns | file | title | type | date | author | region |',
    );
    return out;
  }

  const fileSet = new Set(files);
  const firstRow = new Map<string, IndexRow>();
  for (const row of index.rows) {
    const name = rowFileName(row);
    if (row.extra > 0) push('index/extra-cells', row.line, `row has ${row.extra} cell(s) beyond the six columns`);
    if (row.missing > 0) {
      push('index/missing-cells', row.line, `row has ${6 - row.missing} cell(s); expected six (| file | title | type | date | author | region |)`, { severity: 'warning' });
    }
    if (name === '') {
      push('index/missing-file', row.line, 'row has an empty file cell');
      continue;
    }
    const resolved = path.posix.normalize(name);
    if (name.includes('/') || name.includes('\\') || resolved.startsWith('..')) {
      push('index/link-outside', row.line, `row links to "${name}", outside the seeds folder; rows must name a file inside seeds/`, { actual: name });
      continue;
    }
    if (row.cells.file.url !== undefined && row.cells.file.text !== '' && row.cells.file.text !== name) {
      push('index/link-mismatch', row.line, `link text "${row.cells.file.text}" differs from its target "${name}"`);
    }
    const prev = firstRow.get(name);
    if (prev) {
      push('index/duplicate-row', row.line, `${name} already has a row at line ${prev.line}`);
      continue;
    }
    firstRow.set(name, row);
    if (!fileSet.has(name)) push('index/missing-file', row.line, `row names ${name}, which is not in the seeds folder`, { actual: name });
    else if (!SEED_NAME.test(name)) push('index/file-name', row.line, `file name ${name} does not match NNN_<16 lowercase hex>.txt`, { actual: name });
    checkCells(row, push);
  }

  // Files without a row: point at the line where their row belongs (after the previous file's row).
  const sortedRows = [...firstRow.entries()];
  for (const name of files) {
    if (firstRow.has(name)) continue;
    const before = sortedRows.filter(([n]) => n < name).pop();
    const line = before ? before[1].line + 1 : index.table.line + 2;
    push('index/missing-row', line, `${name} has no row in INDEX.md (add one near line ${line}, or run \`npm run index\`)`, { actual: name });
    if (!SEED_NAME.test(name)) {
      out.push(diagnostic(input.seedPath(name), { ruleId: 'index/file-name', severity: 'error', message: `file name ${name} does not match NNN_<16 lowercase hex>.txt` }));
    }
  }

  checkSequence(files, firstRow, input, out);
  checkOrder(index.rows, push);
  return out;
}

type Push = (ruleId: string, line: number, message: string, extra?: Partial<Diagnostic>) => void;

function checkFrontMatter(index: ParsedIndex, fileCount: number, push: Push): void {
  const fm = index.frontMatter;
  if (!fm) {
    push('index/front-matter', 1, 'INDEX.md has no YAML front matter (--- name, description, licence, language, maintainers, count ---)');
    return;
  }
  for (const e of fm.errors) push('index/front-matter', e.line, `front matter is not valid YAML: ${e.message}`);
  if (fm.errors.length > 0) return;
  const validate = validator('index-front-matter');
  if (!validate(fm.data)) {
    for (const [i, msg] of describeErrors(validate.errors).entries()) {
      const key = validate.errors?.[i]?.instancePath.split('/')[1];
      push('index/front-matter', (key && fm.keyLines[key]) || fm.line, `front matter ${msg}`);
    }
    return;
  }
  const count = (fm.data as { count: number }).count;
  if (count !== fileCount) {
    push('index/count', fm.keyLines['count'] ?? fm.line, `front matter count is ${count} but the folder has ${fileCount} seed file(s)`, {
      expected: String(fileCount),
      actual: String(count),
    });
  }
}

function checkCells(row: IndexRow, push: Push): void {
  const type = row.cells.type.text;
  if (type !== '' && !NONE_VALUES.has(type) && !(SOURCE_TYPES as readonly string[]).includes(type)) {
    push('index/bad-value', row.line, `type "${type}" is not one of ${SOURCE_TYPES.join(', ')}`, { actual: type });
  }
  const date = row.cells.date.text;
  if (date !== '' && !NONE_VALUES.has(date) && !ISO_DATE.test(date)) {
    push('index/bad-value', row.line, `date "${date}" is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)`, { actual: date });
  }
}

function checkSequence(files: string[], rows: Map<string, IndexRow>, input: IndexCheckInput, out: Diagnostic[]): void {
  const seen = new Map<number, string>();
  const numbered: { n: number; name: string }[] = [];
  for (const name of files) {
    const m = SEED_NAME.exec(name);
    if (!m) continue;
    const n = Number(m[1]);
    const where = rows.get(name);
    const prev = seen.get(n);
    if (prev !== undefined) {
      const d = where
        ? diagnostic(input.indexPath, { ruleId: 'index/sequence', severity: 'error', message: `sequence number ${m[1]} is used by ${prev} and ${name}`, at: { line: where.line, column: 1 } })
        : diagnostic(input.seedPath(name), { ruleId: 'index/sequence', severity: 'error', message: `sequence number ${m[1]} is also used by ${prev}` });
      out.push(d);
      continue;
    }
    seen.set(n, name);
    numbered.push({ n, name });
  }
  numbered.sort((a, b) => a.n - b.n);
  for (let i = 1; i < numbered.length; i += 1) {
    const a = numbered[i - 1]!;
    const b = numbered[i]!;
    if (b.n === a.n + 1) continue;
    const missing = b.n - a.n === 2 ? String(a.n + 1).padStart(3, '0') : `${String(a.n + 1).padStart(3, '0')}–${String(b.n - 1).padStart(3, '0')}`;
    const where = rows.get(b.name);
    const message = `sequence jumps from ${a.name} to ${b.name}: ${missing} missing`;
    out.push(
      where
        ? diagnostic(input.indexPath, { ruleId: 'index/sequence', severity: 'error', message, at: { line: where.line, column: 1 } })
        : diagnostic(input.seedPath(b.name), { ruleId: 'index/sequence', severity: 'error', message }),
    );
  }
}

function checkOrder(rows: IndexRow[], push: Push): void {
  for (let i = 1; i < rows.length; i += 1) {
    const a = rowFileName(rows[i - 1]!);
    const b = rowFileName(rows[i]!);
    if (b < a) {
      push('index/row-order', rows[i]!.line, `rows are out of sequence order: ${b} comes after ${a}`, { severity: 'warning' });
      return;
    }
  }
}
