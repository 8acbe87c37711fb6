import type { FormatInput } from './index.js';

/** Machine-readable: the diagnostics and the summary as one JSON document. */
export function formatJson({ diagnostics, manifest }: FormatInput): string {
  return `${JSON.stringify({ summary: manifest.summary, diagnostics }, null, 2)}\n`;
}
