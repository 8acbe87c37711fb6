// Find the seed files in the seeds folder. Nothing outside the folder is read: a symlink
// that resolves outside it is reported, not followed.
import { lstatSync, realpathSync, statSync } from 'node:fs';
import nodeFs from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import { diagnostic } from './diagnostic.js';
import { UsageError, type Fs } from './io.js';
import { displayPath, isInside } from './paths.js';
import type { Diagnostic } from './types.js';

export const INDEX_FILE = 'INDEX.md';

export interface SeedEntry {
  name: string;
  absolute: string;
  /** Display path used in diagnostics. */
  path: string;
  /** Size in bytes when discovered (the engine skips files over MAX_SEED_BYTES unread). */
  size: number;
  /**
   * size, mtime, ctime and inode when discovered: while they stay the same the content is
   * the same, so the cache can vouch for it without reading the file (as git's index does).
   */
  stat: string;
  /** Last modification time (ms since the epoch). */
  mtimeMs: number;
}

export interface Discovery {
  seeds: SeedEntry[];
  messages: Diagnostic[];
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What inspect asks of the file system. */
type StatFs = Pick<Fs, 'lstat' | 'stat' | 'realpath'>;

/**
 * The real file system's stat calls, made synchronously: 10,000 lstat calls through the thread
 * pool cost 0.25 s, directly 0.05 s, and nothing else runs while the folder is listed. Only
 * used when `fs` is Node's own module; a stand-in given by a test is called as it is.
 */
const SYNC_STATS: StatFs = {
  lstat: async (p) => lstatSync(p),
  stat: async (p) => statSync(p),
  realpath: async (p) => realpathSync(p),
} as StatFs;

/** One folder entry: a seed, a finding about it, or nothing (a file that is not a seed's business). */
async function inspect(fs: StatFs, shownRoot: string, root: string, realRoot: string, name: string): Promise<SeedEntry | Diagnostic | null> {
  const absolute = path.join(root, name);
  // displayPath(cwd, absolute), without a path.relative per entry (a folder entry's name has no separator).
  const shown = shownRoot === '.' ? name : `${shownRoot}/${name}`;
  let lst;
  try {
    lst = await fs.lstat(absolute);
  } catch (err) {
    // Removed or made inaccessible while the folder was being listed: report it, go on.
    return diagnostic(shown, { ruleId: 'discover/unreadable', severity: 'error', message: `cannot inspect this entry (${(err as NodeJS.ErrnoException).code ?? 'error'}); it was not read` });
  }
  let target = lst;
  if (lst.isSymbolicLink()) {
    let real: string;
    try {
      real = await fs.realpath(absolute);
      target = await fs.stat(absolute);
    } catch {
      return diagnostic(shown, { ruleId: 'discover/broken-symlink', severity: 'error', message: 'symbolic link points to nothing' });
    }
    if (!isInside(realRoot, real)) {
      return diagnostic(shown, {
        ruleId: 'discover/symlink-outside',
        severity: 'error',
        message: 'symbolic link points outside the seeds folder; it was not read',
      });
    }
  }
  if (target.isDirectory()) {
    if (!name.endsWith('.txt')) return null;
    return diagnostic(shown, { ruleId: 'discover/not-a-file', severity: 'error', message: 'a folder is named like a seed file; seeds must be files' });
  }
  if (!target.isFile()) {
    return diagnostic(shown, { ruleId: 'discover/not-a-file', severity: 'error', message: 'not a regular file; it was not read' });
  }
  if (!name.endsWith('.txt')) {
    return diagnostic(shown, { ruleId: 'discover/not-a-seed', severity: 'warning', message: 'only .txt files are seeds; this file is ignored' });
  }
  return { name, absolute, path: shown, size: target.size, stat: `${target.size}:${target.mtimeMs}:${target.ctimeMs}:${target.ino}`, mtimeMs: target.mtimeMs };
}

export async function discover(fs: Fs, cwd: string, seedsDir: string): Promise<Discovery> {
  const root = path.resolve(cwd, seedsDir);
  let stat;
  try {
    stat = await fs.stat(root);
  } catch {
    throw new UsageError(`seeds folder not found: ${displayPath(cwd, root)}`);
  }
  if (!stat.isDirectory()) throw new UsageError(`seeds path is not a folder: ${displayPath(cwd, root)}`);
  const realRoot = await fs.realpath(root);
  let names: string[];
  try {
    names = (await fs.readdir(root)).sort(byName);
  } catch (err) {
    throw new UsageError(`cannot list the seeds folder ${displayPath(cwd, root)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const seeds: SeedEntry[] = [];
  const messages: Diagnostic[] = [];
  const shownRoot = displayPath(cwd, root);
  const wanted = names.filter((name) => name !== INDEX_FILE && !name.startsWith('.'));
  // Entries are inspected concurrently through a stand-in fs (one at a time, 10,000 of them
  // took 0.45 s); Node's own is called synchronously, so there is nothing to overlap.
  const inspected =
    fs === nodeFs
      ? await Promise.all(wanted.map((name) => inspect(SYNC_STATS, shownRoot, root, realRoot, name)))
      : await pMap(wanted, (name) => inspect(fs, shownRoot, root, realRoot, name), { concurrency: 32 });
  for (const x of inspected) {
    if (x === null) continue;
    if ('ruleId' in x) messages.push(x);
    else seeds.push(x);
  }
  return { seeds, messages };
}
