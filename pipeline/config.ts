// seedcheck.config.yaml: per-rule severities and options, validated against schemas/config.schema.json.
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { describeErrors, validator } from './schemas.js';
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

function finish(raw: Omit<Config, 'hash'>): Config {
  const rules = raw.rules ?? {};
  const canonical = JSON.stringify({ rules: sortKeys(rules), referenceDate: raw.referenceDate ?? null });
  const hash = createHash('sha256').update(canonical).digest('hex').slice(0, 16);
  return { ...raw, rules, hash };
}

function sortKeys<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) as T;
}

/** Parses and validates config text; throws ConfigError with every problem listed. */
export function parseConfig(text: string, source: string): Config {
  let data: unknown;
  try {
    data = parseYaml(text, { maxAliasCount: 100, uniqueKeys: true }) ?? {};
  } catch (err) {
    throw new ConfigError(`${source}: not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const validate = validator('config');
  if (!validate(data)) {
    throw new ConfigError(`${source}: ${describeErrors(validate.errors).join('; ')}`);
  }
  const raw = data as Partial<Config>;
  return finish({ rules: raw.rules ?? {}, ...(raw.referenceDate ? { referenceDate: raw.referenceDate } : {}) });
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
