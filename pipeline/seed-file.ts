// The per-file state that flows through the file stages (the "vfile" of this pipeline).
import { severityFor, type Config } from './config.js';
import { diagnostic, type DiagnosticInit } from './diagnostic.js';
import { buildPage, type Page } from './page.js';
import type { Diagnostic, SeedRecord } from './types.js';

export interface SeedFile {
  /** Display path (relative to cwd, forward slashes): what diagnostics name. */
  path: string;
  /** File name inside the seeds folder. */
  name: string;
  bytes: Buffer;
  text: string;
  page: Page;
  record: SeedRecord;
  messages: Diagnostic[];
  /** Set by decode when the bytes are not text: detectors and text rules skip the file. */
  binary: boolean;
  config: Config;
}

export function createSeedFile(path: string, name: string, bytes: Buffer, config: Config): SeedFile {
  return {
    path,
    name,
    bytes,
    text: '',
    page: buildPage(''),
    binary: false,
    config,
    messages: [],
    record: {
      id: name.replace(/\.txt$/u, ''),
      file: name,
      sha256: '',
      bytes: bytes.length,
      encoding: 'unknown',
      chars: 0,
      lines: 0,
      lineEnding: 'none',
      sourceType: null,
      title: null,
      date: null,
      author: null,
      region: null,
      keywords: null,
      quality: { score: 100, flags: [] },
    },
  };
}

/** Reports a diagnostic on the file at the configured severity (dropped when the rule is off). */
export function report(file: SeedFile, init: DiagnosticInit): void {
  const severity = severityFor(file.config, init.ruleId, init.severity);
  if (severity === 'off') return;
  file.messages.push(diagnostic(file.path, { ...init, severity }));
}
