// Spans in code points: evidence and diagnostics both reduce to [line, column, endLine,
// endColumn) so the excerpt builder and the page highlight the same characters.
import { codePointLength } from '../page.js';
import type { Diagnostic, Evidence } from '../types.js';

/** 1-based [line, column, endLine, endColumn), columns in code points, end exclusive. */
export type Span = [line: number, column: number, endLine: number, endColumn: number];

const LINE_BREAK = /\r\n|\n|\r/u;

/** The span an evidence text covers, starting at its line and column. */
export function spanOfEvidence(e: Evidence): Span | null {
  if (!Number.isInteger(e.line) || e.line < 1) return null;
  const column = Number.isInteger(e.column) && e.column >= 1 ? e.column : 1;
  const parts = e.text.split(LINE_BREAK);
  const last = parts[parts.length - 1] ?? '';
  if (parts.length === 1) return [e.line, column, e.line, column + Math.max(1, codePointLength(last))];
  return [e.line, column, e.line + parts.length - 1, codePointLength(last) + 1];
}

/** The span of a diagnostic; a line without a column covers the whole line. */
export function spanOfDiagnostic(d: Diagnostic): Span | null {
  if (d.line === undefined || !Number.isInteger(d.line) || d.line < 1) return null;
  if (d.column === undefined) return [d.line, 1, d.endLine ?? d.line, Number.MAX_SAFE_INTEGER];
  if (d.endLine !== undefined && d.endColumn !== undefined) {
    const end: Span = [d.line, d.column, d.endLine, d.endColumn];
    // An empty or inverted range still gets one character highlighted.
    if (d.endLine < d.line || (d.endLine === d.line && d.endColumn <= d.column)) return [d.line, d.column, d.line, d.column + 1];
    return end;
  }
  if (d.evidence !== undefined) return spanOfEvidence({ line: d.line, column: d.column, text: d.evidence });
  return [d.line, d.column, d.line, d.column + 1];
}

/** Shortens a long string to `max` code points, keeping both ends. */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s; // no more code points than UTF-16 units
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  const head = Math.ceil((max - 1) * 0.7);
  return `${cps.slice(0, head).join('')}…${cps.slice(cps.length - (max - 1 - head)).join('')}`;
}
