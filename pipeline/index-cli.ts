// `npm run index`: fill INDEX.md from detection. Runs the same pipeline as validate, rewrites
// the rows (pipeline/index/write.ts: empty cells filled, rows added, count set, everything a
// maintainer wrote kept), prints the unified diff on stdout and writes the file atomically.
// `--dry-run` prints the diff only. A missing INDEX.md is created (count and table; the
// maintainer adds the rest of the front matter). Exit codes: 0 done (or nothing to do);
// 1 INDEX.md could not be rewritten (unreadable, not UTF-8, a table with another header);
// 2 the tool could not run (bad flags, unreadable config, seeds folder missing, internal error).
import path from 'node:path';
import { CONFIG_FILE } from './config.js';
import { readConfigFile } from './config-file.js';
import { INDEX_FILE, discover } from './discover.js';
import { printableDiff, unifiedDiff } from './index/diff.js';
import { readIndexFile } from './index/read-index.js';
import { describeRewrite } from './index/summary.js';
import { rewriteIndex } from './index/write.js';
import { UsageError, type Io } from './io.js';
import { answeredHelpOrVersion, parseCommandLine } from './command-line.js';
import { writeAtomic } from './output/write-atomic.js';
import { displayPath } from './paths.js';
import { runPipeline } from './run.js';

export const INDEX_HELP = `Usage: npm run index -- [options]

Fill seeds/INDEX.md from detection: empty cells get the detected value
(— where the page shows none), files without a row get one (in sequence
order), the front matter's count is set; a missing INDEX.md is created.
Every non-empty cell is kept as written; empty a cell to have it filled
again. Prints the unified diff.

Options:
  --seeds DIR          seeds folder (default: seeds)
  --config FILE        config file (default: ${CONFIG_FILE} when present)
  --dry-run            print the diff only; write nothing
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 done or nothing to do; 1 INDEX.md could not be rewritten; 2 the tool could not run.
`;

const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  config: { type: 'string' },
  'dry-run': { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;

export async function main(argv: string[], io: Io): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`seedcheck index: ${message}\n`);
    return 1;
  };
  try {
    const parsed = parseCommandLine(argv, OPTIONS, false);
    const v = parsed.values;
    if (answeredHelpOrVersion(v, io, INDEX_HELP)) return 0;
    const config = await readConfigFile(io, v.config);
    const seedsDir = path.resolve(io.cwd, v.seeds);
    const found = await discover(io.fs, io.cwd, v.seeds);
    const shown = displayPath(io.cwd, path.join(seedsDir, INDEX_FILE));

    const read = await readIndexFile(io.fs, seedsDir, shown);
    const refused = read.messages.filter((m) => m.severity === 'error');
    if ((read.text === null && !read.missing) || refused.length > 0) {
      return fail(`${shown} was not rewritten: ${refused.map((m) => m.message).join('; ') || 'it could not be read'}`);
    }
    // A missing INDEX.md is created (rewriteIndex starts it from an empty text).
    const before = read.text ?? '';

    const { manifest } = await runPipeline(io, { seeds: v.seeds, config });
    const result = rewriteIndex({ text: before, files: found.seeds.map((s) => s.name), records: manifest.records });
    if (!result.ok) return fail(`${shown} was not rewritten: ${result.reason}`);

    io.stdout.write(printableDiff(unifiedDiff(shown, before, result.text), Boolean(io.stdout.isTTY)));
    // The only non-error reading message is a UTF-8 byte-order mark: writing drops it.
    const hadBom = read.messages.length > 0;
    if (!v['dry-run'] && (result.text !== before || read.missing || hadBom)) await writeAtomic(io.fs, path.join(seedsDir, INDEX_FILE), result.text);
    io.stderr.write(describeRewrite(shown, result, !v['dry-run']));
    if (hadBom) io.stderr.write(`${shown}: ${v['dry-run'] ? 'would be saved' : 'saved'} without its byte-order mark\n`);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`seedcheck index: ${err.message}\n`);
      return 2;
    }
    io.stderr.write(`seedcheck index: internal error: ${(err as Error)?.stack ?? String(err)}\n`);
    return 2;
  }
}
