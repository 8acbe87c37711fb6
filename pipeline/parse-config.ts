// Config text → Config: YAML, validated against schemas/config.schema.json.
import { parse as parseYaml } from 'yaml';
import { ConfigError, finish, type Config } from './config.js';
import { describeErrors, validator } from './schemas.js';

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
