// Content-hash cache of per-file results, so an unchanged file is not detected again.
// Key: display path + sha256 of the bytes; the whole cache is salted with the compiled code,
// lock file, schemas and config. A result also records the reference date it was worked out
// on and the last one it holds for (detect/date-validity.ts): when the reference date is
// today, tomorrow's run reuses every result whose date findings cannot change. One file per
// seeds folder (layout in
// cache-file.ts); a corrupt or foreign cache is ignored and rebuilt, a damaged entry is a miss
// (a checksum, not a schema check: that cost more than detection saved). Each entry keeps the
// file's stat when hashed (vouch), and its findings apart from the rest of its record, which
// stays JSON until asked for. The trailer keeps the last run's corpus findings, summary and
// outputs (runFor, outputsCurrent), and its terminal output is kept to be printed again
// (replayFor): a run with nothing changed reads the trailer and little else.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { checksum, entryOf, headerOf, lineOf, readPlace, readTrailer, trailerOf, type OutputPlace, type Place, type Trailer } from './cache-file.js';
import path from 'node:path';
import { referenceDateOf, type Config } from './config.js';
import { dateFindingsHoldUntil } from './detect/date-validity.js';
import type { Fs } from './io.js';
import { packageRoot } from './paths.js';
import { schemasHash } from './schemas.js';
import { VERSION } from './version.js';
import { AtomicAppender } from './output/write-atomic.js';
import type { CorpusResult } from './corpus/context.js';
import type { ManifestSummary } from './output/manifest.js';
import type { FileResult, LazyResult } from './process-file.js';
import type { Diagnostic, SeedRecord } from './types.js';

export const CACHE_DIR = '.cache/seedcheck';

/**
 * A hash of the tool's own compiled code and locked dependencies: a cache written by other
 * code (a new detector, even at the same version number) must not be reused.
 */
function codeHash(): string {
  const h = createHash('sha256').update(VERSION);
  const dir = path.join(packageRoot, 'dist', 'pipeline');
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.js') || e.name.endsWith('.cjs')) h.update(e.name).update(readFileSync(p));
    }
  };
  try {
    walk(dir);
    h.update(schemasHash()); // the record schema decides validate-record's findings
    h.update(readFileSync(path.join(packageRoot, 'package-lock.json')));
  } catch {
    h.update(String(Date.now())); // cannot identify the code: never reuse this cache
  }
  return h.digest('hex');
}

let memoCodeHash: string | undefined;

/** Opens the cache for one seeds folder (one file per folder, so corpora do not evict each other). */
export async function openCache(fs: Fs, dir: string, seedsDir: string, config: Config): Promise<RecordCache> {
  memoCodeHash ??= codeHash();
  // An explicit reference date is part of the config hash; today's is checked per result.
  const salt = createHash('sha256').update(memoCodeHash).update(config.hash).digest('hex').slice(0, 32);
  const file = `records-${createHash('sha256').update(seedsDir).digest('hex').slice(0, 12)}.cache`;
  return RecordCache.open(fs, path.join(dir, file), salt, referenceDateOf(config));
}

/**
 * A printed output larger than this is not kept: --format json or sarif of a 100,000-file
 * corpus runs to hundreds of MB, which would double the cache (text output of the same
 * corpus: about 140 MB).
 */
const MAX_REPLAY_BYTES = 256 * 1024 * 1024;

/** What the last run found across the corpus, and the outputs it wrote, for one digest of every input. */
interface RunState {
  inputs: string;
  corpus: Required<CorpusResult>;
  summary: ManifestSummary;
  /** Output files as written: size and mtime, so a file edited or replaced since is written again. */
  outputs: Record<string, { size: number; mtimeMs: number }>;
}

/** This run's terminal output, to be kept with the inputs and output choice it was printed for. */
interface NewOutput {
  inputs: string;
  key: string;
  bytes: Buffer;
}

export class RecordCache {
  /** Entries on disk by key (`sha256:path`): where their line is. */
  private readonly stored = new Map<string, Place>();
  /** Per display path, the content hash and stat of its stored entry. */
  private readonly byPath = new Map<string, { sha256: string; place: Place }>();
  /** Stored entries this run used, kept as they are: the next save copies them. */
  private readonly used = new Set<string>();
  /** Entries this run wrote to the next file, where they are in it. */
  private readonly fresh = new Map<string, Place>();
  /** The whole file as read when many entries are needed (prefetch), or null. */
  private data: Buffer | null = null;
  /**
   * The next cache file, started at the first new entry: new lines are written as results
   * come in (while the workers are busy), so a 100,000-file run never holds them all.
   */
  private next: AtomicAppender | null = null;
  private nextSize = 0;
  /** The last run's state, and the one this run leaves when it changed it. */
  private readonly lastState: RunState | null;
  private newState: RunState | null = null;
  private keepState = false;
  /** The last run's terminal output, where it is; the bytes once read; and this run's. */
  private readonly lastOut: OutputPlace | null;
  private lastOutBytes: Buffer | null = null;
  private newOut: NewOutput | null = null;
  /** Files whose content hash the cache knew from their stat alone. */
  vouched = 0;

  /** Entries read from disk. */
  get size(): number {
    return this.stored.size;
  }

  private constructor(
    private readonly fs: Fs,
    private readonly file: string,
    private readonly salt: string,
    /** This run's reference date (YYYY-MM-DD). */
    private readonly reference: string,
    trailer: Trailer<RunState> | undefined,
  ) {
    for (const [key, stat, at, length, on, until] of trailer?.entries ?? []) {
      const place = { stat, at, length, on, until };
      this.stored.set(key, place);
      if (key.length > 65 && key[64] === ':') this.byPath.set(key.slice(65), { sha256: key.slice(0, 64), place });
    }
    this.lastState = trailer?.run ?? null;
    this.lastOut = trailer?.out ?? null;
  }

  static async open(fs: Fs, file: string, salt: string, reference: string): Promise<RecordCache> {
    return new RecordCache(fs, file, salt, reference, await readTrailer<RunState>(fs, file, salt));
  }

  /** Does a stored result hold for this run's reference date? */
  private holds(place: Place): boolean {
    return place.on <= this.reference && this.reference <= place.until;
  }

  private static key(file: string, sha256: string): string {
    return `${sha256}:${file}`;
  }

  /** Reads the whole file once: many entries are about to be fetched (or copied by save). */
  async prefetch(): Promise<void> {
    if (this.data || this.stored.size === 0) return;
    try {
      this.data = await this.fs.readFile(this.file);
    } catch {
      this.data = Buffer.alloc(0); // gone since it was opened: every entry is a miss
    }
  }

  /** The bytes at a place in the file on disk (from the prefetched copy when there is one). */
  private async bytesAt(at: number, length: number): Promise<Buffer> {
    if (this.data) return this.data.subarray(at, at + length);
    return readPlace(this.fs, this.file, at, length);
  }

  /**
   * The content hash of `file` without reading it, and the reference date its result was
   * worked out on: known when the file's stat (size, mtime, ctime, inode) is the one recorded
   * when it was last hashed, and that result holds today.
   */
  vouch(file: string, stat: string): { sha256: string; on: string } | undefined {
    const known = this.byPath.get(file);
    if (!known || known.place.stat === '' || known.place.stat !== stat || !this.holds(known.place)) return undefined;
    this.vouched += 1;
    // Kept for the next cache as it is; checked when its result is fetched (get).
    this.used.add(RecordCache.key(file, known.sha256));
    return { sha256: known.sha256, on: known.place.on };
  }

  /**
   * The cached result for these bytes, its findings and record parsed only when asked for;
   * `stat` (when given) is recorded for vouch next time.
   */
  async get(file: string, sha256: string, stat?: string): Promise<LazyResult | undefined> {
    const key = RecordCache.key(file, sha256);
    const place = this.stored.get(key);
    const entry = place && this.holds(place) ? entryOf(key, await this.bytesAt(place.at, place.length)) : undefined;
    if (!place || !entry) {
      this.used.delete(key); // damaged, outdated or not there: the entry is rebuilt
      return undefined;
    }
    if (stat !== undefined && stat !== entry.stat) this.write(key, { ...place, stat }, lineOf(key, stat, entry.flags, entry.record));
    else this.used.add(key);
    // The line's checksum held, so both are the JSON this cache wrote.
    let parsed: Diagnostic[] | undefined;
    const messages = (): Diagnostic[] => (parsed ??= JSON.parse(entry.flags.toString('utf8')) as Diagnostic[]);
    return {
      sha256,
      on: place.on,
      get messages() {
        return messages();
      },
      record() {
        const record = JSON.parse(entry.record.toString('utf8')) as SeedRecord;
        record.quality.flags = messages();
        return record;
      },
    };
  }

  /** Stores a result; `stat` is the file's stat when read, or '' when it may change unseen (just modified). */
  set(file: string, sha256: string, result: FileResult, stat = ''): void {
    const { record } = result;
    const key = RecordCache.key(file, sha256);
    const bare = JSON.stringify({ ...record, quality: { score: record.quality.score, flags: [] } });
    const until = dateFindingsHoldUntil(record.date, this.reference);
    this.write(key, { stat, on: this.reference, until }, lineOf(key, stat, JSON.stringify(record.quality.flags), bare));
  }

  private write(key: string, entry: Pick<Place, 'stat' | 'on' | 'until'>, line: Buffer): void {
    const sink = this.sink();
    this.fresh.set(key, { stat: entry.stat, on: entry.on, until: entry.until, at: this.nextSize, length: line.length - 1 });
    this.append(sink, line);
  }

  private append(sink: AtomicAppender, bytes: Buffer): void {
    sink.append(bytes);
    this.nextSize += bytes.length;
  }

  private sink(): AtomicAppender {
    if (!this.next) {
      this.next = new AtomicAppender(this.fs, this.file);
      this.nextSize = 0;
      this.append(this.next, headerOf(this.salt));
    }
    return this.next;
  }

  /** The corpus stages' result and manifest summary of the last run, when every input (`inputs`, a digest) is the same. */
  runFor(inputs: string): { corpus: Required<CorpusResult>; summary: ManifestSummary } | undefined {
    const state = this.newState ?? this.lastState;
    if (state?.inputs !== inputs) return undefined;
    this.keepState = true;
    return state;
  }

  setRun(inputs: string, corpus: Required<CorpusResult>, summary: ManifestSummary): void {
    this.newState = { inputs, corpus, summary, outputs: {} };
  }

  /** Are `files` exactly as this cache saw them written for these inputs (same size and mtime)? */
  async outputsCurrent(inputs: string, files: readonly string[]): Promise<boolean> {
    const state = this.newState ?? this.lastState;
    if (state?.inputs !== inputs) return false;
    for (const f of files) {
      const seen = state.outputs[f];
      if (!seen) return false;
      try {
        const st = await this.fs.stat(f);
        if (st.size !== seen.size || st.mtimeMs !== seen.mtimeMs) return false;
      } catch {
        return false;
      }
    }
    return true;
  }

  /** Notes the outputs just written for these inputs. */
  async setOutputs(inputs: string, files: readonly string[]): Promise<void> {
    const state = this.newState ?? this.lastState;
    if (state?.inputs !== inputs) return;
    const outputs: RunState['outputs'] = {};
    for (const f of files) {
      const st = await this.fs.stat(f);
      outputs[f] = { size: st.size, mtimeMs: st.mtimeMs };
    }
    this.newState = { ...state, outputs };
  }

  /**
   * What the last run printed, when its inputs and output choice (`key`: format, colour) were
   * these: printing it again is the same as formatting the same findings again (as a build
   * cache replays a task's log).
   */
  async replayFor(inputs: string, key: string): Promise<Buffer | undefined> {
    const out = this.lastOut;
    if (out?.inputs !== inputs || out.key !== key) return undefined;
    const bytes = await this.bytesAt(out.at, out.length);
    if (bytes.length !== out.length || checksum(key, bytes) !== out.sum) return undefined;
    this.lastOutBytes = bytes;
    return bytes;
  }

  /** Keeps this run's terminal output, unless it is over MAX_REPLAY_BYTES (then none is kept). */
  setReplay(inputs: string, key: string, text: string): void {
    if (text.length * 3 > MAX_REPLAY_BYTES && Buffer.byteLength(text) > MAX_REPLAY_BYTES) return;
    this.newOut = { inputs, key, bytes: Buffer.from(text) };
  }

  /** Writes the entries of this run (dropping stale ones); skipped when nothing changed. */
  async save(): Promise<void> {
    const stateKept = this.newState === null && (this.keepState || this.lastState === null);
    const outKept = this.newOut === null && (this.lastOutBytes !== null || this.lastOut === null);
    // Nothing new, nothing dropped: the file on disk is already this run's cache.
    if (!this.next && stateKept && outKept && this.used.size === this.stored.size) return;
    const copied = [...this.used].filter((key) => !this.fresh.has(key));
    if (copied.length > 0) await this.prefetch();
    const next = this.sink();
    this.next = null;
    for (const key of copied) {
      const place = this.stored.get(key)!;
      const line = this.data!.subarray(place.at, place.at + place.length + 1);
      this.fresh.set(key, { ...place, at: this.nextSize });
      this.append(next, line);
    }
    let out: OutputPlace | null = null;
    const kept = this.newOut ?? (this.lastOutBytes && this.lastOut ? { inputs: this.lastOut.inputs, key: this.lastOut.key, bytes: this.lastOutBytes } : null);
    if (kept) {
      out = { inputs: kept.inputs, key: kept.key, at: this.nextSize, length: kept.bytes.length, sum: checksum(kept.key, kept.bytes) };
      this.append(next, kept.bytes);
    }
    const entries: Trailer<RunState>['entries'] = [];
    for (const [key, place] of this.fresh) entries.push([key, place.stat, place.at, place.length, place.on, place.until]);
    const run = this.newState ?? (this.keepState ? this.lastState : null);
    this.append(next, trailerOf<RunState>({ entries, run, out }, this.nextSize));
    await next.commit();
  }
}
