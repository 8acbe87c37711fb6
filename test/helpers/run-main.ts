// Calls a maintainer command's main(argv, io) in-process with captured streams (index, add),
// the way run-cli.ts does for validate.
import fs from 'node:fs/promises';
import { Writable } from 'node:stream';
import type { Io } from '../../pipeline/io.js';

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

export async function runMain(main: (argv: string[], io: Io) => Promise<number>, argv: string[], cwd: string): Promise<MainRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { fs, stdout, stderr, cwd, env: {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
