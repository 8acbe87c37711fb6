// The common catalogue row read without running micromark over it: `| [name](name) | 标题 | news
// | 2022-11-24 | 张三 | 江苏省 徐州市 |` — a line that opens and closes with `|`, whose cells
// hold nothing Markdown reads as inline syntax (at most one whole-cell `[text](destination)`).
// micromark costs about 0.5 ms a row; for such a row GFM's reading is fixed (split on every `|`,
// cell text as written), so it is built here exactly as micromark's tree gives it: each cell
// spans from its opening `|` to the next `|` (the last one including the closing `|`), text
// trimmed, a link's destination as its url. Anything else — escapes, code spans, emphasis, HTML,
// entities, tabs, brackets, `_` at a word edge — is "not plain" and goes to micromark.
// test/index-parse-oracle.test.ts compares the two readings on every fixture and hundreds of variants.
import { COLUMNS, type Column, type IndexCell, type IndexRow } from './parsed-index.js';

const PIPE = 0x7c;
const SPACE = 0x20;
const DASH = 0x2d;
const COLON = 0x3a;
const UNDERSCORE = 0x5f;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_PAREN = 0x28;
const CLOSE_PAREN = 0x29;

/** ASCII that never starts inline syntax in a cell (`(` `)` `!` only act next to brackets, which are excluded). */
const TEXT = new Uint8Array(128);
/** ASCII allowed in a link destination taken as written (no escapes, references, spaces or titles). */
const DESTINATION = new Uint8Array(128);
const ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c += 1) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z0-9]/u.test(ch)) ALNUM[c] = 1;
  if (/[A-Za-z0-9 !"#$%'()+,\-./:;=?@^{}]/u.test(ch)) TEXT[c] = 1;
  if (/[A-Za-z0-9\-./:#?=+%@_]/u.test(ch)) DESTINATION[c] = 1;
}

/** `_` between two ASCII letters or digits can neither open nor close emphasis. */
function inertUnderscore(text: string, i: number, from: number, to: number): boolean {
  return i > from && i + 1 < to && ALNUM[text.charCodeAt(i - 1)] === 1 && ALNUM[text.charCodeAt(i + 1)] === 1;
}

/** Whether text[from, to) is text Markdown keeps as written. */
function plainText(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 128) continue;
    if (TEXT[c] === 1) continue;
    if (c === UNDERSCORE && inertUnderscore(text, i, from, to)) continue;
    return false;
  }
  return true;
}

/** The `]` of a whole-cell plain link `[text](destination)` in text[from, to), or -1. */
function plainLink(text: string, from: number, to: number): number {
  if (text.charCodeAt(from) !== OPEN_BRACKET || text.charCodeAt(to - 1) !== CLOSE_PAREN) return -1;
  let close = from + 1;
  while (close < to && text.charCodeAt(close) !== CLOSE_BRACKET) close += 1;
  if (close + 1 >= to - 1 || text.charCodeAt(close + 1) !== OPEN_PAREN) return -1;
  if (!plainText(text, from + 1, close)) return -1;
  for (let i = close + 2; i < to - 1; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 128 || DESTINATION[c] !== 1) return -1;
  }
  return close;
}

/** The first position in [from, to) that is not a space, or `to`. */
function skipSpaces(text: string, from: number, to: number): number {
  while (from < to && text.charCodeAt(from) === SPACE) from += 1;
  return from;
}

/** The end of text[from, to) without trailing spaces. */
function trimSpaces(text: string, from: number, to: number): number {
  while (to > from && text.charCodeAt(to - 1) === SPACE) to -= 1;
  return to;
}

/** Whether text[from, to) holds only `-`, `:` and spaces, as a delimiter-row cell may. */
function delimiterCell(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c !== DASH && c !== COLON && c !== SPACE) return false;
  }
  return true;
}

/**
 * Whether the line text[start, end) (no line ending) is a plain row. A line that could be a
 * table's delimiter row (only `|`, `-`, `:` and spaces) never is: it changes the structure.
 */
export function isPlainRow(text: string, start: number, end: number): boolean {
  if (end - start < 2 || text.charCodeAt(start) !== PIPE || text.charCodeAt(end - 1) !== PIPE) return false;
  let delimiterLike = true;
  // Cell by cell: the line ends with `|`, so every search finds one before `end`.
  for (let open = start; open < end - 1; ) {
    const close = text.indexOf('|', open + 1);
    const from = skipSpaces(text, open + 1, close);
    const to = trimSpaces(text, from, close);
    if (from < to) {
      if (delimiterLike && !delimiterCell(text, from, to)) delimiterLike = false;
      if (!plainText(text, from, to) && plainLink(text, from, to) < 0) return false;
    }
    open = close;
  }
  return !delimiterLike;
}

/** The cell whose opening `|` is at `open` and next `|` at `close` (a plain row's); offsets less `back`. */
function cellAt(text: string, open: number, close: number, last: boolean, back: number): IndexCell {
  const from = skipSpaces(text, open + 1, close);
  const to = trimSpaces(text, from, close);
  const link = from < to ? plainLink(text, from, to) : -1;
  const start = open - back;
  const end = (last ? close + 1 : close) - back;
  if (link < 0) return { text: text.slice(from, to).trim(), start, end };
  return { text: text.slice(from + 1, link).trim(), url: text.slice(link + 2, to - 1), start, end };
}

/**
 * The row of the plain-row line text[start, end) at 1-based `line`, as micromark would give it.
 * Offsets are given less `back`: micromark skips a byte order mark and counts from after it.
 */
export function plainRow(text: string, line: number, start: number, end: number, back = 0): IndexRow {
  const cells = {} as Record<Column, IndexCell>;
  let count = 0;
  for (let open = start; open < end - 1; ) {
    const close = text.indexOf('|', open + 1);
    const column = COLUMNS[count];
    if (column !== undefined) cells[column] = cellAt(text, open, close, close === end - 1, back);
    count += 1;
    open = close;
  }
  for (let k = count; k < COLUMNS.length; k += 1) cells[COLUMNS[k]!] = { text: '' };
  return {
    line,
    cells,
    extra: Math.max(0, count - COLUMNS.length),
    missing: Math.max(0, COLUMNS.length - count),
    start: start - back,
    end: end - back,
  };
}
