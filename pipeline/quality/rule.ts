// A quality rule = metadata + a check function (markdownlint style). Rules are listed in registry.ts.
import type { DiagnosticInit } from '../diagnostic.js';
import type { SeedFile } from '../seed-file.js';
import type { Severity } from '../types.js';

export interface QualityRule {
  /** Rule id, e.g. `noise/jammer`; the config file keys severities by it. */
  id: string;
  description: string;
  tags: string[];
  severity: Severity;
  /** Where the default threshold comes from (shown in the README and rule docs). */
  rationale: string;
  /** Reports problems through `report`; severity is applied by the caller from the config. */
  check(file: SeedFile, report: (d: Omit<DiagnosticInit, 'ruleId' | 'severity'> & { severity?: Severity }) => void): void;
}
