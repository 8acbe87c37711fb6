// Locations inside the installed package (compiled code lives in dist/pipeline/).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
export const schemasDir = path.join(packageRoot, 'schemas');

/** Display path: relative to cwd, forward slashes, so diagnostics match CI checkouts. */
export function displayPath(cwd: string, absolute: string): string {
  const rel = path.relative(cwd, absolute) || '.';
  return rel.split(path.sep).join('/');
}
