// The corpus stages, in order: they run once every file is done (see stages.ts for the file
// stages). Each loads its heavy modules (the Markdown parser) only when it runs.
import type { CorpusStage } from './corpus/context.js';
import { checkIndex } from './corpus/check-index.js';
import { findDuplicates } from './corpus/duplicates.js';
import { findNearDuplicates } from './corpus/near-duplicates.js';

export const corpusStages: readonly CorpusStage[] = [
  { name: 'index', run: checkIndex },
  { name: 'duplicates', run: findDuplicates },
  { name: 'near-duplicates', run: findNearDuplicates },
];
