// Corpus stage: check seeds/INDEX.md (read once for the run, ctx.index) against the files in
// the folder and the records detected in them.
import { diagnostic } from '../diagnostic.js';
import { INDEX_FILE } from '../discover.js';
import type { CorpusContext, CorpusResult } from './context.js';

export async function checkIndex(ctx: CorpusContext): Promise<CorpusResult> {
  const indexPath = ctx.seedPath(INDEX_FILE);
  const read = ctx.index;
  if (read.text === null && !read.missing) return { indexStatus: 'inconsistent', messages: read.messages };
  const text = read.text;
  if (text === null) {
    return {
      indexStatus: 'missing',
      messages: [
        diagnostic(indexPath, {
          ruleId: 'index/missing',
          severity: 'error',
          message: `${INDEX_FILE} not found in ${ctx.seedsPath}; create it (front matter and a | file | title | type | date | author | region | table) or run \`npm run index\``,
        }),
      ],
    };
  }
  // Loaded here: a run whose corpus findings come from the cache never needs the parser.
  const [{ parseIndex }, { checkIndexStructure }, { compareIndex }] = await Promise.all([import('../index/parse.js'), import('../index/check.js'), import('../index/compare.js')]);
  const index = parseIndex(text);
  const messages = [
    ...read.messages,
    ...checkIndexStructure({ indexPath, index, files: ctx.files, seedPath: ctx.seedPath }),
    // Each row's values against what was detected in its file (index/<field>-mismatch).
    ...compareIndex({ indexPath, index, records: ctx.records, config: ctx.config }),
  ];
  return { messages, indexStatus: messages.some((m) => m.severity !== 'info') ? 'inconsistent' : 'consistent' };
}
