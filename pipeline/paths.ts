// Locations inside the installed package (compiled code lives in dist/pipeline/).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemasDir = path.join(packageRoot, 'schemas');

/** Is `target` the folder `root` or inside it (both resolved)? */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Display path: relative to cwd, forward slashes, so diagnostics match CI checkouts. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute) || '.';
  return rel.split(path.sep).join('/');
}
