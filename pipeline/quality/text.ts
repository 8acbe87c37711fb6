// Text helpers shared by the quality rules: tokens for Chinese n-gram statistics, line
// evidence, and a cap on how many spans one rule reports in one file.
import { codePointLength, evidenceIn, type Page, type PageLine } from '../page.js';
import type { Evidence } from '../types.js';
import type { Report } from './rule.js';

/** One Han character, or a run of Latin letters / digits (half- or full-width). */
const TOKEN_G = /\p{Script=Han}|[A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]+/gu;

export interface Token {
  /** Lower-cased token text. */
  text: string;
  /** UTF-16 offsets of the token's start and end in the page text. */
  offset: number;
  end: number;
  /** Code points in the token. */
  length: number;
}

/**
 * Tokens of the page for n-gram statistics. Chinese has no spaces between words, so each Han
 * character is a token and a run of letters or digits is one token (a Latin word, a number).
 * Lines for which `skip(lineIndex)` is true are left out.
 */
export function tokensOf(page: Page, skip: (lineIndex: number) => boolean = () => false): Token[] {
  const out: Token[] = [];
  page.lines.forEach((line, i) => {
    if (skip(i)) return;
    TOKEN_G.lastIndex = 0;
    for (let m = TOKEN_G.exec(line.text); m !== null; m = TOKEN_G.exec(line.text)) {
      out.push({ text: m[0].toLowerCase(), offset: line.offset + m.index, end: line.offset + m.index + m[0].length, length: codePointLength(m[0]) });
    }
  });
  return out;
}

/** Evidence for a whole line (its text without outer whitespace, at the column where it starts). */
export function lineEvidence(line: PageLine): Evidence {
  const lead = line.text.length - line.text.trimStart().length;
  return evidenceIn(line, lead, line.text.trim());
}

/** Evidence for lines [from, to] (indices into page.lines), taken verbatim from the page text. */
export function linesEvidence(page: Page, from: number, to: number): Evidence {
  const first = page.lines[from]!;
  const last = page.lines[to]!;
  return { line: first.no, column: 1, text: page.text.slice(first.offset, last.offset + last.text.length) };
}

/** Lines without their zero-width characters and outer whitespace, for comparing lines. */
export function normalised(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff]/gu, '').replace(/[\s\u3000]+/gu, ' ').trim();
}

/** At most this many spans of one rule are reported per file; the rest are counted in one more message. */
export const MAX_SPANS = 20;

/**
 * Reports each span as its own diagnostic, up to MAX_SPANS; past that one diagnostic says how
 * many more there are (so a file in the wrong script cannot bury the report).
 */
export function reportSpans(report: Report, spans: readonly { at: Evidence; message: string; expected?: string }[], more: (n: number) => string): void {
  spans.slice(0, MAX_SPANS).forEach((s) => report({ at: s.at, message: s.message, ...(s.expected !== undefined ? { expected: s.expected } : {}) }));
  const rest = spans.slice(MAX_SPANS);
  if (rest.length > 0) report({ at: { line: rest[0]!.at.line, column: rest[0]!.at.column }, message: more(rest.length), measured: spans.length, threshold: MAX_SPANS });
}

/** `12.3%` */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toString()}%`;
}

/** Formats a code point as U+XXXX. */
export function uPlus(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}
