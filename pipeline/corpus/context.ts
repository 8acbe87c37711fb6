// What corpus stages (the barrier after every file is done) see.
import type { Config } from '../config.js';
import type { IndexText } from '../index/read-index.js';
import type { Fs } from '../io.js';
import type { Diagnostic, SeedRecord } from '../types.js';

export interface CorpusContext {
  fs: Fs;
  config: Config;
  /** Absolute seeds folder and its display path. */
  seedsDir: string;
  seedsPath: string;
  /** Every seed file found, sorted by name (including ones that failed to read). */
  files: string[];
  /** Records of the files that were processed, sorted by file. */
  records: SeedRecord[];
  /** Display path for a seed file name. */
  seedPath(name: string): string;
  /** INDEX.md as read once for the run (safely: see index/read-index.ts). */
  index: IndexText;
}

export interface CorpusResult {
  messages: Diagnostic[];
  indexStatus?: 'consistent' | 'inconsistent' | 'missing';
  duplicates?: { sha256: string; files: string[] }[];
  nearDuplicates?: { a: string; b: string; similarity: number }[];
}

export interface CorpusStage {
  name: string;
  run(ctx: CorpusContext): Promise<CorpusResult> | CorpusResult;
}
