// Detect the document's metadata from the shared page model. Each detector is a pure
// function of the page (plus what earlier detectors found) in pipeline/detect/.
import type { SeedFile } from '../seed-file.js';
import { detectSourceType } from '../detect/source-type.js';
import { detectTitle } from '../detect/title.js';
import { detectAuthor } from '../detect/author.js';
import { detectKeywords } from '../detect/keywords.js';
import { detectFileDate } from '../detect/date-check.js';
import { detectRegion } from '../detect/region.js';

export function detect(file: SeedFile): void {
  if (file.binary) return;
  // Detectors are added here in dependency order (type → title → author → date → region).
  const page = file.page;
  const rec = file.record;
  rec.sourceType = detectSourceType(page);
  rec.title = detectTitle(page);
  rec.author = detectAuthor(page, { sourceType: rec.sourceType, title: rec.title });
  rec.keywords = detectKeywords(page);
  detectFileDate(file);
  rec.region = detectRegion(page, { title: rec.title, author: rec.author, sourceType: rec.sourceType });
}
