// The baseline: findings a corpus already had when CI gating started, recorded per file and
// rule as counts. Findings it covers are reported but not fatal; new ones fail the run.
// `--update-baseline` rewrites it from the current findings, so it shrinks as they are fixed.
import type { Diagnostic } from './types.js';

export const BASELINE_FILE = 'seedcheck.baseline.json';
export const BASELINE_VERSION = 1;

export interface Baseline {
  version: typeof BASELINE_VERSION;
  /** display path → ruleId → how many error/warning findings of that rule the file had. */
  findings: Record<string, Record<string, number>>;
}

export class BaselineError extends Error {}

/** Infos are never fatal, so only errors and warnings are recorded. */
function counts(d: Diagnostic): boolean {
  return d.severity === 'error' || d.severity === 'warning';
}

function byKey<T>(entries: [string, T][]): Record<string, T> {
  return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function buildBaseline(diagnostics: readonly Diagnostic[]): Baseline {
  const files = new Map<string, Map<string, number>>();
  for (const d of diagnostics) {
    if (!counts(d)) continue;
    const rules = files.get(d.file) ?? new Map<string, number>();
    rules.set(d.ruleId, (rules.get(d.ruleId) ?? 0) + 1);
    files.set(d.file, rules);
  }
  return { version: BASELINE_VERSION, findings: byKey([...files.entries()].map(([f, rules]) => [f, byKey([...rules.entries()])])) };
}

/** Stable serialisation (sorted keys, two-space JSON, final newline) so the file diffs cleanly. */
export function serializeBaseline(b: Baseline): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

export function parseBaseline(text: string, source: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BaselineError(`${source}: not valid JSON: ${(err as Error).message}`);
  }
  const bad = (why: string): never => {
    throw new BaselineError(`${source}: ${why} (expected { "version": ${BASELINE_VERSION}, "findings": { file: { ruleId: count } } }; rewrite it with --update-baseline)`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('not a JSON object');
  const { version, findings } = data as { version?: unknown; findings?: unknown };
  if (version !== BASELINE_VERSION) bad(`unsupported version ${JSON.stringify(version)}`);
  if (typeof findings !== 'object' || findings === null || Array.isArray(findings)) return bad('"findings" is not an object');
  for (const [file, rules] of Object.entries(findings)) {
    if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) bad(`"findings.${file}" is not an object`);
    for (const [rule, n] of Object.entries(rules as object)) {
      if (!Number.isInteger(n) || (n as number) < 1) bad(`"findings.${file}.${rule}" is not a whole number ≥ 1`);
    }
  }
  return { version: BASELINE_VERSION, findings: findings as Baseline['findings'] };
}

/** A recorded count; own properties only, so a file named like `constructor` is just a name. */
function countOf(findings: Baseline['findings'], file: string, rule: string): number {
  const rules = Object.hasOwn(findings, file) ? findings[file] : undefined;
  return rules && Object.hasOwn(rules, rule) ? (rules[rule] ?? 0) : 0;
}

export interface BaselineResult {
  /** Findings that count: new ones, and infos. */
  fresh: Diagnostic[];
  /** Findings the baseline covers. */
  covered: Diagnostic[];
  /** Recorded findings that no longer occur (the baseline can shrink by this many). */
  fixed: number;
}

/**
 * Splits the diagnostics by the baseline. Per file and rule: when there are no more findings
 * than recorded, all are covered; when there are more, all of them are reported, because which
 * one is new cannot be told from counts (ESLint's suppressions do the same).
 */
export function applyBaseline(diagnostics: readonly Diagnostic[], baseline: Baseline): BaselineResult {
  const actual = buildBaseline(diagnostics).findings;
  const fresh: Diagnostic[] = [];
  const covered: Diagnostic[] = [];
  for (const d of diagnostics) {
    const allowed = counts(d) ? countOf(baseline.findings, d.file, d.ruleId) : 0;
    if (allowed > 0 && countOf(actual, d.file, d.ruleId) <= allowed) covered.push(d);
    else fresh.push(d);
  }
  let fixed = 0;
  for (const [file, rules] of Object.entries(baseline.findings)) {
    for (const [rule, n] of Object.entries(rules)) fixed += Math.max(0, n - countOf(actual, file, rule));
  }
  return { fresh, covered, fixed };
}
