// JUnit XML, as Jenkins, GitLab, Azure Pipelines and the common test-report viewers read it:
// one <testsuite> per file, one <testcase> per diagnostic (a file without findings gets one
// passing case). Errors are <failure>s; warnings and infos pass with the finding in
// <system-out>, as they do not fail the run by default; findings the baseline covers are <skipped>.
import path from 'node:path';
import { compareDiagnostics } from '../diagnostic.js';
import { escapeTerminal } from '../output/escape.js';
import type { Diagnostic } from '../types.js';
import type { FormatInput } from './index.js';
import { showLoneSurrogates } from './one-line.js';

// Characters XML 1.0 cannot carry at all (not even as references). escapeTerminal has already
// shown the C0/C1 controls and bidi overrides as \u{…}; these are what is left.
const NOT_XML = /[\ufffe\uffff]/gu;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\t': '&#9;' };

/**
 * Escapes text for XML content and attributes. Control characters and bidi overrides are shown
 * as \u{…} (as in the terminal), so a viewer shows what the seed holds. Line breaks become
 * character references, so untrusted text never opens a line of the output (no `::` workflow
 * command can appear); `##[` (GitHub's legacy command syntax) is broken up the same way.
 */
export function escapeXml(s: string): string {
  return showLoneSurrogates(escapeTerminal(s))
    .replace(NOT_XML, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`)
    .replace(/[&<>"'\n\t]/gu, (c) => XML_ESCAPES[c]!)
    .replace(/##\[/gu, '&#35;#[');
}

interface Case {
  name: string;
  d?: Diagnostic;
  covered: boolean;
}

function where(d: Diagnostic): string {
  return d.line !== undefined ? `${d.line}:${d.column ?? 1}` : '';
}

function details(d: Diagnostic): string {
  // Each line starts with a fixed label; values are escaped onto that one line.
  const lines = [`at ${escapeXml(d.file)}${d.line !== undefined ? `:${where(d)}` : ''}`, `rule: ${escapeXml(d.ruleId)}`, `severity: ${d.severity}`, `message: ${escapeXml(d.message)}`];
  if (d.evidence !== undefined) lines.push(`evidence: ${escapeXml(d.evidence)}`);
  if (d.expected !== undefined) lines.push(`expected: ${escapeXml(d.expected)}`);
  if (d.actual !== undefined) lines.push(`actual: ${escapeXml(d.actual)}`);
  if (d.measured !== undefined) lines.push(`measured: ${d.measured}${d.threshold !== undefined ? ` (threshold ${d.threshold})` : ''}`);
  return lines.join('\n');
}

function renderCase(suite: string, c: Case): string {
  const attrs = [`name="${escapeXml(c.name)}"`, `classname="${escapeXml(suite)}"`];
  const d = c.d;
  if (d) {
    attrs.push(`file="${escapeXml(d.file)}"`);
    if (d.line !== undefined) attrs.push(`line="${d.line}"`);
  }
  attrs.push('time="0"');
  const open = `    <testcase ${attrs.join(' ')}`;
  if (!d) return `${open}/>`;
  let body: string;
  if (c.covered) body = `      <skipped message="covered by the baseline: ${escapeXml(d.message)}"/>`;
  else if (d.severity === 'error') body = `      <failure message="${escapeXml(d.message)}" type="${escapeXml(d.ruleId)}">${details(d)}</failure>`;
  else body = `      <system-out>${details(d)}</system-out>`;
  return `${open}>\n${body}\n    </testcase>`;
}

export function formatJunit({ diagnostics, manifest, baselined }: FormatInput): string {
  const bySuite = new Map<string, Case[]>();
  for (const r of manifest.records) bySuite.set(path.posix.join(manifest.seeds, r.file), []);
  const covered = new Set<Diagnostic>(baselined ?? []);
  for (const d of [...diagnostics, ...covered].sort(compareDiagnostics)) {
    const list = bySuite.get(d.file) ?? [];
    const at = where(d);
    list.push({ name: `${d.severity} ${d.ruleId}${at ? ` at ${at}` : ''}`, d, covered: covered.has(d) });
    bySuite.set(d.file, list);
  }
  let tests = 0;
  let failures = 0;
  let skipped = 0;
  const suites: string[] = [];
  for (const name of [...bySuite.keys()].sort()) {
    const cases = bySuite.get(name)!;
    if (cases.length === 0) cases.push({ name: 'no findings', covered: false });
    const f = cases.filter((c) => c.d && !c.covered && c.d.severity === 'error').length;
    const s = cases.filter((c) => c.covered).length;
    tests += cases.length;
    failures += f;
    skipped += s;
    suites.push(
      `  <testsuite name="${escapeXml(name)}" tests="${cases.length}" failures="${f}" errors="0" skipped="${s}" time="0">\n` +
        `${cases.map((c) => renderCase(name, c)).join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="seedcheck" tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="0">\n` +
    `${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`
  );
}
