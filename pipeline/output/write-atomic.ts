// Write a file atomically: a temp file in the same folder, then rename over the target.
// A crash mid-write leaves the previous file intact (rename is atomic on POSIX). Large
// outputs come as a sequence of pieces and are written as they come: the manifest of a
// 100,000-file corpus is longer than the longest string V8 can hold.
import path from 'node:path';
import type { Fs } from '../io.js';

/** Pieces are gathered up to about this many bytes (or UTF-16 units) before each write. */
const BATCH = 1 << 22;

export async function writeAtomic(fs: Fs, file: string, data: string | Uint8Array | Iterable<string | Uint8Array>): Promise<void> {
  const out = new AtomicAppender(fs, file);
  if (typeof data === 'string' || data instanceof Uint8Array) out.append(data);
  else await out.appendAll(data);
  await out.commit();
}

/**
 * A file written atomically a piece at a time while other work goes on: pieces are appended to
 * a temp file in batches (each write starts when the one before is done) and commit renames
 * it over the target. A run that dies before commit leaves a temp file the next write removes.
 */
export class AtomicAppender {
  private readonly tmp: string;
  private pending: (string | Uint8Array)[] = [];
  private size = 0;
  private written: Promise<void> = Promise.resolve();
  private started = false;

  constructor(
    private readonly fs: Fs,
    private readonly file: string,
  ) {
    this.tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  }

  append(piece: string | Uint8Array): void {
    this.pending.push(piece);
    this.size += piece.length;
    if (this.size >= BATCH) this.flush();
  }

  /** Appends every piece, waiting for each batch to be written: at most one batch is held. */
  async appendAll(pieces: Iterable<string | Uint8Array>): Promise<void> {
    for (const piece of pieces) {
      this.append(piece);
      if (this.size === 0) await this.written;
    }
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.size = 0;
    const first = !this.started;
    this.started = true;
    const data = (): string | Buffer => (batch.every((p) => typeof p === 'string') ? batch.join('') : Buffer.concat(batch.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    // writeFile then appendFile (not a file handle): the one fs surface tests can stand in for.
    this.written = this.written.then(async () => {
      if (!first) return this.fs.appendFile(this.tmp, data());
      await this.fs.mkdir(path.dirname(this.file), { recursive: true });
      return this.fs.writeFile(this.tmp, data());
    });
    // Seen at commit; until then a failed write must not count as an unhandled rejection.
    this.written.catch(() => undefined);
  }

  async commit(): Promise<void> {
    this.flush();
    try {
      await this.written;
      await this.fs.rename(this.tmp, this.file);
    } catch (err) {
      await this.fs.rm(this.tmp, { force: true });
      throw err;
    }
    await removeStaleTemps(this.fs, this.file);
  }
}

/** `.<name>.<pid>.<ms>.tmp`: the temp files writeAtomic makes. */
const TEMP = /^\.(.+)\.(\d+)\.\d+\.tmp$/u;

/**
 * Temp files of `file` left by a run that was killed mid-write (SIGKILL, power loss): removed
 * once a write of the same file succeeds, unless the process that made them is still running
 * (another run writing the same folder right now).
 */
async function removeStaleTemps(fs: Fs, file: string): Promise<void> {
  const dir = path.dirname(file);
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== path.basename(file)) continue;
    const pid = Number(m[2]);
    if (pid === process.pid || running(pid)) continue;
    await fs.rm(path.join(dir, name), { force: true }).catch(() => undefined);
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
