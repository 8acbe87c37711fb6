// Reading the config file for the maintainer commands (`npm run index`, `npm run add`): the
// same rules as validate — an explicit --config must exist, the default file is optional —
// so a severity or option set for validate applies to them too.
import path from 'node:path';
import { CONFIG_FILE, ConfigError, defaultConfig, type Config } from './config.js';
import { UsageError, type Io } from './io.js';
import { displayPath } from './paths.js';

export async function readConfigFile(io: Io, explicit: string | undefined): Promise<Config> {
  const file = path.resolve(io.cwd, explicit ?? CONFIG_FILE);
  let text: string;
  try {
    text = await io.fs.readFile(file, 'utf8');
  } catch (err) {
    if (explicit === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig();
    throw new UsageError(`cannot read config file ${displayPath(io.cwd, file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    const { parseConfig } = await import('./parse-config.js');
    return parseConfig(text, displayPath(io.cwd, file));
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}
