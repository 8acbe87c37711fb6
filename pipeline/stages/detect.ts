// Detect the document's metadata from the shared page model. Each detector is a pure
// function of the page (plus what earlier detectors found) in pipeline/detect/.
import type { SeedFile } from '../seed-file.js';

export function detect(file: SeedFile): void {
  if (file.binary) return;
  // Detectors are added here in dependency order (type → title → author → date → region).
  void file.page;
}
