// Construction and ordering of the one diagnostic type every stage reports.
import type { Diagnostic, Evidence, Severity } from './types.js';

export interface DiagnosticInit {
  ruleId: string;
  severity: Severity;
  message: string;
  at?: Evidence | { line: number; column?: number; endLine?: number; endColumn?: number };
  evidence?: string;
  expected?: string;
  actual?: string;
  measured?: number;
  threshold?: number;
  related?: Evidence[];
}

/** Builds a diagnostic on `file`, taking line/column (and evidence text) from `at`. */
export function diagnostic(file: string, init: DiagnosticInit): Diagnostic {
  const d: Diagnostic = { file, ruleId: init.ruleId, severity: init.severity, message: init.message };
  const at = init.at;
  if (at) {
    d.line = at.line;
    if (at.column !== undefined) d.column = at.column;
    if ('text' in at) {
      const lines = at.text.split('\n');
      d.endLine = at.line + lines.length - 1;
      const last = [...(lines[lines.length - 1] ?? '')].length;
      d.endColumn = lines.length === 1 ? (at.column ?? 1) + last : last + 1;
      d.evidence = at.text;
    } else {
      if (at.endLine !== undefined) d.endLine = at.endLine;
      if (at.endColumn !== undefined) d.endColumn = at.endColumn;
    }
  }
  if (init.evidence !== undefined) d.evidence = init.evidence;
  if (init.expected !== undefined) d.expected = init.expected;
  if (init.actual !== undefined) d.actual = init.actual;
  if (init.measured !== undefined) d.measured = init.measured;
  if (init.threshold !== undefined) d.threshold = init.threshold;
  if (init.related !== undefined && init.related.length > 0) d.related = init.related;
  return d;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function cmp(a: string | number, b: string | number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable order: file, line, column, ruleId, then severity and message so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file, b.file) ||
    cmp(a.line ?? 0, b.line ?? 0) ||
    cmp(a.column ?? 0, b.column ?? 0) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(SEVERITY_ORDER[a.severity], SEVERITY_ORDER[b.severity]) ||
    cmp(a.message, b.message)
  );
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort(compareDiagnostics);
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countSeverities(list: readonly Diagnostic[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of list) {
    if (d.severity === 'error') c.errors += 1;
    else if (d.severity === 'warning') c.warnings += 1;
    else c.infos += 1;
  }
  return c;
}
