import { escapeJsonText } from '../output/escape.js';
import type { FormatInput } from './index.js';

/**
 * Machine-readable: the summary, the diagnostics that count, and those the baseline covers,
 * as one JSON document. `##[` (GitHub's legacy command syntax) can only occur inside strings,
 * where `\u0023` is an equivalent escape.
 */
export function formatJson({ diagnostics, manifest, baselined }: FormatInput): string {
  const text = JSON.stringify({ summary: manifest.summary, diagnostics, baselined: baselined ?? [] }, null, 2);
  return `${escapeJsonText(text).replace(/##\[/gu, '\\u0023#[')}\n`;
}
