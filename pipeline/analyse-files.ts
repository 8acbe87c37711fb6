// The file stages over every seed: each file's result comes from the cache (unchanged
// since it was last hashed: not even read), from elsewhere (changed-files mode), or from
// reading and analysing it, on worker threads when there are many. A file the cache vouches
// for is left pending: its cached findings are fetched (and checked) only when the run
// needs them, which a run with nothing changed and its outputs current never does.
import { createHash } from 'node:crypto';
import os from 'node:os';
import pMap from 'p-map';
import type { RecordCache } from './cache.js';
import { referenceDateOf, type Config } from './config.js';
import { diagnostic } from './diagnostic.js';
import type { SeedEntry } from './discover.js';
import type { Io } from './io.js';
import { MAX_SEED_BYTES, megabytes } from './limits.js';
import type { FileResult, LazyResult } from './process-file.js';
import type { Diagnostic } from './types.js';
import { createPool, type Pool } from './worker-pool.js';

/** Below this many files, starting worker threads (each loads the detectors' data) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;

/** Cache misses analysed on the main thread before the worker pool is started. */
const IN_PROCESS_FIRST = 4;

/** A file modified less than this long before it is read is not vouched for by its stat. */
const RACY_MS = 2000;

/** A file that could not be analysed: its findings say why. */
export interface Failed {
  sha256: null;
  messages: Diagnostic[];
  record: null;
}

/** A file the cache vouches for by its stat: content hash known, result not fetched yet. */
export interface Pending {
  sha256: string;
  /** The reference date its cached result was worked out for. */
  on: string;
  pending: SeedEntry;
}

export type Outcome = LazyResult | Failed | Pending;
export type Settled = LazyResult | Failed;

export function isPending(o: Outcome): o is Pending {
  return 'pending' in o;
}

export interface AnalyseOptions {
  config: Config;
  /** Files read and analysed at once (default 16). */
  concurrency?: number;
  /** Changed-files mode: a file's result taken from elsewhere without reading it, or null to process it. */
  reuse?: (entry: SeedEntry) => Promise<FileResult | null>;
  /** Content-hash cache of per-file results. */
  cache?: RecordCache;
  /** Worker threads for the per-file stages (default: one per core; 0 = main thread only). */
  workers?: number;
}

export interface Analysis {
  /** One outcome per seed, in the order given. */
  outcomes: Outcome[];
  /** Settles every pending outcome (in place); true when a file's content hash turned out other than vouched. */
  settle(): Promise<boolean>;
}

function settled(result: FileResult, on: string): LazyResult {
  return { sha256: result.record.sha256, on, messages: result.messages, record: () => result.record };
}

function failed(d: Diagnostic): Failed {
  return { sha256: null, messages: [d], record: null };
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

export async function analyseFiles(io: Io, seeds: readonly SeedEntry[], opts: AnalyseOptions): Promise<Analysis> {
  const { cache } = opts;
  const reference = referenceDateOf(opts.config);
  const workers = opts.workers ?? os.availableParallelism();
  // Started on a cache miss (after the first few when the cache knows most files): a warm run
  // whose files all come from the cache starts none.
  let pool: Pool | null | undefined;
  const poolFor = (): Pool | null => {
    if (pool === undefined) pool = workers > 0 && seeds.length >= MIN_FILES_FOR_WORKERS ? createPool(workers, opts.config) : null;
    return pool;
  };
  const closePool = async (): Promise<void> => {
    await pool?.close();
    pool = undefined;
  };
  let misses = 0;
  const warm = (cache?.size ?? 0) >= seeds.length * 0.9;

  const analyse = async (entry: SeedEntry): Promise<Settled> => {
    const reused = await opts.reuse?.(entry);
    if (reused) return settled(reused, reference);
    // A file modified moments before it is read could change again within the same clock
    // tick, unseen by its stat: its stat is not recorded, so it is read next time (racy git).
    const stat = Date.now() - entry.mtimeMs > RACY_MS ? entry.stat : '';
    let bytes: Buffer;
    try {
      bytes = await io.fs.readFile(entry.absolute);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      return failed(diagnostic(entry.path, { ruleId: 'read/unreadable', severity: 'error', message: `cannot read file (${code})` }));
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const cached = await cache?.get(entry.path, sha256, stat);
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
      return failed(diagnostic(entry.path, { ruleId: 'internal/stage-failed', severity: 'error', message }));
    }
    cache?.set(entry.path, sha256, result, stat);
    return settled(result, reference);
  };

  const concurrency = opts.concurrency ?? 16;
  const outcomes = await pMap(
    seeds,
    async (entry): Promise<Outcome> => {
      if (entry.size > MAX_SEED_BYTES) return failed(tooLarge(entry));
      // Unchanged since it was last hashed (same size, mtime, ctime, inode): not read again.
      const known = cache?.vouch(entry.path, entry.stat);
      return known === undefined ? analyse(entry) : { ...known, pending: entry };
    },
    { concurrency },
  ).finally(closePool);

  const settle = async (): Promise<boolean> => {
    let changed = false;
    const todo = outcomes.flatMap((o, i) => (isPending(o) ? [i] : []));
    if (todo.length > 1) await cache?.prefetch();
    await pMap(
      todo,
      async (i) => {
        const { sha256, pending } = outcomes[i] as Pending;
        // A damaged cache line is a miss: the file is read and analysed again.
        const got: Settled = (await cache?.get(pending.path, sha256)) ?? (await analyse(pending));
        if (got.sha256 !== sha256) changed = true;
        outcomes[i] = got;
      },
      { concurrency },
    ).finally(closePool);
    return changed;
  };
  return { outcomes, settle };
}
