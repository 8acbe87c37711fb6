// Calls a command's main(argv, io) in-process with captured streams (validate, index, add),
// as markdownlint-cli2's tests do.
import fs from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { Fs, Io } from '../../pipeline/io.js';

export interface MainRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
}

export async function runMain(
  main: (argv: string[], io: Io) => Promise<number>,
  argv: string[],
  cwd: string,
  opts: { fs?: Fs; env?: Record<string, string | undefined> } = {},
): Promise<MainRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { fs: opts.fs ?? fs, stdout, stderr, cwd, env: opts.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
