// An fs/promises stand-in for main(): it records every call that names a path and can make
// chosen paths fail with an errno code — how the robustness tests see what the pipeline
// touches, and how they make a file unreadable when running as root (where chmod 000 does
// not stop reads).
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Fs } from '../../pipeline/io.js';

export interface FsCall {
  method: string;
  path: string;
}

/** Methods that change the file system. */
export const WRITING = new Set(['writeFile', 'appendFile', 'rename', 'rm', 'rmdir', 'unlink', 'mkdir', 'copyFile', 'cp', 'symlink', 'link', 'chmod', 'chown', 'truncate', 'utimes', 'lchown', 'lutimes', 'mkdtemp']);
/** Methods that read contents (lstat/stat/realpath only look at metadata). */
export const READING = new Set(['readFile', 'open', 'opendir', 'readdir', 'readlink', 'cp', 'copyFile']);

export interface Failure {
  /** Absolute path that fails. */
  path: string;
  /** Methods that fail for it (all when absent). */
  methods?: string[];
  code: string;
}

export interface RecordingFs {
  fs: Fs;
  calls: FsCall[];
}

function errno(code: string, method: string, p: string): NodeJS.ErrnoException {
  const err = new Error(`${code}: simulated failure, ${method} '${p}'`) as NodeJS.ErrnoException;
  err.code = code;
  err.syscall = method;
  err.path = p;
  return err;
}

function pathArg(arg: unknown): string | undefined {
  if (typeof arg === 'string') return path.resolve(arg);
  if (arg instanceof URL) return path.resolve(arg.pathname);
  if (Buffer.isBuffer(arg)) return path.resolve(arg.toString());
  return undefined;
}

export function recordingFs(failures: Failure[] = []): RecordingFs {
  const calls: FsCall[] = [];
  const proxy = new Proxy(fs, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function' || typeof prop !== 'string') return value;
      const method = prop;
      return (...args: unknown[]) => {
        const paths = [pathArg(args[0]), method === 'rename' || method === 'copyFile' || method === 'cp' || method === 'symlink' || method === 'link' ? pathArg(args[1]) : undefined];
        for (const p of paths) {
          if (p === undefined) continue;
          calls.push({ method, path: p });
          const f = failures.find((x) => x.path === p && (!x.methods || x.methods.includes(method)));
          if (f) return Promise.reject(errno(f.code, method, p));
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { fs: proxy as Fs, calls };
}

/** True when `p` is `dir` or inside it (lexically). */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(dir, p);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
