// seedcheck.config.yaml: per-rule severities and options (parsed by parse-config.ts, which
// loads the YAML parser only when there is a config file).
import { createHash } from 'node:crypto';
import type { Severity } from './types.js';

export type RuleSetting = Severity | 'off';

export interface Config {
  rules: Record<string, RuleSetting | { severity?: RuleSetting; options?: Record<string, unknown> }>;
  referenceDate?: string;
  /** sha256 of the canonical config, part of the cache key. */
  hash: string;
}

export const CONFIG_FILE = 'seedcheck.config.yaml';

export class ConfigError extends Error {}

export function defaultConfig(): Config {
  return finish({ rules: {} });
}

export function finish(raw: Omit<Config, 'hash'>): Config {
  const rules = raw.rules ?? {};
  const canonical = JSON.stringify({ rules: sortKeys(rules), referenceDate: raw.referenceDate ?? null });
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  return { ...raw, rules, hash };
}

function sortKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/**
 * The config with its reference date fixed for one run, so every worker judges dates against
 * the same day even across midnight. The hash is unchanged: today is not part of the config.
 */
export function forRun(config: Config, now: Date = new Date()): Config {
  return config.referenceDate ? config : { ...config, referenceDate: referenceDateOf(config, now) };
}

/** The day dates are judged against (future dates, "N years ago"): the configured one, or today (UTC). */
export function referenceDateOf(config: Config, now: Date = new Date()): string {
  return config.referenceDate ?? now.toISOString().slice(0, 10);
}

/** The severity a rule reports at: the configured one, or the rule's default. */
export function severityFor(config: Config, ruleId: string, fallback: Severity): RuleSetting {
  const s = config.rules[ruleId];
  if (s === undefined) return fallback;
  if (typeof s === 'string') return s;
  return s.severity ?? fallback;
}

/** Options object configured for a rule (empty when none). */
export function optionsFor(config: Config, ruleId: string): Record<string, unknown> {
  const s = config.rules[ruleId];
  return typeof s === 'object' && s.options ? s.options : {};
}
