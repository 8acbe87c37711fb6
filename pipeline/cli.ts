// The command line: parse flags, run the pipeline, write the outputs, print, and return
// the exit code (0 no errors, 1 errors or warning budget exceeded, 2 the tool could not run).
import path from 'node:path';
import { applyBaseline, BASELINE_FILE, BaselineError, buildBaseline, parseBaseline, serializeBaseline, type Baseline } from './baseline.js';
import { CONFIG_FILE, forRun } from './config.js';
import { countSeverities } from './diagnostic.js';
import { formatters, type Formatter, type FormatInput } from './format/index.js';
import { oneLine } from './format/one-line.js';
import { formatStepSummary } from './format/step-summary.js';
import { UsageError, type Io } from './io.js';
import { answeredHelpOrVersion, parseCommandLine } from './command-line.js';
import { manifestPieces } from './output/manifest.js';
import { assertOutsideSeeds } from './output/outside-seeds.js';
import { writeAtomic } from './output/write-atomic.js';
import { displayPath } from './paths.js';
import { CACHE_DIR, openCache } from './cache.js';
import { readConfigFile } from './config-file.js';
import { runPipeline, type RunResult } from './run.js';

export const HELP = `Usage: seedcheck [options]

Validate the seed corpus, detect each file's metadata and write
<out>/manifest.json and <out>/report.html.

Options:
  --seeds DIR          seeds folder (default: seeds)
  --out DIR            output folder for the manifest and report (default: reports)
  --config FILE        config file (default: ${CONFIG_FILE} when present)
  --format NAME        terminal output: ${Object.keys(formatters).join(', ')}
                       (default: github when GITHUB_ACTIONS=true, else text)
  --strict             any warning fails the run (exit 1)
  --max-warnings N     more than N warnings fails the run (exit 1)
  --changed-since REF  read and detect only seeds added or changed since the git
                       revision REF (others come from <out>/manifest.json); INDEX.md
                       and duplicate checks still cover the whole corpus
  --baseline FILE      findings recorded in FILE are reported but not fatal
  --update-baseline    rewrite the baseline (default ${BASELINE_FILE}) from this run
  --no-write           do not write the manifest and report
  --cache-dir DIR      where unchanged files' results are cached (default: ${CACHE_DIR})
  --no-cache           detect every file again, and do not write the cache
  --workers N          worker threads for detection (default: one per core; 0 = none)
  -h, --help           show this help
  -v, --version        show the version

Exit codes: 0 no errors; 1 errors (or warnings over the budget); 2 the tool could not run.
Under GitHub Actions a Markdown summary is appended to $GITHUB_STEP_SUMMARY.
`;

const OPTIONS = {
  seeds: { type: 'string', default: 'seeds' },
  out: { type: 'string', default: 'reports' },
  config: { type: 'string' },
  format: { type: 'string' },
  strict: { type: 'boolean', default: false },
  'max-warnings': { type: 'string' },
  'changed-since': { type: 'string' },
  baseline: { type: 'string' },
  'update-baseline': { type: 'boolean', default: false },
  'no-write': { type: 'boolean', default: false },
  'cache-dir': { type: 'string', default: CACHE_DIR },
  'no-cache': { type: 'boolean', default: false },
  workers: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  version: { type: 'boolean', short: 'v', default: false },
} as const;


async function loadBaseline(io: Io, file: string, updating: boolean): Promise<Baseline | undefined> {
  const absolute = path.resolve(io.cwd, file);
  let text: string;
  try {
    text = await io.fs.readFile(absolute, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (updating && code === 'ENOENT') return undefined;
    throw new UsageError(`cannot read baseline file ${displayPath(io.cwd, absolute)}: ${code ?? (err as Error).message}${code === 'ENOENT' ? ' (create it with --update-baseline)' : ''}`);
  }
  try {
    return parseBaseline(text, displayPath(io.cwd, absolute));
  } catch (err) {
    // A broken baseline is replaced by --update-baseline; otherwise the run cannot be judged.
    if (err instanceof BaselineError) {
      if (updating) return undefined;
      throw new UsageError(err.message);
    }
    throw err;
  }
}

interface PrintOptions {
  baselineFile: string | undefined;
  baseline: Baseline | undefined;
  updateBaseline: boolean;
  formatter: Formatter;
  colour: boolean;
  stepSummary: string | undefined;
}

/** Applies (or rewrites) the baseline, prints the findings that count and appends the step summary. */
async function printFindings(io: Io, result: RunResult, opts: PrintOptions): Promise<{ text: string; counts: { errors: number; warnings: number } }> {
  const all = result.diagnostics;
  let diagnostics = all;
  let baselined: FormatInput['baselined'] = [];
  if (opts.baselineFile !== undefined) {
    const shown = displayPath(io.cwd, path.resolve(io.cwd, opts.baselineFile));
    let applied: Baseline = opts.baseline ?? buildBaseline([]);
    if (opts.updateBaseline) {
      applied = buildBaseline(all);
      await writeAtomic(io.fs, path.resolve(io.cwd, opts.baselineFile), serializeBaseline(applied));
      const files = Object.keys(applied.findings).length;
      const findings = Object.values(applied.findings).reduce((a, rules) => a + Object.values(rules).reduce((b, k) => b + k, 0), 0);
      io.stderr.write(`seedcheck: baseline ${oneLine(shown)} written: ${findings} finding(s) in ${files} file(s)\n`);
    }
    const split = applyBaseline(all, applied);
    diagnostics = split.fresh;
    baselined = split.covered;
    if (split.fixed > 0 && !opts.updateBaseline) {
      io.stderr.write(`seedcheck: ${split.fixed} finding(s) recorded in ${oneLine(shown)} no longer occur; run with --update-baseline to shrink it\n`);
    }
  }

  const input: FormatInput = { diagnostics, manifest: result.head, colour: opts.colour, baselined };
  const text = opts.formatter(input);
  io.stdout.write(text);
  if (opts.stepSummary) {
    try {
      // One append of the whole summary: other steps' summaries are never interleaved with it.
      await io.fs.appendFile(opts.stepSummary, formatStepSummary(input), 'utf8');
    } catch (err) {
      io.stderr.write(`seedcheck: cannot write the step summary: ${oneLine((err as NodeJS.ErrnoException).code ?? (err as Error).message)}\n`);
    }
  }
  return { text, counts: countSeverities(diagnostics) };
}

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, OPTIONS, false);
    const v = parsed.values;
    if (answeredHelpOrVersion(v, io, HELP)) return 0;
    const format = v.format ?? (io.env['GITHUB_ACTIONS'] === 'true' ? 'github' : 'text');
    const loadFormatter = Object.hasOwn(formatters, format) ? formatters[format] : undefined;
    if (!loadFormatter) throw new UsageError(`unknown --format "${format}"; use one of ${Object.keys(formatters).join(', ')}`);
    let maxWarnings: number | undefined;
    if (v['max-warnings'] !== undefined) {
      maxWarnings = Number(v['max-warnings']);
      if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number ≥ 0, got "${v['max-warnings']}"`);
    }
    const config = forRun(await readConfigFile(io, v.config));
    const baselineFile = v.baseline ?? (v['update-baseline'] ? BASELINE_FILE : undefined);
    await assertOutsideSeeds(io.fs, io.cwd, v.seeds, {
      '--out': v['no-write'] ? undefined : v.out,
      '--cache-dir': v['no-cache'] ? undefined : v['cache-dir'],
      '--baseline': v['update-baseline'] && baselineFile !== undefined ? path.dirname(baselineFile) : undefined,
    });
    const baseline = baselineFile === undefined ? undefined : await loadBaseline(io, baselineFile, v['update-baseline']);
    const changed = v['changed-since'] === undefined ? null : await (await import('./changed-since.js')).planChangedSince(io, { ref: v['changed-since'], seeds: v.seeds, out: v.out, config });
    let workers: number | undefined;
    if (v.workers !== undefined) {
      workers = Number(v.workers);
      if (!Number.isInteger(workers) || workers < 0) throw new UsageError(`--workers needs a whole number ≥ 0, got "${v.workers}"`);
    }
    const cache = v['no-cache'] ? undefined : await openCache(io.fs, path.resolve(io.cwd, v['cache-dir']), path.resolve(io.cwd, v.seeds), config);
    const result = await runPipeline(io, {
      seeds: v.seeds,
      config,
      ...(changed ? { reuse: (e) => changed.reuse(e) } : {}),
      ...(cache ? { cache } : {}),
      ...(workers !== undefined ? { workers } : {}),
      lazy: true,
    });
    const { head, inputs } = result;
    if (changed) io.stderr.write(`${changed.note(cache?.vouched)}\n`);

    if (!v['no-write']) {
      const out = path.resolve(io.cwd, v.out);
      const files = [path.join(out, 'manifest.json'), path.join(out, 'report.html')];
      // Outputs are a pure function of the inputs: when they are still the very files the
      // last run wrote for these inputs, writing the same bytes again is skipped.
      if (!(await cache?.outputsCurrent(inputs, files))) {
        await result.complete();
        const manifest = result.manifest;
        await writeAtomic(io.fs, files[0]!, manifestPieces(manifest));
        const { reportPieces } = await import('./output/report-html.js');
        await writeAtomic(io.fs, files[1]!, reportPieces(manifest));
        await cache?.setOutputs(inputs, files).catch(() => undefined);
      }
    }

    const colour = Boolean(io.stdout.isTTY) && !io.env['NO_COLOR'];
    const stepSummary = io.env['GITHUB_STEP_SUMMARY'];
    // Without a baseline or a step summary, what is printed depends only on the inputs and
    // the output choice: with nothing changed, the last run's output is printed again.
    const replayKey = cache && baselineFile === undefined && !stepSummary ? `${format} ${colour ? 'colour' : 'plain'}` : undefined;
    const replay = replayKey === undefined ? undefined : await cache?.replayFor(inputs, replayKey);
    let n: { errors: number; warnings: number };
    if (replay !== undefined) {
      io.stdout.write(replay);
      n = head.summary;
    } else {
      await result.complete();
      const printed = await printFindings(io, result, { baselineFile, baseline, updateBaseline: v['update-baseline'], formatter: await loadFormatter(), colour, stepSummary });
      if (replayKey !== undefined) cache?.setReplay(inputs, replayKey, printed.text);
      n = printed.counts;
    }
    await cache?.save().catch((err: Error) => io.stderr.write(`seedcheck: cache not saved: ${err.message}\n`));

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
