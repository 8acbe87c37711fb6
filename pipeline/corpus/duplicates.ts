// Corpus stage: files whose bytes are identical (same sha256).
import { diagnostic } from '../diagnostic.js';
import type { CorpusContext, CorpusResult } from './context.js';

export function findDuplicates(ctx: CorpusContext): CorpusResult {
  const byHash = new Map<string, string[]>();
  for (const r of ctx.records) {
    if (r.bytes === 0) continue;
    const list = byHash.get(r.sha256) ?? [];
    list.push(r.file);
    byHash.set(r.sha256, list);
  }
  const duplicates = [...byHash.entries()].filter(([, files]) => files.length > 1).map(([sha256, files]) => ({ sha256, files }));
  const messages = duplicates.flatMap(({ files }) =>
    files.slice(1).map((f) =>
      diagnostic(ctx.seedPath(f), {
        ruleId: 'corpus/duplicate-file',
        severity: 'error',
        message: `file is byte-for-byte identical to ${files[0]}`,
        actual: files[0],
      }),
    ),
  );
  return { messages, duplicates };
}
