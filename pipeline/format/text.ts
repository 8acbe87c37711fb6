// Human-readable terminal output: one line per diagnostic, then a summary line.
import { countSeverities } from '../diagnostic.js';
import type { FormatInput } from './index.js';
import { lineStart, oneLine } from './one-line.js';
import { summaryLine } from './summary.js';

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

export function formatText(input: FormatInput): string {
  const { diagnostics, colour } = input;
  const c = (k: keyof typeof COLOURS, s: string): string => (colour ? `${COLOURS[k]}${s}${COLOURS.reset}` : s);
  const lines = diagnostics.map((d) => {
    const where = `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`;
    return `${lineStart(where)}  ${c(d.severity, d.severity.padEnd(7))}  ${oneLine(d.message)}  ${c('dim', oneLine(d.ruleId))}`;
  });
  const n = countSeverities(diagnostics);
  lines.push((lines.length ? '\n' : '') + c(n.errors > 0 ? 'error' : 'bold', summaryLine(input)));
  return `${lines.join('\n')}\n`;
}
