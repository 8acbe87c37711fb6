// Formatters are pure (results) → string functions, chosen by name. The CLI does the I/O.
import type { Manifest } from '../output/manifest.js';
import type { Diagnostic } from '../types.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';

export interface FormatInput {
  /** The diagnostics that count (sorted): every one, minus those the baseline covers. */
  diagnostics: Diagnostic[];
  manifest: Manifest;
  colour: boolean;
  /** Findings covered by the baseline (not fatal); absent or empty without a baseline. */
  baselined?: Diagnostic[];
}

export type Formatter = (input: FormatInput) => string;

export const formatters: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
  github: formatGithub,
  junit: formatJunit,
  sarif: formatSarif,
};
