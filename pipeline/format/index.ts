// Formatters are pure (results) → string functions, chosen by name. The CLI does the I/O.
import type { ManifestHead } from '../output/manifest.js';
import type { Diagnostic } from '../types.js';

export interface FormatInput {
  /** The diagnostics that count (sorted): every one, minus those the baseline covers. */
  diagnostics: Diagnostic[];
  manifest: ManifestHead;
  colour: boolean;
  /** Findings covered by the baseline (not fatal); absent or empty without a baseline. */
  baselined?: Diagnostic[];
}

export type Formatter = (input: FormatInput) => string;

/** Formatters by name, each loaded when chosen (SARIF's brings in every quality rule's metadata). */
export const formatters: Record<string, () => Promise<Formatter>> = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  github: async () => (await import('./github.js')).formatGithub,
  junit: async () => (await import('./junit.js')).formatJunit,
  sarif: async () => (await import('./sarif.js')).formatSarif,
};
