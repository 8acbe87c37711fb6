// validate never writes inside the seeds folder: an output or cache folder that resolves into
// it (--out seeds, --out seeds/reports, or a symlink that leads there) is refused up front.
import path from 'node:path';
import { UsageError, type Fs } from '../io.js';
import { displayPath, isInside } from '../paths.js';

/** The real path of `p`, or of its nearest existing ancestor with the rest appended. */
async function realPath(fs: Fs, p: string): Promise<string> {
  const rest: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(await fs.realpath(cur), ...rest);
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      rest.unshift(path.basename(cur));
      cur = parent;
    }
  }
}

/** Throws a UsageError (exit 2) when any of `targets` (flag → folder) lies inside `seeds`. */
export async function assertOutsideSeeds(fs: Fs, cwd: string, seeds: string, targets: Record<string, string | undefined>): Promise<void> {
  const seedsDir = await realPath(fs, path.resolve(cwd, seeds));
  for (const [flag, value] of Object.entries(targets)) {
    if (value === undefined) continue;
    const target = await realPath(fs, path.resolve(cwd, value));
    if (isInside(seedsDir, target)) {
      throw new UsageError(`${flag} ${displayPath(cwd, path.resolve(cwd, value))} is inside the seeds folder ${displayPath(cwd, path.resolve(cwd, seeds))}; validate never writes there — choose a folder outside it`);
    }
  }
}
