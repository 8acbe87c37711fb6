// The engine: discover the seeds, run the file stages on each (analyse-files.ts), then the
// corpus stages, then build the manifest. I/O goes through `io` so tests can drive it.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { analyseFiles, isPending, type AnalyseOptions, type Outcome, type Settled } from './analyse-files.js';
import type { CorpusContext, CorpusResult } from './corpus/context.js';
import { withConfiguredSeverity } from './configured-severity.js';
import { diagnostic, sortDiagnostics } from './diagnostic.js';
import { discover, INDEX_FILE } from './discover.js';
import { readIndexFile, type IndexText } from './index/read-index.js';
import type { Io } from './io.js';
import { MAX_CORPUS_FINDINGS } from './limits.js';
import { capPerFileAndRule } from './diagnostic-cap.js';
import { buildManifest, toolOf, type Manifest, type ManifestHead } from './output/manifest.js';
import { displayPath } from './paths.js';
import { scoreOf } from './quality/score.js';
import { corpusStages } from './corpus-stages.js';
import type { Diagnostic, SeedRecord } from './types.js';

export interface RunOptions extends AnalyseOptions {
  seeds: string;
  /**
   * With nothing changed since the last run, leave the files the cache vouches for pending:
   * `head` and `inputs` are ready, `diagnostics` and `manifest` only after `complete()`.
   */
  lazy?: boolean;
}

export interface RunResult {
  /** What the terminal output needs; with nothing changed since the last run, known without parsing a record. */
  head: ManifestHead;
  /** The whole manifest, built when first asked for (cached records are parsed then). */
  readonly manifest: Manifest;
  /** Digest of every input of the run (files, INDEX.md, seeds path): equal digests, equal outputs. */
  inputs: string;
  /** Fetches what a lazy run left pending (a no-op otherwise). */
  complete(): Promise<void>;
  /** Every diagnostic, sorted (file, line, column, ruleId); gathered when first asked for. */
  readonly diagnostics: Diagnostic[];
}

export async function runPipeline(io: Io, opts: RunOptions): Promise<RunResult> {
  const seedsDir = path.resolve(io.cwd, opts.seeds);
  const discovered = await discover(io.fs, io.cwd, opts.seeds);
  const found = { ...discovered, messages: withConfiguredSeverity(discovered.messages, opts.config) };
  const analysis = await analyseFiles(io, found.seeds, opts);
  const results = analysis.outcomes;
  const seedPath = (name: string): string => displayPath(io.cwd, path.join(seedsDir, name));
  const seedsPath = displayPath(io.cwd, seedsDir);
  const files = found.seeds.map((s) => s.name);
  const index = await readIndexFile(io.fs, seedsDir, seedPath(INDEX_FILE));
  let inputs = inputsDigest(seedsPath, files, results, found.messages, index);
  // Nothing changed since the last run: its corpus findings and summary stand (INDEX.md is
  // not parsed again, no record is parsed, pending files stay pending).
  let last = opts.cache?.runFor(inputs);
  let settled = !results.some(isPending);
  /** Fetches the pending files' results; true when a file's content was not the one its stat vouched for. */
  const settle = async (): Promise<boolean> => {
    if (settled) return false;
    settled = true;
    return analysis.settle();
  };
  if ((!last || !opts.lazy) && (await settle())) {
    inputs = inputsDigest(seedsPath, files, results, found.messages, index);
    last = opts.cache?.runFor(inputs);
  }
  /** The results once settled (every pending file fetched from the cache). */
  const done = (): Settled[] => {
    if (!settled) throw new Error('runPipeline: the run must be completed (complete()) before its findings are read');
    return results as Settled[];
  };

  // Records, in file order, parsed from the cache only when the corpus stages or the outputs need them.
  let records: SeedRecord[] | undefined;
  const loadRecords = (): SeedRecord[] =>
    (records ??= done()
      .flatMap((r) => (r.record ? [r.record()] : []))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)));
  const corpus = last?.corpus ?? (await runCorpusStages({ fs: io.fs, config: opts.config, seedsDir, seedsPath, files, records: loadRecords(), seedPath, index }));
  // Sorted when first asked for: a run that replays its terminal output never asks.
  let diagnostics: Diagnostic[] | undefined;
  const allDiagnostics = (): Diagnostic[] => {
    if (diagnostics) return diagnostics;
    const all: Diagnostic[] = [...found.messages];
    for (const r of done()) for (const m of r.messages) all.push(m);
    for (const m of corpus.messages) all.push(m);
    return (diagnostics = sortDiagnostics(all));
  };

  const build = (): Manifest => {
    // Corpus findings about one seed file (duplicates, file names) join that file's quality
    // flags, in a copy: the record as the file stages made it is what the cache keeps.
    const seedFiles = new Set(loadRecords().map((r) => seedPath(r.file)));
    const extra = new Map<string, Diagnostic[]>();
    const corpusOnly: Diagnostic[] = [];
    for (const d of corpus.messages) {
      if (!seedFiles.has(d.file)) corpusOnly.push(d);
      else if (extra.has(d.file)) extra.get(d.file)!.push(d);
      else extra.set(d.file, [d]);
    }
    const manifestRecords = loadRecords().map((r) => {
      const flags = sortDiagnostics(r.quality.flags.concat(extra.get(seedPath(r.file)) ?? []));
      return { ...r, quality: { score: scoreOf(flags), flags } };
    });
    return buildManifest({
      configHash: opts.config.hash,
      seeds: seedsPath,
      records: manifestRecords,
      diagnostics: allDiagnostics(),
      corpusDiagnostics: sortDiagnostics(corpusOnly.concat(found.messages.filter((d) => !seedFiles.has(d.file)))),
      index: corpus.indexStatus,
      duplicates: corpus.duplicates,
      nearDuplicates: corpus.nearDuplicates,
    });
  };
  let manifest = last ? undefined : build();
  if (!last) opts.cache?.setRun(inputs, corpus, manifest!.summary);
  const head: ManifestHead = manifest ?? {
    tool: toolOf(opts.config.hash),
    seeds: seedsPath,
    summary: last!.summary,
    records: found.seeds.filter((_, i) => results[i]!.sha256 !== null).map((s) => ({ file: s.name })),
  };
  return {
    head,
    inputs,
    async complete() {
      // The last run's findings were taken for these files' vouched content hashes.
      if (await settle()) throw new Error('a seed the cache vouched for by its stat had other content; run again with --no-cache and please report this');
    },
    get diagnostics() {
      return allDiagnostics();
    },
    get manifest() {
      return (manifest ??= build());
    },
  };
}

async function runCorpusStages(ctx: CorpusContext): Promise<Required<CorpusResult>> {
  const corpus: Required<CorpusResult> = { messages: [], indexStatus: 'consistent', duplicates: [], nearDuplicates: [] };
  for (const stage of corpusStages) {
    try {
      const r = await stage.run(ctx);
      // Loops, not push(...spread): a broken 100,000-row INDEX.md yields more messages than
      // the call stack has room for arguments.
      for (const m of capPerFileAndRule(withConfiguredSeverity(r.messages, ctx.config), MAX_CORPUS_FINDINGS)) corpus.messages.push(m);
      if (r.indexStatus) corpus.indexStatus = r.indexStatus;
      for (const d of r.duplicates ?? []) corpus.duplicates.push(d);
      for (const d of r.nearDuplicates ?? []) corpus.nearDuplicates.push(d);
    } catch (err) {
      corpus.messages.push(
        diagnostic(ctx.seedsPath, { ruleId: 'internal/stage-failed', severity: 'error', message: `internal error in corpus stage "${stage.name}": ${(err as Error).message} (please report this)` }),
      );
    }
  }
  return corpus;
}

/**
 * A digest of everything the corpus stages and the outputs depend on besides the code and
 * config (which salt the cache): the seeds path, each file's name and content hash (or what
 * went wrong reading it) with the reference date its result is for, the folder's own findings, and INDEX.md as read.
 */
function inputsDigest(seedsPath: string, files: readonly string[], results: readonly Outcome[], folderMessages: readonly Diagnostic[], index: IndexText): string {
  const h = createHash('sha256').update(seedsPath).update('\0');
  for (const name of files) h.update(name).update('\0');
  // A result worked out for another reference date may differ in its date findings.
  for (const r of results) h.update(r.sha256 === null ? JSON.stringify(r.messages) : `${r.sha256}@${r.on}`).update('\0');
  h.update(JSON.stringify(folderMessages)).update('\0');
  h.update(index.text ?? `no text, missing: ${index.missing}`).update('\0').update(JSON.stringify(index.messages));
  return h.digest('hex');
}
