// GitHub Actions workflow commands: one annotation per diagnostic on its file and line
// (`::error file=…,line=…,col=…,title=ruleId::message`), then a plain summary line.
// Escaping follows the runner's rules: in the message `%`, CR and LF are percent-encoded;
// in properties also `:` and `,`. So nothing from a seed can end the command or start a line.
// Other control characters (ANSI escapes, bidi overrides) are shown as \u{…}, as in the terminal.
import { escapeTerminal } from '../output/escape.js';
import { showLoneSurrogates } from './one-line.js';
import type { Severity } from '../types.js';
import type { FormatInput } from './index.js';
import { summaryLine } from './summary.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * Escapes the data part of a workflow command (after the second `::`). The runner's own
 * escapes cover `%`, CR and LF; `##[` (the legacy command syntax, which the runner looks for
 * anywhere in a line) has none, so its first `#` is shown as \u{23}.
 */
export function escapeData(s: string): string {
  return showLoneSurrogates(escapeTerminal(s.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A'))).replace(/##\[/gu, '\\u{23}#[');
}

/** Escapes a property value (`file=…`, `title=…`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}

export function formatGithub(input: FormatInput): string {
  const lines = input.diagnostics.map((d) => {
    const props = [`file=${escapeProperty(d.file)}`];
    if (d.line !== undefined) {
      props.push(`line=${d.line}`);
      if (d.column !== undefined) props.push(`col=${d.column}`);
      if (d.endLine !== undefined) props.push(`endLine=${d.endLine}`);
      if (d.endColumn !== undefined) props.push(`endColumn=${d.endColumn}`);
    }
    props.push(`title=${escapeProperty(d.ruleId)}`);
    return `::${COMMAND[d.severity]} ${props.join(',')}::${escapeData(d.message)}`;
  });
  // The summary is plain log text; it starts with a fixed word, never with `::`.
  lines.push(`seedcheck: ${escapeData(summaryLine(input))}`);
  return `${lines.join('\n')}\n`;
}
