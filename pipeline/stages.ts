// The pipeline, top to bottom. Per-file stages are pure functions of one file's bytes
// (plus config and reference data); corpus stages run once every file is done.
//
//   discover → read → decode → facts → page → detect → quality → validate record
//                                                                   ↓
//                                  corpus: INDEX.md, duplicates, near-duplicates → outputs
//
// The corpus stages are listed in corpus-stages.ts: the main thread of a run whose files all
// come from the cache loads none of the modules imported here.
import type { SeedFile } from './seed-file.js';
import { keepReportExcerpt } from './report/excerpt.js';
import { structurePage } from './stages/build-page.js';
import { checkQuality } from './stages/check-quality.js';
import { decode } from './stages/decode.js';
import { detect } from './stages/detect.js';
import { sketchText } from './stages/sketch.js';
import { measureFacts } from './stages/facts.js';
import { validateRecord } from './stages/validate-record.js';

export interface FileStage {
  name: string;
  run(file: SeedFile): void;
}

export const fileStages: readonly FileStage[] = [
  { name: 'decode', run: decode },
  { name: 'facts', run: measureFacts },
  { name: 'page', run: structurePage },
  { name: 'detect', run: detect },
  { name: 'quality', run: checkQuality },
  // The text's MinHash signature, so the near-duplicate check needs no second read of the file.
  { name: 'sketch', run: sketchText },
  // Keeps the seed text around every span found so far, for the HTML report.
  { name: 'report-excerpt', run: keepReportExcerpt },
  { name: 'validate-record', run: validateRecord },
];
