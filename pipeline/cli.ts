// The command line: parse flags, run the pipeline, write the outputs, print, and return
// the exit code (0 no errors, 1 errors or warning budget exceeded, 2 the tool could not run).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CONFIG_FILE, ConfigError, defaultConfig, parseConfig, type Config } from './config.js';
import { countSeverities } from './diagnostic.js';
import { formatters } from './format/index.js';
import { UsageError, type Io } from './io.js';
import { serializeManifest } from './output/manifest.js';
import { renderReport } from './output/report-html.js';
import { writeAtomic } from './output/write-atomic.js';
import { displayPath } from './paths.js';
import { runPipeline } from './run.js';
import { VERSION } from './version.js';

export const HELP = `Usage: seedcheck [options]

Validate the seed corpus, detect each file's metadata and write
<out>/manifest.json and <out>/report.html.

Options:
  --seeds DIR          seeds folder (default: seeds)
  --out DIR            output folder for the manifest and report (default: reports)
  --config FILE        config file (default: ${CONFIG_FILE} when present)
  --format NAME        terminal output: ${Object.keys(formatters).join(', ')} (default: text)
  --strict             any warning fails the run (exit 1)
  --max-warnings N     more than N warnings fails the run (exit 1)
  --no-write           do not write the manifest and report
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors; 1 errors (or warnings over the budget); 2 the tool could not run.
`;

const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  out: { type: 'string', default: 'reports' },
  config: { type: 'string' },
  format: { type: 'string', default: 'text' },
  strict: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  'no-write': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

async function loadConfig(io: Io, explicit: string | undefined): Promise<Config> {
  const file = path.resolve(io.cwd, explicit ?? CONFIG_FILE);
  let text: string;
  try {
    text = await io.fs.readFile(file, 'utf8');
  } catch (err) {
    if (explicit === undefined && (err as NodeJS.ErrnoException).code === 'ENOENT') return defaultConfig();
    throw new UsageError(`cannot read config file ${displayPath(io.cwd, file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  try {
    return parseConfig(text, displayPath(io.cwd, file));
  } catch (err) {
    if (err instanceof ConfigError) throw new UsageError(err.message);
    throw err;
  }
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false, strict: true });
    } catch (err) {
      throw new UsageError(`${(err as Error).message}\nRun with --help for the options.`);
    }
    const v = parsed.values;
    if (v.help) {
      io.stdout.write(HELP);
      return 0;
    }
    if (v.version) {
      io.stdout.write(`${VERSION}\n`);
      return 0;
    }
    const formatter = formatters[v.format];
    if (!formatter) throw new UsageError(`unknown --format "${v.format}"; use one of ${Object.keys(formatters).join(', ')}`);
    let maxWarnings: number | undefined;
    if (v['max-warnings'] !== undefined) {
      maxWarnings = Number(v['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number ≥ 0, got "${v['max-warnings']}"`);
    }
    const config = await loadConfig(io, v.config);
    const { manifest, diagnostics } = await runPipeline(io, { seeds: v.seeds, config });

    if (!v['no-write']) {
      const out = path.resolve(io.cwd, v.out);
      await writeAtomic(io.fs, path.join(out, 'manifest.json'), serializeManifest(manifest));
      await writeAtomic(io.fs, path.join(out, 'report.html'), renderReport(manifest));
    }
    io.stdout.write(formatter({ diagnostics, manifest, colour: Boolean(io.stdout.isTTY) && !io.env['NO_COLOR'] }));

    const n = countSeverities(diagnostics);
    if (n.errors > 0) return 1;
    if (v.strict && n.warnings > 0) return 1;
    if (maxWarnings !== undefined && n.warnings > maxWarnings) {
      io.stderr.write(`seedcheck: ${n.warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
      return 1;
    }
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`seedcheck: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`seedcheck: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}
