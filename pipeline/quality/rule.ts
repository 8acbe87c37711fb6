// A quality rule = metadata + a check function (markdownlint style). Rules are listed in registry.ts.
import type { DiagnosticInit } from '../diagnostic.js';
import type { SeedFile } from '../seed-file.js';
import type { Severity } from '../types.js';

/** A tunable threshold. The config file overrides `default` with `rules: { <id>: { options: { <name>: n } } }`. */
export interface RuleOption {
  default: number;
  description: string;
  minimum: number;
  maximum?: number;
}

export type Report = (d: Omit<DiagnosticInit, 'ruleId' | 'severity'> & { severity?: Severity }) => void;

export interface QualityRule {
  /** Rule id, e.g. `noise/jammer`; the config file keys severities by it. */
  id: string;
  description: string;
  tags: string[];
  severity: Severity;
  /** Where the default threshold comes from (shown in the README and rule docs). */
  rationale: string;
  options?: Record<string, RuleOption>;
  /** Reports problems through `report`; severity is applied by the caller from the config. */
  check(file: SeedFile, report: Report, options: Readonly<Record<string, number>>): void;
}

/** The rule's options: configured values (already validated by the config schema) over the defaults. */
export function resolveOptions(rule: QualityRule, configured: Record<string, unknown>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, opt] of Object.entries(rule.options ?? {})) {
    const v = configured[name];
    out[name] = typeof v === 'number' && Number.isFinite(v) ? v : opt.default;
  }
  return out;
}

/** The value of option `name` (defined by the rule, so always present after resolveOptions). */
export function opt(options: Readonly<Record<string, number>>, name: string): number {
  const v = options[name];
  if (v === undefined) throw new Error(`rule option ${name} is not defined`);
  return v;
}
