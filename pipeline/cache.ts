// Content-hash cache of per-file results, so an unchanged file is not detected again.
// Key: display path + sha256 of the bytes; the whole cache is salted with the compiled code,
// lock file, schemas, config and reference date. One JSON-lines file; a corrupt or foreign
// cache is ignored and rebuilt. Each line carries a checksum: a damaged line is a miss, found
// without validating every record against the schema again (that cost more than detection
// saved). Each entry also keeps the file's stat when hashed (sha256For), and one line keeps
// the last run's corpus findings and outputs (corpusFor, outputsCurrent).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { referenceDateOf, type Config } from './config.js';
import type { Fs } from './io.js';
import { packageRoot } from './paths.js';
import { schemasHash } from './schemas.js';
import { VERSION } from './version.js';
import { AtomicAppender } from './output/write-atomic.js';
import type { CorpusResult } from './corpus/context.js';
import type { FileResult } from './process-file.js';
import type { SeedRecord } from './types.js';

const FORMAT = 4;
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
  // The reference date decides date/suspicious and the event ranking: a cache from another day
  // (when it defaults to today) must not be reused.
  const salt = createHash('sha256').update(memoCodeHash).update(config.hash).update(referenceDateOf(config)).digest('hex').slice(0, 32);
  const file = `records-${createHash('sha256').update(seedsDir).digest('hex').slice(0, 12)}.jsonl`;
  return RecordCache.open(fs, path.join(dir, file), salt);
}

/** 64 bits of sha256 (hex): enough to tell a damaged line from the one written. */
function checksum(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex').slice(0, 16);
}

/** What the last run found across the corpus, and the outputs it wrote, for one digest of every input. */
interface RunState {
  inputs: string;
  corpus: Required<CorpusResult>;
  /** Output files as written: size and mtime, so a file edited or replaced since is written again. */
  outputs: Record<string, { size: number; mtimeMs: number }>;
}

/** The cache line holding the run state (record keys start with a sha256, never with `#`). */
const RUN_KEY = '#run';
const TAB = 9;
const NL = 10;
const CHECKSUM = 16;

/**
 * A line is `key \t checksum \t stat \t json`, kept as bytes: the checksum covers `stat \t json`,
 * so a damaged line is a miss. stat is the file's stat when it was hashed, '' when unknown.
 */
function lineOf(key: string, stat: string, json: string): Buffer {
  const body = Buffer.from(`${stat}\t${json}`);
  return Buffer.concat([Buffer.from(`${key}\t${checksum(body)}\t`), body, Buffer.from('\n')]);
}

/** The stat and json of a stored line (after its key), or undefined when it is damaged. */
function entryOf(rest: Buffer): { stat: string; json: string } | undefined {
  if (rest.length < CHECKSUM + 2 || rest[CHECKSUM] !== TAB) return undefined;
  const body = rest.subarray(CHECKSUM + 1);
  if (rest.toString('latin1', 0, CHECKSUM) !== checksum(body)) return undefined;
  const tab = body.indexOf(TAB);
  if (tab < 0) return undefined;
  return { stat: body.toString('utf8', 0, tab), json: body.toString('utf8', tab + 1) };
}

/** The stat field of a stored line, read without checking it (sha256For's candidates are checked by get). */
function statOf(rest: Buffer): string {
  const tab = rest.indexOf(TAB, CHECKSUM + 1);
  return tab < 0 ? '' : rest.toString('utf8', CHECKSUM + 1, tab);
}

export class RecordCache {
  /** Lines from disk after their key (`checksum \t stat \t json`, bytes), by key: parsed only when asked for. */
  private readonly stored: Map<string, Buffer>;
  /** Per display path, the content hash and stat of its stored entry. */
  private readonly byPath = new Map<string, { sha256: string; stat: string }>();
  /** Stored entries this run used, kept as they were: the next save copies them. */
  private readonly used = new Map<string, Buffer>();
  /**
   * The next cache file, started at the first new entry: new lines are written as results
   * come in (while the workers are busy), so a 100,000-file run never holds them all.
   */
  private next: AtomicAppender | null = null;
  /** The last run's state as read (null: not read yet). */
  private memoState: RunState | undefined | null = null;
  /** The run state as it is to be saved, when this run changed it. */
  private runLine: Buffer | null = null;
  /** Files whose content hash the cache knew from their stat alone. */
  vouched = 0;

  /** Entries read from disk. */
  get size(): number {
    return this.byPath.size;
  }

  private constructor(
    private readonly fs: Fs,
    private readonly file: string,
    private readonly salt: string,
    stored: Map<string, Buffer>,
  ) {
    this.stored = stored;
    for (const [key, rest] of stored) {
      if (key.length > 65 && key[64] === ':') this.byPath.set(key.slice(65), { sha256: key.slice(0, 64), stat: statOf(rest) });
    }
  }

  static async open(fs: Fs, file: string, salt: string): Promise<RecordCache> {
    const stored = new Map<string, Buffer>();
    let bytes: Buffer = Buffer.alloc(0);
    try {
      bytes = await fs.readFile(file);
    } catch {
      // No cache yet (or unreadable): start empty.
    }
    const firstEnd = bytes.indexOf(NL);
    let header: { format?: unknown; salt?: unknown } = {};
    try {
      header = JSON.parse(bytes.toString('utf8', 0, firstEnd < 0 ? bytes.length : firstEnd)) as typeof header;
    } catch {
      header = {};
    }
    if (header.format === FORMAT && header.salt === salt && firstEnd >= 0) {
      // Lines stay views into the file's bytes: no copy, decoded only when used.
      for (let start = firstEnd + 1; start < bytes.length; ) {
        let end = bytes.indexOf(NL, start);
        if (end < 0) end = bytes.length;
        const tab = bytes.indexOf(TAB, start);
        if (tab > start && tab < end) stored.set(bytes.toString('utf8', start, tab), bytes.subarray(tab + 1, end));
        start = end + 1;
      }
    }
    return new RecordCache(fs, file, salt, stored);
  }

  private static key(file: string, sha256: string): string {
    return `${sha256}:${file}`;
  }

  /**
   * The content hash of `file` without reading it: known when the file's stat (size, mtime,
   * ctime, inode) is the one recorded when it was last hashed.
   */
  sha256For(file: string, stat: string): string | undefined {
    const known = this.byPath.get(file);
    if (!known || known.stat === '' || known.stat !== stat) return undefined;
    this.vouched += 1;
    return known.sha256;
  }

  /** The cached result for these bytes; `stat` (when given) is recorded for sha256For next time. */
  get(file: string, sha256: string, stat?: string): FileResult | undefined {
    const key = RecordCache.key(file, sha256);
    const rest = this.stored.get(key);
    const entry = rest === undefined ? undefined : entryOf(rest);
    if (entry) {
      try {
        const record = JSON.parse(entry.json) as SeedRecord;
        if (record.sha256 === sha256 && Array.isArray(record.quality?.flags)) {
          if (stat !== undefined && stat !== entry.stat) this.write(lineOf(key, stat, entry.json));
          else this.used.set(key, rest!);
          return { record, messages: record.quality.flags };
        }
      } catch {
        // A damaged line is a miss; the entry is rebuilt.
      }
    }
    return undefined;
  }

  /** Stores a result; `stat` is the file's stat when read, or '' when it may change unseen (just modified). */
  set(file: string, sha256: string, result: FileResult, stat = ''): void {
    this.write(lineOf(RecordCache.key(file, sha256), stat, JSON.stringify(result.record)));
  }

  private write(line: Buffer): void {
    this.sink().append(line);
  }

  private sink(): AtomicAppender {
    if (!this.next) {
      this.next = new AtomicAppender(this.fs, this.file);
      this.next.append(`${JSON.stringify({ format: FORMAT, salt: this.salt })}\n`);
    }
    return this.next;
  }

  private runState(): RunState | undefined {
    if (this.memoState !== null) return this.memoState;
    this.memoState = this.parseRunState();
    return this.memoState;
  }

  private parseRunState(): RunState | undefined {
    const rest = this.stored.get(RUN_KEY);
    const entry = rest === undefined ? undefined : entryOf(rest);
    if (!entry) return undefined;
    try {
      return JSON.parse(entry.json) as RunState;
    } catch {
      return undefined;
    }
  }

  private setRunState(state: RunState): void {
    this.memoState = state;
    this.runLine = lineOf(RUN_KEY, '', JSON.stringify(state));
  }

  /** The corpus stages' result of the last run, when every input (`inputs`, a digest) is the same. */
  corpusFor(inputs: string): Required<CorpusResult> | undefined {
    const state = this.runState();
    if (state?.inputs !== inputs) return undefined;
    if (!this.runLine) this.used.set(RUN_KEY, this.stored.get(RUN_KEY)!);
    return state.corpus;
  }

  setCorpus(inputs: string, corpus: Required<CorpusResult>): void {
    this.setRunState({ inputs, corpus, outputs: {} });
  }

  /** Are `files` exactly as this cache saw them written for these inputs (same size and mtime)? */
  async outputsCurrent(inputs: string, files: readonly string[]): Promise<boolean> {
    const state = this.runState();
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
    const state = this.runState();
    if (state?.inputs !== inputs) return;
    const outputs: RunState['outputs'] = {};
    for (const f of files) {
      const st = await this.fs.stat(f);
      outputs[f] = { size: st.size, mtimeMs: st.mtimeMs };
    }
    this.setRunState({ ...state, outputs });
  }

  /** Writes the entries of this run (dropping stale ones); skipped when nothing changed. */
  async save(): Promise<void> {
    // Nothing new, nothing dropped: the file on disk is already this run's cache.
    if (!this.next && !this.runLine && this.used.size === this.stored.size) return;
    const next = this.sink();
    this.next = null;
    for (const [key, rest] of this.used) {
      if (key === RUN_KEY && this.runLine) continue;
      next.append(`${key}\t`);
      next.append(rest);
      next.append('\n');
    }
    if (this.runLine) next.append(this.runLine);
    await next.commit();
  }
}
