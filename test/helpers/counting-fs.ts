// fs/promises wrapped to count the calls that read each file's contents, for tests that
// assert a file was (or was not) read.
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Fs } from '../../pipeline/io.js';

/** fs/promises that counts, per absolute path, the calls that read a file's contents (and remembers the first caller). */
export function countingFs(): { fs: Fs; reads: (file: string) => number; reader: (file: string) => string } {
  const counts = new Map<string, number>();
  const callers = new Map<string, string>();
  const fs = new Proxy(fsp, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if ((prop !== 'readFile' && prop !== 'open') || typeof value !== 'function') return value;
      return (file: unknown, ...rest: unknown[]) => {
        const key = path.resolve(String(file));
        counts.set(key, (counts.get(key) ?? 0) + 1);
        if (!callers.has(key)) callers.set(key, (new Error().stack ?? '').split('\n').slice(2, 5).join(' ← '));
        return (value as (...a: unknown[]) => unknown).apply(target, [file, ...rest]);
      };
    },
  }) as Fs;
  return { fs, reads: (file) => counts.get(path.resolve(file)) ?? 0, reader: (file) => callers.get(path.resolve(file)) ?? '' };
}
