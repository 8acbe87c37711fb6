// The one-line run summary every human-facing format ends with.
import { countSeverities } from '../diagnostic.js';
import type { FormatInput } from './index.js';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `5 files checked: 1 error, 0 warnings, 0 infos; INDEX.md consistent` (+ the baseline's share). */
export function summaryLine({ diagnostics, manifest, baselined }: Pick<FormatInput, 'diagnostics' | 'manifest' | 'baselined'>): string {
  const n = countSeverities(diagnostics);
  const covered = baselined?.length ?? 0;
  return (
    `${plural(manifest.summary.files, 'file')} checked: ${plural(n.errors, 'error')}, ${plural(n.warnings, 'warning')}, ${plural(n.infos, 'info')}; ` +
    `INDEX.md ${manifest.summary.index}${covered > 0 ? `; ${plural(covered, 'finding')} covered by the baseline (not shown)` : ''}`
  );
}
