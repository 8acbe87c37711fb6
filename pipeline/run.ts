// The engine: discover the seeds, run the file stages on each (concurrently), then the
// corpus stages, then build the manifest. I/O goes through `io` so tests can drive it.
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import pMap from 'p-map';
import type { RecordCache } from './cache.js';
import type { Config } from './config.js';
import type { CorpusContext, CorpusResult } from './corpus/context.js';
import { withConfiguredSeverity } from './configured-severity.js';
import { diagnostic, sortDiagnostics } from './diagnostic.js';
import { discover, INDEX_FILE, type SeedEntry } from './discover.js';
import { readIndexFile } from './index/read-index.js';
import type { Io } from './io.js';
import { MAX_CORPUS_FINDINGS, MAX_SEED_BYTES, megabytes } from './limits.js';
import { capPerFileAndRule } from './diagnostic-cap.js';
import { buildManifest, type Manifest } from './output/manifest.js';
import { displayPath } from './paths.js';
import type { FileResult } from './process-file.js';
import { scoreOf } from './quality/score.js';
import { corpusStages } from './corpus-stages.js';
import type { Diagnostic, SeedRecord } from './types.js';
import { createPool, type Pool } from './worker-pool.js';

/** Below this many files, starting worker threads (each loads the detectors' data) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 200;

/** Cache misses analysed on the main thread before the worker pool is started. */
const IN_PROCESS_FIRST = 4;

/** A file modified less than this long before it is read is not vouched for by its stat. */
const RACY_MS = 2000;

export interface RunOptions {
  seeds: string;
  config: Config;
  concurrency?: number;
  /** Changed-files mode: a file's result taken from elsewhere without reading it, or null to process it. */
  reuse?: (entry: SeedEntry) => Promise<FileResult | null>;
  /** Content-hash cache of per-file results. */
  cache?: RecordCache;
  /** Worker threads for the per-file stages (default: one per core; 0 = main thread only). */
  workers?: number;
}

export interface RunResult {
  manifest: Manifest;
  /** Digest of every input of the run (files, INDEX.md, seeds path): equal digests, equal outputs. */
  inputs: string;
  /** Every diagnostic, sorted (file, line, column, ruleId). */
  diagnostics: Diagnostic[];
}

/** A file over the size limit is reported and not read: no seed is that big (see limits.ts). */
function tooLarge(entry: SeedEntry): Diagnostic {
  return diagnostic(entry.path, {
    ruleId: 'read/too-large',
    severity: 'error',
    message: `file is ${megabytes(entry.size)} MB, over the ${megabytes(MAX_SEED_BYTES)} MB limit for one seed (real seeds are 1–100 KB); it was not analysed`,
    measured: entry.size,
    threshold: MAX_SEED_BYTES,
  });
}

export async function runPipeline(io: Io, opts: RunOptions): Promise<RunResult> {
  const seedsDir = path.resolve(io.cwd, opts.seeds);
  const discovered = await discover(io.fs, io.cwd, opts.seeds);
  const found = { ...discovered, messages: withConfiguredSeverity(discovered.messages, opts.config) };
  const workers = opts.workers ?? os.availableParallelism();
  // Started on a cache miss (after the first few when the cache knows most files): a warm run
  // whose files all come from the cache starts none.
  let pool: Pool | null | undefined = workers > 0 && found.seeds.length >= MIN_FILES_FOR_WORKERS ? undefined : null;
  const poolFor = (): Pool | null => (pool === undefined ? (pool = createPool(workers, opts.config)) : pool);
  let misses = 0;
  const warm = (opts.cache?.size ?? 0) >= found.seeds.length * 0.9;
  const results = await pMap(
    found.seeds,
    async (entry) => {
      if (entry.size > MAX_SEED_BYTES) return { record: null, messages: [tooLarge(entry)] };
      // Unchanged since it was last hashed (same size, mtime, ctime, inode): not read again.
      const known = opts.cache?.sha256For(entry.path, entry.stat);
      const vouched = known === undefined ? undefined : opts.cache?.get(entry.path, known);
      if (vouched) return vouched;
      const reused = await opts.reuse?.(entry);
      if (reused) return reused;
      // A file modified moments before it is read could change again within the same clock
      // tick, unseen by its stat: its stat is not recorded, so it is read next time (racy git).
      const stat = Date.now() - entry.mtimeMs > RACY_MS ? entry.stat : '';
      let bytes: Buffer;
      try {
        bytes = await io.fs.readFile(entry.absolute);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? 'error';
        return { record: null, messages: [diagnostic(entry.path, { ruleId: 'read/unreadable', severity: 'error', message: `cannot read file (${code})` })] };
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const cached = opts.cache?.get(entry.path, sha256, stat);
      if (cached) return cached;
      let result: FileResult;
      try {
        // With a warm cache the first few misses are analysed here: one new file is done
        // before a worker thread could have loaded the detectors. A cold run starts the pool.
        misses += 1;
        const p = warm && misses <= IN_PROCESS_FIRST ? null : poolFor();
        result = p ? await p.run(entry.path, entry.name, bytes) : (await import('./process-file.js')).processFile(entry.path, entry.name, bytes, opts.config);
      } catch (err) {
        const message = `internal error while analysing the file: ${(err as Error).message.split('\n')[0]} (please report this)`;
        return { record: null, messages: [diagnostic(entry.path, { ruleId: 'internal/stage-failed', severity: 'error', message })] };
      }
      opts.cache?.set(entry.path, sha256, result, stat);
      return result;
    },
    { concurrency: opts.concurrency ?? 16 },
  ).finally(() => pool?.close());

  const records: SeedRecord[] = [];
  const fileMessages: Diagnostic[] = [...found.messages];
  for (const r of results) {
    if (r.record) records.push(r.record);
    for (const m of r.messages) fileMessages.push(m);
  }
  records.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));

  const seedPath = (name: string): string => displayPath(io.cwd, path.join(seedsDir, name));
  const ctx: CorpusContext = {
    fs: io.fs,
    config: opts.config,
    seedsDir,
    seedsPath: displayPath(io.cwd, seedsDir),
    files: found.seeds.map((s) => s.name),
    records,
    seedPath,
    index: await readIndexFile(io.fs, seedsDir, seedPath(INDEX_FILE)),
  };
  const inputs = await inputsDigest(io, ctx, found.messages, results);
  // Nothing changed since the last run: its corpus findings stand (INDEX.md is not parsed again).
  let corpus = opts.cache?.corpusFor(inputs);
  if (!corpus) {
    corpus = await runCorpusStages(ctx);
    opts.cache?.setCorpus(inputs, corpus);
  }

  // Corpus findings about one seed file (duplicates, file names) join that file's quality flags,
  // in a copy: the record as the file stages made it is what the cache keeps.
  const seedFiles = new Set(records.map((r) => ctx.seedPath(r.file)));
  const extra = new Map<string, Diagnostic[]>();
  const corpusOnly: Diagnostic[] = [];
  for (const d of corpus.messages) {
    if (!seedFiles.has(d.file)) corpusOnly.push(d);
    else if (extra.has(d.file)) extra.get(d.file)!.push(d);
    else extra.set(d.file, [d]);
  }
  const manifestRecords = records.map((r) => {
    const flags = sortDiagnostics(r.quality.flags.concat(extra.get(ctx.seedPath(r.file)) ?? []));
    return { ...r, quality: { score: scoreOf(flags), flags } };
  });
  const diagnostics = sortDiagnostics([...fileMessages, ...corpus.messages]);
  const manifest = buildManifest({
    configHash: opts.config.hash,
    seeds: ctx.seedsPath,
    records: manifestRecords,
    diagnostics,
    corpusDiagnostics: sortDiagnostics(corpusOnly.concat(found.messages.filter((d) => !seedFiles.has(d.file)))),
    index: corpus.indexStatus,
    duplicates: corpus.duplicates,
    nearDuplicates: corpus.nearDuplicates,
  });
  return { manifest, diagnostics, inputs };
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
 * went wrong reading it), the folder's own findings, and INDEX.md as read.
 */
async function inputsDigest(io: Io, ctx: CorpusContext, folderMessages: readonly Diagnostic[], results: readonly { record: SeedRecord | null; messages: Diagnostic[] }[]): Promise<string> {
  const h = createHash('sha256').update(ctx.seedsPath).update('\0');
  for (const name of ctx.files) h.update(name).update('\0');
  for (const r of results) h.update(r.record ? r.record.sha256 : JSON.stringify(r.messages)).update('\0');
  h.update(JSON.stringify(folderMessages)).update('\0');
  const index = ctx.index;
  h.update(index.text ?? `no text, missing: ${index.missing}`).update('\0').update(JSON.stringify(index.messages));
  return h.digest('hex');
}
