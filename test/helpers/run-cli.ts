// Calls main() in-process with captured streams, as markdownlint-cli2's tests do.
import fs from 'node:fs/promises';
import { Writable } from 'node:stream';
import { main } from '../../pipeline/cli.js';
import type { Fs } from '../../pipeline/io.js';

export interface CliRun {
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

export async function runCli(argv: string[], cwd: string, opts: { fs?: Fs; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  const stdout = new Capture();
  const stderr = new Capture();
  const code = await main(argv, { fs: opts.fs ?? fs, stdout, stderr, cwd, env: opts.env ?? {} });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
