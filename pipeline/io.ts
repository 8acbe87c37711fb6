// What main() is given instead of reaching for globals, so tests can call it directly.
import type * as fsPromises from 'node:fs/promises';
import type { Writable } from 'node:stream';

export type Fs = typeof fsPromises;

export interface Io {
  fs: Fs;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  cwd: string;
  env: Record<string, string | undefined>;
}

/** A problem that stops the tool itself from running: exit code 2. */
export class UsageError extends Error {}
