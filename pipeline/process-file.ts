// Runs the file stages on one file's bytes. A stage that throws becomes a fatal
// diagnostic on that file and the remaining stages are skipped; the run goes on.
import type { Config } from './config.js';
import { scoreOf } from './quality/score.js';
import { createSeedFile, type SeedFile } from './seed-file.js';
import { fileStages } from './stages.js';
import { diagnostic } from './diagnostic.js';
import type { Diagnostic, SeedRecord } from './types.js';

export interface FileResult {
  record: SeedRecord;
  messages: Diagnostic[];
}

/** A file's findings now, its record when asked for (a cached record stays JSON until then). */
export interface LazyResult {
  sha256: string;
  /** The reference date the result was worked out for (it decides the date findings). */
  on: string;
  messages: Diagnostic[];
  record(): SeedRecord;
}

export function processFile(path: string, name: string, bytes: Buffer, config: Config): FileResult {
  const file: SeedFile = createSeedFile(path, name, bytes, config);
  for (const stage of fileStages) {
    try {
      stage.run(file);
    } catch (err) {
      file.messages.push(
        diagnostic(path, {
          ruleId: 'internal/stage-failed',
          severity: 'error',
          message: `internal error in stage "${stage.name}": ${(err as Error)?.message ?? String(err)} (please report this)`,
        }),
      );
      break;
    }
  }
  file.record.quality = { score: scoreOf(file.messages), flags: file.messages };
  return { record: file.record, messages: file.messages };
}
