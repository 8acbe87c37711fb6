// Text helpers shared by the quality rules: line evidence, line comparison keys, and a cap
// on how many spans one rule reports in one file (n-gram tokens are tokens.ts).
import { evidenceIn, type Page, type PageLine } from '../page.js';
import type { Evidence } from '../types.js';
import type { Report } from './rule.js';

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
