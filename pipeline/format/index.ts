// Formatters are pure (results) → string functions, chosen by name.
import type { Manifest } from '../output/manifest.js';
import type { Diagnostic } from '../types.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

export interface FormatInput {
  diagnostics: Diagnostic[];
  manifest: Manifest;
  colour: boolean;
}

export type Formatter = (input: FormatInput) => string;

export const formatters: Record<string, Formatter> = {
  text: formatText,
  json: formatJson,
};
