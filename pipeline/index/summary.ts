// One line saying what a rewrite of INDEX.md changed, for the maintainer commands' stderr.
import type { RewriteResult } from './write.js';

type Done = Extract<RewriteResult, { ok: true }>;

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeRewrite(shown: string, r: Done, written: boolean): string {
  const filled = r.changes.filter((c) => !c.added && c.fields.length > 0);
  const added = r.changes.filter((c) => c.added);
  const parts: string[] = [];
  if (filled.length > 0) parts.push(`filled ${plural(filled.reduce((n, c) => n + c.fields.length, 0), 'cell')} in ${plural(filled.length, 'row')}`);
  if (added.length > 0) parts.push(`added ${plural(added.length, 'row')}`);
  if (r.count) parts.push(`count ${String(r.count.from ?? '(none)')} → ${r.count.to}`);
  const lines = parts.length === 0 ? [`${shown} is up to date`] : [`${shown}: ${parts.join(', ')}${written ? '' : ' (dry run: nothing written)'}`];
  for (const n of r.notes) lines.push(`${shown}: ${n}`);
  return `${lines.join('\n')}\n`;
}
