// Human-readable terminal output: one line per diagnostic, then a summary line.
import { countSeverities } from '../diagnostic.js';
import { escapeTerminal } from '../output/escape.js';
import type { FormatInput } from './index.js';

const COLOURS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m', reset: '\u001b[0m' };

export function formatText({ diagnostics, manifest, colour }: FormatInput): string {
  const c = (k: keyof typeof COLOURS, s: string): string => (colour ? `${COLOURS[k]}${s}${COLOURS.reset}` : s);
  const lines = diagnostics.map((d) => {
    const where = `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`;
    return `${escapeTerminal(where)}  ${c(d.severity, d.severity.padEnd(7))}  ${escapeTerminal(d.message)}  ${c('dim', d.ruleId)}`;
  });
  const n = countSeverities(diagnostics);
  const plural = (k: number, w: string): string => `${k} ${w}${k === 1 ? '' : 's'}`;
  const summary = `${plural(manifest.summary.files, 'file')} checked: ${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')}; INDEX.md ${manifest.summary.index}`;
  lines.push((lines.length ? '\n' : '') + c(n.errors > 0 ? 'error' : 'bold', summary));
  return `${lines.join('\n')}\n`;
}
