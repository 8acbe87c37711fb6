// Calls validate's main() in-process with captured streams, as markdownlint-cli2's tests do.
import { main } from '../../pipeline/cli.js';
import type { Fs } from '../../pipeline/io.js';
import { runMain, type MainRun } from './run-main.js';

export type CliRun = MainRun;

export function runCli(argv: string[], cwd: string, opts: { fs?: Fs; env?: Record<string, string | undefined> } = {}): Promise<CliRun> {
  return runMain(main, argv, cwd, opts);
}
