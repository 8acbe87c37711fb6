// The Markdown summary written to $GITHUB_STEP_SUMMARY: the counts, then a table of the
// findings that count (at most MAX_ROWS; the rest are in the report artifact). Seed text is
// untrusted: every character that can open Markdown or HTML syntax is backslash-escaped (so no
// link, HTML tag, table-cell break or mention can be formed) and line breaks become spaces.
import { countSeverities } from '../diagnostic.js';
import { escapeTerminal } from '../output/escape.js';
import type { FormatInput } from './index.js';
import { showLoneSurrogates } from './one-line.js';
import { plural } from './summary.js';

/** GitHub renders up to 1 MiB of summary; 100 rows keeps it readable and far below that. */
export const MAX_ROWS = 100;

/** Characters that can open Markdown or HTML syntax inside a table cell (all ASCII punctuation, so a backslash escapes them). */
const MARKDOWN_SYNTAX = /[\\`*_{}[\]<>()#+!|~&@$=:"']/gu;

export function escapeMarkdown(s: string): string {
  // Other control characters and bidi overrides are shown as \u{…}, as in the terminal.
  return showLoneSurrogates(escapeTerminal(s.replace(/[\r\n\u2028\u2029]+/gu, ' '))).replace(MARKDOWN_SYNTAX, (c) => `\\${c}`);
}

export function formatStepSummary(input: FormatInput): string {
  const { diagnostics, manifest, baselined } = input;
  const n = countSeverities(diagnostics);
  const verdict = n.errors > 0 ? '❌' : '✅';
  const out = [
    `## ${verdict} seedcheck`,
    '',
    `${plural(manifest.summary.files, 'file')} checked: **${plural(n.errors, 'error')}**, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')}; INDEX.md ${manifest.summary.index}.`,
  ];
  if (baselined && baselined.length > 0) out.push('', `${plural(baselined.length, 'finding')} covered by the baseline (not listed).`);
  const shown = diagnostics.filter((d) => d.severity !== 'info').slice(0, MAX_ROWS);
  if (shown.length > 0) {
    out.push('', '| severity | file | line | rule | message |', '| --- | --- | --- | --- | --- |');
    for (const d of shown) {
      out.push(`| ${d.severity} | ${escapeMarkdown(d.file)} | ${d.line ?? ''} | ${escapeMarkdown(d.ruleId)} | ${escapeMarkdown(d.message)} |`);
    }
    const rest = n.errors + n.warnings - shown.length;
    if (rest > 0) out.push('', `… and ${rest} more; see the report artifact.`);
  }
  return `${out.join('\n')}\n\n`;
}
